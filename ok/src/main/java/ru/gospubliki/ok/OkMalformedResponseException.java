package ru.gospubliki.ok;

import ru.gospubliki.platform.FailureReason;

/** OK answered a method with a body that is not the JSON it documents. {@link #errorCode()} is -1. */
public final class OkMalformedResponseException extends OkApiException {
  private static final long serialVersionUID = 1L;

  public OkMalformedResponseException(String method, String problem) {
    super(FailureReason.API_ERROR, method, -1, "OK API " + method + " returned a malformed response: " + problem);
  }
}
