package ru.gospubliki.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps finished audits, so that a ЦУР sees how its district moves week by week ({@link #runs()})
 * and what changed since the last audit ({@link AuditChanges#latest}) without auditing again.
 *
 * <p>Recording is separate from auditing: the report is produced (and written) whatever the
 * history does; a history that fails loses the record, never the report.
 *
 * <pre>{@code
 * ComplianceReport report = auditor.auditRegistry(registry);
 * JsonReportWriter.create().write(report, out);
 * store.audits().record(report);
 * AuditChanges changes = AuditChanges.latest(store.audits(), null);
 * }</pre>
 */
public interface AuditHistory {
  /** Keeps {@code report} as one run: the summary, every organisation, page, status, mark and finding. */
  AuditRun record(ComplianceReport report);

  /** Every run, oldest first (by {@link AuditRun#asOf()}, then by id), without pages. */
  List<AuditRun> runs();

  /**
   * The report of run {@code runId} as it was recorded.
   *
   * @throws NoSuchElementException when there is no such run.
   */
  ComplianceReport report(long runId);

  /** A history in this process's memory. */
  static AuditHistory inMemory() {
    return new AuditHistory() {
      private final List<AuditRun> runs = new ArrayList<>();
      private final List<ComplianceReport> reports = new ArrayList<>();
      private final AtomicLong ids = new AtomicLong();

      @Override
      public synchronized AuditRun record(ComplianceReport report) {
        AuditRun run = AuditRun.builder().id(ids.incrementAndGet()).asOf(report.asOf()).policy(report.policy())
            .summary(report.summary()).build();
        runs.add(run);
        reports.add(report);
        return run;
      }

      @Override
      public synchronized List<AuditRun> runs() {
        List<AuditRun> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparing(AuditRun::asOf).thenComparingLong(AuditRun::id));
        return sorted;
      }

      @Override
      public synchronized ComplianceReport report(long runId) {
        for (int i = 0; i < runs.size(); i++) {
          if (runs.get(i).id() == runId) return reports.get(i);
        }
        throw new NoSuchElementException("no audit run " + runId);
      }
    };
  }
}
