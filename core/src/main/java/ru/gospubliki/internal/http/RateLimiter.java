package ru.gospubliki.internal.http;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
 * for the difference between clocks) after that answer.
 *
 * <p>A long round trip would make that bound cost throughput (with 600 ms of latency every rps
 * calls would wait 1.6 s, not 1 s), though what matters is how much <em>later</em> one request may
 * arrive than another, not how late both arrive: latency that every request meets delays them all
 * alike. So the bound is the answer's time less the part of the round trip that every request
 * meets: the fastest of the recent round trips, less a margin of {@value #JITTER_MARGIN_MILLIS} ms
 * for how much later than that one request may arrive. A request that took longer is held back by
 * exactly the extra time it took, up to {@value #MAX_HOLD_BACK_MILLIS} ms: beyond a steady latency,
 * a round trip that much longer is the platform at work on an arrived request, not the request
 * still on its way. Where round trips are shorter than the margin (a nearby server, a test) nothing
 * is subtracted and the answer's time is used as it is, as it is until round trips have been seen. A round trip counts
 * from the moment the request is written to the connection ({@link #sent}), not from the slot.
 *
 * <p>The fastest round trip is taken over the last {@value #ROUND_TRIPS} calls, not the last few:
 * kinds of call meet different delays before they arrive (a body written in two parts may wait
 * 40 ms for the server's acknowledgement), and a bulk read makes long runs of one kind of call
 * between two of another. Over a run of slow-to-arrive calls alone the fastest round trip would be
 * mostly that delay, and the call of the other kind that follows, arriving at once, would reach the
 * platform within a second of the rps-th call before it. Nor is anything subtracted before
 * {@value #MIN_ROUND_TRIPS} round trips have been seen: the first calls of a process meet delays
 * of their own (connections opened, code compiled, threads started) that the later ones do not.
 *
 * <p>A call whose predecessor rps places back is still unanswered when its slot comes waits for
 * that answer, so the bound is known rather than guessed; it waits no longer than two seconds after
 * the predecessor left, after which the predecessor is taken to have arrived within a second. A
 * predecessor that has not left yet (it waits for an answer of its own) is waited for however long
 * that takes: a slot is only the earliest a call may leave, and with a long round trip calls leave
 * well after theirs.
 *
 * <p>One limiter per token per process: see {@link TokenBudgets}.
 */
public final class RateLimiter {
  /** Allowance for the platform's clock resolution and its difference from ours. */
  static final long CLOCK_SLACK_NANOS = 5_000_000L;
  private static final int MAX_BURST = 1_000;
  private static final long POLL_NANOS = 2_000_000L;
  static final long JITTER_MARGIN_MILLIS = 25;
  static final long MAX_HOLD_BACK_MILLIS = 250;
  static final int ROUND_TRIPS = 256;
  static final int MIN_ROUND_TRIPS = 8;

  private final Ticker ticker;
  private final Sleeper sleeper;
  private double requestsPerSecond;
  private long intervalNanos;
  private int burst;
  private long windowNanos;
  /** Calls not yet answered: ticket → departure (the planned one while it waits). */
  private final Map<Long, Long> inFlight = new HashMap<>();
  /** Calls still waiting for their turn: not sent, so not given up on. */
  private final Set<Long> waiting = new HashSet<>();
  /** Answered calls whose successor has not left yet: ticket → latest possible arrival. */
  private final Map<Long, Long> arrivedBy = new HashMap<>();
  private long nextSlot;
  private long tickets;
  private boolean started;
  /** The last round trips: the fastest of them is the latency every request meets. */
  private final long[] recent = new long[ROUND_TRIPS];
  private int samples;
  /** The part of the round trip every recent request met; 0 until known. */
  private long steadyRoundTrip;

  public RateLimiter(double requestsPerSecond, Ticker ticker, Sleeper sleeper) {
    this.ticker = ticker;
    this.sleeper = sleeper;
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
    long ticket;
    long wait;
    synchronized (this) {
      long now = ticker.nanos();
      long slot = !started || now - nextSlot > 0 ? now : nextSlot;
      ticket = tickets++;
      Long bound = arrivalBound(ticket - burst);
      if (bound != null && bound + windowNanos - slot > 0) slot = bound + windowNanos;
      started = true;
      nextSlot = slot + intervalNanos;
      inFlight.put(ticket, slot);
      waiting.add(ticket);
      wait = slot - now;
    }
    boolean admitted = false;
    try {
      if (wait > 0) sleeper.sleep(wait);
      awaitPredecessor(ticket);
      admitted = true;
    } finally {
      if (!admitted) { // interrupted (or worse): never sent, so its successor need not wait for it
        synchronized (this) {
          inFlight.remove(ticket);
          waiting.remove(ticket);
          notifyAll();
        }
      }
    }
    return ticket;
  }

  /** What is known of when {@code ticket} arrived: its answer's bound, else its departure. */
  private @Nullable Long arrivalBound(long ticket) {
    if (ticket < 0) return null;
    Long bound = arrivedBy.get(ticket);
    return bound != null ? bound : inFlight.get(ticket);
  }

  /** Waits for the answer of the call {@code burst} places back, then for a window after its arrival. */
  private void awaitPredecessor(long ticket) throws InterruptedException {
    long predecessor = ticket - burst;
    while (true) {
      long wait;
      synchronized (this) {
        long now = ticker.nanos();
        Long departure = predecessor < 0 ? null : inFlight.get(predecessor);
        if (departure != null && waiting.contains(predecessor)) {
          wait = POLL_NANOS; // not sent yet: it will be, after a wait of its own that is bounded
        } else if (departure != null) {
          long patience = 2 * windowNanos;
          if (now - (departure + patience) < 0) {
            wait = Math.min(POLL_NANOS, departure + patience - now);
          } else {
            arrivedBy.put(predecessor, departure + windowNanos);
            inFlight.remove(predecessor);
            continue;
          }
        } else {
          Long bound = predecessor < 0 ? null : arrivedBy.get(predecessor);
          if (bound != null && bound + windowNanos - now > 0) {
            wait = bound + windowNanos - now;
          } else {
            arrivedBy.remove(predecessor);
            inFlight.put(ticket, now);
            waiting.remove(ticket);
            nextSlot = Math.max(nextSlot, now + intervalNanos);
            return;
          }
        }
      }
      sleeper.sleep(wait);
    }
  }

  /**
   * Records that the request of {@code ticket} is being written to the connection now (after
   * connecting, queueing in the HTTP client): its true departure, from which its round trip counts.
   */
  public synchronized void sent(long ticket) {
    if (inFlight.containsKey(ticket)) inFlight.put(ticket, ticker.nanos());
  }

  /** Records that the request of {@code ticket} has been answered or has failed, now. */
  public synchronized void finished(long ticket) {
    Long departure = inFlight.remove(ticket);
    if (departure == null) return; // never sent, or given up waiting for
    long now = ticker.nanos();
    long roundTrip = now - departure;
    // A round trip shorter than the steady one (the network changed) cannot have had more in common.
    long steady = Math.min(steadyRoundTrip, Math.max(0, roundTrip - JITTER_MARGIN_MILLIS * 1_000_000L));
    long arrived = Math.max(departure, now - steady);
    if (steady > 0) arrived = Math.min(arrived, departure + MAX_HOLD_BACK_MILLIS * 1_000_000L);
    arrivedBy.put(ticket, arrived + CLOCK_SLACK_NANOS);
    if (roundTrip >= 0) {
      recent[samples++ % recent.length] = roundTrip;
      long fastest = Long.MAX_VALUE;
      for (int i = 0; i < Math.min(samples, recent.length); i++) fastest = Math.min(fastest, recent[i]);
      steadyRoundTrip = samples < MIN_ROUND_TRIPS ? 0 : Math.max(0, fastest - JITTER_MARGIN_MILLIS * 1_000_000L);
    }
    // Forget answers whose successors have left (an answer is kept until the call burst places later leaves).
    if (arrivedBy.size() > 4 * burst + 16) {
      arrivedBy.keySet().removeIf(t -> t + burst < tickets && !waiting.contains(t + burst));
    }
    notifyAll();
  }

  @Override
  public synchronized String toString() {
    return "RateLimiter{" + requestsPerSecond + "/s}";
  }
}
