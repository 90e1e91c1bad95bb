package ru.gospubliki.examples.serve;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.audit.Auditor;
import ru.gospubliki.audit.ComplianceReport;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.registry.Registry;
import ru.gospubliki.rules.Policy;
import ru.gospubliki.store.Store;

/**
 * Audits started over the API: one at a time on a thread of their own (an audit reads every page
 * of the registry, and the platforms' rate limits are shared anyway), each with an id to ask after
 * its progress and report. A registry's audit is recorded in the store once done, so the latest
 * report, changes and history include it; an audit of a list of pages is not (it is a check, not
 * the district's weekly audit).
 */
final class AuditJobs implements AutoCloseable {
  /** Finished audits kept for their status calls, at most. */
  static final int KEPT = 100;
  private static final System.Logger LOG = System.getLogger(AuditJobs.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Where one audit stands. */
  enum Status { RUNNING, DONE, FAILED }

  /** One audit: its progress while it runs, then its report or why it failed. */
  static final class Job {
    final String id;
    final Scope owner;
    private volatile Status status = Status.RUNNING;
    private volatile int done;
    private volatile int total;
    private volatile @Nullable ComplianceReport report;
    private volatile @Nullable String error;

    Job(String id, Scope owner, int total) {
      this.id = id;
      this.owner = owner;
      this.total = total;
    }

    Status status() {
      return status;
    }

    int done() {
      return done;
    }

    int total() {
      return total;
    }

    @Nullable ComplianceReport report() {
      return report;
    }

    @Nullable String error() {
      return error;
    }
  }

  private final Store store;
  private final List<Platform> platforms;
  private final Clock clock;
  private final Runnable beforeAudit;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "gospubliki-audit");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<String, Job> jobs = new LinkedHashMap<>();

  AuditJobs(Store store, List<Platform> platforms, Clock clock, Runnable beforeAudit) {
    this.store = store;
    this.platforms = List.copyOf(platforms);
    this.clock = clock;
    this.beforeAudit = beforeAudit;
  }

  /** Queues the audit of {@code registry}; recorded in the store when {@code record}. */
  Job submit(Registry registry, Policy policy, @Nullable Instant asOf, boolean record, Scope owner) {
    int pages = 0;
    for (Organization organization : registry.organizations()) pages += organization.pages().size();
    Job job = new Job(newId(), owner, pages);
    synchronized (jobs) {
      jobs.put(job.id, job);
      forgetOldest();
    }
    executor.execute(() -> run(job, auditor -> auditor.auditRegistry(registry), policy, asOf, record));
    return job;
  }

  /** Starts an audit of {@code pages} as they are (no registry: no organisation rules); not recorded. */
  Job submitPages(List<PageRef> pages, Policy policy, @Nullable Instant asOf, Scope owner) {
    Job job = new Job(newId(), owner, pages.size());
    synchronized (jobs) {
      jobs.put(job.id, job);
      forgetOldest();
    }
    executor.execute(() -> run(job, auditor -> auditor.auditPages(pages), policy, asOf, false));
    return job;
  }

  /** Runs an audit now, on the caller's thread (the sandbox's sample district before the service opens). */
  ComplianceReport auditNow(Registry registry, Policy policy) {
    Job job = new Job(newId(), Scope.ALL, 0);
    run(job, auditor -> auditor.auditRegistry(registry), policy, null, true);
    ComplianceReport report = job.report();
    if (report == null) throw new IllegalStateException("audit failed: " + job.error());
    return report;
  }

  @Nullable Job find(String id) {
    synchronized (jobs) {
      return jobs.get(id);
    }
  }

  /** Audits not finished yet. */
  List<Job> unfinished() {
    synchronized (jobs) {
      return jobs.values().stream().filter(job -> job.status == Status.RUNNING).toList();
    }
  }

  private void run(Job job, Function<Auditor, ComplianceReport> audit, Policy policy, @Nullable Instant asOf,
      boolean record) {
    try {
      beforeAudit.run();
      Auditor.Builder auditor = Auditor.builder().policy(policy)
          .clock(asOf == null ? clock : Clock.fixed(asOf, ZoneOffset.UTC))
          .snapshotStore(store.snapshots())
          .progress((done, total) -> {
            job.done = done;
            job.total = total;
          });
      platforms.forEach(auditor::addPlatform);
      ComplianceReport report = audit.apply(auditor.build());
      if (record) {
        try {
          store.audits().record(report);
        } catch (RuntimeException e) {
          // The report is still answered; the status says it was not kept.
          job.error = "проверка выполнена, но не сохранена в хранилище: её не покажут отчёты, изменения и история";
          LOG.log(System.Logger.Level.WARNING, "audit {0} not recorded: {1}", job.id, e.toString());
        }
      }
      job.report = report;
      job.done = job.total;
      job.status = Status.DONE;
    } catch (RuntimeException e) {
      // No request reaches an audit (the job has only the registry, the policy and the platforms, whose
      // exceptions have their tokens masked by the adapters), so the failure is logged whole, stack and all.
      LOG.log(System.Logger.Level.WARNING, "audit " + job.id + " failed", e);
      job.error = "проверка не выполнена: внутренняя ошибка (" + e.getClass().getSimpleName() + ")";
      job.status = Status.FAILED;
    }
  }

  private void forgetOldest() {
    int finished = 0;
    for (Job job : jobs.values()) if (job.status != Status.RUNNING) finished++;
    Iterator<Job> oldest = jobs.values().iterator();
    while (finished > KEPT && oldest.hasNext()) {
      if (oldest.next().status != Status.RUNNING) {
        oldest.remove();
        finished--;
      }
    }
  }

  private static String newId() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    StringBuilder id = new StringBuilder("a");
    for (byte b : bytes) id.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
    return id.toString();
  }

  /**
   * Stops taking audits and waits up to {@code timeout} for the one running; the audits still
   * waiting or running then are marked failed and returned (their reports are lost: an audit
   * cannot be kept half done).
   */
  Collection<Job> stop(Duration timeout) {
    executor.shutdown();
    try {
      executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
    List<Job> cut = unfinished();
    for (Job job : cut) {
      job.error = "сервис остановлен до конца проверки: запустите её снова";
      job.status = Status.FAILED;
    }
    return cut;
  }

  @Override
  public void close() {
    stop(Duration.ZERO);
  }
}
