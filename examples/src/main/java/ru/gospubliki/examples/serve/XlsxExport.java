package ru.gospubliki.examples.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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
 * The dashboard's export for Excel: sheet «Районы» (the «подключено X из Y» table, with a MAX
 * column when the audit has MAX channels) and sheet
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
    boolean max = Dashboard.hasMax(report);
    List<String> headers = new ArrayList<>(List.of("Район", "Организаций", "Подключено (есть страница)", "ВКонтакте",
        "Одноклассники"));
    if (max) headers.add("MAX");
    headers.addAll(List.of("С отметкой «Госорганизация»", "Соответствуют", "Подключено X из Y"));
    header(districts, 2, headers.toArray(new String[0]));
    int row = 3;
    for (DistrictSummary line : report.summary().byDistrict()) {
      int column = 0;
      districts.value(row, column++, line.district());
      districts.value(row, column++, line.organizations());
      districts.value(row, column++, line.withPage());
      districts.value(row, column++, line.withVk());
      districts.value(row, column++, line.withOk());
      if (max) districts.value(row, column++, line.withMax());
      districts.value(row, column++, line.withMark());
      districts.value(row, column++, line.compliant());
      districts.value(row, column, line.withPage() + " из " + line.organizations());
      row++;
    }
    if (max) widths(districts, 32, 14, 16, 12, 14, 10, 18, 16, 18);
    else widths(districts, 32, 14, 16, 12, 14, 18, 16, 18);

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
