package ru.gospubliki.publish;

import java.time.Instant;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.platform.Captcha;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.PublishResult;

/**
 * What the {@link PublishJournal} holds for one publication: one draft ({@link
 * #idempotencyKey()}) on one page. The SDK's send-once publishing writes it before and after each
 * send; a journal implementation only stores it.
 *
 * <pre>{@code
 * JournalEntry entry = journal.lookup(draft.idempotencyKey(), page);
 * if (entry != null && entry.status() == JournalStatus.UNKNOWN) { ... ask a person to check the page }
 * }</pre>
 */
@Value.Immutable
public abstract class JournalEntry {
  JournalEntry() {}

  public static Builder builder() {
    return new Builder();
  }

  /** The draft's {@link ru.gospubliki.model.PostDraft#idempotencyKey()}. */
  public abstract String idempotencyKey();

  /** The page as the publication was asked for. */
  public abstract PageRef page();

  public abstract JournalStatus status();

  /**
   * When the first send of the current attempt to publish was made (or was about to be): within
   * the platform's deduplication window from it, a lost answer may simply be sent again.
   */
  public abstract Instant firstAttemptAt();

  /** Sends made since {@link #firstAttemptAt()}; 1 once the first send is under way. */
  public abstract int attempts();

  /** When the entry last changed; for a {@link JournalStatus#SENDING} entry, when it was last known alive. */
  public abstract Instant updatedAt();

  /** Incremented by every change: a journal replaces an entry only at the version it was read. */
  @Value.Default
  public long version() {
    return 0;
  }

  public abstract @Nullable String postId();

  public abstract @Nullable String url();

  /** When a scheduled post goes live. */
  public abstract @Nullable Instant scheduledAt();

  /** Why it failed or is unknown. */
  public abstract @Nullable FailureReason reason();

  /** Russian: what happened and what to do, for a failed or unknown publication. */
  public abstract @Nullable String message();

  /** The challenge of a publication the platform refused until a person solves a captcha. */
  public abstract @Nullable Captcha captcha();

  /** When a person settled an unknown outcome; null when the SDK recorded it. */
  public abstract @Nullable Instant settledAt();

  /**
   * The entry as a publication result, or null while it is {@link JournalStatus#SENDING} or
   * {@link JournalStatus#NOT_SENT}. A publication a person settled as sent has no post id: it is
   * {@code Published} with an empty id and the page's URL.
   */
  public final @Nullable PublishResult result() {
    switch (status()) {
      case PUBLISHED:
        return new PublishResult.Published(page(), orEmpty(postId()), orPage(url()));
      case SCHEDULED: {
        Instant at = scheduledAt();
        if (at == null) return new PublishResult.Published(page(), orEmpty(postId()), orPage(url()));
        return new PublishResult.Scheduled(page(), orEmpty(postId()), orPage(url()), at);
      }
      case FAILED: {
        FailureReason reason = reason();
        return new PublishResult.Failed(page(), reason != null ? reason : FailureReason.REFUSED,
            orEmpty(message()), captcha());
      }
      case UNKNOWN:
        return new PublishResult.Unknown(page(), orEmpty(message()));
      default:
        return null;
    }
  }

  private static String orEmpty(@Nullable String value) {
    return value != null ? value : "";
  }

  private String orPage(@Nullable String url) {
    return url != null ? url : page().url();
  }

  @Value.Check
  void check() {
    if (idempotencyKey().isBlank() || idempotencyKey().length() > 64) {
      throw new IllegalStateException("idempotencyKey must be 1..64 characters: \"" + idempotencyKey() + "\"");
    }
    if (attempts() < 0) throw new IllegalStateException("attempts < 0: " + attempts());
    if (version() < 0) throw new IllegalStateException("version < 0: " + version());
  }

  /** Builds {@link JournalEntry} values. */
  public static final class Builder extends ImmutableJournalEntry.Builder {
    Builder() {}
  }
}
