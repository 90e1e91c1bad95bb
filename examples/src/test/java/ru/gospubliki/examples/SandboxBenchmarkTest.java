package ru.gospubliki.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Checks the benchmark's counting on a small region; the timing is its command's business. */
final class SandboxBenchmarkTest {
  @Test
  void smallRegionIsReadWithinTheRequestBudgetAndNothingIsRefused() throws Exception {
    // 30 VK communities (one groups.getById, two execute) and 6 OK groups (one group.getInfo, 6 getTopics).
    SandboxBenchmark.Measurement m = SandboxBenchmark.measure(30, 20, 7L);

    assertThat(m.vkPages()).isEqualTo(30);
    assertThat(m.okPages()).isEqualTo(6);
    assertThat(m.vkRequests()).isBetween(2, m.vkRequestLimit()).isLessThanOrEqualTo(3);
    assertThat(m.okRequests()).isEqualTo(1 + 6);
    assertThat(m.noneRefused()).isTrue();
    assertThat(m.unreachable()).isEmpty();
    assertThat(m.vkFloor()).isEqualTo(m.vkRequests() / 20.0);
    assertThat(m.floor()).isEqualTo(m.vkFloor() + m.okFloor());
  }
}
