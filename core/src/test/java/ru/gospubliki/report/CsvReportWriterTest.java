package ru.gospubliki.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvReportWriterTest {
  private static byte[] write() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvReportWriter.create().write(Reports.sample(), out);
    return out.toByteArray();
  }

  private static List<CSVRecord> records(byte[] bytes) throws IOException {
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    return CSVFormat.EXCEL.builder().setDelimiter(';').get().parse(new StringReader(text)).getRecords();
  }

  @Test
  void startsWithBomAndSemicolonHeader() throws IOException {
    byte[] bytes = write();
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(text).startsWith("Район;Организация;Платформа;Страница;Статус страницы;Правило;Результат;"
        + "Серьёзность;Основание;Что исправить\r\n");
  }

  @Test
  void oneRowPerProblemAndOneForAnUnreachablePage() throws IOException {
    List<CSVRecord> records = records(write());
    assertThat(records).hasSize(1 + 5);
    assertThat(records).allSatisfy(r -> assertThat(r.size()).isEqualTo(10));

    assertThat(records.get(1).toList()).containsExactly("Амурский район", "МБОУ СОШ № 9", "", "", "",
        "ORG_RESPONSIBLE", "не выполнено", "нарушение", Reports.EMAIL_BASIS, "не назначен ответственный");
    assertThat(records.get(2).toList()).containsExactly("Амурский район", "МБОУ СОШ № 9", "ВКонтакте",
        "https://vk.com/club123456", "не соответствует", "PROFILE_EMAIL", "не выполнено", "нарушение",
        Reports.EMAIL_BASIS, "не указан адрес электронной почты: добавьте его в раздел «Контакты»");
    assertThat(records.get(3).toList()).containsExactly("Амурский район", "МБОУ СОШ № 9", "ВКонтакте",
        "https://vk.com/club123456", "не соответствует", "GOV_MARK", "не удалось проверить", "предупреждение",
        Reports.EMAIL_BASIS, "платформа не сообщила о метке");
    assertThat(records.get(4).toList()).containsExactly("Амурский район", "МБОУ СОШ № 9", "Одноклассники",
        "https://ok.ru/group/53350000000001", "недоступна", "", "", "", "", "страница недоступна: удалена (deleted)");
    assertThat(records.get(5).toList()).containsExactly("", "Библиотека «Книга; и \"точка\"»", "ВКонтакте",
        "https://vk.com/club77", "соответствует", "POSTS_CADENCE", "не выполнено", "замечание",
        Reports.EMAIL_BASIS, "мало публикаций;\nпишите чаще");
  }

  @Test
  void quotesDelimitersQuotesAndNewlines() throws IOException {
    String text = new String(write(), StandardCharsets.UTF_8);
    assertThat(text).contains(";\"Библиотека «Книга; и \"\"точка\"\"»\";")
        .contains(";\"мало публикаций;\nпишите чаще\"\r\n");
  }
}
