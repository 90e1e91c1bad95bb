package ru.gospubliki.internal.http;

import java.io.IOException;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.platform.FailureReason;

/**
 * A call that brought no usable answer, classified: what happened ({@link #reason()}, which also
 * says whether the platform may have acted) and a Russian message saying what failed and where
 * (host, method), never a secret.
 */
public final class CallFailure extends IOException {
  private static final long serialVersionUID = 1L;
  private final FailureReason reason;

  public CallFailure(FailureReason reason, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public FailureReason reason() {
    return reason;
  }
}
