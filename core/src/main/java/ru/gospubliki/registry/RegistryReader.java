package ru.gospubliki.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.registry.RegistryCsv;

/**
 * Reads the registry of institutions a region keeps as CSV, so an audit can run over every
 * organisation in it. Files made by people are accepted as they come: {@code ;}, {@code ,} or tab
 * delimiters (detected from the header, or named by Excel's {@code sep=;} first line); UTF-8 with or
 * without BOM, UTF-16 with BOM, or Windows-1251 (detected when no charset is given; a file whose
 * lines mix UTF-8 and Windows-1251 is refused naming the line); column names in English, in Russian
 * or as people write them («Ссылка на ВК», «ВК», «VK», «ОК», «Ссылка на ОК», «E-mail», «Эл. почта»,
 * «ИНН организации», «MAX»...), whatever their case, spaces (non-breaking ones too) and «ё». Blank
 * lines are skipped.
 *
 * <p>Only the {@code name} column ({@code Наименование}) and at least one page column are required.
 * The columns, by English name and Russian name: {@code name}/Наименование, {@code district}/Район,
 * {@code kind}/Тип, {@code inn}/ИНН, {@code ogrn}/ОГРН, {@code email}/Email, {@code site}/Сайт,
 * {@code responsible}/Ответственный, {@code responsible_contact}/Контакт ответственного, {@code
 * vk}/ВКонтакте, {@code ok}/Одноклассники, {@code max}/MAX, {@code other_page}/Другая страница
 * (Telegram...), {@code connected}/Подключено к Госпабликам, and for the checklist {@code
 * responsible_order}/Приказ об ответственных, {@code account_policy}/Инструкция по учётным записям,
 * {@code qr_codes}/QR-коды ({@code да}/{@code нет}/empty). A column the reader does not know is a
 * warning naming it; a column the file does not have is listed in {@link
 * ru.gospubliki.model.Organization#undeclaredFields()}, so its rule is {@code UNKNOWN}, not failed.
 *
 * <p>A row is rejected only when it cannot be audited (empty name, a page reference that cannot be
 * read, wrong number of values): it becomes a {@link RejectedRow} with its physical line number (the
 * header is line 1) and, in Russian, every problem it has. Informational values that look wrong (a
 * bad ИНН or ОГРН checksum, an ИНН Excel stripped of its leading zero or wrote as {@code 1,0227E+12},
 * an unknown kind, «в работе» in a yes/no column), a duplicate organisation and one page listed under
 * two organisations are {@link RegistryWarning}s: the row stays. A page of another platform than its
 * column's is kept (with a warning when it is VK, OK or MAX); «нет» or a dash in a page column is no
 * page. Rows are streamed: memory grows with the organisations kept, and rejected rows and warnings
 * keep the first {@link Registry#MAX_LISTED} and count the rest.
 *
 * <pre>{@code
 * Registry registry = RegistryReader.read(Path.of("reestr.csv"), null); // encoding detected
 * for (RejectedRow row : registry.rejectedRows()) {
 *   System.err.println("строка " + row.line() + ": " + row.error());
 * }
 * for (RegistryWarning warning : registry.warnings()) System.err.println(warning.message());
 * }</pre>
 */
public final class RegistryReader {
  private RegistryReader() {}

  /**
   * Reads the registry in {@code file}.
   *
   * @param charset the file's encoding, or null to detect it (the whole file is checked: UTF-8 if it
   *     is valid UTF-8, else Windows-1251); a byte-order mark of UTF-16 decides over it.
   * @throws RegistryFormatException when the file has no header, no name column or no page column,
   *     has a broken quote, mixes encodings, or is not in the given encoding (naming the line).
   */
  public static Registry read(Path file, @Nullable Charset charset) throws IOException {
    return RegistryCsv.read(file, charset);
  }

  /**
   * Reads the registry from {@code in}, which is not closed.
   *
   * @param charset the encoding, or null to detect it from the first megabyte: UTF-8 if valid UTF-8,
   *     else Windows-1251; a byte-order mark of UTF-16 decides over it. Invalid UTF-8 later in the
   *     stream is then a {@link RegistryFormatException} naming its line.
   */
  public static Registry read(InputStream in, @Nullable Charset charset) throws IOException {
    return RegistryCsv.read(in, charset);
  }

  /** Reads the registry from already decoded text (a leading BOM is skipped); {@code reader} is not closed. */
  public static Registry read(Reader reader) throws IOException {
    return RegistryCsv.read(reader);
  }
}
