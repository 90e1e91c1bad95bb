package ru.gospubliki.examples.cli;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.audit.AuditRun;
import ru.gospubliki.report.HistoryWriter;
import ru.gospubliki.store.StoreException;

/** {@code gospubliki history}: one line per stored audit and district. */
final class HistoryCommand {
  static final Arguments.Spec FLAGS = new Arguments.Spec("history").valued("--district", "--store", "--format", "--out");

  static final String USAGE = String.join("\n",
      "Использование: gospubliki history [--district NAME] [--store URL|PATH|none] [--format table|json|csv]",
      "                          [--out FILE]",
      "",
      "По строке на каждую сохранённую проверку и район: организаций, со страницей, с отметкой",
      "«Госорганизация», соответствуют требованиям — как меняется «подключено X из Y».",
      "  --district NAME   только этот район",
      "  --store           хранилище проверок, как у audit (по умолчанию ~/.gospubliki)",
      "  --format          table (по умолчанию), json или csv",
      "  --out FILE        записать в файл вместо вывода на экран (файл заменяется целиком и только",
      "                    готовым результатом; файл хранилища указать нельзя)",
      "Пользователь и пароль базы — только в GOSPUBLIKI_DB_USER, GOSPUBLIKI_DB_PASSWORD.",
      "Коды выхода: 0 — готово; 2 — ошибка в параметрах; 5 — хранилище недоступно.");

  static final Command COMMAND = new Command(
      "«подключено X из Y» по всем сохранённым проверкам", FLAGS, USAGE, HistoryCommand::run);

  private HistoryCommand() {}

  static int run(Arguments a, Terminal terminal) throws UsageException {
    String district = a.value("--district");
    String format = ChangesCommand.format(a);
    StoreOption option = StoreOption.parse(a.value("--store"), terminal.env, false);
    Path out = ChangesCommand.out(a, option);
    try (StoreOption store = option;
        @Nullable ReportFile file = out == null ? null : ReportFile.create("--out", out)) {
      List<AuditRun> runs;
      try {
        runs = store.open().audits().runs();
      } catch (StoreException e) {
        terminal.err.println(COMMAND.prefix() + "хранилище «" + store.description + "» недоступно ("
            + StoreOption.reason(e) + ")");
        return Gospubliki.EXIT_STORE;
      }
      HistoryWriter writer = HistoryWriter.create();
      return ChangesCommand.write(stream -> {
        switch (format) {
          case "json" -> writer.writeJson(runs, district, stream);
          case "csv" -> writer.writeCsv(runs, district, stream);
          default -> writer.writeTable(runs, district, stream);
        }
      }, file, terminal, COMMAND);
    }
  }
}
