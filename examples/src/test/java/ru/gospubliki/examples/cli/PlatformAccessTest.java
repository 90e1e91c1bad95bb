package ru.gospubliki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class PlatformAccessTest {
  @Test
  void anOkTokenVariableMayHoldAPoolSeparatedByCommas() {
    assertThat(PlatformAccess.pool("first")).containsExactly("first");
    assertThat(PlatformAccess.pool("first, second,")).containsExactly("first", " second");
    assertThat(PlatformAccess.pool(",")).containsExactly(",");
  }
}
