package ru.gospubliki.audit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.PageRef;

/**
 * Keeps what earlier audits knew of each page, so the next audit sees what changed: a lost
 * «Госорганизация» mark ({@code GOV_MARK_LOST}, reported until the mark is back) or a renamed page
 * ({@code PROFILE_CHANGED}). Pages are keyed by their resolved reference (platform and numeric id),
 * so a page whose screen name changes stays one page.
 *
 * <p>The {@link Auditor} computes what is known ({@link KnownProfile#after}); a store only keeps
 * it. {@code JdbcStore.snapshots()} keeps it in a database; {@link #inMemory()} as long as the
 * process. A store that fails never fails an audit: the audit goes on without the previous state.
 *
 * <pre>{@code
 * Auditor auditor = Auditor.builder().addPlatform(vk).snapshotStore(store.snapshots()).build();
 * }</pre>
 */
public interface SnapshotStore {
  /** What is known of {@code page} (its resolved reference), or null if it was never seen. */
  @Nullable KnownProfile load(PageRef page);

  /** Keeps {@code profile} as what is known of {@code profile.page()}, replacing the earlier. */
  void save(KnownProfile profile);

  /**
   * What is known of each of {@code pages} that was seen before; pages never seen are left out.
   * Stores over a database read them all at once.
   */
  default Map<PageRef, KnownProfile> loadAll(Collection<PageRef> pages) {
    Map<PageRef, KnownProfile> result = new LinkedHashMap<>();
    for (PageRef page : pages) {
      KnownProfile known = load(page);
      if (known != null) result.put(page, known);
    }
    return result;
  }

  /** Saves every one of {@code profiles}; stores over a database write them in one batch. */
  default void saveAll(Collection<KnownProfile> profiles) {
    for (KnownProfile profile : profiles) save(profile);
  }

  /** A store in this process's memory. */
  static SnapshotStore inMemory() {
    Map<PageRef, KnownProfile> known = new ConcurrentHashMap<>();
    return new SnapshotStore() {
      @Override
      public @Nullable KnownProfile load(PageRef page) {
        return known.get(page);
      }

      @Override
      public void save(KnownProfile profile) {
        known.put(profile.page(), profile);
      }
    };
  }

  /** A store that remembers nothing: every audit is a first audit. */
  static SnapshotStore none() {
    return new SnapshotStore() {
      @Override
      public @Nullable KnownProfile load(PageRef page) {
        return null;
      }

      @Override
      public void save(KnownProfile profile) {}
    };
  }
}
