package ru.gospubliki.ok;

import ru.gospubliki.platform.FailureReason;

/** OK refused the request: unknown method, bad parameter, missing permission or no such object (codes 3, 4, 9, 10, 50, 100, 101, 160, 200, 210, 300, 451, 453, and codes OK does not document). Not retried. */
public final class OkRequestException extends OkApiException {
  private static final long serialVersionUID = 1L;

  public OkRequestException(FailureReason reason, String method, int errorCode, String message) {
    super(reason, method, errorCode, message);
  }
}
