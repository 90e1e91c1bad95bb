package ru.gospubliki.ok;

import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.PlatformException;

/**
 * OK answered a call with an error. Subclasses tell callers what to do about it: retry later, re-authorise,
 * fix the client, or tell the user the content was refused. Messages name the method and OK's error
 * code and text, never a token, key or signature.
 */
public class OkApiException extends PlatformException {
  private static final long serialVersionUID = 1L;
  private final String method;
  private final int errorCode;

  public OkApiException(FailureReason reason, String method, int errorCode, String message) {
    super(reason, message);
    this.method = method;
    this.errorCode = errorCode;
  }

  /** The API method that failed, e.g. {@code group.getInfo}. */
  public final String method() {
    return method;
  }

  /** OK's {@code error_code}; {@code -1} when OK gave none (an unreadable body). */
  public final int errorCode() {
    return errorCode;
  }
}
