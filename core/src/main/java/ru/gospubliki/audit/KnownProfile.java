package ru.gospubliki.audit;

import java.time.Instant;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.ProfileSnapshot;

/**
 * What the audits so far know about one page: its last profile snapshot, and when the
 * «Госорганизация» mark was last seen on it. A read that could not tell the mark ({@link
 * MarkStatus#UNKNOWN}) never replaces a known mark, so a mark that was confirmed, then not returned
 * by the platform once, then absent, is still reported lost, and since when.
 *
 * <pre>{@code
 * KnownProfile known = KnownProfile.after(store.load(page), snapshot);
 * store.save(known);
 * }</pre>
 */
@Value.Immutable
public abstract class KnownProfile {
  KnownProfile() {}

  public static Builder builder() {
    return new Builder();
  }

  /**
   * What is known after {@code read}, given what was known before it (null on a first read): the
   * new snapshot, with the previous mark kept when the new read could not tell it.
   */
  public static KnownProfile after(@Nullable KnownProfile before, ProfileSnapshot read) {
    ProfileSnapshot snapshot = read;
    Instant lastSeen = before != null ? before.markLastSeen() : null;
    if (read.mark() == MarkStatus.CONFIRMED) {
      lastSeen = read.takenAt();
    } else if (read.mark() == MarkStatus.UNKNOWN && before != null && before.snapshot().mark() != MarkStatus.UNKNOWN) {
      snapshot = ProfileSnapshot.builder().from(read).mark(before.snapshot().mark()).build();
    }
    return builder().snapshot(snapshot).markLastSeen(lastSeen).build();
  }

  /** The page, resolved to its numeric id: the key a store keeps it under. */
  public final PageRef page() {
    return snapshot().page();
  }

  /** The last snapshot taken; its {@link ProfileSnapshot#mark()} is the last known mark. */
  public abstract ProfileSnapshot snapshot();

  /** When the mark was last seen confirmed on the page; null if it never was. */
  public abstract @Nullable Instant markLastSeen();

  /** Builds {@link KnownProfile} values. */
  public static final class Builder extends ImmutableKnownProfile.Builder {
    Builder() {}
  }
}
