package ru.gospubliki.vk;

import java.util.Map;
import ru.gospubliki.platform.Captcha;
import ru.gospubliki.platform.FailureReason;

/**
 * VK wants a person to solve a captcha before it accepts this one request (error 14). Nothing is
 * retried automatically. A send that meets it ends as {@code SendResult.Refused(CAPTCHA, message,
 * captcha)}; the person's answer goes with the repeat of that one request only ({@code
 * SendRequest.captchaAnswer()}), never with any other. An edit or a deletion that meets it throws
 * this exception, which a {@code catch (PlatformException e)} sees with {@code e.captcha()}; the
 * SDK sends no answer with an edit or a deletion, so a person tries again later.
 */
public final class VkCaptchaException extends VkApiException {
  private static final long serialVersionUID = 1L;

  private final Captcha captcha;

  /**
   * For the adapter and for embedders' test doubles that fake VK's answers.
   *
   * @param method the API method VK asked the captcha for, e.g. {@code wall.post}.
   * @param errorMessage VK's {@code error_msg}, without secrets.
   * @param requestParams the request parameters VK echoed back, without secrets.
   * @param captcha the challenge to show a person.
   * @param message the Russian message for people.
   */
  public VkCaptchaException(String method, String errorMessage, Map<String, String> requestParams, Captcha captcha,
      String message) {
    super(FailureReason.CAPTCHA, method, 14, errorMessage, requestParams, message, captcha, null);
    this.captcha = captcha;
  }

  /** The challenge to show a person: its sid, image and, when VK gives one, the page to open instead. */
  @Override
  public Captcha captcha() {
    return captcha;
  }
}
