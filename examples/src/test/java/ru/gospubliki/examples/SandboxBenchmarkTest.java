package ru.gospubliki.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Checks the benchmark's counting on a small region; the timing is its command's business. */
final class SandboxBenchmarkTest {
  @Test
  void withAUserTokenWallsAreRead25PerRequestAndNothingIsRefused() throws Exception {
    // 30 VK communities: one groups.getById, two execute.
    SandboxBenchmark.Measurement m = SandboxBenchmark.measure(SandboxBenchmark.scenario("user", 1, Duration.ZERO), 30, 20, 7L);

    assertThat(m.vkPages()).isEqualTo(30);
    assertThat(m.vkRequests()).isEqualTo(3).isLessThanOrEqualTo(m.vkRequestLimit());
    assertThat(m.vkRequestLimit()).isEqualTo(1 + 2 + 2);
    assertThat(m.noneRefused()).isTrue();
    assertThat(m.unreachable()).isEmpty();
    assertThat(m.vkFloor()).isEqualTo(m.vkRequests() / 3.0);
  }

  @Test
  void withAServiceTokenOnlyWallsAreReadOneByOne() throws Exception {
    SandboxBenchmark.Measurement m = SandboxBenchmark.measure(SandboxBenchmark.scenario("service", 1, Duration.ZERO), 30, 20, 7L);

    // One groups.getById, then one wall.get per open community (closed ones are not read).
    assertThat(m.vkRequests()).isBetween(2, m.vkRequestLimit());
    assertThat(m.vkRequestLimit()).isEqualTo(1 + 30 + 2);
    assertThat(m.noneRefused()).isTrue();
    assertThat(m.unreachable()).isEmpty();
    assertThat(m.vkFloor()).isEqualTo(m.vkRequests() / 20.0);
  }

  @Test
  void aPoolOfTokensDividesTheFloor() throws Exception {
    SandboxBenchmark.Measurement m = SandboxBenchmark.measure(SandboxBenchmark.scenario("service-tokens", 3, Duration.ZERO), 30, 20, 7L);

    assertThat(m.scenario().tokens()).isEqualTo(3);
    assertThat(m.vkFloor()).isEqualTo(m.vkRequests() / 60.0);
    assertThat(m.noneRefused()).isTrue();
  }
}
