package ru.gospubliki.examples.serve;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.audit.AuditChanges;
import ru.gospubliki.audit.AuditHistory;
import ru.gospubliki.audit.AuditRun;
import ru.gospubliki.audit.AuditSummary;
import ru.gospubliki.audit.ComplianceReport;
import ru.gospubliki.audit.DistrictSummary;
import ru.gospubliki.audit.OrganizationAudit;
import ru.gospubliki.audit.PageAudit;
import ru.gospubliki.audit.PageStatus;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.report.JsonReportWriter;

/**
 * The stored audits as a scope sees them: its latest report (only its district's organisations),
 * the changes between its last two audits, and which pages are its district's. Recorded reports
 * never change, so the few last ones read (and their JSON per scope) are kept in memory: reading
 * the latest report is one small query for the list of runs.
 */
final class Reports {
  private static final int CACHED = 8;

  private final AuditHistory history;
  private final Map<Long, ComplianceReport> reports = lru();
  private final Map<String, byte[]> json = lru();

  Reports(AuditHistory history) {
    this.history = history;
  }

  List<AuditRun> runs() {
    return history.runs();
  }

  /** The runs with organisations of the scope's district, oldest first. */
  List<AuditRun> runs(Scope scope) {
    List<AuditRun> seen = new ArrayList<>();
    for (AuditRun run : history.runs()) {
      if (sees(scope, run)) seen.add(run);
    }
    return seen;
  }

  /** The scope's latest run, or null when no audit has its organisations. */
  @Nullable AuditRun latest(Scope scope) {
    List<AuditRun> runs = runs(scope);
    return runs.isEmpty() ? null : runs.get(runs.size() - 1);
  }

  /** Run {@code id}'s report as the scope sees it. */
  ComplianceReport report(long id, Scope scope) {
    ComplianceReport report;
    synchronized (reports) {
      report = reports.get(id);
    }
    if (report == null) {
      report = history.report(id);
      synchronized (reports) {
        reports.put(id, report);
      }
    }
    return scoped(report, scope);
  }

  /** The latest report's JSON ({@code gospubliki.audit/1}) for the scope, or null when there is none. */
  byte @Nullable [] latestJson(Scope scope) {
    AuditRun run = latest(scope);
    if (run == null) return null;
    String key = run.id() + "\u0000" + scope.name();
    synchronized (json) {
      byte[] cached = json.get(key);
      if (cached != null) return cached;
    }
    byte[] bytes = JsonReportWriter.builder().indent("").build().toJson(report(run.id(), scope))
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    synchronized (json) {
      json.put(key, bytes);
    }
    return bytes;
  }

  /**
   * What changed between the scope's last audit and the one before it (or its last one at or
   * before {@code since}), only its district's changes; null when there are not two such audits.
   */
  @Nullable AuditChanges changes(Scope scope, @Nullable Instant since) {
    if (scope.all()) return AuditChanges.latest(history, since);
    List<AuditRun> runs = runs(scope);
    if (runs.size() < 2) return null;
    AuditRun to = runs.get(runs.size() - 1);
    AuditRun from = null;
    for (int i = runs.size() - 2; i >= 0 && from == null; i--) {
      if (since == null || !runs.get(i).asOf().isAfter(since)) from = runs.get(i);
    }
    if (from == null) return null;
    String district = scope.district();
    AuditChanges changes = AuditChanges.between(report(from.id(), Scope.ALL), report(to.id(), Scope.ALL));
    return district == null ? changes : changes.forDistrict(districtAsRecorded(to, district));
  }

  /** Whether {@code page} is a page of the scope's organisations in its latest audit. */
  boolean owns(Scope scope, PageRef page) {
    if (scope.all()) return true;
    AuditRun run = latest(scope);
    if (run == null) return false;
    for (OrganizationAudit organization : report(run.id(), scope).organizations()) {
      for (PageAudit audit : organization.pages()) {
        if (audit.page().equals(page)) return true;
      }
    }
    return false;
  }

  /** Forgets nothing that is recorded; a new run is found by {@link #runs()} on the next read. */
  static boolean sees(Scope scope, AuditRun run) {
    if (scope.all()) return true;
    for (DistrictSummary line : run.summary().byDistrict()) {
      if (scope.sees(line.district())) return true;
    }
    return false;
  }

  /** The district's name as the run spells it («Заречный район» for a key given «заречный район»). */
  private static String districtAsRecorded(AuditRun run, String district) {
    for (DistrictSummary line : run.summary().byDistrict()) {
      if (Scope.district(district).sees(line.district())) return line.district();
    }
    return district;
  }

  /**
   * {@code report} with only the scope's organisations: the summary counts them alone, the
   * district table has the scope's line, and rows the registry rejected (of no known district) are
   * left out.
   */
  static ComplianceReport scoped(ComplianceReport report, Scope scope) {
    if (scope.all()) return report;
    List<OrganizationAudit> kept = new ArrayList<>();
    int pages = 0;
    int compliant = 0;
    int nonCompliant = 0;
    int unverified = 0;
    int unreachable = 0;
    for (OrganizationAudit organization : report.organizations()) {
      if (!scope.sees(organization.organization().district())) continue;
      kept.add(organization);
      for (PageAudit page : organization.pages()) {
        pages++;
        if (page.status() == PageStatus.COMPLIANT) compliant++;
        if (page.status() == PageStatus.NON_COMPLIANT) nonCompliant++;
        if (page.status() == PageStatus.UNVERIFIED) unverified++;
        if (page.status() == PageStatus.UNREACHABLE) unreachable++;
      }
    }
    List<DistrictSummary> lines = new ArrayList<>();
    for (DistrictSummary line : report.summary().byDistrict()) {
      if (scope.sees(line.district())) lines.add(line);
    }
    AuditSummary summary = AuditSummary.builder().from(report.summary()).organizations(kept.size()).pages(pages)
        .compliant(compliant).nonCompliant(nonCompliant).unverified(unverified).unreachable(unreachable).byDistrict(lines)
        .build();
    // The registry's rows and warnings are the whole region's: a district's scope sees none of them.
    return ComplianceReport.builder().from(report).summary(summary).organizations(kept).rejectedRows(List.of())
        .rejectedRowCount(0).warnings(List.of()).warningCount(0).build();
  }

  private static <K, V> Map<K, V> lru() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > CACHED;
      }
    };
  }
}
