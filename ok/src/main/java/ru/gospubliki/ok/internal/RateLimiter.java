package ru.gospubliki.ok.internal;

import java.time.Clock;
import java.time.Duration;

/**
 * Spaces calls evenly so that no more than {@code requestsPerSecond} start in any second. OK
 * publishes no per-second limit; staying under a modest rate avoids flood blocks (codes 8, 11).
 *
 * <p>A server counts a request when it arrives, and arrival times jitter, so spacing departures
 * by exactly 1/rps still lets rps + 1 arrivals fall into one second now and then. So each call
 * also reports when its answer came ({@link #finished}): the request arrived no later than that,
 * and the call rps places after it starts no earlier than one second (plus a few milliseconds for
 * the difference between clocks) after that answer. Calls still in flight fall back to their
 * departure time.
 */
public final class RateLimiter {
  /** Allowance for the server's clock resolution and its difference from ours. */
  static final long CLOCK_SLACK_MILLIS = 5;
  private static final int MAX_BURST = 1_000;

  private final long intervalMillis;
  private final int burst;
  private final long windowMillis;
  private final long[] marks;
  private final Clock clock;
  private final Sleeper sleeper;
  private long nextFreeMillis = Long.MIN_VALUE;
  /** The last slot handed out: time has reached it, even if {@link #clock} is fixed (an "as of" clock). */
  private long lastStartMillis = Long.MIN_VALUE;
  private long tickets;

  public RateLimiter(double requestsPerSecond, Clock clock, Sleeper sleeper) {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException("requestsPerSecond must be > 0: " + requestsPerSecond);
    }
    this.intervalMillis = (long) Math.ceil(1000.0 / requestsPerSecond);
    this.burst = (int) Math.max(1, Math.min(MAX_BURST, Math.floor(requestsPerSecond)));
    this.windowMillis = burst * intervalMillis;
    this.marks = new long[burst];
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Blocks until the next call may start; returns the ticket to pass to {@link #finished} once the
   * answer (or a failure) has come.
   */
  public long acquire() throws InterruptedException {
    long wait;
    long ticket;
    synchronized (this) {
      long now = Math.max(clock.millis(), lastStartMillis);
      long start = Math.max(now, nextFreeMillis);
      ticket = tickets++;
      int index = (int) (ticket % burst);
      if (ticket >= burst) start = Math.max(start, marks[index] + windowMillis);
      nextFreeMillis = start + intervalMillis;
      marks[index] = start;
      lastStartMillis = start;
      wait = start - now;
    }
    if (wait > 0) sleeper.sleep(Duration.ofMillis(wait));
    return ticket;
  }

  /** Records that the call of {@code ticket} has been answered or has failed, now. */
  public synchronized void finished(long ticket) {
    if (tickets - ticket > burst || ticket >= tickets) return; // Its place is taken already.
    marks[(int) (ticket % burst)] = clock.millis() + CLOCK_SLACK_MILLIS;
  }

  long intervalMillis() {
    return intervalMillis;
  }
}
