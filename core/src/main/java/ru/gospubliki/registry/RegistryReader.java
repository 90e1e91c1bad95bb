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
 * organisation in it. Files made by people are accepted as they come: {@code ;} or {@code ,}
 * delimiters (detected from the header), UTF-8 with or without BOM or Windows-1251 (detected when no
 * charset is given), English or Russian column names in any case; columns the SDK does not know are
 * ignored. Blank lines are skipped.
 *
 * <p>Only the {@code name} column ({@code Наименование}) is required. The columns, by English name and
 * Russian alias: {@code name}/Наименование, {@code district}/Район, {@code kind}/Тип, {@code inn}/ИНН,
 * {@code ogrn}/ОГРН, {@code email}/Email, {@code site}/Сайт, {@code responsible}/Ответственный,
 * {@code responsible_contact}/Контакт ответственного, {@code vk}/ВКонтакте, {@code ok}/Одноклассники,
 * {@code connected}/Подключено к Госпабликам, and for the checklist {@code responsible_order}/Приказ об
 * ответственных, {@code account_policy}/Инструкция по учётным записям, {@code qr_codes}/QR-коды
 * ({@code да}/{@code нет}/empty).
 *
 * <p>A bad row (empty name, bad ИНН or ОГРН checksum, unknown page reference or one of the other
 * platform, unknown kind, wrong number of values) does not stop the import: it becomes a
 * {@link RejectedRow} with its physical line number (the header is line 1) and, in Russian, every
 * problem it has. Rows are streamed: memory grows with the organisations kept, not the file.
 *
 * <pre>{@code
 * Registry registry = RegistryReader.read(Path.of("reestr.csv"), null); // encoding detected
 * for (RejectedRow row : registry.rejectedRows()) {
 *   System.err.println("строка " + row.line() + ": " + row.error());
 * }
 * }</pre>
 */
public final class RegistryReader {
  private RegistryReader() {}

  /**
   * Reads the registry in {@code file}.
   *
   * @param charset the file's encoding, or null to detect it (the whole file is checked: UTF-8 if it
   *     is valid UTF-8, else Windows-1251).
   * @throws RegistryFormatException when the file has no header or no name column, has a broken
   *     quote, or is not in the given encoding.
   */
  public static Registry read(Path file, @Nullable Charset charset) throws IOException {
    return RegistryCsv.read(file, charset);
  }

  /**
   * Reads the registry from {@code in}, which is not closed.
   *
   * @param charset the encoding, or null to detect it from the first megabyte: UTF-8 if valid UTF-8,
   *     else Windows-1251. Invalid UTF-8 later in the stream is then a {@link RegistryFormatException}.
   */
  public static Registry read(InputStream in, @Nullable Charset charset) throws IOException {
    return RegistryCsv.read(in, charset);
  }

  /** Reads the registry from already decoded text (a leading BOM is skipped); {@code reader} is not closed. */
  public static Registry read(Reader reader) throws IOException {
    return RegistryCsv.read(reader);
  }
}
