package ru.gospubliki.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.rules.Obligation;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.Severity;

/** Every kind of change between two reports, and what is deliberately not a change. */
final class AuditChangesTest {
  static final Instant BEFORE = Instant.parse("2026-11-15T10:00:00Z");
  static final Instant AFTER = Instant.parse("2026-11-22T10:00:00Z");
  final PageRef a = PageRef.of(PlatformId.VK, "1");
  final PageRef b = PageRef.of(PlatformId.VK, "2");
  final PageRef c = PageRef.of(PlatformId.OK, "3");

  static Finding fail(String rule) {
    return finding(rule, Outcome.FAIL);
  }

  static Finding finding(String rule, Outcome outcome) {
    return Finding.builder().rule(rule).outcome(outcome).severity(Severity.VIOLATION).obligation(Obligation.LAW)
        .basis("8-ФЗ").message(rule + " " + outcome).build();
  }

  static PageAudit page(PageRef page, PageStatus status, MarkStatus mark, String name, Finding... findings) {
    return PageAudit.builder().page(page).status(status).mark(mark).name(name).findings(List.of(findings)).build();
  }

  static OrganizationAudit org(String name, List<Finding> findings, PageAudit... pages) {
    Organization.Builder organization = Organization.builder().name(name).district("Амурский район");
    for (PageAudit page : pages) organization.addPages(page.page());
    return OrganizationAudit.builder().organization(organization.build()).findings(findings).pages(List.of(pages)).build();
  }

  static ComplianceReport report(Instant at, OrganizationAudit... organizations) {
    return ComplianceReport.builder().asOf(at).policy("federal")
        .summary(AuditSummary.builder().organizations(organizations.length).pages(0).compliant(0).nonCompliant(0)
            .unreachable(0).build())
        .organizations(List.of(organizations)).build();
  }

  @Test
  void everyKindOfChangeLostMarksFirst() {
    ComplianceReport before = report(BEFORE,
        org("Школа", List.of(fail("ORG_RESPONSIBLE")),
            page(a, PageStatus.COMPLIANT, MarkStatus.CONFIRMED, "Школа № 9", fail("PROFILE_COVER")),
            page(b, PageStatus.NON_COMPLIANT, MarkStatus.ABSENT, "Школа ОК", fail("PROFILE_EMAIL")),
            page(c, PageStatus.COMPLIANT, MarkStatus.UNKNOWN, "Школа ОК2")),
        org("Клуб", List.of()));
    ComplianceReport after = report(AFTER,
        org("Школа", List.of(),
            page(a, PageStatus.NON_COMPLIANT, MarkStatus.ABSENT, "МБОУ СОШ № 9", fail("PROFILE_COVER"),
                fail("PROFILE_PHONE"), fail("GOV_MARK")),
            page(b, PageStatus.COMPLIANT, MarkStatus.CONFIRMED, "Школа ОК")),
        org("Библиотека", List.of()));
    AuditChanges changes = AuditChanges.between(before, after);
    assertThat(changes.from()).isEqualTo(BEFORE);
    assertThat(changes.to()).isEqualTo(AFTER);
    assertThat(changes.changes()).extracting(AuditChange::kind, AuditChange::organization, AuditChange::page,
        AuditChange::rule, AuditChange::before, AuditChange::after).containsExactly(
        tuple(ChangeKind.MARK_LOST, "Школа", a, null, "CONFIRMED", "ABSENT"),
        tuple(ChangeKind.MARK_GAINED, "Школа", b, null, "ABSENT", "CONFIRMED"),
        tuple(ChangeKind.BECAME_NON_COMPLIANT, "Школа", a, null, "COMPLIANT", "NON_COMPLIANT"),
        tuple(ChangeKind.BECAME_COMPLIANT, "Школа", b, null, "NON_COMPLIANT", "COMPLIANT"),
        tuple(ChangeKind.FINDING_NEW, "Школа", a, "PROFILE_PHONE", "PASS", "FAIL"),
        tuple(ChangeKind.FINDING_FIXED, "Школа", null, "ORG_RESPONSIBLE", "FAIL", "PASS"),
        tuple(ChangeKind.FINDING_FIXED, "Школа", b, "PROFILE_EMAIL", "FAIL", "PASS"),
        tuple(ChangeKind.PAGE_GONE, "Школа", c, null, "COMPLIANT", null),
        tuple(ChangeKind.PAGE_RENAMED, "Школа", a, null, "Школа № 9", "МБОУ СОШ № 9"),
        tuple(ChangeKind.ORGANIZATION_ADDED, "Библиотека", null, null, null, null),
        tuple(ChangeKind.ORGANIZATION_REMOVED, "Клуб", null, null, null, null));
    assertThat(changes.changes()).allSatisfy(change -> assertThat(change.message()).isNotBlank());
    assertThat(changes.forDistrict("Амурский район").changes()).hasSize(11);
    assertThat(changes.forDistrict("Другой").changes()).isEmpty();
  }

  @Test
  void aMarkLostThroughAnUnknownReadIsNamedByTheLaterFinding() {
    ComplianceReport before = report(BEFORE, org("Школа", List.of(), page(a, PageStatus.COMPLIANT, MarkStatus.UNKNOWN, "Ш")));
    ComplianceReport after = report(AFTER, org("Школа", List.of(),
        page(a, PageStatus.COMPLIANT, MarkStatus.ABSENT, "Ш", fail("GOV_MARK_LOST"), fail("GOV_MARK"))));
    assertThat(AuditChanges.between(before, after).changes()).extracting(AuditChange::kind)
        .containsExactly(ChangeKind.MARK_LOST);
    // Still lost a week later: not a new change.
    assertThat(AuditChanges.between(after, after).changes()).isEmpty();
  }

  @Test
  void aRuleThatCouldNotBeCheckedIsNotFixedAndAnUnreachablePageIsNotCompared() {
    ComplianceReport before = report(BEFORE, org("Школа", List.of(),
        page(a, PageStatus.NON_COMPLIANT, MarkStatus.CONFIRMED, "Ш", fail("POSTS_CADENCE")),
        page(b, PageStatus.UNREACHABLE, MarkStatus.UNKNOWN, "Ш2")));
    ComplianceReport after = report(AFTER, org("Школа", List.of(),
        page(a, PageStatus.NON_COMPLIANT, MarkStatus.CONFIRMED, "Ш", finding("POSTS_CADENCE", Outcome.UNKNOWN)),
        page(b, PageStatus.UNREACHABLE, MarkStatus.UNKNOWN, "Ш2")));
    assertThat(AuditChanges.between(before, after).changes()).isEmpty();
  }

  @Test
  void aPageWhoseScreenNameChangedIsOnePageAndSpacesAreNoRename() {
    PageRef old = PageRef.parse("https://vk.com/school9_old");
    PageRef renamed = PageRef.parse("https://vk.com/school9_new");
    PageRef id = PageRef.of(PlatformId.VK, "123");
    PageAudit was = PageAudit.builder().page(old).resolved(id).status(PageStatus.COMPLIANT)
        .mark(MarkStatus.CONFIRMED).name("Школа\u00a0№ 9").build();
    PageAudit is = PageAudit.builder().page(renamed).resolved(id).status(PageStatus.COMPLIANT)
        .mark(MarkStatus.ABSENT).name(" Школа № 9").findings(List.of(fail("GOV_MARK"))).build();
    ComplianceReport before = report(BEFORE, org("Школа", List.of(), was));
    ComplianceReport after = report(AFTER, org("Школа", List.of(), is));
    assertThat(AuditChanges.between(before, after).changes()).extracting(AuditChange::kind, AuditChange::page)
        .containsExactly(tuple(ChangeKind.MARK_LOST, renamed));

    // Read in one audit only: the registry's link still matches the page.
    PageAudit unread = PageAudit.builder().page(old).status(PageStatus.UNREACHABLE).reason("timeout").build();
    assertThat(AuditChanges.between(before, report(AFTER, org("Школа", List.of(), unread))).changes())
        .extracting(AuditChange::kind).containsExactly(ChangeKind.PAGE_GONE);
    assertThat(AuditChanges.between(report(AFTER, org("Школа", List.of(), unread)), before).changes())
        .extracting(AuditChange::kind).containsExactly(ChangeKind.BECAME_COMPLIANT);
  }

  @Test
  void latestNeedsTwoRunsAndSinceChoosesTheEarlierOne() {
    AuditHistory history = AuditHistory.inMemory();
    ComplianceReport first = report(BEFORE, org("Школа", List.of()));
    assertThat(AuditChanges.latest(history, null)).isNull();
    history.record(first);
    assertThat(AuditChanges.latest(history, null)).isNull();
    history.record(report(BEFORE.plusSeconds(3600), org("Школа", List.of()), org("Клуб", List.of())));
    history.record(report(AFTER, org("Школа", List.of())));
    assertThat(AuditChanges.latest(history, null).from()).isEqualTo(BEFORE.plusSeconds(3600));
    AuditChanges since = AuditChanges.latest(history, BEFORE.plusSeconds(60));
    assertThat(since.from()).isEqualTo(BEFORE);
    assertThat(since.changes()).isEmpty();
    assertThat(AuditChanges.latest(history, BEFORE.minusSeconds(1))).isNull();
  }
}
