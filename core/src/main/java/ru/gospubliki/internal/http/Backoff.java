package ru.gospubliki.internal.http;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Random;

/**
 * Bounded exponential backoff with jitter: attempt n waits between half and all of base × 2^(n-1),
 * never more than the cap, and there are at most {@link #maxAttempts()} attempts. Jitter keeps the
 * threads that failed together from retrying together.
 */
public final class Backoff {
  private final int maxAttempts;
  private final long baseNanos;
  private final long maxNanos;
  private final Random random;

  public Backoff(int maxAttempts, Duration base, Duration max, Random random) {
    if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
    if (base.isNegative()) throw new IllegalArgumentException("base < 0: " + base);
    if (max.compareTo(base) < 0) throw new IllegalArgumentException("max < base: " + max);
    this.maxAttempts = maxAttempts;
    this.baseNanos = base.toNanos();
    this.maxNanos = max.toNanos();
    this.random = random;
  }

  /** Three attempts, from half a second, at most 8 seconds apart. */
  public static Backoff defaults(int maxAttempts) {
    return new Backoff(maxAttempts, Duration.ofMillis(500), Duration.ofSeconds(8), new Random());
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /** The wait after failed attempt {@code attempt} (counting from 1), before the next one. */
  public long delayNanos(int attempt) {
    long exponential = Math.min(maxNanos, baseNanos << Math.min(Math.max(attempt - 1, 0), 20));
    double fraction;
    synchronized (random) {
      fraction = random.nextDouble();
    }
    return exponential / 2 + (long) (fraction * (exponential / 2d));
  }

  /**
   * Sleeps {@code nanos}; an interrupted thread stops at once with {@link InterruptedIOException}
   * and keeps its interrupt flag.
   */
  public static void sleep(Sleeper sleeper, long nanos) throws InterruptedIOException {
    try {
      sleeper.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting to retry");
      interrupted.initCause(e);
      throw interrupted;
    }
  }

  @Override
  public String toString() {
    return "Backoff{" + maxAttempts + " attempts}";
  }
}
