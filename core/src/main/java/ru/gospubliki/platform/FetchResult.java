package ru.gospubliki.platform;

import java.util.Objects;
import java.util.function.Function;

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

  /** This result with {@code mapper} applied to a success; a failure stays as it is. */
  default <U> FetchResult<U> map(Function<? super T, ? extends U> mapper) {
    if (this instanceof Success<T> success) return new Success<>(mapper.apply(success.value()));
    return ((Failure<T>) this).cast();
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

    /**
     * The reason as reports show it: the bare code where it says everything ({@code deleted},
     * {@code quota}, {@code timeout}), {@code api_error: <detail>} where the detail matters.
     */
    public String reportReason() {
      switch (reason) {
        case API_ERROR:
        case NETWORK:
        case CONNECTION_LOST:
        case RATE_LIMITED:
        case AUTHORIZATION:
        case REFUSED:
        case UNSUPPORTED:
          return reason.code() + ": " + detail;
        default:
          return reason.code();
      }
    }

    /** The same failure typed for another value. */
    @SuppressWarnings("unchecked")
    public <U> Failure<U> cast() {
      return (Failure<U>) this;
    }
  }
}
