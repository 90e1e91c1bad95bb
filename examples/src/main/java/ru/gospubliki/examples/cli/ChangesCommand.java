package ru.gospubliki.examples.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.audit.AuditChanges;
import ru.gospubliki.report.ChangesWriter;
import ru.gospubliki.store.StoreException;

/** {@code gospubliki changes}: what changed between the last stored audit and the one before it. */
final class ChangesCommand {
  static final Arguments.Spec FLAGS = new Arguments.Spec("changes").valued("--since", "--store", "--format", "--out");

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
      "  --out FILE        записать в файл вместо вывода на экран (файл заменяется целиком и только",
      "                    готовым результатом; файл хранилища указать нельзя)",
      "Пользователь и пароль базы — только в GOSPUBLIKI_DB_USER, GOSPUBLIKI_DB_PASSWORD.",
      "Коды выхода: 0 — готово; 2 — ошибка в параметрах или в хранилище меньше двух проверок;",
      "5 — хранилище недоступно.");

  static final Command COMMAND = new Command(
      "что изменилось между двумя последними проверками (пропавшие отметки — первыми)", FLAGS, USAGE,
      ChangesCommand::run);

  private ChangesCommand() {}

  static int run(Arguments a, Terminal terminal) throws UsageException {
    String sinceValue = a.value("--since");
    Instant since = sinceValue == null ? null : Values.instant("--since", sinceValue);
    String format = format(a);
    StoreOption option = StoreOption.parse(a.value("--store"), terminal.env, false);
    Path out = out(a, option);
    try (StoreOption store = option;
        @Nullable ReportFile file = out == null ? null : ReportFile.create("--out", out)) {
      AuditChanges changes;
      try {
        changes = AuditChanges.latest(store.open().audits(), since);
      } catch (StoreException e) {
        terminal.err.println(COMMAND.prefix() + "хранилище «" + store.description + "» недоступно ("
            + StoreOption.reason(e) + ")");
        return Gospubliki.EXIT_STORE;
      }
      if (changes == null) {
        throw new UsageException("в хранилище «" + store.description + "» меньше двух проверок"
            + (since == null ? "" : " (не позже " + since + " и последней)") + ": сравнивать не с чем — запустите audit");
      }
      ChangesWriter writer = ChangesWriter.create();
      return write(stream -> {
        switch (format) {
          case "json" -> writer.writeJson(changes, stream);
          case "csv" -> writer.writeCsv(changes, stream);
          default -> writer.writeTable(changes, stream);
        }
      }, file, terminal, COMMAND);
    }
  }

  static String format(Arguments a) throws UsageException {
    String value = a.value("--format");
    return value == null ? "table" : Values.oneOf("--format", value, "table", "json", "csv");
  }

  /** The checked {@code --out} file, or null for stdout: never the store's own database file. */
  static @Nullable Path out(Arguments a, StoreOption store) throws UsageException {
    String value = a.value("--out");
    if (value == null) return null;
    Map<String, Path> inputs = new LinkedHashMap<>();
    Path database = store.databaseFile();
    if (database != null) inputs.put("--store", database);
    return ReportFile.target("--out", value, inputs);
  }

  /**
   * Writes a result to {@code file} (whole or not at all) or to stdout. Exit 0, or 2 with one
   * Russian line when the file could not be written.
   */
  static int write(ReportFile.Body body, @Nullable ReportFile file, Terminal terminal, Command command) {
    try {
      if (file != null) {
        file.write(body);
      } else {
        body.writeTo(new NonClosing(terminal.out));
        terminal.out.flush();
      }
    } catch (IOException e) {
      terminal.err.println(command.prefix() + (file != null ? e.getMessage()
          : "не удалось вывести результат: " + ReportFile.reason(e)));
      return Gospubliki.EXIT_USAGE;
    }
    return Gospubliki.EXIT_OK;
  }

  /** Keeps stdout open when a writer closes its stream. */
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
