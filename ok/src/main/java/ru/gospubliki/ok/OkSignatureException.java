package ru.gospubliki.ok;

import ru.gospubliki.platform.FailureReason;

/** OK rejected the request signature (codes 104, 105): a wrong application secret key, or a client bug. Never retried. */
public final class OkSignatureException extends OkApiException {
  private static final long serialVersionUID = 1L;

  public OkSignatureException(FailureReason reason, String method, int errorCode, String message) {
    super(reason, method, errorCode, message);
  }
}
