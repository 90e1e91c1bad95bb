package ru.gospubliki.ok;

import ru.gospubliki.platform.FailureReason;

/** The access token or session expired or is invalid (codes 102, 103): re-authorise and pass a new token. */
public final class OkSessionException extends OkApiException {
  private static final long serialVersionUID = 1L;

  public OkSessionException(FailureReason reason, String method, int errorCode, String message) {
    super(reason, method, errorCode, message);
  }
}
