package ru.gospubliki.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import ru.gospubliki.audit.AuditChanges;
import ru.gospubliki.audit.AuditRun;
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
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.rules.Obligation;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.Severity;

/**
 * The store benchmark (a command, not a test): a year of weekly audits of 1,700 pages (52 runs) on
 * H2 and on PostgreSQL 17; prints the time to record one run and compute {@code changes} against
 * the previous one, the time of {@code history}, and the database's size on disk.
 *
 * <p>Each page has 3 to 7 findings with the messages the rules write; every week the publication
 * counts in the messages change for half the pages, a few pages lose or regain a finding, and one
 * page in a hundred loses its mark.
 */
public final class StoreBenchmark {
  static final int PAGES = 1_700;
  static final int WEEKS = 52;

  private StoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("gospubliki-store-benchmark");
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + dir.resolve("h2").resolve("gospubliki") + ";DB_CLOSE_DELAY=-1");
    // Measured as the tool leaves it: H2 compacts its file when the last connection closes.
    run("H2", h2, () -> {
      try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
        s.execute("SHUTDOWN COMPACT");
      }
      return directorySize(dir.resolve("h2"));
    });
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).start()) {
      DataSource pg = postgres.getPostgresDatabase();
      run("PostgreSQL 17", pg, () -> {
        try (Connection c = pg.getConnection(); Statement s = c.createStatement()) {
          s.execute("CHECKPOINT");
          try (ResultSet rows = s.executeQuery("SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c"
              + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND c.relname LIKE 'gp\\_%'")) {
            rows.next();
            return rows.getLong(1);
          }
        }
      });
    }
  }

  interface Size {
    long bytes() throws Exception;
  }

  static void run(String name, DataSource dataSource, Size size) throws Exception {
    JdbcStore store = JdbcStore.builder(dataSource).build();
    Random random = new Random(42);
    Instant start = Instant.parse("2026-01-05T09:00:00Z");
    String[] cadence = new String[PAGES];
    boolean[] marked = new boolean[PAGES];
    for (int i = 0; i < PAGES; i++) marked[i] = i % 10 != 0;
    long recordNanos = 0;
    long changesNanos = 0;
    long lastRecord = 0;
    long lastChanges = 0;
    int lastChangeCount = 0;
    for (int week = 0; week < WEEKS; week++) {
      for (int i = 0; i < PAGES; i++) {
        if (cadence[i] == null || random.nextBoolean()) cadence[i] = Integer.toString(random.nextInt(12));
        if (random.nextInt(100) == 0) marked[i] = !marked[i];
      }
      ComplianceReport report = report(start.plus(Duration.ofDays(7L * week)), cadence, marked, random);
      long t0 = System.nanoTime();
      store.audits().record(report);
      long t1 = System.nanoTime();
      AuditChanges changes = AuditChanges.latest(store.audits(), null);
      long t2 = System.nanoTime();
      recordNanos += t1 - t0;
      changesNanos += t2 - t1;
      lastRecord = t1 - t0;
      lastChanges = t2 - t1;
      lastChangeCount = changes == null ? 0 : changes.changes().size();
    }
    long h0 = System.nanoTime();
    List<AuditRun> runs = store.audits().runs();
    long h1 = System.nanoTime();
    System.out.printf("%s: %d runs of %d pages%n", name, runs.size(), PAGES);
    System.out.printf("  record one run:                %6d ms (mean of %d: %d ms)%n", lastRecord / 1_000_000, WEEKS,
        recordNanos / WEEKS / 1_000_000);
    System.out.printf("  changes against the previous:  %6d ms (mean: %d ms; %d changes last week)%n",
        lastChanges / 1_000_000, changesNanos / WEEKS / 1_000_000, lastChangeCount);
    System.out.printf("  record + changes, last week:   %6d ms%n", (lastRecord + lastChanges) / 1_000_000);
    System.out.printf("  history (all %d runs):          %6d ms%n", runs.size(), (h1 - h0) / 1_000_000);
    System.out.printf("  size on disk:                  %6.1f MB%n", size.bytes() / 1_048_576.0);
  }

  static ComplianceReport report(Instant asOf, String[] cadence, boolean[] marked, Random random) {
    List<OrganizationAudit> organizations = new ArrayList<>(PAGES);
    int withMark = 0;
    for (int i = 0; i < PAGES; i++) {
      PageRef page = PageRef.of(PlatformId.VK, Integer.toString(218_400_000 + i));
      List<Finding> findings = new ArrayList<>();
      findings.add(finding("POSTS_CADENCE", "За последние 28 дней от имени сообщества вышло " + cadence[i]
          + " публикаций, нужно не меньше 12 (3 в неделю). По неделям, от ранней к последней: 1, " + cadence[i]
          + ", 2, 3. Публикуйте новости регулярно, не реже 3 раз в неделю.", Severity.WARNING));
      if (i % 3 == 0) findings.add(finding("PROFILE_EMAIL", "На странице не указан адрес электронной почты "
          + "организации. Добавьте email в раздел «Контакты» или в описание.", Severity.VIOLATION));
      if (i % 4 == 0) findings.add(finding("PROFILE_WORK_HOURS", "На странице не указан режим работы организации. "
          + "Добавьте часы работы в адрес организации (раздел «Адреса») или в описание.", Severity.NOTICE));
      if (i % 5 == 0) findings.add(finding("POSTS_HASHTAGS", "Хэштеги есть в " + (random.nextInt(40) + 10)
          + " % публикаций, рекомендуется не меньше 50 %. Добавляйте хэштеги организации и района.", Severity.NOTICE));
      if (!marked[i]) findings.add(finding("GOV_MARK", "На странице нет отметки «Госорганизация». Подтвердите "
          + "принадлежность страницы организации через Госуслуги (раздел «Госпаблики»).", Severity.WARNING));
      if (marked[i]) withMark++;
      PageAudit audit = PageAudit.builder().page(page).name("МБОУ СОШ № " + i).mark(marked[i] ? MarkStatus.CONFIRMED
          : MarkStatus.ABSENT).status(i % 3 == 0 ? PageStatus.NON_COMPLIANT : PageStatus.COMPLIANT)
          .score(70 + i % 30).postsLast28Days(Integer.parseInt(cadence[i])).findings(findings).build();
      Organization organization = Organization.builder().name("МБОУ СОШ № " + i + " муниципального района")
          .district("Район " + (i % 17)).email("school" + i + "@edu.example.ru").responsible("Иванова Мария Петровна")
          .responsibleContact("+7 914 123-45-" + (10 + i % 90)).addPages(page).build();
      organizations.add(OrganizationAudit.builder().organization(organization).pages(List.of(audit))
          .addFindings(finding("ORG_CHECKLIST", "В реестре не отмечено, выполнены ли пункты чек-листа.", Severity.NOTICE))
          .build());
    }
    List<DistrictSummary> districts = new ArrayList<>();
    for (int d = 0; d < 17; d++) {
      districts.add(DistrictSummary.builder().district("Район " + d).organizations(100).withPage(100).withVk(100)
          .withOk(20).withMark(withMark / 17).compliant(60).build());
    }
    return ComplianceReport.builder().asOf(asOf).policy("federal")
        .summary(AuditSummary.builder().organizations(PAGES).pages(PAGES).compliant(PAGES - PAGES / 3)
            .nonCompliant(PAGES / 3).unreachable(0).byDistrict(districts).build())
        .organizations(organizations).build();
  }

  static Finding finding(String rule, String message, Severity severity) {
    return Finding.builder().rule(rule).outcome(Outcome.FAIL).severity(severity).obligation(Obligation.RATING)
        .basis("Методические рекомендации Минцифры России / АНО «Диалог Регионы» по ведению госпабликов")
        .message(message).build();
  }

  static long directorySize(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

}
