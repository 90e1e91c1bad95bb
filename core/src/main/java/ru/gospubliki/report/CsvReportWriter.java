package ru.gospubliki.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.audit.ComplianceReport;
import ru.gospubliki.audit.Finding;
import ru.gospubliki.audit.OrganizationAudit;
import ru.gospubliki.audit.PageAudit;
import ru.gospubliki.audit.PageStatus;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.Severity;

/**
 * Writes a {@link ComplianceReport} as the CSV a ЦУР employee opens in Excel: one row per finding
 * ({@code FAIL} or {@code UNKNOWN}) of every organisation and page, {@code ;}-separated, UTF-8 with
 * a BOM (so Excel picks the encoding), Russian headers and values. An unreachable page is one row
 * carrying the reason. Rule ids stay as they are: they are the stable key to the catalogue.
 *
 * <p>Columns: Район; Организация; Платформа; Страница; Статус страницы; Правило; Результат;
 * Серьёзность; Основание; Что исправить. Organisation findings leave the page columns empty.
 *
 * <pre>{@code
 * try (OutputStream out = Files.newOutputStream(Path.of("report.csv"))) {
 *   CsvReportWriter.create().write(report, out);
 * }
 * }</pre>
 */
public final class CsvReportWriter {
  /** The header row, in column order. */
  public static final List<String> HEADERS = List.of(
      "Район", "Организация", "Платформа", "Страница", "Статус страницы", "Правило", "Результат",
      "Серьёзность", "Основание", "Что исправить");

  private static final CSVFormat FORMAT = CSVFormat.EXCEL.builder()
      .setDelimiter(';')
      .setRecordSeparator("\r\n")
      .get();

  private CsvReportWriter() {}

  public static CsvReportWriter create() {
    return new CsvReportWriter();
  }

  /** Writes {@code report} with a UTF-8 BOM to {@code out}; {@code out} is flushed, not closed. */
  public void write(ComplianceReport report, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write('\uFEFF');
    CSVPrinter printer = new CSVPrinter(writer, FORMAT);
    printer.printRecord(HEADERS);
    for (OrganizationAudit organization : report.organizations()) write(organization, printer);
    printer.flush();
  }

  private static void write(OrganizationAudit audit, CSVPrinter printer) throws IOException {
    String district = orEmpty(audit.organization().district());
    String name = audit.organization().name();
    for (Finding finding : audit.findings()) {
      if (!JsonReportWriter.isProblem(finding)) continue;
      printer.printRecord(district, name, "", "", "", finding.rule(), outcome(finding.outcome()),
          severity(finding.severity()), finding.basis(), orEmpty(finding.message()));
    }
    for (PageAudit page : audit.pages()) {
      String platform = platform(page.page().platform());
      String url = page.page().url();
      if (page.status() == PageStatus.UNREACHABLE) {
        printer.printRecord(district, name, platform, url, status(page.status()), "", "", "", "",
            "страница недоступна: " + reason(page.reason()));
        continue;
      }
      for (Finding finding : page.findings()) {
        if (finding.outcome() != Outcome.FAIL && finding.outcome() != Outcome.UNKNOWN) continue;
        printer.printRecord(district, name, platform, url, status(page.status()), finding.rule(),
            outcome(finding.outcome()), severity(finding.severity()), finding.basis(),
            orEmpty(finding.message()));
      }
    }
  }

  private static String platform(PlatformId platform) {
    if (platform.equals(PlatformId.VK)) return "ВКонтакте";
    if (platform.equals(PlatformId.OK)) return "Одноклассники";
    if (platform.equals(PlatformId.MAX)) return "MAX";
    return platform.name();
  }

  private static String status(PageStatus status) {
    switch (status) {
      case COMPLIANT:
        return "соответствует";
      case NON_COMPLIANT:
        return "не соответствует";
      case UNVERIFIED:
        return "проверена не полностью";
      case UNREACHABLE:
        return "недоступна";
    }
    throw new AssertionError(status);
  }

  private static String outcome(Outcome outcome) {
    switch (outcome) {
      case FAIL:
        return "не выполнено";
      case UNKNOWN:
        return "не удалось проверить";
      case PASS:
        return "выполнено";
      case NOT_APPLICABLE:
        return "не применяется";
    }
    throw new AssertionError(outcome);
  }

  private static String severity(Severity severity) {
    switch (severity) {
      case VIOLATION:
        return "нарушение";
      case WARNING:
        return "предупреждение";
      case NOTICE:
        return "замечание";
    }
    throw new AssertionError(severity);
  }

  /** The reason in Russian, with the machine code in brackets for known ones. */
  private static String reason(@Nullable String reason) {
    if (reason == null || reason.isBlank()) return "причина неизвестна";
    switch (reason) {
      case "deleted":
        return "удалена (deleted)";
      case "banned":
        return "заблокирована (banned)";
      case "private":
        return "закрытое сообщество (private)";
      case "access_denied":
        return "нет доступа (access_denied)";
      case "not_found":
        return "не найдена (not_found)";
      case "quota":
        return "исчерпан суточный лимит запросов (quota)";
      case "timeout":
        return "платформа не ответила вовремя (timeout)";
      default:
        if (reason.startsWith("unsupported: ")) return reason.substring("unsupported: ".length()) + " (unsupported)";
        return reason.startsWith("api_error") ? "ошибка API (" + reason + ")" : reason;
    }
  }

  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }
}
