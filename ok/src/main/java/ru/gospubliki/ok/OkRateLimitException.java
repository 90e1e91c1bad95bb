package ru.gospubliki.ok;

import ru.gospubliki.platform.FailureReason;

/** OK blocked calls for flooding or a limit was reached (codes 8, 11). Not retried: wait minutes before calling again. */
public final class OkRateLimitException extends OkApiException {
  private static final long serialVersionUID = 1L;

  public OkRateLimitException(FailureReason reason, String method, int errorCode, String message) {
    super(reason, method, errorCode, message);
  }
}
