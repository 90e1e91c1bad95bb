package ru.gospubliki.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock a test sets and moves by hand, so that what depends on time (rate-limit windows, a
 * platform's dedup window, scheduled posts, "own posts in the last 28 days") is tested without
 * waiting and without depending on when the test runs. Give it wherever the SDK takes a
 * {@link Clock}.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at(Instant.parse("2026-11-20T09:00:00Z"));
 * InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, clock);
 * clock.advance(Duration.ofHours(2)); // two hours later, at once
 * }</pre>
 *
 * <p>Thread-safe: a test thread may move it while the code under test reads it. Its time zone is
 * UTC; {@link #withZone} returns a view in another zone that shares this clock's time.
 */
public final class MutableClock extends Clock {
  private final Time now;
  private final ZoneId zone;

  private MutableClock(Time now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A clock that reads {@code instant} until it is moved. */
  public static MutableClock at(Instant instant) {
    Objects.requireNonNull(instant, "instant == null");
    return new MutableClock(new Time(instant), ZoneOffset.UTC);
  }

  /** Moves this clock (and its zone views) forward by {@code duration}. */
  public void advance(Duration duration) {
    Objects.requireNonNull(duration, "duration == null");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration < 0: " + duration + " (use set() to go back)");
    }
    now.advance(duration);
  }

  /** Sets this clock (and its zone views) to {@code instant}, earlier or later than now. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant == null"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public MutableClock withZone(ZoneId zone) {
    Objects.requireNonNull(zone, "zone == null");
    return zone.equals(this.zone) ? this : new MutableClock(now, zone);
  }

  @Override
  public String toString() {
    return "MutableClock[" + now.get() + ", " + zone + "]";
  }

  /** The time a clock and its zone views share. */
  private static final class Time {
    private volatile Instant instant;

    Time(Instant instant) {
      this.instant = instant;
    }

    Instant get() {
      return instant;
    }

    void set(Instant instant) {
      this.instant = instant;
    }

    synchronized void advance(Duration duration) {
      instant = instant.plus(duration);
    }
  }
}
