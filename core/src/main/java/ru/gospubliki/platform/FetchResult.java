package ru.gospubliki.platform;

import java.util.Objects;

/**
 * The result of reading one page in a bulk call: the value, or why this page could not be read.
 * One page's failure never fails the others.
 */
public sealed interface FetchResult<T> permits FetchResult.Success, FetchResult.Failure {

  static <T> FetchResult<T> success(T value) {
    return new Success<>(value);
  }

  static <T> FetchResult<T> failure(FailureReason reason, String detail) {
    return new Failure<>(reason, detail);
  }

  /** A page that was read. */
  record Success<T>(T value) implements FetchResult<T> {
    public Success {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A page that could not be read, with a short detail for people (no secrets, no stack traces).
   */
  record Failure<T>(FailureReason reason, String detail) implements FetchResult<T> {
    public Failure {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    /** The reason as reports show it: {@code deleted}, or {@code api_error: <detail>}. */
    public String reportReason() {
      return reason == FailureReason.API_ERROR || reason == FailureReason.NETWORK
          || reason == FailureReason.RATE_LIMITED || reason == FailureReason.AUTHORIZATION
          ? reason.code() + ": " + detail
          : reason.code();
    }

    /** The same failure typed for another value. */
    @SuppressWarnings("unchecked")
    public <U> Failure<U> cast() {
      return (Failure<U>) this;
    }
  }
}
