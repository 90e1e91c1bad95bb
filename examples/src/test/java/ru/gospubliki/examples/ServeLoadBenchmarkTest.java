package ru.gospubliki.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the load run's counting on a short run; its timing is the command's business. */
final class ServeLoadBenchmarkTest {
  @Test
  void aShortRunCountsRequestsPostsAndDuplicates() throws Exception {
    ServeLoadBenchmark.Measurement m = ServeLoadBenchmark.measure(4, Duration.ofSeconds(3));
    assertThat(m.errors()).isEmpty();
    assertThat(m.reads()).isPositive();
    // The shared item and each client's first item (posted within the run's first 20 s, maybe after it ends).
    assertThat(m.items()).isBetween(1, 5);
    assertThat(m.vkPosts()).isEqualTo(m.items());
    assertThat(m.okTopics()).isEqualTo(m.items());
    assertThat(m.duplicates()).isZero();
    assertThat(ServeLoadBenchmark.percentile(List.of(1L, 2L, 3L, 4L), 50)).isEqualTo(2);
    assertThat(ServeLoadBenchmark.percentile(List.of(1L, 2L, 3L, 4L), 99)).isEqualTo(4);
  }
}
