package ru.gospubliki.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.gospubliki.model.Declared;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.OrganizationKind;
import ru.gospubliki.model.PageRef;

class RegistryReaderTest {
  private static final Charset CP1251 = Charset.forName("windows-1251");
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private static final String RUSSIAN = String.join("\n",
      "Наименование;Район;Тип;ИНН;ОГРН;Email;Сайт;Ответственный;Контакт ответственного;ВКонтакте;"
          + "Одноклассники;Подключено к Госпабликам",
      "МБОУ СОШ № 9;Амурский район;подведомственное;7707083893;1027700132195;school9@example.ru;"
          + "https://school9.example.ru;Иванова И. И.;+7 900 000-00-00;https://vk.com/club123;"
          + "https://ok.ru/group/53350000000001;да",
      "Администрация Амурского района;Амурский район;ОМСУ;;;;;;;vk.com/amur_adm;;нет",
      "");

  @TempDir Path dir;

  private static Registry read(String csv) throws IOException {
    return RegistryReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  private static void assertRussianSample(Registry registry) {
    assertThat(registry.rejectedRows()).isEmpty();
    assertThat(registry.organizations()).hasSize(2);
    Organization school = registry.organizations().get(0);
    assertThat(school.name()).isEqualTo("МБОУ СОШ № 9");
    assertThat(school.district()).isEqualTo("Амурский район");
    assertThat(school.kind()).isEqualTo(OrganizationKind.SUBORDINATE);
    assertThat(school.inn()).isEqualTo("7707083893");
    assertThat(school.ogrn()).isEqualTo("1027700132195");
    assertThat(school.email()).isEqualTo("school9@example.ru");
    assertThat(school.site()).isEqualTo("https://school9.example.ru");
    assertThat(school.responsible()).isEqualTo("Иванова И. И.");
    assertThat(school.responsibleContact()).isEqualTo("+7 900 000-00-00");
    assertThat(school.pages()).containsExactly(PageRef.parse("vk:123"), PageRef.parse("ok:53350000000001"));
    assertThat(school.connected()).isEqualTo(Declared.YES);
    Organization administration = registry.organizations().get(1);
    assertThat(administration.kind()).isEqualTo(OrganizationKind.LOCAL_SELF_GOVERNMENT);
    assertThat(administration.inn()).isNull();
    assertThat(administration.email()).isNull();
    assertThat(administration.pages()).containsExactly(PageRef.parse("https://vk.com/amur_adm"));
    assertThat(administration.connected()).isEqualTo(Declared.NO);
  }

  @Test
  void readsRussianHeadersUtf8WithoutBom() throws IOException {
    assertRussianSample(read(RUSSIAN));
  }

  @Test
  void readsMaxChannelsFromTheMaxColumn() throws IOException {
    Registry registry = read("Наименование;ВКонтакте;MAX\n"
        + "Школа № 1;https://vk.com/club1;https://max.ru/school1\n"
        + "Школа № 2;;max:-70000000000102\n"
        + "Школа № 3;;https://vk.com/club3\n");

    assertThat(registry.organizations()).hasSize(2);
    assertThat(registry.organizations().get(0).pages())
        .containsExactly(PageRef.parse("https://vk.com/club1"), PageRef.parse("https://max.ru/school1"));
    assertThat(registry.organizations().get(1).pages()).containsExactly(PageRef.parse("max:-70000000000102"));
    assertThat(registry.rejectedRows()).singleElement().satisfies(row ->
        assertThat(row.error()).contains("«https://vk.com/club3» — ссылка не на MAX"));
  }

  @Test
  void readsUtf8WithBom() throws IOException {
    byte[] bytes = concat(BOM, RUSSIAN.getBytes(StandardCharsets.UTF_8));
    assertRussianSample(RegistryReader.read(new ByteArrayInputStream(bytes), null));
    assertRussianSample(RegistryReader.read(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
    Path file = dir.resolve("bom.csv");
    Files.write(file, bytes);
    assertRussianSample(RegistryReader.read(file, null));
  }

  @Test
  void readsWindows1251DetectedAndExplicit() throws IOException {
    byte[] bytes = RUSSIAN.getBytes(CP1251);
    assertRussianSample(RegistryReader.read(new ByteArrayInputStream(bytes), null));
    assertRussianSample(RegistryReader.read(new ByteArrayInputStream(bytes), CP1251));
    Path file = dir.resolve("cp1251.csv");
    Files.write(file, bytes);
    assertRussianSample(RegistryReader.read(file, null));
    assertRussianSample(RegistryReader.read(file, CP1251));
  }

  @Test
  void windows1251ReadAsUtf8IsAClearError() {
    byte[] bytes = RUSSIAN.getBytes(CP1251);
    assertThatThrownBy(() -> RegistryReader.read(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))
        .isInstanceOf(RegistryFormatException.class)
        .hasMessage("файл не в кодировке UTF-8: укажите кодировку явно (например, windows-1251)");
  }

  @Test
  void fileDetectionChecksTheWholeFile() throws IOException {
    // Two megabytes of ASCII, then a Windows-1251 row: the file as a whole is not UTF-8.
    Path file = dir.resolve("late.csv");
    try (BufferedWriter out = Files.newBufferedWriter(file, CP1251)) {
      out.write("name;district\n");
      for (int i = 0; i < 70_000; i++) out.write("School " + i + ";North district\n");
      out.write("Школа;Район\n");
    }
    Registry registry = RegistryReader.read(file, null);
    assertThat(registry.organizations()).hasSize(70_001);
    assertThat(registry.organizations().get(70_000).name()).isEqualTo("Школа");

    // A stream is judged by its first megabyte: the late Windows-1251 row is then a clear error.
    byte[] bytes = Files.readAllBytes(file);
    assertThatThrownBy(() -> RegistryReader.read(new ByteArrayInputStream(bytes), null))
        .isInstanceOf(RegistryFormatException.class)
        .hasMessage("файл не в кодировке UTF-8: укажите кодировку явно (например, windows-1251)");
  }

  @Test
  void readsCommaDelimitedEnglishHeadersInAnyCase() throws IOException {
    Registry registry = read(" NAME , District,Kind,VK,OK,Connected,Responsible_Order,ACCOUNT_POLICY,qr_codes\n"
        + "School 1,North,STATE_BODY,vk:1,ok:2,yes,да,нет,\n");
    assertThat(registry.rejectedRows()).isEmpty();
    Organization org = registry.organizations().get(0);
    assertThat(org.name()).isEqualTo("School 1");
    assertThat(org.district()).isEqualTo("North");
    assertThat(org.kind()).isEqualTo(OrganizationKind.STATE_BODY);
    assertThat(org.pages()).containsExactly(PageRef.parse("vk:1"), PageRef.parse("ok:2"));
    assertThat(org.connected()).isEqualTo(Declared.YES);
    assertThat(org.responsibleOrder()).isEqualTo(Declared.YES);
    assertThat(org.accountPolicy()).isEqualTo(Declared.NO);
    assertThat(org.qrCodesPlaced()).isEqualTo(Declared.UNKNOWN);
  }

  @Test
  void russianChecklistColumnsWithYoOrYe() throws IOException {
    Registry registry = read("наименование;приказ об ответственных;Инструкция по учетным записям;qr-КОДЫ\n"
        + "Школа;нет;да;да\n");
    Organization org = registry.organizations().get(0);
    assertThat(org.responsibleOrder()).isEqualTo(Declared.NO);
    assertThat(org.accountPolicy()).isEqualTo(Declared.YES);
    assertThat(org.qrCodesPlaced()).isEqualTo(Declared.YES);
  }

  @Test
  void delimiterInsideQuotedHeaderDoesNotDecide() throws IOException {
    // Three commas inside quotes, two semicolons outside: the delimiter is ';'.
    Registry registry = read("\"name\";\"Район\";\"Примечание, если есть, любое, свободное\"\n"
        + "Школа, № 1;Север;x\n");
    assertThat(registry.rejectedRows()).isEmpty();
    assertThat(registry.organizations()).extracting(Organization::name).containsExactly("Школа, № 1");
  }

  @Test
  void quotedFieldsWithDelimitersQuotesAndNewlines() throws IOException {
    Registry registry = read("name;district;vk\n"
        + "\"МБОУ \"\"Гимназия; № 1\"\"\";\"Район\nс переносом\";vk:10\n"
        + "Школа 2;Север;https://vk.com/bad/path\n");
    assertThat(registry.organizations()).hasSize(1);
    assertThat(registry.organizations().get(0).name()).isEqualTo("МБОУ \"Гимназия; № 1\"");
    assertThat(registry.organizations().get(0).district()).isEqualTo("Район\nс переносом");
    // The bad row is on physical line 4: the quoted newline took a line.
    assertThat(registry.rejectedRows()).extracting(RejectedRow::line).containsExactly(4L);
  }

  @Test
  void lineNumbersArePhysicalWithBlankLinesAndCrLf() throws IOException {
    Registry registry = read("\r\nname;inn\r\nШкола 1;7707083893\r\n\r\n;\r\nШкола 2;123\r\n"
        + "\"Школа\r\n3\";1\r\n");
    assertThat(registry.organizations()).extracting(Organization::name).containsExactly("Школа 1");
    assertThat(registry.rejectedRows()).extracting(RejectedRow::line).containsExactly(6L, 7L);
  }

  @Test
  void everyBadRowIsReportedWithEveryProblemAndGoodRowsLoad() throws IOException {
    Registry registry = read("Наименование;Тип;ИНН;ОГРН;ВКонтакте;Одноклассники;Подключено к Госпабликам\n"
        + "Школа 1;подведомственное;7707083893;;vk:1;;да\n"
        + ";школа;7707083890;1027700132190;https://facebook.com/x;https://vk.com/club5;может быть\n"
        + "Школа 3;ОМСУ;;;https://ok.ru/group/1;;\n"
        + "Школа 4;ОМСУ\n"
        + "Школа 5;;12345;;vk:abc;;\n"
        + "Школа 6;;;;;;\n");
    assertThat(registry.organizations()).extracting(Organization::name).containsExactly("Школа 1", "Школа 6");
    List<RejectedRow> rejected = registry.rejectedRows();
    assertThat(rejected).extracting(RejectedRow::line).containsExactly(3L, 4L, 5L, 6L);
    assertThat(rejected.get(0).error()).isEqualTo(String.join("; ",
        "не заполнено наименование (столбец «Наименование»)",
        "столбец «Тип»: неизвестный тип организации «школа»: ожидается «орган власти», «ОМСУ» или «подведомственное»",
        "столбец «ИНН»: «7707083890» — неверная контрольная сумма ИНН",
        "столбец «ОГРН»: «1027700132190» — неверная контрольная сумма ОГРН",
        "столбец «ВКонтакте»: не удалось распознать ссылку на страницу «https://facebook.com/x»: ожидается "
            + "https://vk.com/club123, https://vk.com/имя, vk:123, https://ok.ru/group/123, https://ok.ru/имя, ok:123, "
            + "https://max.ru/имя или max:-70123456789",
        "столбец «Одноклассники»: «https://vk.com/club5» — ссылка не на Одноклассники",
        "столбец «Подключено к Госпабликам»: ожидается «да», «нет» или пусто, а не «может быть»"));
    assertThat(rejected.get(1).error())
        .isEqualTo("столбец «ВКонтакте»: «https://ok.ru/group/1» — ссылка не на ВКонтакте");
    assertThat(rejected.get(2).error())
        .isEqualTo("число значений в строке (2) не совпадает с числом столбцов в заголовке (7)");
    assertThat(rejected.get(3).error()).contains("столбец «ИНН»: «12345» — ИНН должен содержать 10 цифр")
        .contains("столбец «ВКонтакте»: не удалось распознать ссылку на страницу «vk:abc»");
  }

  @Test
  void unknownColumnsAreIgnored() throws IOException {
    Registry registry = read("№;name;Примечание\n1;Школа;что угодно\n");
    assertThat(registry.rejectedRows()).isEmpty();
    assertThat(registry.organizations()).extracting(Organization::name).containsExactly("Школа");
  }

  @Test
  void emptyFileIsAnError() {
    assertThatThrownBy(() -> read("")).isInstanceOf(RegistryFormatException.class)
        .hasMessageStartingWith("файл пуст");
    assertThatThrownBy(() -> read("\n \r\n")).isInstanceOf(RegistryFormatException.class)
        .hasMessageStartingWith("файл пуст");
    assertThatThrownBy(() -> RegistryReader.read(new ByteArrayInputStream(BOM), null))
        .isInstanceOf(RegistryFormatException.class).hasMessageStartingWith("файл пуст");
  }

  @Test
  void headerOnlyFileIsAnEmptyRegistry() throws IOException {
    Registry registry = read("Наименование;Район\n");
    assertThat(registry.organizations()).isEmpty();
    assertThat(registry.rejectedRows()).isEmpty();
    assertThat(read("name").organizations()).isEmpty();
  }

  @Test
  void missingNameColumnNamesTheColumnsFound() {
    assertThatThrownBy(() -> read("Название;Район;vk\nШкола;Север;vk:1\n"))
        .isInstanceOf(RegistryFormatException.class)
        .hasMessage("строка 1: нет обязательного столбца «name» («Наименование»); "
            + "в заголовке: «Название», «Район», «vk»")
        .extracting(e -> ((RegistryFormatException) e).line()).isEqualTo(1L);
  }

  @Test
  void headerAfterBlankLinesKeepsItsLine() {
    assertThatThrownBy(() -> read("\n\nНазвание\nШкола\n"))
        .isInstanceOf(RegistryFormatException.class)
        .hasMessage("строка 3: нет обязательного столбца «name» («Наименование»); в заголовке: «Название»");
  }

  @Test
  void failureOfTheSourceIsAnIoException() {
    byte[] head = "name;district\nШкола;Север\n".getBytes(StandardCharsets.UTF_8);
    InputStream failing = new InputStream() {
      private int next;

      @Override
      public int read() throws IOException {
        if (next < head.length) return head[next++] & 0xff;
        throw new IOException("disk on fire");
      }
    };
    assertThatThrownBy(() -> RegistryReader.read(failing, StandardCharsets.UTF_8))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(RegistryFormatException.class)
        .hasMessage("disk on fire");
  }

  @Test
  void duplicateColumnIsAnError() {
    assertThatThrownBy(() -> read("name;Наименование\nа;б\n"))
        .isInstanceOf(RegistryFormatException.class)
        .hasMessage("строка 1: столбец «name» («Наименование») указан дважды: «name» и «Наименование»");
  }

  @Test
  void unterminatedQuoteIsAFormatError() {
    assertThatThrownBy(() -> read("name;district\nШкола 1;Север\r\n\r\n\"Школа;Север\nШкола 3;Юг\n"))
        .isInstanceOf(RegistryFormatException.class)
        .hasMessage("строка 4: незакрытая кавычка: значение в кавычках не закрыто до конца файла");
    assertThatThrownBy(() -> read("name;district\n\"Школа\" 1;Север\n"))
        .isInstanceOf(RegistryFormatException.class)
        .hasMessage("строка 2: после закрывающей кавычки до разделителя идут другие символы "
            + "(кавычку внутри значения нужно удвоить: \"\")");
  }

  @Test
  void readsDecodedText() throws IOException {
    assertRussianSample(RegistryReader.read(new StringReader("\uFEFF" + RUSSIAN)));
  }

  @Test
  void doesNotCloseTheCallersStream() throws IOException {
    boolean[] closed = {false};
    InputStream in = new ByteArrayInputStream(RUSSIAN.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    assertRussianSample(RegistryReader.read(in, null));
    assertThat(closed[0]).isFalse();
  }

  @Test
  void largeFileStreams() throws IOException {
    Path file = dir.resolve("large.csv");
    int rows = 130_000;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("\uFEFFНаименование;Район;Тип;ИНН;ВКонтакте;Одноклассники;Подключено к Госпабликам\n");
      for (int i = 1; i <= rows; i++) {
        out.write("\"МБОУ СОШ № " + i + "\";Район " + (i % 40) + ";подведомственное;7707083893;https://vk.com/club"
            + i + ";;да\n");
        if (i % 10_000 == 0) out.write("Плохая " + i + ";Район;;;https://facebook.com/x;;\n");
      }
    }
    Registry registry = RegistryReader.read(file, null);
    assertThat(registry.organizations()).hasSize(rows);
    assertThat(registry.organizations().get(rows - 1).pages()).containsExactly(PageRef.parse("vk:" + rows));
    assertThat(registry.rejectedRows()).hasSize(13);
    // Row i is on line i + 1 plus the bad rows before it; the first bad row follows row 10000.
    assertThat(registry.rejectedRows().get(0).line()).isEqualTo(10_002L);
    assertThat(registry.rejectedRows().get(12).line()).isEqualTo(130_014L);
  }
}
