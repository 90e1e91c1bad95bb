package ru.gospubliki.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhonesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "8 (42142) 2-34-56          | +74214223456",
    "+7 914 123-45-67 доб. 12   | +79141234567",
    "+7 (914) 123-45-67, доб.12 | +79141234567",
    "8-914-123-45-67 вн. 305    | +79141234567",
    "+7 914 123 45 67 ext 7     | +79141234567",
    "89141234567                | +79141234567",
    "79141234567                | +79141234567",
    "+79141234567               | +79141234567",
    "8 800 100-70-10            | +78001007010",
    "(4212) 30-40-50            | +74212304050",
    "тел.: 8 (42142) 2-34-56    | +74214223456",
    "Телефон 8(4212)304050      | +74212304050",
    "+7 495 123.45.67           | +74951234567",
    "8 914 123–45–67            | +79141234567",
  })
  void normalisesRussianNumbers(String raw, String e164) {
    assertThat(Phones.toE164(raw)).isEqualTo(e164);
    assertThat(Phones.isValid(raw)).isTrue();
    assertThat(Phones.problem(raw)).isNull();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
    "+7 701 123 45 67        | Казахстан",
    "8 (727) 123-45-67       | Казахстан",
    "+7 600 123 45 67        | Казахстан",
    "+375 29 123-45-67       | не российский",
    "+7 914 123 45 678       | 12 цифр: ожидается +7",
    "+7 514 123 45 67        | не используется",
    "8 (214) 123-45-67       | не используется",
    "2-34-56                 | 5 цифр: укажите номер с кодом города",
    "23-4                    | 3 цифры",
    "8 914 123-45-67-8       | 12 цифр",
    "+7 914 123 45 6         | 10 цифр: ожидается +7",
    "+44 20 7946 0958        | не российский",
    "позвоните нам           | не похоже",
    "8 (914)) 123-45-67      | 11 цифр",
    "'  '                    | не указан",
  })
  void refusesOthersWithReason(String raw, String reason) {
    assertThat(Phones.toE164(raw)).isNull();
    assertThat(Phones.isValid(raw)).isFalse();
    assertThat(Phones.problem(raw)).contains(reason);
  }

  @ParameterizedTest
  @ValueSource(strings = {"7141234567", "0141234567", "+8 914 123 45 67", "++79141234567", "8 914 123 45 67 доб."})
  void refusesAmbiguousForms(String raw) {
    assertThat(Phones.toE164(raw)).isNull();
    assertThat(Phones.problem(raw)).isNotNull();
  }
}
