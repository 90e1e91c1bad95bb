package ru.gospubliki.platform;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A platform call that failed as a whole (authorisation, quota, network), so that an application
 * handles every adapter's failures with one {@code catch}: {@link #reason()} says what it means and
 * whether the platform may have acted ({@code reason().retrySafe()}), the message says it in
 * Russian for a person. Messages never carry tokens, keys or signatures.
 *
 * <p>When the platform asked for a captcha ({@link FailureReason#CAPTCHA}), {@link #captcha()} is
 * the challenge to show.
 */
public class PlatformException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final FailureReason reason;
  private final @Nullable Captcha captcha;

  /**
   * A failure without a cause, e.g. a refusal the adapter decided itself.
   *
   * @param reason what the failure means, and whether a retry is safe.
   * @param message the Russian message for people; no secrets.
   */
  public PlatformException(FailureReason reason, String message) {
    this(reason, message, null, null);
  }

  /**
   * A failure caused by {@code cause} (a network error, a refused call).
   *
   * @param reason what the failure means, and whether a retry is safe.
   * @param message the Russian message for people; no secrets.
   * @param cause what failed underneath, or null.
   */
  public PlatformException(FailureReason reason, String message, @Nullable Throwable cause) {
    this(reason, message, null, cause);
  }

  /**
   * A failure with the captcha the platform asked for, for adapters that meet one.
   *
   * @param reason what the failure means, and whether a retry is safe.
   * @param message the Russian message for people; no secrets.
   * @param captcha the challenge the platform asked a person to solve; only with {@link
   *     FailureReason#CAPTCHA}.
   * @param cause what failed underneath, or null.
   */
  public PlatformException(FailureReason reason, String message, @Nullable Captcha captcha, @Nullable Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    if (captcha != null && reason != FailureReason.CAPTCHA) {
      throw new IllegalArgumentException("a captcha goes with reason CAPTCHA, not " + reason);
    }
    this.captcha = captcha;
  }

  /** What the failure means, and whether sending again is safe ({@code reason().retrySafe()}). */
  public FailureReason reason() {
    return reason;
  }

  /** The captcha the platform asked for, when {@link #reason()} is {@link FailureReason#CAPTCHA}; else null. */
  public @Nullable Captcha captcha() {
    return captcha;
  }
}
