package ru.gospubliki.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.gospubliki.model.PlatformId;

class TextsTest {
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "0, публикаций", "1, публикация", "2, публикации", "4, публикации", "5, публикаций", "11, публикаций",
    "12, публикаций", "14, публикаций", "21, публикация", "22, публикации", "101, публикация", "111, публикаций",
  })
  void russianPlurals(long n, String word) {
    assertThat(Texts.posts(n)).isEqualTo(n + " " + word);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0, 0", "3, 3", "12.5, 12.5", "0.1, 0.1", "0.016666, 0.0167", "0.00004, 0", "-1.25, -1.25", "1e-9, 0",
    "123456.78901, 123456.789", "0.99999, 1",
  })
  void decimals(double value, String text) {
    assertThat(Texts.decimal(value)).isEqualTo(text);
  }

  @Test
  void percentsPlatformsLinksAndLists() {
    assertThat(Texts.percent(0.456)).isEqualTo("46 %");
    assertThat(Texts.platformName(PlatformId.VK)).isEqualTo("ВКонтакте");
    assertThat(Texts.platformName("OK")).isEqualTo("Одноклассники");
    assertThat(Texts.platformName(PlatformId.of("max"))).isEqualTo("MAX");
    assertThat(Texts.platformName(PlatformId.of("telegram"))).isEqualTo("Telegram");
    assertThat(Texts.platformName(PlatformId.of("other"))).isEqualTo("other");
    assertThat(Texts.someLinks(List.of("a", "b", "c", "d", "e", "f", "g"))).isEqualTo("a, b, c, d, e и ещё 2");
    assertThat(Texts.someLinks(List.of("a"))).isEqualTo("a");
    assertThat(Texts.enumerate(List.of("название", "описание", "сайт"))).isEqualTo("название, описание и сайт");
  }
}
