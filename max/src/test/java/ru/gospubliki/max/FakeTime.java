package ru.gospubliki.max;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import ru.gospubliki.internal.http.Sleeper;
import ru.gospubliki.internal.http.Ticker;

/** Time that moves only when something sleeps on it or a test advances it: waits cost no real time. */
final class FakeTime extends Clock implements Sleeper, Ticker {
  private static final Instant ORIGIN = Instant.parse("2026-11-23T09:00:00Z");
  private volatile long nanos;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(long nanos) {
    if (nanos <= 0) return;
    sleeps.add(Duration.ofNanos(nanos));
    advance(Duration.ofNanos(nanos));
  }

  synchronized void advance(Duration duration) {
    nanos += duration.toNanos();
  }

  @Override
  public long nanos() {
    return nanos;
  }

  @Override
  public Instant instant() {
    return ORIGIN.plusNanos(nanos);
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
