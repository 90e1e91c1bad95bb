package ru.gospubliki.vk.internal;

/**
 * Spaces calls made with one token so that no more than the token's requests-per-second reach VK,
 * however many threads call at once. Each caller reserves the next free slot and waits for it,
 * so callers are served in order and the limit holds across threads.
 *
 * <p>VK counts a request when it arrives, and arrival times jitter: a request that left on time
 * may arrive late and one that left later may arrive early, so spacing departures by exactly
 * 1/rps still puts rps + 1 arrivals into one second now and then (error 6). So each call also
 * reports when its answer came ({@link #finished}): the request could not have arrived later
 * than that, and the call rps places after it starts no earlier than one second (plus a few
 * milliseconds for the difference between clocks) after that answer. Calls still in flight fall
 * back to their departure time.
 */
public final class RateLimiter {
  /** Allowance for VK's clock resolution and its difference from ours. */
  static final long CLOCK_SLACK_NANOS = 5_000_000L;
  private static final int MAX_BURST = 1_000;

  private final long intervalNanos;
  private final int burst;
  private final long windowNanos;
  private final long[] marks;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private long nextSlot;
  private long tickets;
  private boolean started;

  public RateLimiter(double requestsPerSecond, Ticker ticker, Sleeper sleeper) {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException("requestsPerSecond must be > 0: " + requestsPerSecond);
    }
    this.intervalNanos = (long) Math.ceil(1_000_000_000d / requestsPerSecond);
    this.burst = (int) Math.max(1, Math.min(MAX_BURST, Math.floor(requestsPerSecond)));
    this.windowNanos = burst * intervalNanos;
    this.marks = new long[burst];
    this.ticker = ticker;
    this.sleeper = sleeper;
  }

  /** The spacing between two calls. */
  public long intervalNanos() {
    return intervalNanos;
  }

  /**
   * Waits until this caller may send one request; returns the ticket to pass to {@link #finished}
   * once the answer (or a failure) has come.
   */
  public long acquire() throws InterruptedException {
    long wait;
    long ticket;
    synchronized (this) {
      long now = ticker.nanos();
      long slot = !started || now - nextSlot > 0 ? now : nextSlot;
      ticket = tickets++;
      int index = (int) (ticket % burst);
      if (ticket >= burst && marks[index] + windowNanos - slot > 0) slot = marks[index] + windowNanos;
      started = true;
      nextSlot = slot + intervalNanos;
      marks[index] = slot;
      wait = slot - now;
    }
    if (wait > 0) sleeper.sleep(wait);
    return ticket;
  }

  /** Records that the request of {@code ticket} has been answered or has failed, now. */
  public synchronized void finished(long ticket) {
    if (tickets - ticket > burst || ticket >= tickets) return; // Its place is taken already.
    marks[(int) (ticket % burst)] = ticker.nanos() + CLOCK_SLACK_NANOS;
  }
}
