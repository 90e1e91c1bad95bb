package ru.gospubliki.ok;

import ru.gospubliki.platform.FailureReason;

/** OK refused the content (codes 454, 456, 500-514, 600-607): censor match, group restriction, photo error, topic limits such as 601 text too long. Tell the user; not retried. */
public final class OkContentException extends OkApiException {
  private static final long serialVersionUID = 1L;

  public OkContentException(FailureReason reason, String method, int errorCode, String message) {
    super(reason, method, errorCode, message);
  }
}
