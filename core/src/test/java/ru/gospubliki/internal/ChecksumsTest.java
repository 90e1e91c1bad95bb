package ru.gospubliki.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksumsTest {
  @ParameterizedTest
  @ValueSource(strings = {"7707083893", "7830002293", "500100732259", "773370857141"})
  void validInn(String inn) {
    assertThat(Checksums.innProblem(inn)).isNull();
  }

  @Test
  void invalidInn() {
    assertThat(Checksums.innProblem("7707083890")).isEqualTo("неверная контрольная сумма ИНН");
    // 12 digits: the 11th digit right, the 12th wrong, and the other way round.
    assertThat(Checksums.innProblem("500100732250")).isEqualTo("неверная контрольная сумма ИНН");
    assertThat(Checksums.innProblem("500100732202")).isEqualTo("неверная контрольная сумма ИНН");
    assertThat(Checksums.innProblem("77070838")).isEqualTo("ИНН должен содержать 10 цифр (организация) или 12 (физическое лицо)");
    assertThat(Checksums.innProblem("77070838931")).isEqualTo("ИНН должен содержать 10 цифр (организация) или 12 (физическое лицо)");
    assertThat(Checksums.innProblem("77070838a3")).isEqualTo("ИНН должен состоять из цифр");
    assertThat(Checksums.innProblem("")).isEqualTo("ИНН должен содержать 10 цифр (организация) или 12 (физическое лицо)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1027700132195", "1027739609391", "304500116000157"})
  void validOgrn(String ogrn) {
    assertThat(Checksums.ogrnProblem(ogrn)).isNull();
  }

  @Test
  void invalidOgrn() {
    assertThat(Checksums.ogrnProblem("1027700132190")).isEqualTo("неверная контрольная сумма ОГРН");
    assertThat(Checksums.ogrnProblem("304500116000150")).isEqualTo("неверная контрольная сумма ОГРНИП");
    assertThat(Checksums.ogrnProblem("10277001321")).isEqualTo("ОГРН должен содержать 13 цифр (ОГРНИП — 15)");
    assertThat(Checksums.ogrnProblem("1027700132 95")).isEqualTo("ОГРН должен состоять из цифр");
  }
}
