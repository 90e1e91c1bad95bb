package ru.gospubliki.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SecretsAndBackoffTest {
  @Test
  void scrubsEverySecretEvenInsideALongerOne() {
    Secrets secrets = Secrets.of(List.of("abcd", "xxabcdyy", "ab"));

    assertThat(secrets.scrub("token xxabcdyy and abcd and ab")).isEqualTo("token ██ and ██ and ab");
    assertThat(secrets.toString()).doesNotContain("abcd");
  }

  @Test
  void backoffGrowsWithJitterAndStaysUnderTheCap() {
    Backoff backoff = new Backoff(5, Duration.ofMillis(500), Duration.ofSeconds(2), new Random(1));

    assertThat(backoff.delayNanos(1)).isBetween(250_000_000L, 500_000_000L);
    assertThat(backoff.delayNanos(2)).isBetween(500_000_000L, 1_000_000_000L);
    assertThat(backoff.delayNanos(3)).isBetween(1_000_000_000L, 2_000_000_000L);
    assertThat(backoff.delayNanos(30)).isBetween(1_000_000_000L, 2_000_000_000L);
    assertThat(backoff.maxAttempts()).isEqualTo(5);
    assertThatThrownBy(() -> new Backoff(0, Duration.ZERO, Duration.ZERO, new Random()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anInterruptedBackoffStopsAndKeepsTheFlag() {
    try {
      assertThatThrownBy(() -> Backoff.sleep(nanos -> {
        throw new InterruptedException();
      }, 1_000_000_000L)).isInstanceOf(InterruptedIOException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void aTokenSetAsideComesBackWhenItsTimeHasCome() {
    TokenBudget budget = new TokenBudgets(Ticker.SYSTEM, Sleeper.SYSTEM).budget("VK", "token-1", 3);
    Instant now = Instant.parse("2026-11-23T12:00:00Z");
    budget.setAside(now.plusSeconds(60), "дневной лимит");
    budget.setAside(now.plusSeconds(30), "раньше");

    assertThat(budget.available(now)).isFalse();
    assertThat(budget.asideBecause()).isEqualTo("дневной лимит");
    assertThat(budget.available(now.plusSeconds(60))).isTrue();
    assertThat(budget.asideBecause()).isEmpty();
  }
}
