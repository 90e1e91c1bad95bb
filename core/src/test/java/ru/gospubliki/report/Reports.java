package ru.gospubliki.report;

import java.time.Instant;
import ru.gospubliki.audit.AuditSummary;
import ru.gospubliki.audit.ComplianceReport;
import ru.gospubliki.audit.DistrictSummary;
import ru.gospubliki.audit.Finding;
import ru.gospubliki.audit.OrganizationAudit;
import ru.gospubliki.audit.PageAudit;
import ru.gospubliki.audit.PageStatus;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.registry.RejectedRow;
import ru.gospubliki.rules.Obligation;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.Severity;

/** A hand-built report with one of everything the writers must render. */
final class Reports {
  static final String EMAIL_BASIS = "8-ФЗ ст. 13 ч. 1.1 (состав информации на официальной странице), ред. 270-ФЗ";

  private Reports() {}

  static Finding finding(String rule, Outcome outcome, Severity severity, Obligation obligation,
      String message) {
    return Finding.builder().rule(rule).outcome(outcome).severity(severity).obligation(obligation)
        .basis(EMAIL_BASIS).message(message).build();
  }

  static ComplianceReport sample() {
    Organization school = Organization.builder().name("МБОУ СОШ № 9").district("Амурский район")
        .addPages(PageRef.parse("https://vk.com/club123456"), PageRef.parse("ok:53350000000001")).build();
    Organization library = Organization.builder().name("Библиотека «Книга; и \"точка\"»")
        .addPages(PageRef.parse("vk:77")).build();

    PageAudit vk = PageAudit.builder()
        .page(PageRef.parse("https://vk.com/club123456"))
        .status(PageStatus.NON_COMPLIANT)
        .reason("ignored when reachable")
        .mark(MarkStatus.CONFIRMED)
        .score(85)
        .postsLast28Days(14)
        .addFindings(
            finding("PROFILE_EMAIL", Outcome.FAIL, Severity.VIOLATION, Obligation.LAW,
                "не указан адрес электронной почты: добавьте его в раздел «Контакты»"),
            Finding.builder().rule("PROFILE_PHONE").outcome(Outcome.PASS).severity(Severity.VIOLATION)
                .obligation(Obligation.LAW).basis(EMAIL_BASIS).build(),
            finding("GOV_MARK", Outcome.UNKNOWN, Severity.WARNING, Obligation.RATING,
                "платформа не сообщила о метке"),
            Finding.builder().rule("PROFILE_COVER").outcome(Outcome.NOT_APPLICABLE).severity(Severity.WARNING)
                .obligation(Obligation.RATING).basis("x").build())
        .build();
    PageAudit ok = PageAudit.builder()
        .page(PageRef.parse("ok:53350000000001"))
        .status(PageStatus.UNREACHABLE)
        .reason("deleted")
        .build();
    PageAudit libraryVk = PageAudit.builder()
        .page(PageRef.parse("vk:77"))
        .status(PageStatus.COMPLIANT)
        .mark(MarkStatus.ABSENT)
        .score(100)
        .postsLast28Days(0)
        .addFindings(finding("POSTS_CADENCE", Outcome.FAIL, Severity.NOTICE, Obligation.RECOMMENDATION,
            "мало публикаций;\nпишите чаще"))
        .build();

    return ComplianceReport.builder()
        .asOf(Instant.parse("2026-11-22T10:00:00Z"))
        .policy("federal")
        .summary(AuditSummary.builder().organizations(2).pages(3).compliant(1).nonCompliant(1).unreachable(1)
            .addByDistrict(
                DistrictSummary.builder().district("Амурский район").organizations(1).withPage(1).withVk(1)
                    .withOk(1).withMark(1).compliant(0).build(),
                DistrictSummary.builder().district("Без района").organizations(1).withPage(1).withVk(1)
                    .withOk(0).withMark(0).compliant(1).build())
            .build())
        .addOrganizations(
            OrganizationAudit.builder().organization(school)
                .addFindings(
                    finding("ORG_RESPONSIBLE", Outcome.FAIL, Severity.VIOLATION, Obligation.LAW,
                        "не назначен ответственный"),
                    Finding.builder().rule("ORG_HAS_PAGE").outcome(Outcome.PASS).severity(Severity.VIOLATION)
                        .obligation(Obligation.LAW).basis("y").build())
                .addPages(vk, ok)
                .build(),
            OrganizationAudit.builder().organization(library).addPages(libraryVk).build())
        .addRejectedRows(RejectedRow.of(7, "столбец «ИНН»: «123» — неверная контрольная сумма ИНН"))
        .build();
  }
}
