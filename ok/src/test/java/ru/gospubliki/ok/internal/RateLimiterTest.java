package ru.gospubliki.ok.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RateLimiterTest {
  private final FakeTime time = new FakeTime(Instant.parse("2026-11-20T09:00:00Z"));

  @Test
  void noWaitWhenCallsAreSpacedAlready() throws Exception {
    RateLimiter limiter = new RateLimiter(3, time, time);
    limiter.acquire();
    time.advance(Duration.ofMillis(400));
    limiter.acquire();
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void burstIsSpreadOverTheSecond() throws Exception {
    RateLimiter limiter = new RateLimiter(10, time, time);
    for (int i = 0; i < 11; i++) limiter.acquire();
    assertThat(time.sleeps).hasSize(10).allMatch(d -> d.equals(Duration.ofMillis(100)));
    assertThat(Duration.between(Instant.parse("2026-11-20T09:00:00Z"), time.instant())).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aFixedClockWaitsOneIntervalPerCallNotLonger() throws Exception {
    // An "as of" clock does not move while the limiter sleeps: waits must not pile up.
    List<Duration> sleeps = new ArrayList<>();
    RateLimiter limiter = new RateLimiter(10,
        Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC), sleeps::add);
    for (int i = 0; i < 5; i++) limiter.acquire();
    assertThat(sleeps).hasSize(4).allMatch(d -> d.equals(Duration.ofMillis(100)));
  }

  @Test
  void theCallRpsPlacesLaterWaitsASecondAfterTheAnswerCame() throws Exception {
    Instant start = time.instant();
    RateLimiter limiter = new RateLimiter(3, time, time);
    List<Duration> starts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      long ticket = limiter.acquire();
      starts.add(Duration.between(start, time.instant()));
      time.advance(Duration.ofMillis(i == 0 ? 80 : 10)); // The first answer is slow to come.
      limiter.finished(ticket);
    }
    // Departures alone would allow the fourth call at 1002 ms; the first request may have reached
    // OK as late as its answer (80 ms), so the fourth waits a second (and the slack) after that.
    assertThat(starts).containsExactly(Duration.ZERO, Duration.ofMillis(334), Duration.ofMillis(668),
        Duration.ofMillis(80 + RateLimiter.CLOCK_SLACK_MILLIS + 1002));
  }

  @Test
  void rejectsNonPositiveRate() {
    assertThatThrownBy(() -> new RateLimiter(0, time, time)).hasMessageContaining("requestsPerSecond");
  }
}
