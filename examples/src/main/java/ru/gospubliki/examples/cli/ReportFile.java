package ru.gospubliki.examples.cli;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A report file, written whole or not at all.
 *
 * <p>{@link #target} refuses, before anything runs, a place a report must not go: a folder, a
 * device, a read-only file, a missing folder, or a file that is also one of the command's inputs
 * (the registry given again as {@code --out}, also through a symbolic or hard link). {@link #create}
 * then makes a temporary file beside the target, so a folder that cannot be written (or a full
 * disk) is found before a long audit, not after it. {@link #write} writes the report into the
 * temporary file, forces it to disk and moves it over the target in one atomic step: a failed
 * write leaves no half report, and an older report stays as it was.
 */
final class ReportFile implements Closeable {
  /** Less free space than this in the target's folder is refused up front. */
  static final long MIN_FREE_BYTES = 1024 * 1024;

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Writes a report to a stream. */
  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private final Path target;
  private final Path temporary;
  private boolean done;

  private ReportFile(Path target, Path temporary) {
    this.target = target;
    this.temporary = temporary;
  }

  /**
   * The file named by {@code value} (given as {@code flag}), checked without writing anything:
   * the path the report will replace, with symbolic links followed.
   *
   * @param inputs the command's input files by flag; the report may be none of them.
   */
  static Path target(String flag, String value, Map<String, Path> inputs) throws UsageException {
    Path path = Values.path(flag, value);
    if (Files.isDirectory(path)) {
      throw new UsageException(flag + ": «" + value + "» — это папка; укажите имя файла отчёта");
    }
    if (Files.exists(path)) {
      if (!Files.isRegularFile(path)) {
        throw new UsageException(flag + ": «" + value + "» — не обычный файл (устройство или канал); отчёт "
            + "записывается в обычный файл, а чтобы вывести его на экран, не указывайте " + flag);
      }
      if (!Files.isWritable(path)) {
        throw new UsageException(flag + ": файл «" + value + "» только для чтения");
      }
      for (Map.Entry<String, Path> input : inputs.entrySet()) {
        if (sameFile(path, input.getValue())) {
          throw new UsageException(flag + ": «" + value + "» — это тот же файл, что и " + input.getKey() + " «"
              + input.getValue() + "»: отчёт записался бы поверх входных данных; укажите другой файл");
        }
      }
      try {
        return path.toRealPath(); // a link is kept: the file it points to gets the report
      } catch (IOException e) {
        throw new UsageException(flag + ": файл «" + value + "» недоступен");
      }
    }
    if (Files.isSymbolicLink(path)) {
      throw new UsageException(flag + ": «" + value + "» — ссылка на несуществующий файл");
    }
    Path parent = path.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new UsageException(flag + ": папка «" + parent + "» не существует");
    }
    return path.toAbsolutePath();
  }

  /**
   * Creates the temporary file beside {@code target} (a checked {@link #target}): the proof that
   * the report can be written there, given before the work that produces it.
   */
  static ReportFile create(String flag, Path target) throws UsageException {
    return create(flag, target, MIN_FREE_BYTES);
  }

  static ReportFile create(String flag, Path target, long minFreeBytes) throws UsageException {
    Path folder = target.toAbsolutePath().getParent();
    if (folder == null) throw new UsageException(flag + ": недопустимое имя файла «" + target + "»");
    Path temporary = folder.resolve("." + target.getFileName() + "."
        + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
    try {
      Files.createFile(temporary); // the usual permissions for a new file, as the report itself would get
    } catch (IOException e) {
      throw new UsageException(flag + ": нельзя записать файл в папку «" + folder + "»: " + reason(e));
    }
    temporary.toFile().deleteOnExit(); // interrupted (Ctrl+C) before the report is written
    ReportFile file = new ReportFile(target, temporary);
    try {
      long free = Files.getFileStore(folder).getUsableSpace();
      if (free < minFreeBytes) {
        throw new UsageException(flag + ": на диске с папкой «" + folder + "» свободно " + free / 1024
            + " КБ: отчёт может не поместиться");
      }
      copyPermissions(target, temporary);
    } catch (IOException e) {
      file.close();
      throw new UsageException(flag + ": нельзя записать файл в папку «" + folder + "»: " + reason(e));
    } catch (UsageException e) {
      file.close();
      throw e;
    }
    return file;
  }

  /**
   * Writes the report and puts it in place of the target in one step. On failure the target is
   * as it was and the temporary file is gone.
   *
   * @throws IOException with a Russian message saying what went wrong.
   */
  void write(Body body) throws IOException {
    if (done) throw new IllegalStateException("written already");
    done = true;
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING);
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024)) {
        body.writeTo(out);
        out.flush();
        channel.force(true);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(temporary);
      throw new IOException("не удалось записать отчёт в «" + target + "»: " + reason(e)
          + (Files.exists(target) ? "; прежний файл не изменён" : ""), e);
    }
  }

  /** Removes the temporary file unless the report was moved in place. */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      // Nothing to add: the file is deleted on exit too.
    }
  }

  private static boolean sameFile(Path a, @Nullable Path b) {
    if (b == null || !Files.exists(b)) return false;
    try {
      return Files.isSameFile(a, b); // the same file key: links of both kinds lead to it
    } catch (IOException e) {
      return false;
    }
  }

  private static void copyPermissions(Path from, Path to) throws IOException {
    if (!Files.exists(from)) return;
    PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    PosixFileAttributeView copy = Files.getFileAttributeView(to, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (source != null && copy != null) copy.setPermissions(source.readAttributes().permissions());
  }

  /** Why a file operation failed, in Russian: the system's own message is English. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) return "нет прав на запись";
    if (e instanceof NoSuchFileException) return "система не даёт создать в ней файл";
    String message = String.valueOf(e instanceof FileSystemException fs ? fs.getReason() : e.getMessage())
        .toLowerCase(Locale.ROOT);
    if (message.contains("no space")) return "на диске нет места";
    if (message.contains("quota")) return "превышена дисковая квота";
    if (message.contains("file too large")) return "файл больше, чем позволяет система";
    if (message.contains("read-only")) return "файловая система доступна только для чтения";
    if (message.contains("permission") || message.contains("not permitted")) return "нет прав на запись";
    return "ошибка ввода-вывода (" + e.getClass().getSimpleName() + ")";
  }
}
