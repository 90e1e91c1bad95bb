package ru.gospubliki.platform;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.PageRef;

/**
 * What became of a publication on one page. {@link Unknown} is a result of its own: the request
 * may have reached the platform and reconciliation could not tell, so it must never be re-sent
 * blindly.
 */
public sealed interface PublishResult
    permits PublishResult.Published, PublishResult.Scheduled, PublishResult.Rejected,
        PublishResult.Failed, PublishResult.Unknown {

  PageRef page();

  PublishStatus status();

  /** The post is live. */
  record Published(PageRef page, String postId, String url) implements PublishResult {
    public Published {
      Objects.requireNonNull(page, "page");
      Objects.requireNonNull(postId, "postId");
      Objects.requireNonNull(url, "url");
    }

    @Override
    public PublishStatus status() {
      return PublishStatus.PUBLISHED;
    }
  }

  /** The post is scheduled for {@code publishAt}. */
  record Scheduled(PageRef page, String postId, String url, Instant publishAt) implements PublishResult {
    public Scheduled {
      Objects.requireNonNull(page, "page");
      Objects.requireNonNull(postId, "postId");
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(publishAt, "publishAt");
    }

    @Override
    public PublishStatus status() {
      return PublishStatus.SCHEDULED;
    }
  }

  /** Nothing was sent: the draft breaks rules or limits (Russian reasons, each naming the problem). */
  record Rejected(PageRef page, List<String> reasons) implements PublishResult {
    public Rejected {
      Objects.requireNonNull(page, "page");
      reasons = List.copyOf(reasons);
      if (reasons.isEmpty()) throw new IllegalArgumentException("a rejection needs a reason");
    }

    @Override
    public PublishStatus status() {
      return PublishStatus.REJECTED;
    }
  }

  /**
   * The platform refused or could not be reached, and nothing was posted. {@code error} says in
   * Russian what happened and what to do; {@code captcha} is the challenge to show a person when
   * the platform asked for one.
   */
  record Failed(PageRef page, FailureReason reason, String error, @Nullable Captcha captcha)
      implements PublishResult {
    public Failed {
      Objects.requireNonNull(page, "page");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(error, "error");
    }

    public Failed(PageRef page, FailureReason reason, String error) {
      this(page, reason, error, null);
    }

    /** True when sending the same draft again cannot make a duplicate: see {@link FailureReason#retrySafe()}. */
    public boolean retrySafe() {
      return reason.retrySafe();
    }

    @Override
    public PublishStatus status() {
      return PublishStatus.FAILED;
    }
  }

  /** The request may have reached the platform and it could not be told whether it did. */
  record Unknown(PageRef page, String detail) implements PublishResult {
    public Unknown {
      Objects.requireNonNull(page, "page");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public PublishStatus status() {
      return PublishStatus.UNKNOWN;
    }
  }
}
