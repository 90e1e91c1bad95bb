package ru.gospubliki.vk;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.platform.Captcha;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.PlatformException;

/**
 * VK answered a method call with an error, or with something that is not a VK API answer ({@link
 * #code()} 0: an HTML page, an HTTP error status, malformed JSON). What it means for the caller is
 * {@link #reason()}, from one table of VK's documented codes; whether the request may be sent
 * again is {@code reason().retrySafe()}. Only the errors a caller acts on differently have a type
 * of their own: {@link VkCaptchaException} and {@link VkValidationException}.
 *
 * <p>The message and {@link #requestParams()} never contain a token.
 *
 * <pre>{@code
 * try {
 *   vk.delete(page, "5013");
 * } catch (VkApiException e) {
 *   if (e.code() == 15) ... // access denied
 *   log(e.reason().code() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public class VkApiException extends PlatformException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final int code;
  private final String errorMessage;
  private final Map<String, String> requestParams;

  /**
   * @param reason what the error means, from the adapter's table of codes.
   * @param method the API method that failed, e.g. {@code wall.post}.
   * @param code VK's {@code error_code}; 0 when the answer was not a VK API answer.
   * @param errorMessage VK's {@code error_msg} (scrubbed), or what was wrong with the answer.
   * @param requestParams the request parameters VK echoed back, without secrets.
   * @param message the Russian message for people.
   */
  public VkApiException(FailureReason reason, String method, int code, String errorMessage,
      Map<String, String> requestParams, String message, @Nullable Throwable cause) {
    this(reason, method, code, errorMessage, requestParams, message, null, cause);
  }

  /** With the captcha VK asked for: {@link VkCaptchaException}'s. */
  VkApiException(FailureReason reason, String method, int code, String errorMessage,
      Map<String, String> requestParams, String message, @Nullable Captcha captcha, @Nullable Throwable cause) {
    super(reason, message, captcha, cause);
    this.method = method;
    this.code = code;
    this.errorMessage = errorMessage;
    this.requestParams = Map.copyOf(requestParams);
  }

  /** The API method that failed, e.g. {@code wall.post}. */
  public final String method() {
    return method;
  }

  /** VK's {@code error_code}; 0 when VK sent no error object but an answer that is not one. */
  public final int code() {
    return code;
  }

  /** VK's {@code error_msg} as sent (secrets removed), or what was wrong with the answer. */
  public final String errorMessage() {
    return errorMessage;
  }

  /** The request parameters VK echoed back, without secrets. */
  public final Map<String, String> requestParams() {
    return requestParams;
  }
}
