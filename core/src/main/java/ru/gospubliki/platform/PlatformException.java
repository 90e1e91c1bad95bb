package ru.gospubliki.platform;

import org.jspecify.annotations.Nullable;

/**
 * A platform call that failed as a whole (authorisation, quota, network). Messages never carry
 * tokens, keys or signatures.
 */
public class PlatformException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final FailureReason reason;

  public PlatformException(FailureReason reason, String message) {
    this(reason, message, null);
  }

  public PlatformException(FailureReason reason, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public FailureReason reason() {
    return reason;
  }
}
