package ru.gospubliki.internal.registry;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.Checksums;
import ru.gospubliki.model.Declared;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.OrganizationKind;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.registry.Registry;
import ru.gospubliki.registry.RegistryFormatException;
import ru.gospubliki.registry.RejectedRow;

/**
 * Reads a registry CSV row by row with commons-csv: the delimiter is detected
 * from the header line, columns are matched by English name or Russian alias, each bad row becomes a
 * {@link RejectedRow} naming every problem it has, and good rows load.
 */
public final class RegistryCsv {
  /** A header longer than this is not a header. */
  private static final int MAX_HEADER = 1 << 16;

  private RegistryCsv() {}

  public static Registry read(Path file, @Nullable Charset charset) throws IOException {
    Charset actual = charset != null ? charset : Encodings.detect(file);
    try (InputStream in = Files.newInputStream(file)) {
      return read(Encodings.reader(in, actual), actual);
    }
  }

  public static Registry read(InputStream in, @Nullable Charset charset) throws IOException {
    Charset actual = charset;
    InputStream source = in;
    if (actual == null) {
      BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
      actual = Encodings.detect(buffered);
      source = buffered;
    }
    return read(Encodings.reader(source, actual), actual);
  }

  /** Reads already decoded text; a leading BOM is skipped. */
  public static Registry read(Reader reader) throws IOException {
    return read(reader, null);
  }

  private static Registry read(Reader decoded, @Nullable Charset charset) throws IOException {
    try {
      return parse(decoded);
    } catch (CharacterCodingException e) {
      throw new RegistryFormatException(0, charset != null
          ? "файл не в кодировке " + charset.name() + ": укажите кодировку явно (например, windows-1251)"
          : "текст содержит символы, недопустимые в его кодировке");
    }
  }

  private static Registry parse(Reader decoded) throws IOException {
    BufferedReader buffered = new BufferedReader(decoded, 1 << 16);
    StringBuilder header = new StringBuilder();
    char delimiter = scanHeader(buffered, header);
    if (header.toString().isBlank()) {
      throw new RegistryFormatException(0, "файл пуст: нужна строка заголовка со столбцами, "
          + "хотя бы «name» («Наименование»)");
    }
    PushbackReader pushback = new PushbackReader(buffered, header.length());
    pushback.unread(header.toString().toCharArray());
    LineTrackingReader lines = new LineTrackingReader(pushback);

    CSVFormat format = CSVFormat.RFC4180.builder()
        .setDelimiter(delimiter)
        .setIgnoreEmptyLines(false) // Blank lines are skipped below, so record positions stay exact.
        .setIgnoreSurroundingSpaces(true)
        .get();
    Registry.Builder registry = Registry.builder();
    long nextLine = 1; // Where the record being parsed starts, for errors that break the parse.
    try (CSVParser parser = format.parse(lines)) {
      @Nullable Header columns = null;
      for (CSVRecord record : parser) {
        nextLine = parser.getCurrentLineNumber() + 1;
        long line = lines.lineOf(record.getCharacterPosition());
        if (isBlank(record)) continue;
        if (columns == null) {
          columns = Header.of(record, line);
          continue;
        }
        List<String> problems = new ArrayList<>();
        @Nullable Organization organization = organization(record, columns, problems);
        if (organization != null) {
          registry.addOrganizations(organization);
        } else {
          registry.addRejectedRows(RejectedRow.of(line, String.join("; ", problems)));
        }
      }
    } catch (UncheckedIOException e) {
      // The record iterator wraps both CSV syntax errors and failures of the source.
      if (e.getCause() instanceof CSVException) throw malformed(nextLine, e.getCause());
      throw e.getCause();
    } catch (CSVException e) {
      throw malformed(nextLine, e);
    }
    return registry.build();
  }

  /** A CSV syntax error: the rest of the file cannot be split into rows, so the whole file fails. */
  private static RegistryFormatException malformed(long line, IOException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("EOF reached before encapsulated token finished")) {
      return new RegistryFormatException(line, "незакрытая кавычка: значение в кавычках не закрыто до конца файла");
    }
    if (message.contains("Invalid character between encapsulated token and delimiter")) {
      return new RegistryFormatException(line, "после закрывающей кавычки до разделителя идут другие символы "
          + "(кавычку внутри значения нужно удвоить: \"\")");
    }
    // Commons CSV's other messages are English: say what to look at instead.
    return new RegistryFormatException(line, "не удалось разобрать CSV: проверьте кавычки и разделители в этой строке");
  }

  /**
   * Reads up to the end of the header line into {@code header} (blank lines before it included, a BOM
   * dropped) and picks the delimiter: the more frequent of {@code ;} and {@code ,} outside quotes in
   * the header, {@code ;} on a tie.
   */
  private static char scanHeader(Reader reader, StringBuilder header) throws IOException {
    int semicolons = 0;
    int commas = 0;
    boolean quoted = false;
    boolean content = false;
    int c = reader.read();
    if (c == '\uFEFF') c = reader.read();
    while (c != -1) {
      header.append((char) c);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == ';') semicolons++;
        else if (c == ',') commas++;
        else if (c == '\n' || c == '\r') {
          if (content) break;
        } else if (!Character.isWhitespace(c)) {
          content = true;
        }
      }
      if (c == '"' || c == ';' || c == ',') content = true;
      if (header.length() >= MAX_HEADER) break;
      c = reader.read();
    }
    return commas > semicolons ? ',' : ';';
  }

  private static boolean isBlank(CSVRecord record) {
    for (String value : record) {
      if (!value.isBlank()) return false;
    }
    return true;
  }

  private static @Nullable Organization organization(CSVRecord record, Header header, List<String> problems) {
    if (record.size() != header.size()) {
      problems.add("число значений в строке (" + record.size() + ") не совпадает с числом столбцов в заголовке ("
          + header.size() + ")");
      return null;
    }
    Organization.Builder builder = Organization.builder();

    @Nullable String name = header.value(record, Column.NAME);
    if (name == null) problems.add("не заполнено наименование (столбец «" + header.label(Column.NAME) + "»)");
    else builder.name(name);

    builder.district(header.value(record, Column.DISTRICT));
    builder.email(header.value(record, Column.EMAIL));
    builder.site(header.value(record, Column.SITE));
    builder.responsible(header.value(record, Column.RESPONSIBLE));
    builder.responsibleContact(header.value(record, Column.RESPONSIBLE_CONTACT));

    @Nullable String kind = header.value(record, Column.KIND);
    if (kind != null) {
      try {
        builder.kind(OrganizationKind.parse(kind));
      } catch (IllegalArgumentException e) {
        problems.add(header.problem(Column.KIND, String.valueOf(e.getMessage())));
      }
    }

    @Nullable String inn = header.value(record, Column.INN);
    if (inn != null) {
      @Nullable String problem = Checksums.innProblem(inn);
      if (problem == null) builder.inn(inn);
      else problems.add(header.problem(Column.INN, "«" + inn + "» — " + problem));
    }
    @Nullable String ogrn = header.value(record, Column.OGRN);
    if (ogrn != null) {
      @Nullable String problem = Checksums.ogrnProblem(ogrn);
      if (problem == null) builder.ogrn(ogrn);
      else problems.add(header.problem(Column.OGRN, "«" + ogrn + "» — " + problem));
    }

    page(record, header, Column.VK, PlatformId.VK, "ВКонтакте", builder, problems);
    page(record, header, Column.OK, PlatformId.OK, "Одноклассники", builder, problems);
    page(record, header, Column.MAX, PlatformId.MAX, "MAX", builder, problems);

    @Nullable Declared connected = declared(record, header, Column.CONNECTED, problems);
    if (connected != null) builder.connected(connected);
    @Nullable Declared order = declared(record, header, Column.RESPONSIBLE_ORDER, problems);
    if (order != null) builder.responsibleOrder(order);
    @Nullable Declared accounts = declared(record, header, Column.ACCOUNT_POLICY, problems);
    if (accounts != null) builder.accountPolicy(accounts);
    @Nullable Declared qr = declared(record, header, Column.QR_CODES, problems);
    if (qr != null) builder.qrCodesPlaced(qr);

    if (!problems.isEmpty()) return null;
    try {
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  private static void page(CSVRecord record, Header header, Column column, PlatformId platform,
      String platformName, Organization.Builder builder, List<String> problems) {
    @Nullable String value = header.value(record, column);
    if (value == null) return;
    PageRef page;
    try {
      page = PageRef.parse(value);
    } catch (IllegalArgumentException e) {
      problems.add(header.problem(column, String.valueOf(e.getMessage())));
      return;
    }
    if (!page.platform().equals(platform)) {
      problems.add(header.problem(column, "«" + value + "» — ссылка не на " + platformName));
      return;
    }
    builder.addPages(page);
  }

  private static @Nullable Declared declared(CSVRecord record, Header header, Column column,
      List<String> problems) {
    @Nullable String value = header.value(record, column);
    if (value == null) return null;
    try {
      return Declared.parse(value);
    } catch (IllegalArgumentException e) {
      problems.add(header.problem(column, String.valueOf(e.getMessage())));
      return null;
    }
  }

  /** Which record index holds each known column, and the column's label as the file spells it. */
  private static final class Header {
    private final Map<Column, Integer> indexes;
    private final Map<Column, String> labels;
    private final int size;

    private Header(Map<Column, Integer> indexes, Map<Column, String> labels, int size) {
      this.indexes = indexes;
      this.labels = labels;
      this.size = size;
    }

    /** Unknown columns are ignored: registries carry extra columns of their own. */
    static Header of(CSVRecord record, long line) {
      Map<Column, Integer> indexes = new EnumMap<>(Column.class);
      Map<Column, String> labels = new EnumMap<>(Column.class);
      List<String> found = new ArrayList<>();
      boolean binary = false;
      for (int i = 0; i < record.size(); i++) {
        String label = record.get(i).replace("\uFEFF", "").trim();
        binary |= hasControlCharacters(label);
        if (found.size() < MAX_LABELS_SHOWN) found.add("«" + printable(label) + "»");
        else if (found.size() == MAX_LABELS_SHOWN) found.add("…");
        @Nullable Column column = Column.forHeader(label);
        if (column == null) continue;
        if (indexes.containsKey(column)) {
          throw new RegistryFormatException(line, "столбец «" + column.english + "» («" + column.russian
              + "») указан дважды: «" + labels.get(column) + "» и «" + label + "»");
        }
        indexes.put(column, i);
        labels.put(column, label);
      }
      if (!indexes.containsKey(Column.NAME) && binary) {
        throw new RegistryFormatException(line, "файл не похож на таблицу CSV (двоичные данные в заголовке): "
            + "нужен текстовый файл CSV со столбцом «name» («Наименование»)");
      }
      if (!indexes.containsKey(Column.NAME)) {
        throw new RegistryFormatException(line, "нет обязательного столбца «name» («Наименование»); "
            + "в заголовке: " + String.join(", ", found));
      }
      return new Header(indexes, labels, record.size());
    }

    int size() {
      return size;
    }

    /** Header labels quoted in messages: at most this many, each cut to {@link #MAX_LABEL_LENGTH}. */
    private static final int MAX_LABELS_SHOWN = 20;
    private static final int MAX_LABEL_LENGTH = 60;

    private static boolean hasControlCharacters(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (Character.isISOControl(s.charAt(i))) return true;
      }
      return false;
    }

    /** The label as it can be shown on a terminal: no control characters, not too long. */
    private static String printable(String label) {
      String cut = label.length() > MAX_LABEL_LENGTH ? label.substring(0, MAX_LABEL_LENGTH) + "…" : label;
      StringBuilder out = new StringBuilder(cut.length());
      for (int i = 0; i < cut.length(); i++) {
        char c = cut.charAt(i);
        out.append(Character.isISOControl(c) ? '\uFFFD' : c);
      }
      return out.toString();
    }

    /** The trimmed value of {@code column}, null when the column is absent or the value blank. */
    @Nullable String value(CSVRecord record, Column column) {
      @Nullable Integer index = indexes.get(column);
      if (index == null) return null;
      String value = record.get(index).trim();
      return value.isEmpty() ? null : value;
    }

    String label(Column column) {
      String label = labels.get(column);
      return label != null ? label : column.english;
    }

    String problem(Column column, String message) {
      return "столбец «" + label(column) + "»: " + message;
    }
  }
}
