package ru.gospubliki.ok;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import ru.gospubliki.internal.http.Sleeper;
import ru.gospubliki.internal.http.Ticker;
import ru.gospubliki.internal.http.TokenBudgets;

/**
 * Time that moves only when something waits on it (a rate limiter, a backoff) or a test advances
 * it: waiting costs no real time, and what was waited is recorded.
 */
final class FakeTime extends Clock implements Ticker, Sleeper {
  private final Instant start;
  private final AtomicLong nanos = new AtomicLong();
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  FakeTime(Instant start) {
    this.start = start;
  }

  /**
   * Token budgets on this time, so rate limiting in a test waits on it; those waits advance the
   * time but are not among {@link #sleeps}, which records the backoff between retries only.
   */
  TokenBudgets budgets() {
    return new TokenBudgets(this, duration -> nanos.addAndGet(Math.max(0, duration)));
  }

  @Override
  public void sleep(long duration) {
    if (duration <= 0) return;
    sleeps.add(Duration.ofNanos(duration));
    nanos.addAndGet(duration);
  }

  void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  @Override
  public long nanos() {
    return nanos.get();
  }

  @Override
  public Instant instant() {
    return start.plusNanos(nanos.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
