package ru.gospubliki.internal.http;

import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * What one token may still spend, shared by every user of the token in the process: its {@link
 * RateLimiter}, and whether it is set aside (its daily quota is used up, or the platform refused
 * the token) and until when.
 */
public final class TokenBudget {
  /** The most calls one token has taken on at once, whatever its rate. */
  static final int MAX_CALLS = 16;
  private static final long POLL_MILLIS = 200;

  private final RateLimiter limiter;
  private final Calls calls;
  private int permits;
  private @Nullable Instant asideUntil;
  private String asideBecause = "";

  TokenBudget(RateLimiter limiter) {
    this.limiter = limiter;
    this.permits = permits(limiter.requestsPerSecond());
    this.calls = new Calls(permits);
  }

  private static int permits(double requestsPerSecond) {
    return Math.max(1, Math.min(MAX_CALLS, (int) Math.ceil(requestsPerSecond)));
  }

  /**
   * Lowers the token's rate to {@code requestsPerSecond} when it is below the current one (two
   * configurations of one token: the more careful holds), and its {@link #calls()} with it.
   */
  public synchronized void slowTo(double requestsPerSecond) {
    limiter.slowTo(requestsPerSecond);
    int fewer = permits - permits(limiter.requestsPerSecond());
    if (fewer > 0) {
      calls.reduce(fewer);
      permits -= fewer;
    }
  }

  public RateLimiter limiter() {
    return limiter;
  }

  /**
   * Permits for the calls a bulk read takes on for this token, made or waiting for their turn: as
   * many as the token's requests per second. A reader takes a permit before it takes a call, so
   * two reads at once share the token's second instead of each queueing a second's worth of calls
   * behind it while another token with less queued could have made them sooner.
   */
  public Semaphore calls() {
    return calls;
  }

  /**
   * Takes one of {@link #calls()}'s permits, waiting as long as it takes; false, with none taken,
   * once {@code over} says the read that waits has ended (asked every {@value #POLL_MILLIS} ms while
   * it waits). The caller gives the permit back with {@code calls().release()}.
   */
  public boolean takeCall(BooleanSupplier over) throws InterruptedException {
    while (!calls.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
      if (over.getAsBoolean()) return false;
    }
    return true;
  }

  /**
   * Sets the token aside until {@code until} ({@link Instant#MAX}: for good), with a short Russian
   * reason; a later time than one already set wins.
   */
  public synchronized void setAside(Instant until, String because) {
    Instant current = asideUntil;
    if (current == null || until.isAfter(current)) {
      asideUntil = until;
      asideBecause = because;
    }
  }

  /** True when the token may be used at {@code now}. */
  public synchronized boolean available(Instant now) {
    Instant until = asideUntil;
    if (until != null && !now.isBefore(until)) {
      asideUntil = null;
      asideBecause = "";
    }
    return asideUntil == null;
  }

  /** Why the token is set aside; empty when it is not. */
  public synchronized String asideBecause() {
    return asideBecause;
  }

  @Override
  public String toString() {
    return "TokenBudget{" + limiter + "}";
  }

  /** A semaphore whose permits can be fewer later. */
  private static final class Calls extends Semaphore {
    Calls(int permits) {
      super(permits, true);
    }

    void reduce(int fewer) {
      reducePermits(fewer);
    }
  }
}
