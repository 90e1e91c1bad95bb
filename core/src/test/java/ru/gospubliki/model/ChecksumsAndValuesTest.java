package ru.gospubliki.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksumsAndValuesTest {
  @ParameterizedTest
  @CsvSource(value = {"да,YES", "ДА,YES", "' Да ',YES", "yes,YES", "True,YES", "1,YES", "+,YES",
      "нет,NO", "Нет,NO", "no,NO", "false,NO", "0,NO", "-,NO", "'',UNKNOWN", "'  ',UNKNOWN"})
  void declaredParses(String value, Declared expected) {
    assertThat(Declared.parse(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"может быть", "y", "да!", "2"})
  void declaredRejects(String value) {
    assertThatThrownBy(() -> Declared.parse(value)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ожидается «да», «нет» или пусто, а не «" + value + "»");
  }

  @ParameterizedTest
  @CsvSource({"орган власти,STATE_BODY", "Орган государственной власти,STATE_BODY", "госорган,STATE_BODY",
      "STATE_BODY,STATE_BODY", "омсу,LOCAL_SELF_GOVERNMENT", "' ОМСУ ',LOCAL_SELF_GOVERNMENT",
      "орган местного самоуправления,LOCAL_SELF_GOVERNMENT", "local_self_government,LOCAL_SELF_GOVERNMENT",
      "подведомственное,SUBORDINATE", "Подведомственное учреждение,SUBORDINATE",
      "подведомственная организация,SUBORDINATE"})
  void organizationKindParses(String value, OrganizationKind expected) {
    assertThat(OrganizationKind.parse(value)).isEqualTo(expected);
  }

  @Test
  void organizationKindRejectsAndNames() {
    assertThatThrownBy(() -> OrganizationKind.parse(" школа ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("неизвестный тип организации «школа»: ожидается «орган власти», «ОМСУ» или «подведомственное»");
    assertThat(OrganizationKind.SUBORDINATE.russianName()).isEqualTo("подведомственное");
    for (OrganizationKind kind : OrganizationKind.values()) {
      assertThat(OrganizationKind.parse(kind.russianName())).isEqualTo(kind);
    }
  }

  @Test
  void organizationBuildsWithDefaults() {
    Organization org = Organization.builder().name("МБОУ СОШ № 9").inn("7707083893").ogrn("1027700132195")
        .addPages(PageRef.parse("vk:1")).build();
    assertThat(org.connected()).isEqualTo(Declared.UNKNOWN);
    assertThat(org.responsibleOrder()).isEqualTo(Declared.UNKNOWN);
    assertThat(org.accountPolicy()).isEqualTo(Declared.UNKNOWN);
    assertThat(org.qrCodesPlaced()).isEqualTo(Declared.UNKNOWN);
    assertThat(org.kind()).isNull();
    assertThat(org.pages()).containsExactly(PageRef.parse("vk:1"));
    assertThat(Organization.builder().name("ИП").inn("500100732259").ogrn("304500116000157").build().ogrn())
        .isEqualTo("304500116000157");
  }

  @Test
  void organizationBuilderErrorsAreRussianAndNameTheValue() {
    assertThatThrownBy(() -> Organization.builder().name("  ").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("наименование организации не заполнено");
    assertThatThrownBy(() -> Organization.builder().name("Школа").inn("7707083890").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("ИНН «7707083890»: неверная контрольная сумма ИНН");
    assertThatThrownBy(() -> Organization.builder().name("Школа").inn("12345").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ИНН «12345»: ИНН должен содержать 10 цифр (организация) или 12 (физическое лицо)");
    assertThatThrownBy(() -> Organization.builder().name("Школа").ogrn("1027700132190").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("ОГРН «1027700132190»: неверная контрольная сумма ОГРН");
    assertThatThrownBy(() -> Organization.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("name");
  }
}
