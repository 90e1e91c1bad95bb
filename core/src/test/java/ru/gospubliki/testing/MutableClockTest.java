package ru.gospubliki.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class MutableClockTest {
  static final Instant START = Instant.parse("2026-11-20T09:00:00Z");

  @Test
  void readsTheSetInstantUntilMoved() {
    MutableClock clock = MutableClock.at(START);
    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);

    clock.advance(Duration.ofMinutes(90));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-20T10:30:00Z"));

    clock.set(Instant.parse("2026-11-19T00:00:00Z"));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-19T00:00:00Z"));
  }

  @Test
  void zoneViewsShareTheTime() {
    MutableClock utc = MutableClock.at(START);
    ZoneId moscow = ZoneId.of("Europe/Moscow");
    MutableClock inMoscow = utc.withZone(moscow);

    utc.advance(Duration.ofHours(1));
    assertThat(inMoscow.instant()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
    assertThat(ZonedDateTime.now(inMoscow).getHour()).isEqualTo(13);
    assertThat(utc.withZone(ZoneOffset.UTC)).isSameAs(utc);

    inMoscow.set(START);
    assertThat(utc.instant()).isEqualTo(START);
  }

  @Test
  void refusesToAdvanceBackwards() {
    MutableClock clock = MutableClock.at(START);
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duration < 0");
    assertThat(clock.instant()).isEqualTo(START);
  }
}
