package ru.gospubliki.internal.http;

/**
 * Spaces calls made with one token so that no more than the token's requests-per-second reach the
 * platform, however many threads call at once. Each caller reserves the next free slot and waits
 * for it, so callers are served in order and the limit holds across threads.
 *
 * <p>A platform counts a request when it arrives, and arrival times jitter: a request that left on
 * time may arrive late and one that left later may arrive early, so spacing departures by exactly
 * 1/rps still puts rps + 1 arrivals into one second now and then (VK's error 6). So each call also
 * reports when its answer came ({@link #finished}): the request could not have arrived later than
 * that, and the call rps places after it starts no earlier than one second (plus a few milliseconds
 * for the difference between clocks) after that answer. Calls still in flight fall back to their
 * departure time.
 *
 * <p>A long round trip would make that bound cost throughput (with 600 ms of latency every rps
 * calls would wait 1.6 s, not 1 s), though what matters is how much <em>later</em> one request may
 * arrive than another, not how late both arrive. So the bound is the answer's time less the
 * fastest round trip seen before: a request that took no longer than the fastest one arrived no
 * later than its departure plus that difference, and one that took longer is held back by exactly
 * the extra time it took. Until a round trip has been seen, the answer's time is used as it is.
 *
 * <p>One limiter per token per process: see {@link TokenBudgets}.
 */
public final class RateLimiter {
  /** Allowance for the platform's clock resolution and its difference from ours. */
  static final long CLOCK_SLACK_NANOS = 5_000_000L;
  private static final int MAX_BURST = 1_000;
  private static final long NONE = Long.MAX_VALUE;

  private final Ticker ticker;
  private final Sleeper sleeper;
  private double requestsPerSecond;
  private long intervalNanos;
  private int burst;
  private long windowNanos;
  private long[] marks;
  private long nextSlot;
  private long tickets;
  private boolean started;
  private long fastestRoundTrip = NONE;

  public RateLimiter(double requestsPerSecond, Ticker ticker, Sleeper sleeper) {
    this.ticker = ticker;
    this.sleeper = sleeper;
    this.marks = new long[0];
    setRate(requestsPerSecond);
  }

  private void setRate(double rps) {
    if (!(rps > 0) || Double.isInfinite(rps)) {
      throw new IllegalArgumentException("requestsPerSecond must be > 0: " + rps);
    }
    this.requestsPerSecond = rps;
    this.intervalNanos = (long) Math.ceil(1_000_000_000d / rps);
    this.burst = (int) Math.max(1, Math.min(MAX_BURST, Math.floor(rps)));
    this.windowNanos = burst * intervalNanos;
    long[] previous = marks;
    long[] resized = new long[burst];
    // Keep the most recent marks where the next tickets will look for them.
    for (long t = Math.max(0, tickets - Math.min(burst, previous.length)); t < tickets; t++) {
      if (previous.length > 0) resized[(int) (t % burst)] = previous[(int) (t % previous.length)];
    }
    this.marks = resized;
  }

  /** The configured rate. */
  public synchronized double requestsPerSecond() {
    return requestsPerSecond;
  }

  /** The spacing between two calls. */
  public synchronized long intervalNanos() {
    return intervalNanos;
  }

  /**
   * Lowers the rate to {@code rps} when it is below the current one (two configurations of one
   * token: the more careful holds); a higher rate is ignored.
   */
  public synchronized void slowTo(double rps) {
    if (rps < requestsPerSecond) setRate(rps);
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
    int index = (int) (ticket % burst);
    long now = ticker.nanos();
    long departure = marks[index];
    long roundTrip = now - departure;
    long arrivedBy = fastestRoundTrip == NONE ? now : Math.max(departure, now - fastestRoundTrip);
    marks[index] = arrivedBy + CLOCK_SLACK_NANOS;
    if (roundTrip >= 0 && roundTrip < fastestRoundTrip) fastestRoundTrip = roundTrip;
  }

  @Override
  public synchronized String toString() {
    return "RateLimiter{" + requestsPerSecond + "/s}";
  }
}
