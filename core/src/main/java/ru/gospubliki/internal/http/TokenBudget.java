package ru.gospubliki.internal.http;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What one token may still spend, shared by every user of the token in the process: its {@link
 * RateLimiter}, and whether it is set aside (its daily quota is used up, or the platform refused
 * the token) and until when.
 */
public final class TokenBudget {
  private final RateLimiter limiter;
  private @Nullable Instant asideUntil;
  private String asideBecause = "";

  TokenBudget(RateLimiter limiter) {
    this.limiter = limiter;
  }

  public RateLimiter limiter() {
    return limiter;
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
}
