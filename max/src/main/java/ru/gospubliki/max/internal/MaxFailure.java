package ru.gospubliki.max.internal;

import org.jspecify.annotations.Nullable;
import ru.gospubliki.max.MaxApiException;
import ru.gospubliki.platform.FailureReason;

/**
 * A MAX call that brought no usable answer: why ({@link #reason()}, which also says whether MAX may
 * have acted), a Russian message for people (never a secret), the HTTP status and MAX's error code
 * when there was an answer.
 */
public final class MaxFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final FailureReason reason;
  private final int httpCode;
  private final @Nullable String apiCode;

  MaxFailure(FailureReason reason, String message, int httpCode, @Nullable String apiCode, @Nullable Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.httpCode = httpCode;
    this.apiCode = apiCode;
  }

  public FailureReason reason() {
    return reason;
  }

  /** The HTTP status, or 0 when no answer came. */
  public int httpCode() {
    return httpCode;
  }

  /** MAX's error code ({@code verify.token}, {@code attachment.not.ready}...), when it gave one. */
  public @Nullable String apiCode() {
    return apiCode;
  }

  /** True when MAX refused a message because an uploaded file is still being processed. */
  public boolean attachmentNotReady() {
    return "attachment.not.ready".equals(apiCode);
  }

  /** This failure as the adapter's public exception, for callers of edit, delete and the like. */
  public MaxApiException toApiException() {
    return new MaxApiException(reason, getMessage(), httpCode, apiCode, this);
  }

  @Override
  public String getMessage() {
    String message = super.getMessage();
    return message == null ? reason.code() : message;
  }
}
