package ru.gospubliki.ok.internal;

import java.time.Clock;
import java.time.Duration;

/**
 * Spaces calls evenly so that no more than {@code requestsPerSecond} start in any second. OK
 * publishes no per-second limit; staying under a modest rate avoids flood blocks (codes 8, 11).
 */
public final class RateLimiter {
  private final long intervalMillis;
  private final Clock clock;
  private final Sleeper sleeper;
  private long nextFreeMillis = Long.MIN_VALUE;
  /** The last slot handed out: time has reached it, even if {@link #clock} is fixed (an "as of" clock). */
  private long lastStartMillis = Long.MIN_VALUE;

  public RateLimiter(double requestsPerSecond, Clock clock, Sleeper sleeper) {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException("requestsPerSecond must be > 0: " + requestsPerSecond);
    }
    this.intervalMillis = (long) Math.ceil(1000.0 / requestsPerSecond);
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Blocks until the next call may start. */
  public void acquire() throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = Math.max(clock.millis(), lastStartMillis);
      long start = Math.max(now, nextFreeMillis);
      nextFreeMillis = start + intervalMillis;
      lastStartMillis = start;
      wait = start - now;
    }
    if (wait > 0) sleeper.sleep(Duration.ofMillis(wait));
  }

  long intervalMillis() {
    return intervalMillis;
  }
}
