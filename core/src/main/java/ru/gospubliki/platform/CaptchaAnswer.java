package ru.gospubliki.platform;

/**
 * A person's answer to a {@link Captcha}: sent with the repeat of the one request that was
 * challenged, never with any other.
 *
 * @param sid the challenge's id.
 * @param text what the person read in the picture.
 */
public record CaptchaAnswer(String sid, String text) {
  public CaptchaAnswer {
    if (sid == null || sid.isBlank()) throw new IllegalArgumentException("captcha sid is blank");
    if (text == null || text.isBlank()) throw new IllegalArgumentException("captcha answer is blank");
  }

  /** Shows the challenge id only: the answer is a person's input, not for logs. */
  @Override
  public String toString() {
    return "CaptchaAnswer{sid=" + sid + "}";
  }
}
