package ru.gospubliki.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the service's failure log keeps of a message that quotes secrets. */
final class RedactedTest {
  @Test
  void aShortSecretInsideALongOneDoesNotLeaveAPieceOfTheLongOneVisible() {
    // A one-character form value came first: replacing it first cut the long key into a piece left in clear.
    String scrubbed = Redacted.scrub("key=vk1.a.secret-key-1 token=1", List.of("1", "vk1.a.secret-key-1", "1"));

    assertThat(scrubbed).isEqualTo("key=" + Redacted.MASK + " token=" + Redacted.MASK).doesNotContain("secret-key");
  }
}
