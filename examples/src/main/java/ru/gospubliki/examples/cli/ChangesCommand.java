package ru.gospubliki.examples.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.audit.AuditChanges;
import ru.gospubliki.report.ChangesWriter;
import ru.gospubliki.store.Store;
import ru.gospubliki.store.StoreException;

/** {@code gospubliki changes}: what changed between the last stored audit and the one before it. */
final class ChangesCommand {
  static final Arguments.Spec SPEC = new Arguments.Spec("changes",
      Set.of("--since", "--store", "--format", "--out"), Set.of(), Set.of());

  static final String USAGE = String.join("\n",
      "Использование: gospubliki changes [--since ISO-8601] [--store URL|PATH|none] [--format table|json|csv]",
      "                          [--out FILE]",
      "",
      "Что изменилось между последней сохранённой проверкой и предыдущей (или последней проверкой не позже",
      "--since): пропавшие и появившиеся отметки «Госорганизация» (первыми), страницы, переставшие или",
      "начавшие соответствовать, новые и исправленные нарушения, недоступные и переименованные страницы,",
      "добавленные и удалённые организации.",
      "  --since ISO-8601  сравнить с последней проверкой не позже этого момента",
      "  --store           хранилище проверок, как у audit (по умолчанию ~/.gospubliki)",
      "  --format          table (по умолчанию), json или csv",
      "  --out FILE        записать в файл вместо вывода на экран",
      "Коды выхода: 0 — готово; 2 — ошибка в параметрах или в хранилище меньше двух проверок;",
      "5 — хранилище недоступно.");

  private ChangesCommand() {}

  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    Instant since;
    String format;
    Path file;
    StoreOption option;
    try {
      Arguments a = Arguments.parse(SPEC, args);
      if (a.help()) {
        out.println(USAGE);
        return Gospubliki.EXIT_OK;
      }
      String sinceValue = a.value("--since");
      since = sinceValue == null ? null : Values.instant("--since", sinceValue);
      format = a.value("--format") == null ? "table" : Values.oneOf("--format", a.value("--format"), "table", "json", "csv");
      String outValue = a.value("--out");
      file = outValue == null ? null : Values.outputFile("--out", outValue);
      option = StoreOption.parse(a.value("--store"), env, false);
    } catch (UsageException e) {
      err.println("gospubliki changes: " + e.getMessage());
      return Gospubliki.EXIT_USAGE;
    }
    try (StoreOption store = option) {
      AuditChanges changes;
      try {
        Store opened = store.open();
        changes = AuditChanges.latest(opened.audits(), since);
      } catch (StoreException e) {
        err.println("gospubliki changes: хранилище «" + store.description + "» недоступно (" + e.getMessage() + ")");
        return Gospubliki.EXIT_STORE;
      }
      if (changes == null) {
        err.println("gospubliki changes: в хранилище «" + store.description + "» меньше двух проверок"
            + (since == null ? "" : " (не позже " + since + " и последней)") + ": сравнивать не с чем — запустите audit");
        return Gospubliki.EXIT_USAGE;
      }
      try {
        write(changes, format, file, out);
      } catch (IOException e) {
        err.println("gospubliki changes: не удалось записать результат: " + e.getMessage());
        return Gospubliki.EXIT_USAGE;
      }
      return Gospubliki.EXIT_OK;
    }
  }

  private static void write(AuditChanges changes, String format, @Nullable Path file, PrintStream stdout)
      throws IOException {
    try (OutputStream stream = file != null ? Files.newOutputStream(file) : new NonClosing(stdout)) {
      ChangesWriter writer = ChangesWriter.create();
      switch (format) {
        case "json":
          writer.writeJson(changes, stream);
          break;
        case "csv":
          writer.writeCsv(changes, stream);
          break;
        default:
          writer.writeTable(changes, stream);
      }
    }
  }

  /** Keeps stdout open when the output stream is closed. */
  static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
