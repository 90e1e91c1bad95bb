package ru.gospubliki.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.gospubliki.audit.AuditSummary;
import ru.gospubliki.audit.ComplianceReport;
import ru.gospubliki.audit.DistrictSummary;
import ru.gospubliki.audit.Finding;
import ru.gospubliki.audit.OrganizationAudit;
import ru.gospubliki.audit.PageAudit;
import ru.gospubliki.audit.PageStatus;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.registry.RejectedRow;
import ru.gospubliki.rules.Obligation;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.Severity;

final class TextReportWriterTest {
  @Test
  void writesTheDistrictTableAndWhatToFixForEachNonCompliantPage() throws Exception {
    PageRef good = PageRef.parse("https://vk.com/club1");
    PageRef bad = PageRef.parse("https://vk.com/club2");
    PageRef gone = PageRef.parse("https://ok.ru/group/3");
    Finding email = Finding.builder().rule("PROFILE_EMAIL").outcome(Outcome.FAIL).severity(Severity.VIOLATION)
        .obligation(Obligation.LAW).basis("8-ФЗ ст. 13 ч. 1.1").message("Укажите email.").build();
    Finding mark = Finding.builder().rule("GOV_MARK").outcome(Outcome.FAIL).severity(Severity.WARNING)
        .obligation(Obligation.RATING).basis("региональные акты").message("Подтвердите отметку.").build();
    Finding unknown = Finding.builder().rule("PROFILE_WORK_HOURS").outcome(Outcome.UNKNOWN).severity(Severity.NOTICE)
        .obligation(Obligation.RECOMMENDATION).basis("региональные акты").message("Нет данных.").build();
    ComplianceReport report = ComplianceReport.builder()
        .asOf(Instant.parse("2026-11-22T10:00:00Z"))
        .policy("federal")
        .summary(AuditSummary.builder().organizations(3).pages(3).compliant(1).nonCompliant(1).unreachable(1)
            .addByDistrict(DistrictSummary.builder().district("Амурский район").organizations(2).withPage(2)
                .withVk(2).withOk(1).withMark(1).compliant(1).build())
            .addByDistrict(DistrictSummary.builder().district("Без района").organizations(1).withPage(0)
                .withVk(0).withOk(0).withMark(0).compliant(0).build())
            .build())
        .addOrganizations(OrganizationAudit.builder()
            .organization(Organization.builder().name("Школа № 1").district("Амурский район").addPages(good).build())
            .addPages(PageAudit.builder().page(good).status(PageStatus.COMPLIANT).score(100).build())
            .build())
        .addOrganizations(OrganizationAudit.builder()
            .organization(Organization.builder().name("Школа № 2").district("Амурский район").addPages(bad, gone).build())
            .addPages(PageAudit.builder().page(bad).status(PageStatus.NON_COMPLIANT).score(40)
                .addFindings(mark, email, unknown).build())
            .addPages(PageAudit.builder().page(gone).status(PageStatus.UNREACHABLE).reason("deleted").build())
            .build())
        .addRejectedRows(RejectedRow.of(7, "ИНН «123»: неверная контрольная сумма"))
        .build();

    StringWriter out = new StringWriter();
    TextReportWriter.create().write(report, out);
    String text = out.toString();

    assertThat(text).startsWith("Аудит официальных страниц на 22.11.2026 13:00 (МСК), политика «federal»");
    // No MAX channel in the audit: no MAX column.
    assertThat(text).contains("Район           Организаций  Подключено  ВКонтакте  Одноклассники  С отметкой  Соответствуют");
    assertThat(text).contains("Амурский район" + " ".repeat(12) + "2" + " ".repeat(11) + "2" + " ".repeat(10) + "2"
        + " ".repeat(14) + "1" + " ".repeat(11) + "1" + " ".repeat(14) + "1");
    assertThat(text).contains("Подключено 2 из 3. Страниц: 3; соответствуют требованиям: 1, не соответствуют: 1, "
        + "проверены не полностью: 0, недоступны: 1.");
    assertThat(text).doesNotContain("Школа № 1\n");
    // Violations first, unknowns are not listed as things to fix.
    assertThat(text).contains("Школа № 2 (Амурский район)\n"
        + "  https://vk.com/club2 — не соответствует требованиям, оценка 40 из 100\n"
        + "    • [нарушение] Укажите email. (PROFILE_EMAIL; 8-ФЗ ст. 13 ч. 1.1)\n"
        + "    • [рейтинг] Подтвердите отметку. (GOV_MARK; региональные акты)\n"
        + "  https://ok.ru/group/3 — недоступна: сообщество удалено\n");
    assertThat(text).doesNotContain("PROFILE_WORK_HOURS");
    assertThat(text).endsWith("Строки реестра, которые не удалось прочитать\n  строка 7: ИНН «123»: неверная контрольная сумма\n");
  }

  /** An unverified page says what could not be checked; capped lists say how many more there are. */
  @Test
  void unverifiedPagesWarningsAndCappedRows() throws Exception {
    PageRef page = PageRef.parse("https://vk.com/club1");
    Finding posts = Finding.builder().rule("POSTS_CADENCE").outcome(Outcome.UNKNOWN).severity(Severity.WARNING)
        .obligation(Obligation.RATING).basis("b").message("Публикации не удалось прочитать.").build();
    ComplianceReport report = ComplianceReport.builder()
        .asOf(Instant.parse("2026-11-22T10:00:00Z"))
        .policy("federal")
        .summary(AuditSummary.builder().organizations(1).pages(1).compliant(0).nonCompliant(0).unverified(1)
            .unreachable(0).build())
        .addOrganizations(OrganizationAudit.builder()
            .organization(Organization.builder().name("Школа").addPages(page).build())
            .addPages(PageAudit.builder().page(page).status(PageStatus.UNVERIFIED).score(100).scoreRules(9)
                .addFindings(posts).build())
            .build())
        .addRejectedRows(RejectedRow.of(7, "нет наименования"))
        .rejectedRowCount(1_200)
        .addWarnings(ru.gospubliki.registry.RegistryWarning.of(3, "столбец «Тип»: неизвестный тип"),
            ru.gospubliki.registry.RegistryWarning.of(0, "столбец «№» не распознан"))
        .warningCount(2)
        .build();
    StringWriter out = new StringWriter();
    TextReportWriter.create().write(report, out);
    assertThat(out.toString())
        .contains("проверены не полностью: 1")
        .contains("  https://vk.com/club1 — нарушений не найдено, но проверена не полностью, оценка 100 из 100 "
            + "(по 9 правилам)\n    • [не проверено] Публикации не удалось прочитать. (POSTS_CADENCE)\n")
        .contains("  строка 7: нет наименования\n  и ещё 1199\n")
        .contains("Предупреждения по реестру (строки учтены в проверке)\n  строка 3: столбец «Тип»: неизвестный тип\n"
            + "  столбец «№» не распознан\n");
  }

  @Test
  void saysWhyMaxChannelsHaveNoMarkAndWhatToDoWhenTheBotIsNotAnAdministrator() throws Exception {
    PageRef channel = PageRef.parse("https://max.ru/zarechny_rdk");
    ComplianceReport report = ComplianceReport.builder()
        .asOf(Instant.parse("2026-11-22T10:00:00Z"))
        .policy("federal")
        .summary(AuditSummary.builder().organizations(1).pages(1).compliant(0).nonCompliant(0).unreachable(1).build())
        .addOrganizations(OrganizationAudit.builder()
            .organization(Organization.builder().name("Дом культуры").addPages(channel).build())
            .addPages(PageAudit.builder().page(channel).status(PageStatus.UNREACHABLE).reason("bot_not_admin").build())
            .build())
        .build();

    StringWriter out = new StringWriter();
    TextReportWriter.create().write(report, out);

    assertThat(out.toString())
        .contains("Каналы MAX: отметку «Госорганизация» проверить нельзя", "GOV_MARK к каналам MAX не применяется")
        .contains("https://max.ru/zarechny_rdk — недоступна: бот MAX не администратор канала: добавьте бота "
            + "администратором канала");
  }

  @Test
  void aReportWithoutMaxPagesSaysNothingAboutMax() throws Exception {
    StringWriter out = new StringWriter();
    TextReportWriter.create().write(Reports.sample(), out);
    assertThat(out.toString()).doesNotContain("MAX");
  }

  @Test
  void translatesUnreachableReasons() {
    assertThat(TextReportWriter.reason("banned")).isEqualTo("сообщество заблокировано");
    assertThat(TextReportWriter.reason("api_error: Internal server error")).isEqualTo("api_error: Internal server error");
    assertThat(TextReportWriter.reason(null)).isEqualTo("причина неизвестна");
    assertThat(List.of(Severity.values())).extracting(TextReportWriter::severity)
        .containsExactly("нарушение", "рейтинг", "рекомендация");
  }
}
