package ru.gospubliki.max.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A channel's messages are reduced to plain text to recognise a sent post among them, so the text a
 * platform (or anyone posting in the channel) sends must not make that reduction explode: 1 MB shaped
 * to defeat a backtracking link pattern is reduced within a few seconds. The old pattern, quadratic
 * in the number of «[», took 1.1 s on 40 KB of «[», so it would take about ten minutes on 1 MB.
 */
final class PlainTextTest {
  static final int SIZE = 1_000_000;
  /** Generous for a loaded machine: each text takes milliseconds here. */
  static final Duration LIMIT = Duration.ofSeconds(10);

  static Stream<String> hostileTexts() {
    return Stream.of(
        "[".repeat(SIZE),                                   // every «[» opens a link that never closes
        "[a".repeat(SIZE / 2),
        "[](".repeat(SIZE / 3),                             // links whose target never ends
        "[a](b".repeat(SIZE / 5),
        "[" + "a".repeat(SIZE - 2) + "]",                   // one long text without a target
        "[](" + "(".repeat(SIZE - 3),
        "]".repeat(SIZE / 2) + "[".repeat(SIZE / 2),
        "[\n".repeat(SIZE / 2),
        "*_~".repeat(SIZE / 3),
        " ".repeat(SIZE));
  }

  @ParameterizedTest
  @MethodSource("hostileTexts")
  void hostileTextIsReducedInLinearTime(String text) {
    assertTimeoutPreemptively(LIMIT, () -> PlainText.of(text),
        () -> text.substring(0, 8).replace("\n", "\\n") + "… (" + text.length() + " chars)");
  }

  @Test
  void linksKeepTheirTextAndLoseTheirTarget() {
    assertThat(PlainText.of("Читайте [новости](https://example.ru/news) и [нас](max://user/1)!"))
        .isEqualTo("Читайте новости и нас!");
    assertThat(PlainText.of("[a [b](https://example.ru) **жирный**  текст")).isEqualTo("a b жирный текст");
    assertThat(PlainText.of("не ссылка [текст] (https://example.ru)")).isEqualTo("не ссылка текст (https://example.ru)");
  }
}
