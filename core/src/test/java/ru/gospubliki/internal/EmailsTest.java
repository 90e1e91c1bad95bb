package ru.gospubliki.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailsTest {
  @ParameterizedTest
  @ValueSource(strings = {
    "school9@amur.edu.ru",
    "School9@Mail.RU",
    "first.last+news@example.org",
    "o'brien@example.com",
    "школа@школа9.рф",
    "info@школа9.рф",
    "mailto:school9@example.ru",
    "  school9@example.ru  ",
    "adm@xn--9-7sb3aeo2d.xn--p1ai",
    "a_b-c@sub-domain.example.travel",
  })
  void acceptsPracticalAddresses(String email) {
    assertThat(Emails.isValid(email)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "",
    "school9",
    "school9@",
    "@example.ru",
    "school9@mail",
    "school9@example.r",
    "school9@@example.ru",
    "school 9@example.ru",
    "school9@example..ru",
    ".school9@example.ru",
    "school9.@example.ru",
    "school..9@example.ru",
    "school9@-example.ru",
    "school9@example-.ru",
    "school9@example.ru.",
    "school9@[127.0.0.1]",
    "\"quoted\"@example.ru",
    "school9@example.123",
  })
  void refusesOthers(String email) {
    assertThat(Emails.isValid(email)).isFalse();
  }

  @Test
  void listsOfAddresses() {
    assertThat(Emails.isValidList("info@school9.ru, director@school9.ru")).isTrue();
    assertThat(Emails.isValidList("info@school9.ru;director@school9.ru")).isTrue();
    assertThat(Emails.isValidList(" info@school9.ru ")).isTrue();
    assertThat(Emails.isValidList("info@school9.ru, director@school9")).isFalse();
    assertThat(Emails.isValidList(" , ")).isFalse();
    assertThat(Emails.isValidList("info@school9.ru или director@school9.ru")).isFalse();
  }

  @Test
  void refusesTooLongParts() {
    assertThat(Emails.isValid("a".repeat(64) + "@example.ru")).isTrue();
    assertThat(Emails.isValid("a".repeat(65) + "@example.ru")).isFalse();
    assertThat(Emails.isValid("a@" + "b".repeat(250) + ".ru")).isFalse();
  }
}
