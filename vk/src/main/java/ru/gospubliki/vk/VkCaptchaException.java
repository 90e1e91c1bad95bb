package ru.gospubliki.vk;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.platform.FailureReason;

/**
 * VK wants a person to solve a captcha before it accepts the call (error 14). Nothing is retried
 * automatically: show {@link #captchaImg()} (or open {@link #redirectUri()}) to a person, then pass
 * the answer to {@link VkPlatform#answerCaptcha(String, String)} and repeat the call. A repeated
 * {@code publish} of the same draft carries the same {@code guid}, so it cannot post twice.
 *
 * <pre>{@code
 * try {
 *   platform.publish(page, draft);
 * } catch (VkCaptchaException e) {
 *   platform.answerCaptcha(e.captchaSid(), askPerson(e.captchaImg()));
 *   platform.publish(page, draft);
 * }
 * }</pre>
 */
public final class VkCaptchaException extends VkApiException {
  private static final long serialVersionUID = 1L;

  private final String captchaSid;
  private final @Nullable String captchaImg;
  private final @Nullable String redirectUri;

  public VkCaptchaException(String method, String errorMessage, Map<String, String> requestParams,
      String captchaSid, @Nullable String captchaImg, @Nullable String redirectUri) {
    super(FailureReason.RATE_LIMITED, method, 14, errorMessage, requestParams);
    this.captchaSid = captchaSid;
    this.captchaImg = captchaImg;
    this.redirectUri = redirectUri;
  }

  /** VK's {@code captcha_sid}: send it back with the answer. */
  public String captchaSid() {
    return captchaSid;
  }

  /** URL of the captcha image; null when VK sent only a {@link #redirectUri()}. */
  public @Nullable String captchaImg() {
    return captchaImg;
  }

  /** Page where a person solves the check; null when VK sent only an image. */
  public @Nullable String redirectUri() {
    return redirectUri;
  }
}
