package ru.gospubliki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ArgumentsTest {
  private static final Arguments.Spec SPEC = new Arguments.Spec("audit")
      .valued("--format", "--out").repeatable("--page").switches("--sandbox").text("--text");

  @Test
  void parsesValuesRepeatablesSwitchesAndInlineForm() throws UsageException {
    Arguments a = Arguments.parse(SPEC, List.of("--page", "vk:1", "--page=ok:2", "--format=json", "--sandbox"));
    assertThat(a.values("--page")).containsExactly("vk:1", "ok:2");
    assertThat(a.value("--format")).isEqualTo("json");
    assertThat(a.has("--sandbox")).isTrue();
    assertThat(a.has("--out")).isFalse();
    assertThat(a.value("--out")).isNull();
    assertThat(a.help()).isFalse();
    assertThat(Arguments.parse(SPEC, List.of("--format", "csv", "--help")).help()).isTrue();
  }

  @Test
  void unknownFlagNamesTheFlagAndTheCommand() {
    assertThatThrownBy(() -> Arguments.parse(SPEC, List.of("--foramt", "json")))
        .isInstanceOf(UsageException.class)
        .hasMessage("неизвестный параметр «--foramt» для команды audit (справка: gospubliki audit --help)");
  }

  @Test
  void missingValueIsReported() {
    assertThatThrownBy(() -> Arguments.parse(SPEC, List.of("--out")))
        .hasMessage("параметру --out нужно значение");
    assertThatThrownBy(() -> Arguments.parse(SPEC, List.of("--out", "--sandbox")))
        .hasMessage("параметру --out нужно значение");
    assertThatThrownBy(() -> Arguments.parse(SPEC, List.of("--out=")))
        .hasMessage("параметру --out нужно непустое значение");
  }

  @Test
  void repeatedSingleValuesAndSwitchValuesAreErrors() {
    assertThatThrownBy(() -> Arguments.parse(SPEC, List.of("--out", "a", "--out", "b")))
        .hasMessage("параметр --out указан дважды");
    assertThatThrownBy(() -> Arguments.parse(SPEC, List.of("--sandbox=yes")))
        .hasMessage("параметр --sandbox не принимает значения");
  }

  @Test
  void positionalArgumentsAreErrors() {
    assertThatThrownBy(() -> Arguments.parse(SPEC, List.of("registry.csv")))
        .hasMessageStartingWith("лишний аргумент «registry.csv» для команды audit");
  }

  @Test
  void aFreeTextValueMayStartWithDashes() throws UsageException {
    Arguments a = Arguments.parse(SPEC, List.of("--text", "--- Внимание! ---", "--out", "r.json"));
    assertThat(a.value("--text")).isEqualTo("--- Внимание! ---");
    assertThat(a.value("--out")).isEqualTo("r.json");
    assertThat(Arguments.parse(SPEC, List.of("--text", "--help")).value("--text")).isEqualTo("--help");
    assertThat(Arguments.parse(SPEC, List.of("--text", "--help")).help()).isFalse();
    assertThatThrownBy(() -> Arguments.parse(SPEC, List.of("--text")))
        .hasMessage("параметру --text нужно значение");
    // Other flags still take a following flag as a forgotten value.
    assertThatThrownBy(() -> Arguments.parse(SPEC, List.of("--out", "--text", "x")))
        .hasMessage("параметру --out нужно значение");
  }
}
