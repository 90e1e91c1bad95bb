package ru.gospubliki.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.gospubliki.audit.AuditChange;
import ru.gospubliki.audit.AuditChanges;
import ru.gospubliki.audit.AuditRun;
import ru.gospubliki.audit.Auditor;
import ru.gospubliki.audit.ChangeKind;
import ru.gospubliki.audit.ComplianceReport;
import ru.gospubliki.audit.Finding;
import ru.gospubliki.audit.KnownProfile;
import ru.gospubliki.audit.PageAudit;
import ru.gospubliki.internal.store.Dialect;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.Declared;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.OrganizationKind;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PageState;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.model.ProfileField;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.model.WallAccess;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.Captcha;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.Operation;
import ru.gospubliki.platform.PublishResult;
import ru.gospubliki.platform.PublishStatus;
import ru.gospubliki.publish.CrossPostResult;
import ru.gospubliki.publish.CrossPoster;
import ru.gospubliki.publish.JournalEntry;
import ru.gospubliki.publish.JournalStatus;
import ru.gospubliki.publish.PublishJournal;
import ru.gospubliki.registry.Registry;
import ru.gospubliki.registry.RegistryWarning;
import ru.gospubliki.registry.RejectedRow;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.Policy;
import ru.gospubliki.testing.InMemoryPlatform;

/**
 * What every database the JDBC store supports must do; run on H2 and on a real PostgreSQL 17 by
 * the subclasses. A "process" is a {@link JdbcStore} built anew over the same database.
 */
abstract class StoreContractTest {
  static final Instant WEEK_1 = Instant.parse("2026-11-02T09:00:00Z");
  final PageRef page = PageRef.of(PlatformId.VK, "218400101");
  DataSource dataSource;

  abstract DataSource newDatabase();

  @BeforeEach
  void setUp() {
    dataSource = newDatabase();
  }

  JdbcStore process() {
    return JdbcStore.builder(dataSource).build();
  }

  ProfileSnapshot.Builder profile(Instant at) {
    return ProfileSnapshot.builder().page(page).name("Администрация поселка Заречный").screenName("zarechny_adm")
        .description("Официальная страница администрации поселка Заречный: новости, объявления, приём граждан.")
        .email("adm@zarechny.ru").addPhones("+7 (42142) 2-00-00").website("https://zarechny.ru")
        .postalAddress("682640, п. Заречный, ул. Ленина, 1").hasAvatar(true).hasCover(true).isCommunity(true)
        .commentsOpen(true).mark(MarkStatus.CONFIRMED).takenAt(at);
  }

  @Test
  void snapshotsRoundTripEveryFieldKeyedByTheNumericId() {
    ProfileSnapshot snapshot = profile(WEEK_1).members(1234L).wall(WallAccess.LIMITED).state(PageState.OPEN)
        .addUnavailableFields(ProfileField.WORK_HOURS).build();
    KnownProfile known = KnownProfile.after(null, snapshot);
    process().snapshots().save(known);
    assertThat(process().snapshots().load(page)).isEqualTo(known);
    assertThat(process().snapshots().load(PageRef.of(PlatformId.OK, "218400101"))).isNull();
    assertThat(process().snapshots().loadAll(List.of(page, PageRef.of(PlatformId.VK, "1")))).containsOnlyKeys(page);

    KnownProfile next = KnownProfile.after(known, profile(WEEK_1.plus(Duration.ofDays(7))).name("Новое имя").build());
    process().snapshots().saveAll(List.of(next));
    assertThat(process().snapshots().load(page)).isEqualTo(next);
    assertThat(count("gp_page_snapshot")).isEqualTo(1);
  }

  /** CONFIRMED, UNKNOWN, ABSENT, ABSENT, CONFIRMED: each audit a new process. */
  @Test
  void aLostMarkIsFoundAcrossProcessesThroughAnUnknownReadAndReportedUntilItIsBack() {
    Instant[] weeks = new Instant[5];
    MarkStatus[] marks = {MarkStatus.CONFIRMED, MarkStatus.UNKNOWN, MarkStatus.ABSENT, MarkStatus.ABSENT,
        MarkStatus.CONFIRMED};
    List<Finding> lost = new ArrayList<>();
    for (int week = 0; week < 5; week++) {
      weeks[week] = WEEK_1.plus(Duration.ofDays(7L * week));
      PageAudit audit = auditOnce(weeks[week], profile(weeks[week]).mark(marks[week]).build());
      lost.add(audit.findings().stream().filter(f -> f.rule().equals("GOV_MARK_LOST")).findFirst().orElse(null));
    }
    assertThat(lost.get(0)).isNull(); // a first audit: nothing to compare with
    assertThat(lost.get(1).outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(lost.get(2).outcome()).isEqualTo(Outcome.FAIL);
    assertThat(lost.get(2).message()).contains(WEEK_1.toString());
    assertThat(lost.get(2).details()).containsEntry("previousCheck", WEEK_1.toString());
    assertThat(lost.get(3).outcome()).isEqualTo(Outcome.FAIL); // still lost: still reported, since week 1
    assertThat(lost.get(3).message()).contains(WEEK_1.toString());
    assertThat(lost.get(4)).isNull(); // back: passes
    assertThat(process().snapshots().load(page).markLastSeen()).isEqualTo(weeks[4]);
  }

  @Test
  void aRenamedPageIsReportedByTheNextProcessAndStaysOnePage() {
    auditOnce(WEEK_1, profile(WEEK_1).build());
    Instant week2 = WEEK_1.plus(Duration.ofDays(7));
    PageAudit audit = auditOnce(week2, profile(week2).name("Заречный сегодня").screenName("zarechny_today").build());
    Finding changed = audit.findings().stream().filter(f -> f.rule().equals("PROFILE_CHANGED")).findFirst().orElseThrow();
    assertThat(changed.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(changed.details()).containsEntry("changed", "name,screenName");
    assertThat(count("gp_page_snapshot")).isEqualTo(1);

    AuditChanges changes = AuditChanges.latest(process().audits(), null);
    assertThat(changes.changes()).extracting(AuditChange::kind, AuditChange::before, AuditChange::after)
        .contains(tuple(ChangeKind.PAGE_RENAMED, "Администрация поселка Заречный", "Заречный сегодня"));
  }

  /** One audit of the page by a new process, recorded in the history. */
  PageAudit auditOnce(Instant now, ProfileSnapshot profile) {
    InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
    vk.putProfile(profile);
    JdbcStore store = process();
    Auditor auditor = Auditor.builder().policy(Policy.federal()).clock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC))
        .addPlatform(vk).snapshotStore(store.snapshots()).build();
    Registry registry = Registry.builder().addOrganizations(Organization.builder().name("Администрация поселка Заречный")
        .district("Заречный район").addPages(page).build()).build();
    ComplianceReport report = auditor.auditRegistry(registry);
    store.audits().record(report);
    return report.organizations().get(0).pages().get(0);
  }

  @Test
  void aRecordedAuditReadsBackAsItWasAndChangesNameTheLostMark() {
    ComplianceReport week1 = report(WEEK_1, MarkStatus.CONFIRMED);
    Instant week2 = WEEK_1.plus(Duration.ofDays(7));
    ComplianceReport week2Report = report(week2, MarkStatus.ABSENT);
    AuditRun first = process().audits().record(week1);
    AuditRun second = process().audits().record(week2Report);
    assertThat(second.id()).isGreaterThan(first.id());

    assertThat(process().audits().runs()).extracting(AuditRun::asOf, AuditRun::policy)
        .containsExactly(tuple(WEEK_1, "federal"), tuple(week2, "federal"));
    assertThat(process().audits().runs().get(0).summary()).isEqualTo(week1.summary());
    assertThat(process().audits().report(first.id())).isEqualTo(week1);
    assertThat(process().audits().report(second.id())).isEqualTo(week2Report);
    assertThatThrownBy(() -> process().audits().report(second.id() + 100)).isInstanceOf(NoSuchElementException.class);

    AuditChanges changes = AuditChanges.latest(process().audits(), null);
    assertThat(changes.from()).isEqualTo(WEEK_1);
    assertThat(changes.to()).isEqualTo(week2);
    assertThat(changes.changes().get(0).kind()).isEqualTo(ChangeKind.MARK_LOST);
    assertThat(changes.changes().get(0).organization()).isEqualTo("МБОУ СОШ № 9");
    assertThat(changes.changes().get(0).page()).isEqualTo(page);
    assertThat(AuditChanges.latest(process().audits(), WEEK_1.minusSeconds(1))).isNull();
  }

  /** An audit of one organisation with one page, through the federal rules. */
  ComplianceReport report(Instant now, MarkStatus mark) {
    InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
    vk.putProfile(profile(now).mark(mark).build());
    Registry registry = Registry.builder()
        .addOrganizations(Organization.builder().name("МБОУ СОШ № 9").district("Амурский район")
            .kind(OrganizationKind.SUBORDINATE).inn("7707083893").email("school9@amur.ru").responsible("Иванова")
            .responsibleContact("+7 914 000-00-00").connected(Declared.YES).addPages(page).build())
        .addOrganizations(Organization.builder().name("Библиотека").district("Амурский район").build())
        .addRejectedRows(RejectedRow.of(7, "не удалось распознать ссылку"))
        .rejectedRowCount(1_200)
        .addWarnings(RegistryWarning.of(3, "столбец «Тип»: неизвестный тип организации «школа»; тип не учтён"),
            RegistryWarning.of(1, "столбец «№» не распознан и не учитывается"))
        .warningCount(1_500)
        .build();
    // One own post with views: the engagement rate is measured and kept.
    vk.addPost(Post.builder().page(page).id("1").url(page.url() + "?w=wall-1_1").publishedAt(now.minus(Duration.ofDays(1)))
        .authorKind(AuthorKind.COMMUNITY).authorId(page.id()).text("Новости #школа").views(200L).likes(3L).build());
    return Auditor.builder().policy(Policy.federal()).clock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC))
        .addPlatform(vk).build().auditRegistry(registry);
  }

  @Test
  void theJournalClaimsOncePerKeyAndPageAndReplacesOnlyAtTheReadVersion() {
    PublishJournal journal = process().journal();
    JournalEntry claim = JournalEntry.builder().idempotencyKey("c1-key").page(page).status(JournalStatus.SENDING)
        .firstAttemptAt(WEEK_1).attempts(1).updatedAt(WEEK_1).build();
    assertThat(journal.insert(claim)).isTrue();
    assertThat(process().journal().insert(claim)).isFalse();
    assertThat(process().journal().lookup("c1-key", page)).isEqualTo(claim);

    JournalEntry failed = JournalEntry.builder().from(claim).status(JournalStatus.FAILED).version(1)
        .reason(FailureReason.CAPTCHA).message("введите капчу").captcha(new Captcha("77", "https://vk.com/captcha.php?sid=77", null))
        .updatedAt(WEEK_1.plusSeconds(1)).build();
    assertThat(journal.replace(claim, failed)).isTrue();
    assertThat(process().journal().replace(claim, failed)).isFalse(); // stale version
    assertThat(process().journal().lookup("c1-key", page)).isEqualTo(failed);

    JournalEntry scheduled = JournalEntry.builder().from(failed).status(JournalStatus.SCHEDULED).version(2)
        .reason(null).message(null).captcha(null).postId("5013").url("https://vk.com/wall-218400101_5013")
        .scheduledAt(WEEK_1.plus(Duration.ofDays(1))).settledAt(WEEK_1).build();
    assertThat(journal.replace(failed, scheduled)).isTrue();
    assertThat(process().journal().entries("c1-key")).containsExactly(scheduled);
    assertThat(process().journal().entries("other")).isEmpty();
    assertThat(process().journal().lookup("c1-key", PageRef.of(PlatformId.OK, "218400101"))).isNull();
  }

  @Test
  void twoProcessesPostingTheSameDraftAtOnceMakeOnePostPerPage() throws Exception {
    InMemoryPlatform ok = InMemoryPlatform.create(PlatformId.OK, java.time.Clock.systemUTC()); // no dedup of its own
    List<PageRef> pages = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      PageRef target = PageRef.of(PlatformId.OK, Long.toString(53350000000100L + i));
      ok.putProfile(ProfileSnapshot.builder().page(target).takenAt(WEEK_1).build());
      pages.add(target);
    }
    PostDraft draft = PostDraft.builder().text("День открытых дверей в субботу #Заречный").build();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<CrossPostResult>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        JdbcStore store = process(); // each with its own data source over the one database
        runs.add(threads.submit(() -> {
          start.await();
          return CrossPoster.builder().addPlatform(ok).journal(store.journal()).build().post(draft, pages);
        }));
      }
      start.countDown();
      for (Future<CrossPostResult> run : runs) {
        assertThat(run.get(60, TimeUnit.SECONDS).results()).extracting(PublishResult::status)
            .containsOnly(PublishStatus.PUBLISHED);
      }
    } finally {
      threads.shutdownNow();
    }
    for (PageRef target : pages) assertThat(ok.posts(target)).as(target.url()).hasSize(1);
    assertThat(ok.sends()).isEqualTo(40);
    assertThat(count("gp_publication")).isEqualTo(40);
  }

  @Test
  void eightThreadsAuditingAndRecordingLoseAndDuplicateNothing() throws Exception {
    InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, java.time.Clock.systemUTC());
    Registry.Builder registry = Registry.builder();
    for (int i = 1; i <= 150; i++) {
      PageRef target = PageRef.of(PlatformId.VK, Integer.toString(1000 + i));
      vk.putProfile(ProfileSnapshot.builder().page(target).name("Школа " + i).mark(MarkStatus.CONFIRMED)
          .takenAt(WEEK_1).build());
      registry.addOrganizations(Organization.builder().name("Школа " + i).district("Район " + (i % 5)).addPages(target).build());
    }
    Registry built = registry.build();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<AuditRun>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Instant asOf = WEEK_1.plus(Duration.ofDays(i));
        runs.add(threads.submit(() -> {
          start.await();
          JdbcStore store = process();
          ComplianceReport report = Auditor.builder().policy(Policy.federal())
              .clock(java.time.Clock.fixed(asOf, java.time.ZoneOffset.UTC)).addPlatform(vk)
              .snapshotStore(store.snapshots()).build().auditRegistry(built);
          return store.audits().record(report);
        }));
      }
      start.countDown();
      for (Future<AuditRun> run : runs) assertThat(run.get(120, TimeUnit.SECONDS).summary().pages()).isEqualTo(150);
    } finally {
      threads.shutdownNow();
    }
    assertThat(process().audits().runs()).hasSize(8);
    assertThat(count("gp_audit_run")).isEqualTo(8);
    assertThat(count("gp_audit_organization")).isEqualTo(8 * 150);
    assertThat(count("gp_audit_page")).isEqualTo(8 * 150);
    assertThat(count("gp_page_snapshot")).isEqualTo(150);
    for (AuditRun run : process().audits().runs()) {
      assertThat(process().audits().report(run.id()).organizations()).hasSize(150);
    }
  }

  @Test
  void theSchemaIsAppliedOnceAndCanBeLeftToAnotherTool() throws SQLException {
    assertThatThrownBy(() -> JdbcStore.builder(dataSource).migrate(false).build())
        .isInstanceOf(StoreException.class).hasMessageContaining("gp_schema_version");
    process();
    process();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT version, script FROM gp_schema_version ORDER BY version")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(1);
      assertThat(rows.getString(2)).isEqualTo("V1__gospubliki_store.sql");
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(2);
      assertThat(rows.getString(2)).isEqualTo("V2__gospubliki_publish_request.sql");
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(3);
      assertThat(rows.getString(2)).isEqualTo("V3__audit_fidelity.sql");
      assertThat(rows.next()).isFalse();
    }
    JdbcStore.builder(dataSource).migrate(false).build().snapshots().save(KnownProfile.after(null, profile(WEEK_1).build()));
  }

  /** A database an SDK of schema version 1 left, with a run recorded, is brought up to date and still reads. */
  @Test
  void aStoreOfSchemaVersion1IsBroughtUpToDateAndItsRunsStillRead() throws Exception {
    Dialect dialect;
    try (Connection connection = dataSource.getConnection()) {
      dialect = Dialect.of(connection);
    }
    String v1;
    try (java.io.InputStream in = Objects.requireNonNull(
        StoreContractTest.class.getResourceAsStream(dialect.resource("V1__gospubliki_store.sql")))) {
      v1 = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    ComplianceReport week1 = report(WEEK_1, MarkStatus.CONFIRMED);
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      StringBuilder sql = new StringBuilder();
      for (String line : v1.split("\n")) {
        if (line.strip().startsWith("--")) continue;
        sql.append(line).append('\n');
        if (line.strip().endsWith(";")) {
          statement.execute(sql.toString().strip().replaceAll(";$", ""));
          sql.setLength(0);
        }
      }
      statement.execute("CREATE TABLE gp_schema_version (version INTEGER NOT NULL PRIMARY KEY,"
          + " script VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
      statement.execute("INSERT INTO gp_schema_version VALUES (1, 'V1__gospubliki_store.sql', CURRENT_TIMESTAMP)");
      statement.execute("INSERT INTO gp_audit_run (as_of, recorded_at, policy, organizations, pages, compliant,"
          + " non_compliant, unreachable, summary, rejected_rows) VALUES (TIMESTAMP WITH TIME ZONE"
          + " '2026-10-26 09:00:00+00', CURRENT_TIMESTAMP, 'federal', 0, 0, 0, 0, 0,"
          + " '{\"organizations\":0,\"pages\":0,\"compliant\":0,\"nonCompliant\":0,\"unreachable\":0,\"byDistrict\":[]}',"
          + " '[{\"line\":7,\"error\":\"нет наименования\"}]')");
    }
    assertThatThrownBy(() -> JdbcStore.builder(dataSource).migrate(false).build())
        .isInstanceOf(StoreException.class).hasMessageContaining("V3__audit_fidelity.sql");
    JdbcStore store = process();
    AuditRun old = store.audits().runs().get(0);
    ComplianceReport read = store.audits().report(old.id());
    assertThat(read.rejectedRows()).hasSize(1);
    assertThat(read.rejectedRowCount()).isEqualTo(1);
    assertThat(read.warnings()).isEmpty();
    assertThat(read.summary().unverified()).isZero();
    AuditRun next = store.audits().record(week1);
    assertThat(process().audits().report(next.id())).isEqualTo(week1);
  }

  @Test
  void anIdempotencyKeyStaysBoundToTheRequestThatUsedItFirst() {
    PublishJournal journal = process().journal();
    assertThat(journal.bindRequest("api-key-1", "digest-a")).isEqualTo("digest-a");
    assertThat(process().journal().bindRequest("api-key-1", "digest-a")).isEqualTo("digest-a");
    assertThat(process().journal().bindRequest("api-key-1", "digest-b")).isEqualTo("digest-a");
    assertThat(journal.bindRequest("api-key-2", "digest-b")).isEqualTo("digest-b");
    assertThat(count("gp_publish_request")).isEqualTo(2);
  }

  @Test
  void twoProcessesBindingOneKeyAtOnceAgreeOnOneRequest() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> bound = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String digest = "digest-" + i;
        bound.add(pool.submit(() -> process().journal().bindRequest("api-race", digest)));
      }
      Set<String> answers = new HashSet<>();
      for (Future<String> answer : bound) answers.add(answer.get());
      assertThat(answers).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  int count(String table) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static Capabilities okCapabilities() {
    return Capabilities.builder().platform(PlatformId.OK).operations(EnumSet.allOf(Operation.class))
        .maxTextLength(1000).maxMedia(10).maxPhotoBytes(1000).photoMediaTypes(Set.of("image/jpeg")).build();
  }
}
