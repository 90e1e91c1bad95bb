package ru.gospubliki.internal.http;

import java.time.Clock;
import java.time.Instant;

/** A monotonic nanosecond clock, so tests can drive time. */
@FunctionalInterface
public interface Ticker {
  Ticker SYSTEM = System::nanoTime;

  long nanos();

  /**
   * The nanoseconds of {@code clock}'s instants, so a test's rate limits and backoffs wait on the
   * clock it moves by hand ({@link ru.gospubliki.testing.MutableClock}) instead of real time. Only for
   * a clock that never goes back.
   */
  static Ticker of(Clock clock) {
    return () -> {
      Instant now = clock.instant();
      return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
    };
  }
}
