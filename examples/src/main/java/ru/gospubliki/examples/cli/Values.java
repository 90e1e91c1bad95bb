package ru.gospubliki.examples.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;
import ru.gospubliki.model.PageRef;

/** Converts flag values, with Russian one-line errors naming the flag and the value. */
final class Values {
  /** Times without an offset are Moscow time: the tool's users work in Russia. */
  static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Moscow");

  private Values() {}

  /** {@code 2026-11-22T10:00:00Z}, {@code 2026-11-22T13:00:00+03:00}, {@code 2026-11-22T13:00} or {@code 2026-11-22}. */
  static Instant instant(String flag, String value) throws UsageException {
    try {
      return Instant.parse(value);
    } catch (DateTimeException e) {
      // try the next form
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeException e) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(value).atZone(DEFAULT_ZONE).toInstant();
    } catch (DateTimeException e) {
      // try the next form
    }
    try {
      return LocalDate.parse(value).atStartOfDay(DEFAULT_ZONE).toInstant();
    } catch (DateTimeException e) {
      throw new UsageException(flag + ": ожидается дата и время ISO-8601, например 2026-11-22T10:00:00Z, получено «" + value + "»");
    }
  }

  static HttpUrl url(String flag, String value) throws UsageException {
    HttpUrl url = HttpUrl.parse(value);
    if (url == null) throw new UsageException(flag + ": ожидается адрес http(s)://…, получено «" + value + "»");
    return url;
  }

  static List<PageRef> pages(List<String> values) throws UsageException {
    List<PageRef> pages = new ArrayList<>();
    for (String value : values) {
      try {
        pages.add(PageRef.parse(value));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--page: " + e.getMessage());
      }
    }
    return pages;
  }

  static String oneOf(String flag, String value, String... allowed) throws UsageException {
    String normalized = value.toLowerCase(Locale.ROOT);
    for (String a : allowed) if (a.equals(normalized)) return a;
    throw new UsageException(flag + ": допустимые значения " + String.join(", ", allowed) + ", получено «" + value + "»");
  }

  static int port(String flag, String value) throws UsageException {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) return port;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(flag + ": ожидается номер порта 0–65535, получено «" + value + "»");
  }

  /** A file name the system accepts. */
  static Path path(String flag, String value) throws UsageException {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException(flag + ": недопустимое имя файла «" + value + "»");
    }
  }

  /** An existing regular file that can be read. */
  static Path readableFile(String flag, String value) throws UsageException {
    Path path = path(flag, value);
    if (!Files.exists(path)) throw new UsageException(flag + ": файл «" + value + "» не найден");
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new UsageException(flag + ": файл «" + value + "» недоступен для чтения");
    }
    return path;
  }
}
