package ru.gospubliki.report;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.audit.AuditSummary;
import ru.gospubliki.audit.ComplianceReport;
import ru.gospubliki.audit.DistrictSummary;
import ru.gospubliki.audit.Finding;
import ru.gospubliki.audit.OrganizationAudit;
import ru.gospubliki.audit.PageAudit;
import ru.gospubliki.audit.PageStatus;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.registry.RegistryWarning;
import ru.gospubliki.registry.RejectedRow;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.Severity;

/**
 * Renders a {@link ComplianceReport} as the Russian text report a ЦУР employee reads: the
 * per-district "подключено X из Y" table, then, for each organisation with something to fix, its
 * pages and what to fix on each, then the registry rows that could not be read.
 *
 * <pre>{@code
 * TextReportWriter.create().write(report, System.out); // UTF-8
 * }</pre>
 */
public final class TextReportWriter {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZoneId.of("Europe/Moscow"));

  private TextReportWriter() {}

  public static TextReportWriter create() {
    return new TextReportWriter();
  }

  /** Writes {@code report} to {@code out} in UTF-8; does not close it. */
  public void write(ComplianceReport report, java.io.OutputStream out) throws IOException {
    Writer writer = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
    write(report, writer);
    writer.flush();
  }

  /** Writes {@code report} to {@code out}; does not close it. */
  public void write(ComplianceReport report, Writer out) throws IOException {
    AuditSummary summary = report.summary();
    out.write("Аудит официальных страниц на " + DATE.format(report.asOf()) + " (МСК), политика «"
        + report.policy() + "»\n\n");

    // The MAX column only when the audit has MAX channels: a region without them is not shown a column of zeros.
    boolean max = hasMaxPages(report);
    List<String[]> rows = new ArrayList<>();
    rows.add(max
        ? new String[] {"Район", "Организаций", "Подключено", "ВКонтакте", "Одноклассники", "MAX", "С отметкой",
            "Соответствуют"}
        : new String[] {"Район", "Организаций", "Подключено", "ВКонтакте", "Одноклассники", "С отметкой",
            "Соответствуют"});
    int organizations = 0;
    int withPage = 0;
    for (DistrictSummary district : summary.byDistrict()) {
      organizations += district.organizations();
      withPage += district.withPage();
      List<String> row = new ArrayList<>(List.of(district.district(), Integer.toString(district.organizations()),
          Integer.toString(district.withPage()), Integer.toString(district.withVk()),
          Integer.toString(district.withOk())));
      if (max) row.add(Integer.toString(district.withMax()));
      row.add(Integer.toString(district.withMark()));
      row.add(Integer.toString(district.compliant()));
      rows.add(row.toArray(new String[0]));
    }
    writeTable(rows, out);
    out.write("\nПодключено " + withPage + " из " + organizations + ". Страниц: " + summary.pages()
        + "; соответствуют требованиям: " + summary.compliant() + ", не соответствуют: "
        + summary.nonCompliant() + ", проверены не полностью: " + summary.unverified() + ", недоступны: "
        + summary.unreachable() + ".\n");
    if (max) {
      // MAX shows no «Госорганизация» mark to anyone, so GOV_MARK does not apply to MAX channels.
      out.write("Каналы MAX: отметку «Госорганизация» проверить нельзя — в MAX такой отметки нет, "
          + "и API её не сообщает; правило GOV_MARK к каналам MAX не применяется.\n");
    }

    boolean header = false;
    for (OrganizationAudit organization : report.organizations()) {
      List<Finding> orgFailures = failures(organization.findings());
      List<PageAudit> pages = new ArrayList<>();
      for (PageAudit page : organization.pages()) {
        if (page.status() != PageStatus.COMPLIANT) pages.add(page);
      }
      if (orgFailures.isEmpty() && pages.isEmpty()) continue;
      if (!header) {
        out.write("\nЧто исправить\n");
        header = true;
      }
      String district = organization.organization().district();
      out.write("\n" + organization.organization().name() + (district != null ? " (" + district + ")" : "") + "\n");
      for (Finding finding : orgFailures) writeFinding(finding, "  ", out);
      for (PageAudit page : pages) {
        if (page.status() == PageStatus.UNREACHABLE) {
          out.write("  " + page.page().url() + " — недоступна: " + reason(page.reason()) + "\n");
          continue;
        }
        Integer score = page.score();
        String verdict = page.status() == PageStatus.UNVERIFIED
            ? "нарушений не найдено, но проверена не полностью" : "не соответствует требованиям";
        out.write("  " + page.page().url() + " — " + verdict
            + (score != null ? ", оценка " + score + " из 100" + rules(page.scoreRules()) : "") + "\n");
        for (Finding finding : failures(page.findings())) writeFinding(finding, "    ", out);
        if (page.status() == PageStatus.UNVERIFIED) {
          for (Finding finding : page.findings()) {
            if (finding.outcome() == Outcome.UNKNOWN && finding.severity() != Severity.NOTICE) {
              out.write("    • [не проверено] " + finding.message() + " (" + finding.rule() + ")\n");
            }
          }
        }
      }
    }

    if (!report.rejectedRows().isEmpty()) {
      out.write("\nСтроки реестра, которые не удалось прочитать\n");
      for (RejectedRow row : report.rejectedRows()) {
        out.write("  строка " + row.line() + ": " + row.error() + "\n");
      }
      long more = report.rejectedRowCount() - report.rejectedRows().size();
      if (more > 0) out.write("  и ещё " + more + "\n");
    }
    if (!report.warnings().isEmpty()) {
      out.write("\nПредупреждения по реестру (строки учтены в проверке)\n");
      for (RegistryWarning warning : report.warnings()) {
        out.write("  " + (warning.line() > 0 ? "строка " + warning.line() + ": " : "") + warning.message() + "\n");
      }
      long more = report.warningCount() - report.warnings().size();
      if (more > 0) out.write("  и ещё " + more + "\n");
    }
    out.flush();
  }

  /** {@code  (по 7 правилам)}: what the score rests on; nothing when not known. */
  private static String rules(int count) {
    if (count <= 0) return "";
    return " (по " + count + (count % 10 == 1 && count % 100 != 11 ? " правилу)" : " правилам)");
  }

  private static boolean hasMaxPages(ComplianceReport report) {
    for (OrganizationAudit organization : report.organizations()) {
      for (PageAudit page : organization.pages()) {
        if (page.page().platform().equals(PlatformId.MAX)) return true;
      }
    }
    return false;
  }

  private static List<Finding> failures(List<Finding> findings) {
    List<Finding> result = new ArrayList<>();
    for (Finding finding : findings) {
      if (finding.outcome() == Outcome.FAIL) result.add(finding);
    }
    result.sort((a, b) -> a.severity().compareTo(b.severity()));
    return result;
  }

  private static void writeFinding(Finding finding, String indent, Writer out) throws IOException {
    out.write(indent + "• [" + severity(finding.severity()) + "] " + finding.message()
        + " (" + finding.rule() + "; " + finding.basis() + ")\n");
  }

  static String severity(Severity severity) {
    switch (severity) {
      case VIOLATION:
        return "нарушение";
      case WARNING:
        return "рейтинг";
      default:
        return "рекомендация";
    }
  }

  static String reason(@Nullable String reason) {
    if (reason == null) return "причина неизвестна";
    switch (reason) {
      case "deleted":
        return "сообщество удалено";
      case "banned":
        return "сообщество заблокировано";
      case "private":
        return "сообщество закрыто";
      case "access_denied":
        return "нет доступа";
      case "not_found":
        return "страница не найдена";
      case "quota":
        return "исчерпан суточный лимит запросов к платформе, повторите проверку завтра";
      case "timeout":
        return "платформа не ответила вовремя";
      case "bot_not_admin":
        return "бот MAX не администратор канала: добавьте бота администратором канала";
      default:
        return reason.startsWith("unsupported: ") ? reason.substring("unsupported: ".length()) : reason;
    }
  }

  private static void writeTable(List<String[]> rows, Writer out) throws IOException {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], row[i].length());
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        if (i == 0) {
          line.append(row[i]).append(" ".repeat(widths[i] - row[i].length()));
        } else {
          line.append("  ").append(" ".repeat(widths[i] - row[i].length())).append(row[i]);
        }
      }
      out.write(line.toString().stripTrailing() + "\n");
    }
  }
}
