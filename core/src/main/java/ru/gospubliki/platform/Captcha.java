package ru.gospubliki.platform;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A platform's request that a person solve a captcha before it carries out one request (VK error
 * 14). A user interface shows {@link #imageUrl()} and sends the answer with {@link #answer}; the
 * answer belongs to the one request that was challenged and goes with that request only.
 *
 * @param sid the platform's id of this challenge.
 * @param imageUrl the picture to show to a person.
 * @param redirectUri where the platform would rather send the person instead, when it says so.
 */
public record Captcha(String sid, String imageUrl, @Nullable String redirectUri) {
  public Captcha {
    Objects.requireNonNull(sid, "sid");
    Objects.requireNonNull(imageUrl, "imageUrl");
  }

  /** The person's answer to this challenge. */
  public CaptchaAnswer answer(String text) {
    return new CaptchaAnswer(sid, text);
  }
}
