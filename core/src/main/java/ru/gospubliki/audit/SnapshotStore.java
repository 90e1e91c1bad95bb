package ru.gospubliki.audit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.ProfileSnapshot;

/**
 * Keeps each page's last profile snapshot between audits, so the next audit sees what changed: a
 * lost «Госорганизация» mark ({@code GOV_MARK_LOST}) or a renamed page ({@code PROFILE_CHANGED}).
 * Embedders back it with their own database; {@link #inMemory()} lasts as long as the process.
 */
public interface SnapshotStore {
  /** The last snapshot saved for {@code page} (its resolved reference), or null. */
  @Nullable ProfileSnapshot load(PageRef page);

  /** Saves {@code snapshot} as the latest for {@code snapshot.page()}. */
  void save(ProfileSnapshot snapshot);

  /** A store in this process's memory. */
  static SnapshotStore inMemory() {
    Map<PageRef, ProfileSnapshot> snapshots = new ConcurrentHashMap<>();
    return new SnapshotStore() {
      @Override
      public @Nullable ProfileSnapshot load(PageRef page) {
        return snapshots.get(page);
      }

      @Override
      public void save(ProfileSnapshot snapshot) {
        snapshots.put(snapshot.page(), snapshot);
      }
    };
  }

  /** A store that remembers nothing: every audit is a first audit. */
  static SnapshotStore none() {
    return new SnapshotStore() {
      @Override
      public @Nullable ProfileSnapshot load(PageRef page) {
        return null;
      }

      @Override
      public void save(ProfileSnapshot snapshot) {}
    };
  }
}
