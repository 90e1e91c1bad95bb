package ru.gospubliki.platform;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one {@linkplain Platform#send send attempt} came to: the post exists, the platform
 * certainly did not act, or nobody can tell yet.
 */
public sealed interface SendResult permits SendResult.Sent, SendResult.Refused, SendResult.Ambiguous {

  /**
   * The platform recorded the post.
   *
   * @param scheduledAt when a scheduled post goes live; null for a post published now.
   */
  record Sent(String postId, String url, @Nullable Instant scheduledAt) implements SendResult {
    public Sent {
      Objects.requireNonNull(postId, "postId");
      Objects.requireNonNull(url, "url");
    }
  }

  /**
   * The platform certainly did not create the post (its answer says so, or it was never reached).
   * {@code message} is Russian and says what to do.
   */
  record Refused(FailureReason reason, String message, @Nullable Captcha captcha) implements SendResult {
    public Refused {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }

    public Refused(FailureReason reason, String message) {
      this(reason, message, null);
    }
  }

  /**
   * The request may have reached the platform and the answer did not say what became of it (a
   * timeout, a cut connection, a server error, an answer that is not an answer). The core
   * reconciles with {@link Platform#findExisting} before anything is sent again.
   */
  record Ambiguous(FailureReason reason, String detail) implements SendResult {
    public Ambiguous {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
