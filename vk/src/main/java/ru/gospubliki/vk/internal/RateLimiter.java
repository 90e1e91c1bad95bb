package ru.gospubliki.vk.internal;

/**
 * Spaces calls made with one token so that no more than the token's requests-per-second reach VK,
 * however many threads call at once. Each caller reserves the next free slot and waits for it,
 * so callers are served in order and the limit holds across threads.
 */
public final class RateLimiter {
  private final long intervalNanos;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private long nextSlot;
  private boolean started;

  public RateLimiter(double requestsPerSecond, Ticker ticker, Sleeper sleeper) {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException("requestsPerSecond must be > 0: " + requestsPerSecond);
    }
    this.intervalNanos = (long) Math.ceil(1_000_000_000d / requestsPerSecond);
    this.ticker = ticker;
    this.sleeper = sleeper;
  }

  /** The spacing between two calls. */
  public long intervalNanos() {
    return intervalNanos;
  }

  /** Waits until this caller may send one request. */
  public void acquire() throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = ticker.nanos();
      long slot = !started || now - nextSlot > 0 ? now : nextSlot;
      started = true;
      nextSlot = slot + intervalNanos;
      wait = slot - now;
    }
    if (wait > 0) sleeper.sleep(wait);
  }
}
