package ru.gospubliki.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrgNamesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "МБОУ СОШ № 9                                 | 9 сош",
    "МБОУ \"СОШ №9\"                              | 9 сош",
    "«СОШ № 9» МАДОУ                              | 9 сош",
    "Муниципальное бюджетное общеобразовательное учреждение средняя общеобразовательная школа № 9 | 9 сош",
    "МБДОУ детский сад № 5 «Ёлочка»               | 5 дс елочка",
    "ГБУЗ «Амурская ЦРБ»                          | амурская црб",
    "КГБУЗ Амурская центральная районная больница | амурская црб",
    "МБОУ СОШ им. А.С. Пушкина                    | а пушкина с сош",
    "МБОУ СОШ имени А. С. Пушкина                 | а пушкина с сош",
    "МБОУ                                         | мбоу",
    "МБУ ДО «Детская школа искусств»              | дши",
    "Муниципальное бюджетное учреждение дополнительного образования детская школа искусств | дши",
    "Краевое государственное бюджетное учреждение здравоохранения «Амурская ЦРБ» | амурская црб",
    "Управление образования администрации района  | администрации образования района управление",
  })
  void normalises(String name, String normalised) {
    assertThat(OrgNames.normalize(name)).isEqualTo(normalised);
  }

  @Test
  void sameOrganisationWrittenDifferentlyIsSimilar() {
    assertThat(OrgNames.similarity("МБОУ \"СОШ № 9\"",
        "Муниципальное бюджетное общеобразовательное учреждение средняя общеобразовательная школа №9"))
        .isEqualTo(1.0);
    assertThat(OrgNames.similarity("МБОУ СОШ им. Пушкина", "мбоу сош имени пушкина")).isEqualTo(1.0);
    assertThat(OrgNames.similarity("МАДОУ Детский сад № 12 «Солнышко»", "Детский сад №12 Солнышко"))
        .isEqualTo(1.0);
  }

  @Test
  void typoKeepsHighSimilarity() {
    assertThat(OrgNames.similarity("МБОУ СОШ № 9 г. Амурска", "МБОУ СОШ № 9 г. Амурск")).isGreaterThan(0.9);
  }

  @Test
  void differentOrganisationsAreNotSimilar() {
    assertThat(OrgNames.similarity("МБОУ СОШ № 9", "МБОУ СОШ № 3")).isEqualTo(OrgNames.DIFFERENT_NUMBERS);
    assertThat(OrgNames.similarity("МБДОУ детский сад № 12", "МБДОУ детский сад № 21")).isLessThan(0.8);
    assertThat(OrgNames.similarity("МБОУ СОШ № 9", "Администрация Амурского района")).isLessThan(0.3);
    assertThat(OrgNames.similarity("Управление образования", "Управление культуры")).isLessThan(0.8);
  }

  @Test
  void similarityIsSymmetricAndBounded() {
    double ab = OrgNames.similarity("ГБУЗ Амурская ЦРБ", "Амурская районная поликлиника");
    double ba = OrgNames.similarity("Амурская районная поликлиника", "ГБУЗ Амурская ЦРБ");
    assertThat(ab).isEqualTo(ba, within(1e-12)).isBetween(0.0, 1.0);
    assertThat(OrgNames.similarity("", "")).isEqualTo(1.0);
    assertThat(OrgNames.similarity("абв", "")).isEqualTo(0.0);
  }
}
