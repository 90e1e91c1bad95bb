package ru.gospubliki.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

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
import ru.gospubliki.model.OrganizationField;
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

    assertThat(registry.organizations()).hasSize(3);
    assertThat(registry.organizations().get(0).pages())
        .containsExactly(PageRef.parse("https://vk.com/club1"), PageRef.parse("https://max.ru/school1"));
    assertThat(registry.organizations().get(1).pages()).containsExactly(PageRef.parse("max:-70000000000102"));
    // A VK page in the MAX column is kept as the VK page it is, with a warning.
    assertThat(registry.organizations().get(2).pages()).containsExactly(PageRef.parse("https://vk.com/club3"));
    assertThat(registry.rejectedRows()).isEmpty();
    assertThat(registry.warnings()).singleElement().satisfies(warning ->
        assertThat(warning.message()).contains("«https://vk.com/club3» — ссылка не на MAX"));
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
        .hasMessage("строка 1: текст не в кодировке UTF-8: укажите кодировку явно (например, windows-1251) "
            + "или пересохраните реестр целиком в UTF-8");
  }

  @Test
  void fileDetectionChecksTheWholeFile() throws IOException {
    // Two megabytes of ASCII, then a Windows-1251 row: the file as a whole is not UTF-8.
    Path file = dir.resolve("late.csv");
    try (BufferedWriter out = Files.newBufferedWriter(file, CP1251)) {
      out.write("name;district;vk\n");
      for (int i = 0; i < 70_000; i++) out.write("School " + i + ";North district;\n");
      out.write("Школа;Район;\n");
    }
    Registry registry = RegistryReader.read(file, null);
    assertThat(registry.organizations()).hasSize(70_001);
    assertThat(registry.organizations().get(70_000).name()).isEqualTo("Школа");

    // A stream is judged by its first megabyte: the late Windows-1251 row is then a clear error.
    byte[] bytes = Files.readAllBytes(file);
    assertThatThrownBy(() -> RegistryReader.read(new ByteArrayInputStream(bytes), null))
        .isInstanceOf(RegistryFormatException.class)
        .hasMessageStartingWith("строка 70002: текст не в кодировке UTF-8");
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
    Registry registry = read("наименование;приказ об ответственных;Инструкция по учетным записям;qr-КОДЫ;vk\n"
        + "Школа;нет;да;да;\n");
    Organization org = registry.organizations().get(0);
    assertThat(org.responsibleOrder()).isEqualTo(Declared.NO);
    assertThat(org.accountPolicy()).isEqualTo(Declared.YES);
    assertThat(org.qrCodesPlaced()).isEqualTo(Declared.YES);
  }

  @Test
  void delimiterInsideQuotedHeaderDoesNotDecide() throws IOException {
    // Three commas inside quotes, two semicolons outside: the delimiter is ';'.
    Registry registry = read("\"name\";\"Район\";\"Примечание, если есть, любое, свободное\";vk\n"
        + "Школа, № 1;Север;x;\n");
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
    Registry registry = read("\r\nname;vk\r\nШкола 1;vk:1\r\n\r\n;\r\nШкола 2;vk:x\r\n"
        + "\"Школа\r\n3\";vk:y\r\n");
    assertThat(registry.organizations()).extracting(Organization::name).containsExactly("Школа 1");
    assertThat(registry.rejectedRows()).extracting(RejectedRow::line).containsExactly(6L, 7L);
  }

  @Test
  void everyBadRowIsReportedWithEveryProblemAndGoodRowsLoad() throws IOException {
    Registry registry = read("Наименование;Тип;ИНН;ОГРН;ВКонтакте;Одноклассники;Подключено к Госпабликам\n"
        + "Школа 1;подведомственное;7707083893;;vk:1;;да\n"
        + ";школа;7707083890;1027700132190;https://vk.com/bad/path;группа;может быть\n"
        + "Школа 3;ОМСУ;;;https://ok.ru/group/1;;\n"
        + "Школа 4;ОМСУ\n"
        + "Школа 5;;12345;;vk:abc;;\n"
        + "Школа 6;;;;;;\n");
    assertThat(registry.organizations()).extracting(Organization::name).containsExactly("Школа 1", "Школа 3", "Школа 6");
    List<RejectedRow> rejected = registry.rejectedRows();
    assertThat(rejected).extracting(RejectedRow::line).containsExactly(3L, 5L, 6L);
    String expected = ": ожидается ссылка на страницу ВКонтакте (https://vk.com/club123, https://vk.com/имя, vk:123), "
        + "Одноклассников (https://ok.ru/group/123, https://ok.ru/имя, ok:123) или MAX (https://max.ru/имя, "
        + "max:-70123456789)";
    assertThat(rejected.get(0).error()).isEqualTo(String.join("; ",
        "не заполнено наименование (столбец «Наименование»)",
        "столбец «ВКонтакте»: не удалось распознать ссылку на страницу «https://vk.com/bad/path»" + expected,
        "столбец «Одноклассники»: не удалось распознать ссылку на страницу «группа»" + expected));
    assertThat(rejected.get(1).error())
        .isEqualTo("число значений в строке (2) не совпадает с числом столбцов в заголовке (7)");
    assertThat(rejected.get(2).error()).contains("столбец «ВКонтакте»: не удалось распознать ссылку на страницу «vk:abc»");
    // An OK page in the VK column is kept as the OK page it is, with a warning.
    assertThat(registry.organizations().get(1).pages()).containsExactly(PageRef.parse("ok:1"));
    assertThat(registry.warnings()).extracting(RegistryWarning::line, RegistryWarning::message).contains(
        tuple(4L, "столбец «ВКонтакте»: «https://ok.ru/group/1» — ссылка не на ВКонтакте, а на Одноклассники; страница "
            + "учтена как страница Одноклассники"));
    assertThat(registry.rejectedRowCount()).isEqualTo(3);
  }

  /** Informational columns never drop a row: a value that looks wrong is a warning and the row is audited. */
  @Test
  void informationalValuesThatLookWrongAreWarningsAndTheRowStays() throws IOException {
    Registry registry = read("Наименование;Тип;ИНН;ОГРН;ВКонтакте;Подключено к Госпабликам;QR-коды\n"
        + "Школа 1;школа;7707083890;1027700132190;vk:1;в работе;частично\n"
        + "Школа 2;подведомственное;707083890;;vk:2;да;\n"
        + "Школа 3;подведомственное;1,0227E+12;1,02277E+12;vk:3;да;\n");
    assertThat(registry.rejectedRows()).isEmpty();
    assertThat(registry.organizations()).extracting(Organization::name).containsExactly("Школа 1", "Школа 2", "Школа 3");
    Organization first = registry.organizations().get(0);
    assertThat(first.kind()).isNull();
    assertThat(first.inn()).isNull();
    assertThat(first.ogrn()).isNull();
    assertThat(first.connected()).isEqualTo(Declared.UNKNOWN);
    assertThat(first.qrCodesPlaced()).isEqualTo(Declared.UNKNOWN);
    // Excel dropped the leading zero: the checksum proves the ten-digit form.
    assertThat(registry.organizations().get(1).inn()).isEqualTo("0707083890");
    assertThat(registry.warnings()).extracting(RegistryWarning::line, RegistryWarning::message).containsExactly(
        tuple(2L, "столбец «Тип»: неизвестный тип организации «школа»: ожидается «орган власти», «ОМСУ» или "
            + "«подведомственное»; тип не учтён"),
        tuple(2L, "столбец «ИНН»: «7707083890» — неверная контрольная сумма ИНН; ИНН не учтён"),
        tuple(2L, "столбец «ОГРН»: «1027700132190» — неверная контрольная сумма ОГРН; ОГРН не учтён"),
        tuple(2L, "столбец «Подключено к Госпабликам»: ожидается «да», «нет» или пусто, а не «в работе»; считается "
            + "«не указано»"),
        tuple(2L, "столбец «QR-коды»: ожидается «да», «нет» или пусто, а не «частично»; считается «не указано»"),
        tuple(3L, "столбец «ИНН»: «707083890» — похоже, Excel убрал ведущий ноль: ИНН взят как «0707083890»; задайте "
            + "столбцу текстовый формат"),
        tuple(4L, "столбец «ИНН»: «1,0227E+12» — Excel записал ИНН в экспоненциальной форме, цифры потеряны; задайте "
            + "столбцу текстовый формат и введите ИНН заново; ИНН не учтён"),
        tuple(4L, "столбец «ОГРН»: «1,02277E+12» — Excel записал ОГРН в экспоненциальной форме, цифры потеряны; "
            + "задайте столбцу текстовый формат и введите ОГРН заново; ОГРН не учтён"));
    assertThat(registry.warningCount()).isEqualTo(8);
  }

  /** The headers people really write, with non-breaking spaces, «ё», any case, a trailing colon. */
  @Test
  void headersAsPeopleWriteThem() throws IOException {
    Registry registry = read("\u00A0Наименование\u00A0организации:;ИНН организации;E-mail;Ссылка на ВК;"
        + "ОК;MAX;Ответственный*\n"
        + "Школа;7707083893;school@example.ru;https://vk.com/school;https://ok.ru/group/5;https://max.ru/school;Иванова\n");
    assertThat(registry.rejectedRows()).isEmpty();
    Organization school = registry.organizations().get(0);
    assertThat(school.inn()).isEqualTo("7707083893");
    assertThat(school.email()).isEqualTo("school@example.ru");
    assertThat(school.responsible()).isEqualTo("Иванова");
    assertThat(school.pages()).containsExactly(PageRef.parse("https://vk.com/school"), PageRef.parse("ok:5"),
        PageRef.parse("https://max.ru/school"));
    for (String vk : List.of("ВК", "VK", "вконтакте", "Страница ВКонтакте", "ссылка на вк")) {
      assertThat(read("name;" + vk + "\nШкола;vk:1\n").organizations().get(0).pages()).as(vk)
          .containsExactly(PageRef.parse("vk:1"));
    }
    assertThat(read("Наименование;Эл. почта;ОК\nШкола;a@b.ru;\n").organizations().get(0).email()).isEqualTo("a@b.ru");
    assertThat(read("Наименование;МАХ\nШкола;max:-70123456789\n").organizations().get(0).pages())
        .containsExactly(PageRef.parse("max:-70123456789"));
  }

  @Test
  void anUnrecognisedHeaderIsNamedInAWarning() throws IOException {
    Registry registry = read("№;name;Примечание;vk;\n1;Школа;что угодно;vk:1;\n");
    assertThat(registry.rejectedRows()).isEmpty();
    assertThat(registry.organizations()).extracting(Organization::name).containsExactly("Школа");
    assertThat(registry.warnings()).extracting(RegistryWarning::line, RegistryWarning::message).containsExactly(
        tuple(1L, "столбец «№» не распознан и не учитывается; известные столбцы — в описании реестра (например, "
            + "«Наименование», «ВКонтакте», «Одноклассники», «MAX»)"),
        tuple(1L, "столбец «Примечание» не распознан и не учитывается; известные столбцы — в описании реестра "
            + "(например, «Наименование», «ВКонтакте», «Одноклассники», «MAX»)"));
  }

  /** Without a page column every organisation would "break the law": the file is refused instead. */
  @Test
  void noPageColumnIsBadInput() {
    assertThatThrownBy(() -> read("Наименование;Район;Ответственный\nШкола;Север;Иванова\n"))
        .isInstanceOf(RegistryFormatException.class)
        .hasMessage("строка 1: нет ни одного столбца со ссылками на страницы: нужен хотя бы один из «ВКонтакте» (vk), "
            + "«Одноклассники» (ok), «MAX» (max); в заголовке: «Наименование», «Район», «Ответственный»");
  }

  /** Pages of platforms the law does not name are kept, so the audit can report them. */
  @Test
  void pagesOfOtherPlatformsAreKept() throws IOException {
    Registry registry = read("Наименование;ВКонтакте;Telegram\n"
        + "Детский сад;https://facebook.com/teremok5;https://t.me/teremok5\n"
        + "Школа;нет;-\n"
        + "Лицей;https://vk.com/lyceum https://vk.com/lyceum_news;\n");
    assertThat(registry.rejectedRows()).isEmpty();
    assertThat(registry.organizations().get(0).pages()).containsExactly(PageRef.parse("https://facebook.com/teremok5"),
        PageRef.parse("https://t.me/teremok5"));
    assertThat(registry.organizations().get(1).pages()).isEmpty();
    assertThat(registry.organizations().get(2).pages()).hasSize(2);
  }

  @Test
  void aMissingColumnIsUndeclaredNotEmpty() throws IOException {
    Registry registry = read("Наименование;ВКонтакте;Ответственный\nШкола;vk:1;\n");
    Organization school = registry.organizations().get(0);
    assertThat(school.undeclaredFields()).contains(OrganizationField.RESPONSIBLE_CONTACT, OrganizationField.CONNECTED,
        OrganizationField.QR_CODES).doesNotContain(OrganizationField.RESPONSIBLE);
  }

  @Test
  void tabSeparatedAndExcelsSepLine() throws IOException {
    Registry tabs = read("Наименование\tРайон\tВКонтакте\nШкола, № 1\tСевер\tvk:1\n");
    assertThat(tabs.organizations()).extracting(Organization::name).containsExactly("Школа, № 1");
    assertThat(tabs.organizations().get(0).pages()).containsExactly(PageRef.parse("vk:1"));
    // Excel's first line names the delimiter; line numbers still count it.
    Registry sep = read("sep=,\nНаименование,ВКонтакте\nШкола 1;2,vk:1\nШкола 3,vk:bad\n");
    assertThat(sep.organizations()).extracting(Organization::name).containsExactly("Школа 1;2");
    assertThat(sep.rejectedRows()).extracting(RejectedRow::line).containsExactly(4L);
    assertThat(read("\"sep=;\"\nНаименование;ВКонтакте\nШкола;vk:1\n").organizations()).hasSize(1);
  }

  @Test
  void readsUtf16WithByteOrderMark() throws IOException {
    for (Charset utf16 : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      byte[] bom = utf16.equals(StandardCharsets.UTF_16LE) ? new byte[] {(byte) 0xFF, (byte) 0xFE}
          : new byte[] {(byte) 0xFE, (byte) 0xFF};
      byte[] bytes = concat(bom, RUSSIAN.replace(';', '\t').getBytes(utf16));
      assertRussianSample(RegistryReader.read(new ByteArrayInputStream(bytes), null));
      // The mark decides even against a wrong explicit encoding.
      assertRussianSample(RegistryReader.read(new ByteArrayInputStream(bytes), CP1251));
      Path file = dir.resolve("utf16.csv");
      Files.write(file, bytes);
      assertRussianSample(RegistryReader.read(file, null));
    }
  }

  /** Rows pasted from a file in another encoding: named, not read as garbage. */
  @Test
  void mixedEncodingsNameTheLine() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("Наименование;Район;ВКонтакте\nМБОУ СОШ № 1;Заречный район;vk:1\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes("МБОУ СОШ № 2;Заречный район;vk:2\n".getBytes(CP1251));
    Path file = dir.resolve("mixed.csv");
    Files.write(file, bytes.toByteArray());
    for (ThrowingRead reading : List.<ThrowingRead>of(() -> RegistryReader.read(file, null),
        () -> RegistryReader.read(new ByteArrayInputStream(bytes.toByteArray()), null))) {
      assertThatThrownBy(reading::read).isInstanceOf(RegistryFormatException.class)
          .hasMessage("строка 3: файл сохранён в разных кодировках: строка 1 в UTF-8, а эта — в Windows-1251 (так "
              + "бывает, когда строки вставлены из другого файла). Пересохраните реестр целиком в одной кодировке, "
              + "например в Excel: «Сохранить как» → «CSV UTF-8»")
          .extracting(e -> ((RegistryFormatException) e).line()).isEqualTo(3L);
    }
  }

  interface ThrowingRead {
    Registry read() throws IOException;
  }

  @Test
  void duplicatesAreWarnings() throws IOException {
    Registry registry = read("Наименование;Район;ИНН;ВКонтакте\n"
        + "МБОУ СОШ № 1;Север;7707083893;vk:1\n"
        + "Школа № 1;Север;7707083893;vk:2\n"
        + "МБОУ \"СОШ № 5\";Юг;;vk:5\n"
        + "Муниципальное бюджетное общеобразовательное учреждение средняя общеобразовательная школа № 5;юг;;vk:6\n"
        + "Библиотека;Юг;;https://vk.com/club1\n");
    assertThat(registry.organizations()).hasSize(5);
    assertThat(registry.warnings()).extracting(RegistryWarning::line, RegistryWarning::message).containsExactly(
        tuple(3L, "организация «Школа № 1» уже указана в строке 2 (тот же ИНН 7707083893): проверьте, не дублируется "
            + "ли она в реестре"),
        tuple(5L, "организация «Муниципальное бюджетное общеобразовательное учреждение средняя общеобразовательная "
            + "школа № 5» уже указана в строке 4: проверьте, не дублируется ли она в реестре"),
        tuple(6L, "страница https://vk.com/club1 указана и у организации «МБОУ СОШ № 1» (строка 2): у каждой "
            + "организации должна быть своя официальная страница"));
  }

  /** A registry with the same mistake on every row holds the first thousand messages and the count. */
  @Test
  void rejectedRowsAndWarningsAreCapped() throws IOException {
    StringBuilder csv = new StringBuilder("Наименование;ВКонтакте;Тип\n");
    for (int i = 1; i <= 2_500; i++) csv.append("Школа ").append(i).append(";vk:bad;\n");
    for (int i = 1; i <= 1_500; i++) csv.append("Сад ").append(i).append(";vk:").append(i).append(";сад\n");
    Registry registry = read(csv.toString());
    assertThat(registry.rejectedRows()).hasSize(Registry.MAX_LISTED);
    assertThat(registry.rejectedRowCount()).isEqualTo(2_500);
    assertThat(registry.rejectedRows().get(0).line()).isEqualTo(2L);
    assertThat(registry.warnings()).hasSize(Registry.MAX_LISTED);
    assertThat(registry.warningCount()).isEqualTo(1_500);
    assertThat(registry.organizations()).hasSize(1_500);
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
    Registry registry = read("Наименование;Район;ВКонтакте\n");
    assertThat(registry.organizations()).isEmpty();
    assertThat(registry.rejectedRows()).isEmpty();
    assertThat(read("name;vk").organizations()).isEmpty();
  }

  @Test
  void missingNameColumnNamesTheColumnsFound() {
    assertThatThrownBy(() -> read("Школа;Район;vk\nШкола;Север;vk:1\n"))
        .isInstanceOf(RegistryFormatException.class)
        .hasMessage("строка 1: нет обязательного столбца «name» («Наименование»); "
            + "в заголовке: «Школа», «Район», «vk»")
        .extracting(e -> ((RegistryFormatException) e).line()).isEqualTo(1L);
  }

  @Test
  void headerAfterBlankLinesKeepsItsLine() {
    assertThatThrownBy(() -> read("\n\nШкола\nШкола\n"))
        .isInstanceOf(RegistryFormatException.class)
        .hasMessage("строка 3: нет обязательного столбца «name» («Наименование»); в заголовке: «Школа»");
  }

  @Test
  void failureOfTheSourceIsAnIoException() {
    byte[] head = "name;vk\nШкола;vk:1\n".getBytes(StandardCharsets.UTF_8);
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
    assertThatThrownBy(() -> read("name;Наименование;vk\nа;б;\n"))
        .isInstanceOf(RegistryFormatException.class)
        .hasMessage("строка 1: столбец «name» («Наименование») указан дважды: «name» и «Наименование»");
  }

  @Test
  void unterminatedQuoteIsAFormatError() {
    assertThatThrownBy(() -> read("name;vk\nШкола 1;Север\r\n\r\n\"Школа;Север\nШкола 3;Юг\n"))
        .isInstanceOf(RegistryFormatException.class)
        .hasMessage("строка 4: незакрытая кавычка: значение в кавычках не закрыто до конца файла");
    assertThatThrownBy(() -> read("name;vk\n\"Школа\" 1;Север\n"))
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
        if (i % 10_000 == 0) out.write("Плохая " + i + ";Район;;;https://vk.com/bad/path;;\n");
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
