package ru.gospubliki.vk.internal;

import java.util.Random;

/**
 * Bounded exponential backoff with jitter, for the errors VK documents as worth retrying: internal errors
 * (1, 10), too many requests (6, at least one second) and, for reads only, network failures.
 */
public final class RetryPolicy {
  private final int maxAttempts;
  private final long baseDelayNanos;
  private final Random random;

  public RetryPolicy(int maxAttempts, long baseDelayNanos, Random random) {
    if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
    if (baseDelayNanos < 0) throw new IllegalArgumentException("baseDelayNanos < 0: " + baseDelayNanos);
    this.maxAttempts = maxAttempts;
    this.baseDelayNanos = baseDelayNanos;
    this.random = random;
  }

  public static RetryPolicy defaults() {
    return new RetryPolicy(3, 500_000_000L, new Random());
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /** True when VK error {@code code} is worth another attempt. */
  public static boolean isRetryable(int code) {
    return code == 1 || code == 6 || code == 10;
  }

  /**
   * The wait before attempt {@code attempt + 1} (attempt counts from 1): base × 2^(attempt-1),
   * jittered to between half and all of it; at least one second after error 6.
   */
  public long delayNanos(int attempt, int errorCode) {
    long exponential = baseDelayNanos << Math.min(attempt - 1, 16);
    long jittered;
    synchronized (random) {
      jittered = exponential / 2 + (long) (random.nextDouble() * (exponential / 2d));
    }
    return errorCode == 6 ? Math.max(jittered, 1_000_000_000L) : jittered;
  }
}
