package ru.gospubliki.examples.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.audit.AuditRun;
import ru.gospubliki.report.HistoryWriter;
import ru.gospubliki.store.StoreException;

/** {@code gospubliki history}: one line per stored audit and district. */
final class HistoryCommand {
  static final Arguments.Spec SPEC = new Arguments.Spec("history",
      Set.of("--district", "--store", "--format", "--out"), Set.of(), Set.of());

  static final String USAGE = String.join("\n",
      "Использование: gospubliki history [--district NAME] [--store URL|PATH|none] [--format table|json|csv]",
      "                          [--out FILE]",
      "",
      "По строке на каждую сохранённую проверку и район: организаций, со страницей, с отметкой",
      "«Госорганизация», соответствуют требованиям — как меняется «подключено X из Y».",
      "  --district NAME   только этот район",
      "  --store           хранилище проверок, как у audit (по умолчанию ~/.gospubliki)",
      "  --format          table (по умолчанию), json или csv",
      "  --out FILE        записать в файл вместо вывода на экран",
      "Коды выхода: 0 — готово; 2 — ошибка в параметрах; 5 — хранилище недоступно.");

  private HistoryCommand() {}

  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    String district;
    String format;
    Path file;
    StoreOption option;
    try {
      Arguments a = Arguments.parse(SPEC, args);
      if (a.help()) {
        out.println(USAGE);
        return Gospubliki.EXIT_OK;
      }
      district = a.value("--district");
      format = a.value("--format") == null ? "table" : Values.oneOf("--format", a.value("--format"), "table", "json", "csv");
      String outValue = a.value("--out");
      file = outValue == null ? null : Values.outputFile("--out", outValue);
      option = StoreOption.parse(a.value("--store"), env, false);
    } catch (UsageException e) {
      err.println("gospubliki history: " + e.getMessage());
      return Gospubliki.EXIT_USAGE;
    }
    try (StoreOption store = option) {
      List<AuditRun> runs;
      try {
        runs = store.open().audits().runs();
      } catch (StoreException e) {
        err.println("gospubliki history: хранилище «" + store.description + "» недоступно (" + e.getMessage() + ")");
        return Gospubliki.EXIT_STORE;
      }
      try {
        write(runs, district, format, file, out);
      } catch (IOException e) {
        err.println("gospubliki history: не удалось записать результат: " + e.getMessage());
        return Gospubliki.EXIT_USAGE;
      }
      return Gospubliki.EXIT_OK;
    }
  }

  private static void write(List<AuditRun> runs, @Nullable String district, String format, @Nullable Path file,
      PrintStream stdout) throws IOException {
    try (OutputStream stream = file != null ? Files.newOutputStream(file) : new ChangesCommand.NonClosing(stdout)) {
      HistoryWriter writer = HistoryWriter.create();
      switch (format) {
        case "json":
          writer.writeJson(runs, district, stream);
          break;
        case "csv":
          writer.writeCsv(runs, district, stream);
          break;
        default:
          writer.writeTable(runs, district, stream);
      }
    }
  }
}
