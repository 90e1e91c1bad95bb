package ru.gospubliki.max;

import org.jspecify.annotations.Nullable;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.PlatformException;

/**
 * MAX answered a call with an error, or with something that is not an answer of its Bot API
 * ({@link #httpCode()} 200 with a broken body, an HTML page), or did not answer at all ({@link
 * #httpCode()} 0). What it means for the caller is {@link #reason()}; whether the request may be
 * sent again is {@code reason().retrySafe()}. MAX's own error code, when it gave one, is {@link
 * #code()}: callers that act on one error (a bot that lost its admin rights) test it rather than
 * the message.
 *
 * <p>The message is Russian, for people, and never contains a bot key.
 *
 * <pre>{@code
 * try {
 *   max.delete(page, messageId);
 * } catch (MaxApiException e) {
 *   if ("chat.denied".equals(e.code())) ... // the bot is no longer an administrator
 *   log(e.reason().code() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public final class MaxApiException extends PlatformException {
  private static final long serialVersionUID = 1L;

  private final int httpCode;
  private final @Nullable String code;

  /**
   * @param reason what the failure means.
   * @param message the Russian message for people, without secrets.
   * @param httpCode the HTTP status of MAX's answer; 0 when none came.
   * @param code MAX's error code ({@code chat.denied}, {@code not.found}...), when it gave one.
   */
  public MaxApiException(FailureReason reason, String message, int httpCode, @Nullable String code,
      @Nullable Throwable cause) {
    super(reason, message, null, cause);
    this.httpCode = httpCode;
    this.code = code;
  }

  /** The HTTP status of MAX's answer, or 0 when no answer came. */
  public int httpCode() {
    return httpCode;
  }

  /** MAX's error code ({@code chat.denied}, {@code verify.token}, {@code not.found}...), or null. */
  public @Nullable String code() {
    return code;
  }
}
