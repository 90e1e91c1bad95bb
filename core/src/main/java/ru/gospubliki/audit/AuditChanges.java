package ru.gospubliki.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.Spaces;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.Organization;
import ru.gospubliki.rules.Outcome;

/**
 * What changed between two audits: pages that lost or gained the «Госорганизация» mark, became
 * compliant or not, new and fixed findings, pages gone or renamed, organisations added or
 * removed. Lost marks come first: they are what a ЦУР acts on.
 *
 * <pre>{@code
 * AuditChanges changes = AuditChanges.latest(store.audits(), null); // null: fewer than two audits
 * for (AuditChange change : changes.changes()) System.out.println(change.kind() + " " + change.message());
 * }</pre>
 *
 * <p>Organisations are matched by name and district, pages by platform and id. A mark that a read
 * could not tell in between still counts as lost: the later audit's {@code GOV_MARK_LOST} finding
 * knows the last time it was seen.
 */
@Value.Immutable
public abstract class AuditChanges {
  /** The JSON schema id of the changes' JSON form. */
  public static final String SCHEMA = "gospubliki.changes/1";
  static final String GOV_MARK = "GOV_MARK";
  static final String GOV_MARK_LOST = "GOV_MARK_LOST";

  AuditChanges() {}

  /** "Now" of the earlier audit. */
  public abstract Instant from();

  /** "Now" of the later audit. */
  public abstract Instant to();

  public abstract List<AuditChange> changes();

  /** Only the changes of organisations in {@code district}. */
  public final AuditChanges forDistrict(String district) {
    List<AuditChange> kept = new ArrayList<>();
    for (AuditChange change : changes()) {
      if (district.equals(change.district())) kept.add(change);
    }
    return ImmutableAuditChanges.builder().from(from()).to(to()).changes(kept).build();
  }

  /**
   * The changes between the last recorded audit and the one before it, or, with {@code since},
   * the last one recorded at or before {@code since}; null when there are not two such audits.
   */
  public static @Nullable AuditChanges latest(AuditHistory history, @Nullable Instant since) {
    List<AuditRun> runs = history.runs();
    if (runs.size() < 2) return null;
    AuditRun to = runs.get(runs.size() - 1);
    AuditRun from = null;
    for (int i = runs.size() - 2; i >= 0; i--) {
      if (since == null || !runs.get(i).asOf().isAfter(since)) {
        from = runs.get(i);
        break;
      }
    }
    if (from == null) return null;
    return between(history.report(from.id()), history.report(to.id()));
  }

  /** The changes from {@code before} to {@code after}. */
  public static AuditChanges between(ComplianceReport before, ComplianceReport after) {
    List<AuditChange> changes = new ArrayList<>();
    Map<String, OrganizationAudit> earlier = index(before);
    Map<String, OrganizationAudit> later = index(after);
    for (Map.Entry<String, OrganizationAudit> entry : later.entrySet()) {
      OrganizationAudit now = entry.getValue();
      OrganizationAudit then = earlier.get(entry.getKey());
      if (then == null) {
        changes.add(change(ChangeKind.ORGANIZATION_ADDED, now.organization(), null)
            .message("Организация добавлена в реестр").build());
      } else {
        compare(then, now, changes);
      }
    }
    for (Map.Entry<String, OrganizationAudit> entry : earlier.entrySet()) {
      if (!later.containsKey(entry.getKey())) {
        changes.add(change(ChangeKind.ORGANIZATION_REMOVED, entry.getValue().organization(), null)
            .message("Организации больше нет в реестре").build());
      }
    }
    changes.sort(Comparator.comparing(AuditChange::kind)); // stable: within a kind, the registry's order
    return ImmutableAuditChanges.builder().from(before.asOf()).to(after.asOf()).changes(changes).build();
  }

  private static void compare(OrganizationAudit then, OrganizationAudit now, List<AuditChange> changes) {
    Organization organization = now.organization();
    findings(organization, null, then.findings(), now.findings(), false, changes);
    // A page is the same page when the platform's id is the same, whatever the registry called it
    // (a screen name changed between audits); when one side could not be read, by the registry's link.
    Map<String, PageAudit> byId = new LinkedHashMap<>();
    Map<String, PageAudit> byRef = new LinkedHashMap<>();
    for (PageAudit page : then.pages()) {
      byId.putIfAbsent(key(page.stablePage()), page);
      byRef.putIfAbsent(key(page.page()), page);
    }
    Set<PageAudit> matched = Collections.newSetFromMap(new IdentityHashMap<>());
    for (PageAudit page : now.pages()) {
      PageAudit before = byId.get(key(page.stablePage()));
      if (before == null || matched.contains(before)) before = byRef.get(key(page.page()));
      if (before == null || !matched.add(before)) continue;
      compare(organization, before, page, changes);
    }
    for (PageAudit gone : then.pages()) {
      if (matched.contains(gone) || byRef.get(key(gone.page())) != gone) continue; // a repeated link counts once
      changes.add(change(ChangeKind.PAGE_GONE, organization, gone).before(gone.status().name())
          .message("Страница больше не указана в реестре").build());
    }
  }

  private static void compare(Organization organization, PageAudit before, PageAudit after, List<AuditChange> changes) {
    if (after.status() == PageStatus.UNREACHABLE) {
      if (before.status() != PageStatus.UNREACHABLE) {
        String reason = after.reason();
        changes.add(change(ChangeKind.PAGE_GONE, organization, after).before(before.status().name()).after(reason)
            .message("Страница недоступна" + (reason == null ? "" : ": " + reason)).build());
      }
      return;
    }
    boolean lostBefore = fails(before, GOV_MARK_LOST);
    boolean lostNow = fails(after, GOV_MARK_LOST);
    boolean markChanged = false;
    if (after.mark() == MarkStatus.ABSENT && (before.mark() == MarkStatus.CONFIRMED || (lostNow && !lostBefore))) {
      changes.add(change(ChangeKind.MARK_LOST, organization, after).before(MarkStatus.CONFIRMED.name())
          .after(MarkStatus.ABSENT.name()).message("Пропала отметка «Госорганизация»: проверьте доступы к странице "
              + "и подтвердите её заново через Госуслуги").build());
      markChanged = true;
    } else if (after.mark() == MarkStatus.CONFIRMED && (before.mark() == MarkStatus.ABSENT || lostBefore)) {
      changes.add(change(ChangeKind.MARK_GAINED, organization, after).before(MarkStatus.ABSENT.name())
          .after(MarkStatus.CONFIRMED.name()).message("Отметка «Госорганизация» появилась").build());
      markChanged = true;
    }
    if (after.status() == PageStatus.NON_COMPLIANT && before.status() != PageStatus.NON_COMPLIANT) {
      changes.add(change(ChangeKind.BECAME_NON_COMPLIANT, organization, after).before(before.status().name())
          .after(after.status().name()).message("Страница перестала соответствовать требованиям").build());
    } else if (after.status() == PageStatus.COMPLIANT && before.status() != PageStatus.COMPLIANT) {
      changes.add(change(ChangeKind.BECAME_COMPLIANT, organization, after).before(before.status().name())
          .after(after.status().name()).message("Страница соответствует требованиям").build());
    }
    String was = before.name();
    String is = after.name();
    if (was != null && is != null && !Spaces.collapse(was).equals(Spaces.collapse(is))) {
      changes.add(change(ChangeKind.PAGE_RENAMED, organization, after).before(was).after(is)
          .message("Страница переименована: «" + Spaces.collapse(was) + "» → «" + Spaces.collapse(is) + "»; проверьте, что отметка "
              + "«Госорганизация» сохранилась").build());
    }
    findings(organization, after, before.findings(), after.findings(), markChanged, changes);
  }

  private static void findings(Organization organization, @Nullable PageAudit page, List<Finding> before,
      List<Finding> after, boolean markChanged, List<AuditChange> changes) {
    Map<String, Finding> earlier = byRule(before);
    Map<String, Finding> later = byRule(after);
    for (Finding finding : after) {
      if (finding.outcome() != Outcome.FAIL || skip(finding.rule(), markChanged)) continue;
      Finding then = earlier.get(finding.rule());
      if (then != null && then.outcome() == Outcome.FAIL) continue;
      changes.add(change(ChangeKind.FINDING_NEW, organization, page).rule(finding.rule())
          .before(then != null ? then.outcome().name() : Outcome.PASS.name()).after(Outcome.FAIL.name())
          .message(Objects.requireNonNullElse(finding.message(), finding.rule())).build());
    }
    for (Finding finding : before) {
      if (finding.outcome() != Outcome.FAIL || skip(finding.rule(), markChanged)) continue;
      Finding now = later.get(finding.rule());
      if (now != null) continue; // still failing, or could not be checked this time
      changes.add(change(ChangeKind.FINDING_FIXED, organization, page).rule(finding.rule())
          .before(Outcome.FAIL.name()).after(Outcome.PASS.name())
          .message("Исправлено: " + Objects.requireNonNullElse(finding.message(), finding.rule())).build());
    }
  }

  /** The mark's own findings repeat a mark change already reported. */
  private static boolean skip(String rule, boolean markChanged) {
    return markChanged && (rule.equals(GOV_MARK) || rule.equals(GOV_MARK_LOST));
  }

  private static Map<String, Finding> byRule(List<Finding> findings) {
    Map<String, Finding> result = new LinkedHashMap<>();
    for (Finding finding : findings) result.putIfAbsent(finding.rule(), finding);
    return result;
  }

  private static boolean fails(PageAudit page, String rule) {
    for (Finding finding : page.findings()) {
      if (finding.rule().equals(rule) && finding.outcome() == Outcome.FAIL) return true;
    }
    return false;
  }

  private static AuditChange.Builder change(ChangeKind kind, Organization organization, @Nullable PageAudit page) {
    AuditChange.Builder change = AuditChange.builder().kind(kind).organization(organization.name())
        .district(organization.district());
    if (page != null) change.page(page.page());
    return change;
  }

  /** Organisations by name and district; a repeated one gets its occurrence number. */
  private static Map<String, OrganizationAudit> index(ComplianceReport report) {
    Map<String, OrganizationAudit> result = new LinkedHashMap<>();
    for (OrganizationAudit audit : report.organizations()) {
      Organization organization = audit.organization();
      String base = organization.name().trim().toLowerCase(Locale.ROOT) + '\u0000'
          + Objects.requireNonNullElse(organization.district(), "").trim().toLowerCase(Locale.ROOT);
      String key = base;
      for (int n = 2; result.containsKey(key); n++) key = base + '\u0000' + n;
      result.put(key, audit);
    }
    return result;
  }

  private static String key(PageRef page) {
    return page.platform() + ":" + page.id();
  }
}
