package ru.gospubliki.examples.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import ru.gospubliki.audit.ComplianceReport;
import ru.gospubliki.audit.DistrictSummary;
import ru.gospubliki.audit.Finding;
import ru.gospubliki.audit.OrganizationAudit;
import ru.gospubliki.audit.PageAudit;
import ru.gospubliki.rules.Outcome;

/**
 * The dashboard's export for Excel: sheet «Районы» (the «подключено X из Y» table) and sheet
 * «Нарушения» (one row per finding that is not a pass, organisation findings and page findings),
 * from one report as a scope sees it.
 */
final class XlsxExport {
  static final String DISTRICTS = "Районы";
  static final String FINDINGS = "Нарушения";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.ROOT)
      .withZone(ZoneId.of("Europe/Moscow"));

  private XlsxExport() {}

  static void write(ComplianceReport report, OutputStream out) throws IOException {
    Workbook workbook = new Workbook(out, "Gospubliki", "1.0");
    Worksheet districts = workbook.newWorksheet(DISTRICTS);
    districts.value(0, 0, "Проверка от " + WHEN.format(report.asOf()) + " (МСК), политика " + report.policy());
    String[] headers = {"Район", "Организаций", "Подключено (есть страница)", "ВКонтакте", "Одноклассники",
        "С отметкой «Госорганизация»", "Соответствуют", "Подключено X из Y"};
    header(districts, 2, headers);
    int row = 3;
    for (DistrictSummary line : report.summary().byDistrict()) {
      districts.value(row, 0, line.district());
      districts.value(row, 1, line.organizations());
      districts.value(row, 2, line.withPage());
      districts.value(row, 3, line.withVk());
      districts.value(row, 4, line.withOk());
      districts.value(row, 5, line.withMark());
      districts.value(row, 6, line.compliant());
      districts.value(row, 7, line.withPage() + " из " + line.organizations());
      row++;
    }
    widths(districts, 32, 14, 16, 12, 14, 18, 16, 18);

    Worksheet findings = workbook.newWorksheet(FINDINGS);
    header(findings, 0, new String[] {"Организация", "Район", "Платформа", "Страница", "Статус страницы", "Отметка",
        "Баллы", "Правило", "Результат", "Серьёзность", "Основание", "Что исправить"});
    row = 1;
    for (OrganizationAudit organization : report.organizations()) {
      for (Finding finding : organization.findings()) {
        if (finding.outcome() == Outcome.PASS) continue;
        organizationCells(findings, row, organization);
        findingCells(findings, row, finding);
        row++;
      }
      for (PageAudit page : organization.pages()) {
        for (Finding finding : page.findings()) {
          if (finding.outcome() == Outcome.PASS) continue;
          organizationCells(findings, row, organization);
          findings.value(row, 2, page.page().platform().name());
          findings.value(row, 3, page.page().url());
          findings.value(row, 4, Dashboard.status(page.status()));
          findings.value(row, 5, Dashboard.mark(page.mark()));
          Integer score = page.score();
          if (score != null) findings.value(row, 6, score);
          findingCells(findings, row, finding);
          row++;
        }
      }
    }
    widths(findings, 40, 20, 10, 36, 18, 16, 8, 22, 12, 14, 40, 70);
    workbook.finish();
  }

  private static void header(Worksheet sheet, int row, String[] headers) {
    for (int column = 0; column < headers.length; column++) {
      sheet.value(row, column, headers[column]);
      sheet.style(row, column).bold().set();
    }
  }

  private static void organizationCells(Worksheet sheet, int row, OrganizationAudit organization) {
    sheet.value(row, 0, organization.organization().name());
    String district = organization.organization().district();
    if (district != null) sheet.value(row, 1, district);
  }

  private static void findingCells(Worksheet sheet, int row, Finding finding) {
    sheet.value(row, 7, finding.rule());
    sheet.value(row, 8, finding.outcome() == Outcome.FAIL ? "нарушение" : "не проверено");
    sheet.value(row, 9, finding.severity().name());
    sheet.value(row, 10, finding.basis());
    String message = finding.message();
    if (message != null) sheet.value(row, 11, message);
  }

  private static void widths(Worksheet sheet, double... widths) {
    for (int column = 0; column < widths.length; column++) sheet.width(column, widths[column]);
  }
}
