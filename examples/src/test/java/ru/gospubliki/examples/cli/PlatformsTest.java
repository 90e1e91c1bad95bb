package ru.gospubliki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class PlatformsTest {
  @Test
  void anOkTokenVariableMayHoldAPoolSeparatedByCommas() {
    assertThat(Platforms.pool("first")).containsExactly("first");
    assertThat(Platforms.pool("first, second,")).containsExactly("first", " second");
    assertThat(Platforms.pool(",")).containsExactly(",");
  }
}
