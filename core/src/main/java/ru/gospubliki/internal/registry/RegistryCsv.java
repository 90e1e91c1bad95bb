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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.Checksums;
import ru.gospubliki.internal.OrgNames;
import ru.gospubliki.internal.Spaces;
import ru.gospubliki.model.Declared;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.OrganizationField;
import ru.gospubliki.model.OrganizationKind;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.registry.Registry;
import ru.gospubliki.registry.RegistryFormatException;
import ru.gospubliki.registry.RegistryWarning;
import ru.gospubliki.registry.RejectedRow;

/**
 * Reads a registry CSV row by row with commons-csv. The delimiter ({@code ;}, {@code ,} or tab) is
 * detected from the header line, or taken from Excel's {@code sep=;} first line; columns are matched
 * by their names and the headers people write. A row is rejected only when it cannot be audited (no
 * name, a page reference that cannot be read, a wrong number of values), naming every problem it
 * has; what is informational (kind, ИНН, ОГРН, «Подключено», checklist answers) never drops a row:
 * a value that looks wrong is a {@link RegistryWarning} and the row stays.
 */
public final class RegistryCsv {
  /** A header longer than this is not a header. */
  private static final int MAX_HEADER = 1 << 16;
  /** What people write in a page column when the organisation has no page. */
  private static final Set<String> NO_PAGE = Set.of("нет", "-", "—", "–", "отсутствует", "не создана", "не создан",
      "нет страницы", "нет группы", "нет сообщества", "no", "none", "n/a");

  private RegistryCsv() {}

  public static Registry read(Path file, @Nullable Charset charset) throws IOException {
    Charset actual = Encodings.detect(file, charset);
    try (InputStream in = Files.newInputStream(file)) {
      Encodings.Watched watched = new Encodings.Watched(in);
      return read(Encodings.reader(watched, actual), actual, watched);
    }
  }

  public static Registry read(InputStream in, @Nullable Charset charset) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    Charset actual = Encodings.detect(buffered, charset);
    Encodings.Watched watched = new Encodings.Watched(buffered);
    return read(Encodings.reader(watched, actual), actual, watched);
  }

  /** Reads already decoded text; a leading BOM is skipped. */
  public static Registry read(Reader reader) throws IOException {
    return read(reader, null, null);
  }

  private static Registry read(Reader decoded, @Nullable Charset charset, Encodings.@Nullable Watched watched)
      throws IOException {
    Reading reading = new Reading();
    try {
      return reading.parse(decoded);
    } catch (CharacterCodingException e) {
      long line = watched != null && StandardCharsets.UTF_8.equals(charset) && watched.scan.firstInvalidLine() > 0
          ? watched.scan.firstInvalidLine() : reading.decodingLine();
      String encoding = charset == null ? "своей кодировке" : charset.equals(StandardCharsets.UTF_16) ? "кодировке UTF-16"
          : "кодировке " + charset.name();
      throw new RegistryFormatException(line, "текст не в " + encoding + ": укажите кодировку явно "
          + "(например, windows-1251) или пересохраните реестр целиком в UTF-8");
    }
  }

  /** One read of one file: its rows, what was rejected and warned, and what was seen so far. */
  private static final class Reading {
    final List<Organization> organizations = new ArrayList<>();
    final List<RejectedRow> rejected = new ArrayList<>();
    long rejectedCount;
    final List<RegistryWarning> warnings = new ArrayList<>();
    long warningCount;
    /** Where each organisation (by ИНН, else by name and district) was first seen. */
    final Map<String, Long> organizationLines = new HashMap<>();
    /** Where each page was first seen, and under which organisation. */
    final Map<PageRef, PageOwner> pageOwners = new HashMap<>();
    /** The line of the record being handled. */
    long line = 1;
    /** Where the record being parsed starts, for errors that break the parse. */
    long nextLine = 1;
    /** Line breaks decoded so far: a decoding failure is on the line after them. */
    long decodedBreaks;

    long decodingLine() {
      return decodedBreaks + 1;
    }

    Registry parse(Reader decoded) throws IOException {
      Reader counted = new java.io.FilterReader(decoded) {
        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
          int count = super.read(buffer, offset, length);
          for (int i = 0; i < count; i++) {
            if (buffer[offset + i] == '\n') decodedBreaks++;
          }
          return count;
        }
      };
      BufferedReader buffered = new BufferedReader(counted, 1 << 16);
      StringBuilder header = new StringBuilder();
      char delimiter = scanHeader(buffered, header);
      if (Spaces.isBlank(header.toString())) {
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
      try (CSVParser parser = format.parse(lines)) {
        @Nullable Header columns = null;
        for (CSVRecord record : parser) {
          nextLine = parser.getCurrentLineNumber() + 1;
          line = lines.lineOf(record.getCharacterPosition());
          if (isBlank(record)) continue;
          if (columns == null) {
            columns = Header.of(record, line);
            for (String unknown : columns.unknown) {
              warn(line, "столбец «" + unknown + "» не распознан и не учитывается; известные столбцы — в описании "
                  + "реестра (например, «Наименование», «ВКонтакте», «Одноклассники», «MAX»)");
            }
            continue;
          }
          row(record, columns);
        }
      } catch (UncheckedIOException e) {
        // The record iterator wraps both CSV syntax errors and failures of the source.
        if (e.getCause() instanceof CSVException) throw malformed(nextLine, e.getCause());
        throw e.getCause();
      } catch (CSVException e) {
        throw malformed(nextLine, e);
      }
      return Registry.builder()
          .organizations(organizations)
          .rejectedRows(rejected)
          .rejectedRowCount(rejectedCount)
          .warnings(warnings)
          .warningCount(warningCount)
          .build();
    }

    void warn(long line, String message) {
      warningCount++;
      if (warnings.size() < Registry.MAX_LISTED) warnings.add(RegistryWarning.of(line, message));
    }

    void reject(long line, String error) {
      rejectedCount++;
      if (rejected.size() < Registry.MAX_LISTED) rejected.add(RejectedRow.of(line, error));
    }

    private void row(CSVRecord record, Header header) {
      if (record.size() != header.size()) {
        reject(line, "число значений в строке (" + record.size() + ") не совпадает с числом столбцов в заголовке ("
            + header.size() + ")");
        return;
      }
      List<String> problems = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      Organization.Builder builder = Organization.builder().undeclaredFields(header.undeclared);

      @Nullable String name = header.value(record, Column.NAME);
      if (name == null) problems.add("не заполнено наименование (столбец «" + header.label(Column.NAME) + "»)");
      else builder.name(name);

      @Nullable String district = header.value(record, Column.DISTRICT);
      builder.district(district);
      builder.email(header.value(record, Column.EMAIL));
      builder.site(header.value(record, Column.SITE));
      builder.responsible(header.value(record, Column.RESPONSIBLE));
      builder.responsibleContact(header.value(record, Column.RESPONSIBLE_CONTACT));

      @Nullable String kind = header.value(record, Column.KIND);
      if (kind != null) {
        try {
          builder.kind(OrganizationKind.parse(kind));
        } catch (IllegalArgumentException e) {
          warnings.add(header.problem(Column.KIND, e.getMessage() + "; тип не учтён"));
        }
      }
      @Nullable String inn = registrationNumber(record, header, Column.INN, warnings);
      if (inn != null) builder.inn(inn);
      @Nullable String ogrn = registrationNumber(record, header, Column.OGRN, warnings);
      if (ogrn != null) builder.ogrn(ogrn);

      List<PageRef> pages = new ArrayList<>(2);
      for (Column column : header.pageColumns) pages(record, header, column, pages, problems, warnings);
      builder.pages(pages);

      builder.connected(declared(record, header, Column.CONNECTED, warnings));
      builder.responsibleOrder(declared(record, header, Column.RESPONSIBLE_ORDER, warnings));
      builder.accountPolicy(declared(record, header, Column.ACCOUNT_POLICY, warnings));
      builder.qrCodesPlaced(declared(record, header, Column.QR_CODES, warnings));

      if (!problems.isEmpty()) {
        reject(line, String.join("; ", problems));
        return;
      }
      Organization organization;
      try {
        organization = builder.build();
      } catch (IllegalArgumentException | IllegalStateException e) {
        reject(line, String.valueOf(e.getMessage()));
        return;
      }
      for (String warning : warnings) warn(line, warning);
      duplicates(organization);
      organizations.add(organization);
    }

    /** Warns about an organisation listed twice and a page listed under two organisations. */
    private void duplicates(Organization organization) {
      String inn = organization.inn();
      String key = inn != null ? "inn:" + inn : "name:" + OrgNames.normalize(organization.name()) + "|"
          + Spaces.collapse(String.valueOf(organization.district())).toLowerCase(Locale.ROOT).replace('ё', 'е');
      Long first = organizationLines.putIfAbsent(key, line);
      if (first != null) {
        warn(line, "организация «" + organization.name() + "» уже указана в строке " + first
            + (inn != null ? " (тот же ИНН " + inn + ")" : "") + ": проверьте, не дублируется ли она в реестре");
      }
      for (PageRef page : organization.pages()) {
        PageOwner owner = pageOwners.putIfAbsent(page, new PageOwner(line, organization.name()));
        if (owner != null && owner.line != line) {
          warn(line, "страница " + page.url() + " указана и у организации «" + owner.name + "» (строка " + owner.line
              + "): у каждой организации должна быть своя официальная страница");
        }
      }
    }
  }

  /** Where a page was first seen. */
  private static final class PageOwner {
    final long line;
    final String name;

    PageOwner(long line, String name) {
      this.line = line;
      this.name = name;
    }
  }

  /**
   * The ИНН or ОГРН of a row, checked; a value that fails is a warning and is left out. Excel's
   * usual damage is named: a number written as {@code 1,0227E+12} (digits lost), an ИНН that lost
   * its leading zero (taken with the zero when that passes the checksum).
   */
  private static @Nullable String registrationNumber(CSVRecord record, Header header, Column column, List<String> warnings) {
    @Nullable String value = header.value(record, column);
    if (value == null) return null;
    String raw = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    String label = column == Column.INN ? "ИНН" : "ОГРН";
    String digits = value.replace(" ", "").replace("\u00A0", "");
    if (isScientific(digits)) {
      warnings.add(header.problem(column, "«" + raw + "» — Excel записал " + label + " в экспоненциальной форме, "
          + "цифры потеряны; задайте столбцу текстовый формат и введите " + label + " заново; " + label + " не учтён"));
      return null;
    }
    String problem = column == Column.INN ? Checksums.innProblem(digits) : Checksums.ogrnProblem(digits);
    if (problem == null) return digits;
    if (column == Column.INN && (digits.length() == 9 || digits.length() == 11) && Checksums.innProblem("0" + digits) == null) {
      warnings.add(header.problem(column, "«" + raw + "» — похоже, Excel убрал ведущий ноль: ИНН взят как «0" + digits
          + "»; задайте столбцу текстовый формат"));
      return "0" + digits;
    }
    warnings.add(header.problem(column, "«" + raw + "» — " + problem + "; " + label + " не учтён"));
    return null;
  }

  /** {@code 1,0227E+12}, {@code 2.7E9}: a number Excel turned into scientific notation. */
  private static boolean isScientific(String value) {
    int e = Math.max(value.indexOf('E'), value.indexOf('e'));
    if (e <= 0 || e == value.length() - 1) return false;
    for (int i = 0; i < e; i++) {
      char c = value.charAt(i);
      if (!(c >= '0' && c <= '9' || c == ',' || c == '.')) return false;
    }
    for (int i = e + 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c >= '0' && c <= '9' || (i == e + 1 && (c == '+' || c == '-')))) return false;
    }
    return true;
  }

  /**
   * The page references of one page column: one or several (separated by spaces, commas or
   * semicolons); «нет» or a dash means none. A reference that cannot be read makes the row a
   * problem; a page of another platform than the column's is kept with a warning.
   */
  private static void pages(CSVRecord record, Header header, Column column, List<PageRef> pages, List<String> problems,
      List<String> warnings) {
    @Nullable String value = header.value(record, column);
    if (value == null || NO_PAGE.contains(value.toLowerCase(Locale.ROOT))) return;
    for (String token : tokens(value)) {
      PageRef page;
      try {
        page = PageRef.parse(token);
      } catch (IllegalArgumentException e) {
        problems.add(header.problem(column, String.valueOf(e.getMessage())));
        return; // One unreadable reference says what is wrong with the cell.
      }
      PlatformId expected = column.platform();
      PlatformId actual = page.platform();
      boolean known = actual.equals(PlatformId.VK) || actual.equals(PlatformId.OK) || actual.equals(PlatformId.MAX);
      if (expected != null && known && !expected.equals(actual)) {
        warnings.add(header.problem(column, "«" + page.url() + "» — ссылка не на " + platformName(expected) + ", а на "
            + platformName(actual) + "; страница учтена как страница " + platformName(actual)));
      }
      if (!pages.contains(page)) pages.add(page);
    }
  }

  private static String platformName(PlatformId platform) {
    if (platform.equals(PlatformId.VK)) return "ВКонтакте";
    if (platform.equals(PlatformId.OK)) return "Одноклассники";
    return platform.equals(PlatformId.MAX) ? "MAX" : platform.name();
  }

  /** The parts of a cell separated by spaces (any kind), commas or semicolons. */
  private static List<String> tokens(String value) {
    List<String> tokens = new ArrayList<>(1);
    int start = -1;
    for (int i = 0; i <= value.length(); i++) {
      boolean separator = i == value.length() || Spaces.isSpace(value.charAt(i)) || value.charAt(i) == ','
          || value.charAt(i) == ';';
      if (separator) {
        if (start >= 0) tokens.add(value.substring(start, i));
        start = -1;
      } else if (start < 0) {
        start = i;
      }
    }
    return tokens;
  }

  /** A declared fact; a value that is not yes or no is a warning and counts as not declared. */
  private static Declared declared(CSVRecord record, Header header, Column column, List<String> warnings) {
    @Nullable String value = header.value(record, column);
    if (value == null) return Declared.UNKNOWN;
    try {
      return Declared.parse(value);
    } catch (IllegalArgumentException e) {
      warnings.add(header.problem(column, e.getMessage() + "; считается «не указано»"));
      return Declared.UNKNOWN;
    }
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
   * dropped) and picks the delimiter: Excel's {@code sep=;} first line names it (the line stays, blank,
   * so line numbers hold); else the most frequent of {@code ;}, tab and {@code ,} outside quotes in
   * the header, {@code ;} first on a tie.
   */
  private static char scanHeader(Reader reader, StringBuilder header) throws IOException {
    Character named = null;
    while (true) {
      int start = header.length();
      int[] counts = new int[3]; // ';', '\t', ','
      boolean content = readLine(reader, header, counts);
      String line = header.substring(start).strip();
      if (named == null && isSeparatorLine(line)) {
        named = separatorOf(line);
        header.setLength(start);
        header.append('\n');
        continue;
      }
      if (!content) return ';'; // End of input before any header: the caller reports an empty file.
      if (named != null) return named;
      if (counts[0] >= counts[1] && counts[0] >= counts[2]) return ';';
      return counts[1] >= counts[2] ? '\t' : ',';
    }
  }

  /**
   * Appends the next line with content (and the blank lines before it) to {@code header}, counting
   * the delimiters outside quotes; false at the end of input with no content.
   */
  private static boolean readLine(Reader reader, StringBuilder header, int[] counts) throws IOException {
    boolean quoted = false;
    boolean content = false;
    int c = reader.read();
    if (c == '\uFEFF' && header.length() == 0) c = reader.read();
    while (c != -1) {
      header.append((char) c);
      if (c == '"') {
        quoted = !quoted;
        content = true;
      } else if (!quoted) {
        if (c == ';') counts[0]++;
        else if (c == '\t') counts[1]++;
        else if (c == ',') counts[2]++;
        if (c == '\n' || c == '\r') {
          if (content) return true;
        } else if (!Character.isWhitespace(c) || c == '\t') {
          content = true;
        }
      }
      if (header.length() >= MAX_HEADER) return true;
      c = reader.read();
    }
    return content;
  }

  /** Excel's first line {@code sep=;} (quoted or not) naming the delimiter. */
  private static boolean isSeparatorLine(String line) {
    String bare = line.startsWith("\"") && line.endsWith("\"") && line.length() >= 2 ? line.substring(1, line.length() - 1) : line;
    while (bare.endsWith(",") || bare.endsWith(";")) {
      if (bare.length() == 5) break;
      bare = bare.substring(0, bare.length() - 1);
    }
    return bare.length() == 5 && bare.regionMatches(true, 0, "sep=", 0, 4);
  }

  private static char separatorOf(String line) {
    String bare = line.startsWith("\"") ? line.substring(1) : line;
    return bare.charAt(4);
  }

  private static boolean isBlank(CSVRecord record) {
    for (String value : record) {
      if (!Spaces.isBlank(value)) return false;
    }
    return true;
  }

  /** Which record index holds each known column, and the column's label as the file spells it. */
  private static final class Header {
    private final Map<Column, Integer> indexes;
    private final Map<Column, String> labels;
    private final int size;
    final List<Column> pageColumns;
    final List<String> unknown;
    final Set<OrganizationField> undeclared;

    private Header(Map<Column, Integer> indexes, Map<Column, String> labels, int size, List<String> unknown) {
      this.indexes = indexes;
      this.labels = labels;
      this.size = size;
      this.unknown = unknown;
      List<Column> pages = new ArrayList<>();
      Set<OrganizationField> missing = EnumSet.noneOf(OrganizationField.class);
      for (Column column : Column.values()) {
        if (column.holdsPages() && indexes.containsKey(column)) pages.add(column);
        if (column.field != null && !indexes.containsKey(column)) missing.add(column.field);
      }
      this.pageColumns = List.copyOf(pages);
      this.undeclared = Set.copyOf(missing);
    }

    static Header of(CSVRecord record, long line) {
      Map<Column, Integer> indexes = new EnumMap<>(Column.class);
      Map<Column, String> labels = new EnumMap<>(Column.class);
      List<String> found = new ArrayList<>();
      List<String> unknown = new ArrayList<>();
      boolean binary = false;
      for (int i = 0; i < record.size(); i++) {
        String label = Spaces.strip(record.get(i).replace("\uFEFF", ""));
        binary |= hasControlCharacters(label);
        if (found.size() < MAX_LABELS_SHOWN) found.add("«" + printable(label) + "»");
        else if (found.size() == MAX_LABELS_SHOWN) found.add("…");
        @Nullable Column column = Column.forHeader(label);
        if (column == null) {
          if (!label.isEmpty() && unknown.size() < MAX_LABELS_SHOWN) unknown.add(printable(label));
          continue;
        }
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
      boolean pages = false;
      for (Column column : indexes.keySet()) pages |= column.holdsPages();
      if (!pages) {
        throw new RegistryFormatException(line, "нет ни одного столбца со ссылками на страницы: нужен хотя бы один из "
            + "«ВКонтакте» (vk), «Одноклассники» (ok), «MAX» (max); в заголовке: " + String.join(", ", found));
      }
      return new Header(indexes, labels, record.size(), List.copyOf(unknown));
    }

    int size() {
      return size;
    }

    /** Header labels quoted in messages: at most this many, each cut to {@link #MAX_LABEL_LENGTH}. */
    private static final int MAX_LABELS_SHOWN = 20;
    private static final int MAX_LABEL_LENGTH = 60;

    private static boolean hasControlCharacters(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (Character.isISOControl(s.charAt(i)) && s.charAt(i) != '\t') return true;
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

    /** The stripped value of {@code column}, null when the column is absent or the value blank. */
    @Nullable String value(CSVRecord record, Column column) {
      @Nullable Integer index = indexes.get(column);
      if (index == null) return null;
      return Spaces.emptyToNull(record.get(index));
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
