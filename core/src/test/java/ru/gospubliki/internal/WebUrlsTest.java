package ru.gospubliki.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebUrlsTest {
  @ParameterizedTest
  @ValueSource(strings = {
    "https://school9.amur.ru",
    "https://school9.amur.ru/",
    "HTTP://School9.Amur.RU/about?tab=1#contacts",
    "http://school9.ru:8080/index.php",
    "https://школа9.рф",
    "http://www.школа9.рф/новости",
    "school9.ru",
    "school9.ru/contacts",
    "school9.ru:8080",
    "https://xn--9-7sb3aeo2d.xn--p1ai/",
    "https://sh9-amursk.gosuslugi.ru",
  })
  void acceptsHttpLinksWithRealHosts(String url) {
    assertThat(WebUrls.isValid(url)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "",
    "   ",
    "ftp://school9.ru",
    "javascript:alert(1)",
    "mailto:school9@example.ru",
    "https://",
    "https://localhost",
    "https://school9",
    "https://127.0.0.1/",
    "https://school9.r",
    "https://user:secret@school9.ru",
    "https://school9..ru",
    "https://-school9.ru",
    "https://school9.ru:99999",
    "https://school9.ru:",
    "https://school 9.ru",
    "//school9.ru",
    "школа",
  })
  void refusesOthers(String url) {
    assertThat(WebUrls.isValid(url)).isFalse();
  }

  @Test
  void hostIsPunycodeLowerCase() {
    assertThat(WebUrls.host("https://Школа9.РФ/path")).isEqualTo("xn--9-7sb3aeo2d.xn--p1ai");
    assertThat(WebUrls.host("HTTPS://School9.Ru./")).isEqualTo("school9.ru");
  }
}
