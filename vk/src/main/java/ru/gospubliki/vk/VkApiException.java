package ru.gospubliki.vk;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.PlatformException;

/**
 * VK answered a method call with an error. Subclasses name the errors an embedder handles
 * differently (re-authorise, answer a captcha, wait); other codes arrive as this base type. The
 * message and {@link #requestParams()} never contain a token.
 */
public class VkApiException extends PlatformException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final int errorCode;
  private final String errorMessage;
  private final Map<String, String> requestParams;

  public VkApiException(FailureReason reason, String method, int errorCode, String errorMessage,
      Map<String, String> requestParams) {
    this(reason, method, errorCode, errorMessage, requestParams, null);
  }

  public VkApiException(FailureReason reason, String method, int errorCode, String errorMessage,
      Map<String, String> requestParams, @Nullable Throwable cause) {
    super(reason, "VK " + method + " failed with error " + errorCode + ": " + errorMessage, cause);
    this.method = method;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
    this.requestParams = Map.copyOf(requestParams);
  }

  /** The API method that failed, e.g. {@code wall.post}. */
  public final String method() {
    return method;
  }

  /** VK's {@code error_code}; 0 when VK sent no error object (see {@link VkMalformedResponseException}). */
  public final int errorCode() {
    return errorCode;
  }

  /** VK's {@code error_msg}, as sent. */
  public final String errorMessage() {
    return errorMessage;
  }

  /** The request parameters VK echoed back, without the token. */
  public final Map<String, String> requestParams() {
    return requestParams;
  }
}
