package ru.gospubliki.ok;

import ru.gospubliki.platform.FailureReason;

/** OK was unavailable or failed internally (codes 1, 2, 30, 31, 5000, 9999). Retried with backoff before it surfaces; trying again later may succeed. */
public final class OkServiceException extends OkApiException {
  private static final long serialVersionUID = 1L;

  public OkServiceException(FailureReason reason, String method, int errorCode, String message) {
    super(reason, method, errorCode, message);
  }
}
