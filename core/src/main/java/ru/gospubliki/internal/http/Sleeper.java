package ru.gospubliki.internal.http;

import java.time.Duration;
import ru.gospubliki.testing.MutableClock;

/** Waits; tests inject one that records or advances a fake {@link Ticker} instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM = nanos -> {
    if (nanos > 0) Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
  };

  void sleep(long nanos) throws InterruptedException;

  /**
   * Waits by moving {@code clock} forward, so a test's waits cost no real time; with {@link
   * Ticker#of} on the same clock, a rate limit sees the time it waited for go by.
   */
  static Sleeper advancing(MutableClock clock) {
    return nanos -> {
      if (nanos > 0) clock.advance(Duration.ofNanos(nanos));
    };
  }
}
