package ru.gospubliki.ok;

import org.jspecify.annotations.Nullable;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.PlatformException;

/**
 * OK answered a method call with an error, or with something that is not an OK API answer ({@link
 * #code()} 0: an HTML page, an HTTP error status, malformed JSON, a value of the wrong shape). What
 * it means for the caller is {@link #reason()}, from one table of OK's documented codes; whether
 * the request may be sent again without a duplicate is {@code reason().retrySafe()}: false for OK's
 * "unknown", "service unavailable" and "system" errors (1, 2, 30, 31, 5000, 9999), after which
 * the request may have taken effect.
 *
 * <p>The message is Russian and never contains a token, a key or a signature.
 *
 * <pre>{@code
 * try {
 *   ok.delete(page, "70102413183763");
 * } catch (OkApiException e) {
 *   if (e.code() == 300) ... // no such topic
 *   log(e.method() + ": " + e.reason().code() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public final class OkApiException extends PlatformException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final int code;

  /**
   * @param reason what the error means.
   * @param method the API method that failed, e.g. {@code group.getInfo}.
   * @param code OK's {@code error_code}; 0 when the answer was not an OK API answer.
   * @param message the Russian message for people.
   */
  public OkApiException(FailureReason reason, String method, int code, String message, @Nullable Throwable cause) {
    super(reason, message, cause);
    this.method = method;
    this.code = code;
  }

  /** The API method that failed, e.g. {@code mediatopic.post}. */
  public String method() {
    return method;
  }

  /** OK's {@code error_code}; 0 when OK sent no error but an answer that is not one. */
  public int code() {
    return code;
  }
}
