package ru.gospubliki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.examples.cli.Cli.list;
import static ru.gospubliki.examples.cli.Cli.map;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.gospubliki.examples.sandbox.Sandbox;
import ru.gospubliki.examples.sandbox.SandboxData;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.publish.JournalEntry;
import ru.gospubliki.publish.JournalStatus;
import ru.gospubliki.store.JdbcStore;

/** The tool's memory between runs: audits compared week to week, and posts that never go out twice. */
final class StoreEndToEndTest {
  static final Instant WEEK_1 = Instant.parse("2026-11-16T09:00:00Z");
  static final Instant WEEK_2 = WEEK_1.plus(Duration.ofDays(7));
  static final String VK_PAGE = "https://vk.com/zarechny_adm";
  static final long VK_GROUP_ID = 218400101L;
  static final String OK_PAGE = "https://ok.ru/group/53350000000101";
  static final long OK_GROUP_ID = 53350000000101L;

  @TempDir Path dir;

  static String sampleJson() throws IOException {
    try (InputStream in = Sandbox.class.getResourceAsStream("sample-data.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  Cli audit(Map<String, String> env, Sandbox sandbox, Path registry, Instant asOf, String store) {
    return Cli.run(env, "audit", "--registry", registry.toString(), "--as-of", asOf.toString(), "--format", "json",
        "--vk-api-url", sandbox.vkApiUrl(), "--ok-api-url", sandbox.okApiUrl(), "--store", store);
  }

  /** The sandbox serving {@code json} (with the sample registry) at {@code now}. */
  static Sandbox sandbox(String json, Instant now) {
    return Sandbox.builder().data(SandboxData.fromJson(json, SandboxData.sample().registryCsv()))
        .clock(Clock.fixed(now, ZoneOffset.UTC)).build();
  }

  /** {@code json} with the district administration's VK page having lost its «Госорганизация» mark. */
  static String markLost(String json) {
    return json.replaceFirst("\"is_government_organization\": true", "\"is_government_organization\": false");
  }

  /** The README's two weeks: audit; the district administration's page loses its mark; audit; changes names it. */
  @Test
  void aMarkLostBetweenTwoWeeklyAuditsIsNamedByChanges() throws IOException {
    String json = sampleJson();
    Path registry = Files.writeString(dir.resolve("реестр.csv"), SandboxData.sample().registryCsv());
    String store = dir.resolve("store").toString();
    Map<String, String> env;
    try (Sandbox week1 = sandbox(json, WEEK_1)) {
      env = Cli.env(week1);
      Cli first = audit(env, week1, registry, WEEK_1, store);
      assertThat(first.exit).as(first.toString()).isZero();
      assertThat(first.err).doesNotContain("хранилищ");
    }
    Cli tooFew = Cli.run(env, "changes", "--store", store);
    assertThat(tooFew.exit).isEqualTo(2);
    assertThat(tooFew.err).contains("меньше двух проверок");

    try (Sandbox week2 = sandbox(markLost(json), WEEK_2)) {
      Cli second = audit(env, week2, registry, WEEK_2, store);
      assertThat(second.exit).as(second.toString()).isZero();
      Map<String, Object> page = map(list(map(list(second.json().get("organizations")).get(0)).get("pages")).get(0));
      assertThat(page).containsEntry("ref", VK_PAGE).containsEntry("mark", "ABSENT");
      assertThat(list(page.get("findings"))).anySatisfy(f -> assertThat(map(f))
          .containsEntry("rule", "GOV_MARK_LOST").containsEntry("outcome", "FAIL"));
    }

    Cli changes = Cli.run(env, "changes", "--store", store, "--format", "json");
    assertThat(changes.exit).as(changes.toString()).isZero();
    Map<String, Object> body = changes.json();
    assertThat(body).containsEntry("schema", "gospubliki.changes/1").containsEntry("from", WEEK_1.toString())
        .containsEntry("to", WEEK_2.toString());
    Map<String, Object> first = map(list(body.get("changes")).get(0));
    assertThat(first).containsEntry("kind", "MARK_LOST").containsEntry("url", VK_PAGE).containsEntry("platform", "vk")
        .containsEntry("organization", "Администрация Заречного района").containsEntry("district", "Заречный район")
        .containsEntry("before", "CONFIRMED").containsEntry("after", "ABSENT");
    Cli table = Cli.run(env, "changes", "--store", store);
    assertThat(table.out).contains("пропала отметка — Администрация Заречного района", VK_PAGE);

    Cli history = Cli.run(env, "history", "--store", store, "--format", "json", "--district", "Заречный район");
    assertThat(history.exit).as(history.toString()).isZero();
    List<Object> runs = list(history.json().get("runs"));
    assertThat(runs).hasSize(2);
    Map<String, Object> week1Line = map(list(map(runs.get(0)).get("byDistrict")).get(0));
    Map<String, Object> week2Line = map(list(map(runs.get(1)).get("byDistrict")).get(0));
    assertThat(week1Line).containsEntry("district", "Заречный район");
    assertThat(week2Line.get("organizations")).isEqualTo(week1Line.get("organizations"));
    assertThat(Cli.run(env, "history", "--store", store, "--format", "csv").out).startsWith("\uFEFFДата проверки;");
  }

  /**
   * A spot check of one page between two weekly audits of the registry: it finds the lost mark and
   * the store remembers what it saw, but changes and history compare the registry's audits only,
   * so no other organisation of the registry is reported removed.
   */
  @Test
  void aSpotCheckOfOnePageIsRememberedButNeverComparedWithTheRegistrysAudits() throws IOException {
    String lost = markLost(sampleJson());
    Path registry = Files.writeString(dir.resolve("реестр.csv"), SandboxData.sample().registryCsv());
    String store = dir.resolve("store").toString();
    Map<String, String> env;
    try (Sandbox week1 = sandbox(sampleJson(), WEEK_1)) {
      env = Cli.env(week1);
      assertThat(audit(env, week1, registry, WEEK_1, store).exit).isZero();
    }
    Instant spot = WEEK_1.plus(Duration.ofDays(3));
    try (Sandbox midweek = sandbox(lost, spot)) {
      Cli check = Cli.run(env, "audit", "--page", VK_PAGE, "--as-of", spot.toString(), "--format", "json",
          "--vk-api-url", midweek.vkApiUrl(), "--ok-api-url", midweek.okApiUrl(), "--store", store);
      assertThat(check.exit).as(check.toString()).isZero();
      assertThat(check.err).doesNotContain("хранилищ");
      Map<String, Object> page = map(list(map(list(check.json().get("organizations")).get(0)).get("pages")).get(0));
      assertThat(list(page.get("findings"))).anySatisfy(f -> assertThat(map(f))
          .containsEntry("rule", "GOV_MARK_LOST").containsEntry("outcome", "FAIL"));
    }
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:file:" + Path.of(store).resolve("gospubliki") + ";AUTO_SERVER=TRUE");
    assertThat(JdbcStore.builder(database).build().snapshots().load(PageRef.of(PlatformId.VK, Long.toString(VK_GROUP_ID))))
        .satisfies(known -> assertThat(known.snapshot().mark()).isEqualTo(MarkStatus.ABSENT));
    assertThat(Cli.run(env, "changes", "--store", store).err).contains("меньше двух проверок");
    assertThat(list(Cli.run(env, "history", "--store", store, "--format", "json").json().get("runs"))).hasSize(1);

    Instant week2 = WEEK_2;
    try (Sandbox next = sandbox(lost, week2)) {
      assertThat(audit(env, next, registry, week2, store).exit).isZero();
    }
    Cli changes = Cli.run(env, "changes", "--store", store, "--format", "json");
    assertThat(changes.exit).as(changes.toString()).isZero();
    assertThat(changes.json()).containsEntry("from", WEEK_1.toString()).containsEntry("to", week2.toString());
    List<Object> kinds = list(changes.json().get("changes")).stream().map(c -> map(c).get("kind")).toList();
    assertThat(kinds).contains("MARK_LOST").doesNotContain("ORGANIZATION_REMOVED", "ORGANIZATION_ADDED");
    assertThat(Cli.run("audit", "--help").out).contains("выборочная проверка", "историю проверок не записывается");
  }

  @Test
  void twoPostRunsAtOnceMakeOnePostPerPage() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().clock(Clock.fixed(Instant.now(), ZoneOffset.UTC)).build()) {
      Map<String, String> env = Cli.env(sandbox); // one store, as two runs by one user share ~/.gospubliki
      int vkBefore = sandbox.vkPostCount(VK_GROUP_ID);
      int okBefore = sandbox.okTopicCount(OK_GROUP_ID);
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService threads = Executors.newFixedThreadPool(2);
      List<Future<Cli>> runs = new ArrayList<>();
      try {
        for (int i = 0; i < 2; i++) {
          runs.add(threads.submit(() -> {
            start.await();
            return Cli.run(env, "post", "--page", VK_PAGE, "--page", OK_PAGE, "--text", "Субботник в субботу #Заречный",
                "--vk-api-url", sandbox.vkApiUrl(), "--ok-api-url", sandbox.okApiUrl());
          }));
        }
        start.countDown();
        List<Object> postIds = new ArrayList<>();
        for (Future<Cli> run : runs) {
          Cli post = run.get(120, TimeUnit.SECONDS);
          assertThat(post.exit).as(post.toString()).isZero();
          for (Map<String, Object> line : post.jsonLines()) {
            assertThat(line).containsEntry("status", "PUBLISHED");
            postIds.add(line.get("platform") + ":" + line.get("postId"));
          }
        }
        // Both runs answer the same two posts: the one that sent them, and the one that waited for it.
        assertThat(postIds).hasSize(4);
        assertThat(new java.util.HashSet<>(postIds)).hasSize(2);
      } finally {
        threads.shutdownNow();
      }
      assertThat(sandbox.vkPostCount(VK_GROUP_ID)).isEqualTo(vkBefore + 1);
      assertThat(sandbox.okTopicCount(OK_GROUP_ID)).isEqualTo(okBefore + 1);
    }
  }

  /**
   * A lost answer (once: run 1 UNKNOWN, run 2 a second topic), end to end: the sandbox makes the
   * OK topic and the MAX message, then loses both answers and stays cut off, so run 1 cannot tell;
   * run 2, with the platforms back, sends nothing; a person who saw the posts settles them as sent.
   */
  @Test
  void aPostWhoseAnswerWasLostIsUnknownAndNeverSentAgainUntilAPersonSettlesIt() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().clock(Clock.fixed(Instant.now(), ZoneOffset.UTC)).build()) {
      Map<String, String> env = Cli.env(sandbox);
      int okBefore = sandbox.okTopicCount(OK_GROUP_ID);
      int maxBefore = sandbox.maxMessageCount(Cli.MAX_CHAT_ID);
      String[] post = {"post", "--page", OK_PAGE, "--page", Cli.MAX_PAGE, "--text", "Отключение воды в среду #Заречный",
          "--vk-api-url", sandbox.vkApiUrl(), "--ok-api-url", sandbox.okApiUrl(), "--max-api-url", sandbox.maxApiUrl()};
      sandbox.loseNextPost(PlatformId.OK);
      sandbox.loseNextPost(PlatformId.MAX);

      Cli first = Cli.run(env, post);
      assertThat(first.exit).as(first.toString()).isEqualTo(4);
      assertThat(first.jsonLines()).extracting(line -> line.get("status")).containsExactly("UNKNOWN", "UNKNOWN");
      // Both were made: the answers, not the posts, were lost.
      assertThat(sandbox.okTopicCount(OK_GROUP_ID)).isEqualTo(okBefore + 1);
      assertThat(sandbox.maxMessageCount(Cli.MAX_CHAT_ID)).isEqualTo(maxBefore + 1);

      sandbox.reconnect();
      int okCalls = sandbox.okRequests();
      Cli second = Cli.run(env, post);
      assertThat(second.exit).as(second.toString()).isEqualTo(4);
      assertThat(second.jsonLines()).extracting(line -> line.get("status")).containsExactly("UNKNOWN", "UNKNOWN");
      assertThat(sandbox.okTopicCount(OK_GROUP_ID)).isEqualTo(okBefore + 1); // no second topic
      assertThat(sandbox.maxMessageCount(Cli.MAX_CHAT_ID)).isEqualTo(maxBefore + 1);
      assertThat(sandbox.okRequests()).isEqualTo(okCalls); // OK was not even asked

      String[] settle = java.util.Arrays.copyOf(post, post.length + 2);
      settle[post.length] = "--settle";
      settle[post.length + 1] = "sent";
      Cli settled = Cli.run(env, settle);
      assertThat(settled.exit).as(settled.toString()).isZero();
      assertThat(settled.jsonLines()).extracting(line -> line.get("status")).containsExactly("PUBLISHED", "PUBLISHED");

      Cli third = Cli.run(env, post);
      assertThat(third.exit).as(third.toString()).isZero();
      assertThat(third.jsonLines()).extracting(line -> line.get("status")).containsExactly("PUBLISHED", "PUBLISHED");
      assertThat(sandbox.okTopicCount(OK_GROUP_ID)).isEqualTo(okBefore + 1);
      assertThat(sandbox.maxMessageCount(Cli.MAX_CHAT_ID)).isEqualTo(maxBefore + 1);
    }
  }

  /**
   * The other way a person settles an unknown outcome: the post is not on the page, so the next run
   * sends it, once. The journal is seeded with the entry a run leaves when the request never reached
   * OK and the group could not be read (the sandbox's lost answer always makes the post).
   */
  @Test
  void anUnknownOutcomeSettledAsNotSentIsSentOnceByTheNextRun() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().clock(Clock.fixed(Instant.now(), ZoneOffset.UTC)).build()) {
      Map<String, String> env = Cli.env(sandbox);
      String text = "Собрание жителей в четверг #Заречный";
      // Run 1 reached OK and lost the answer, and the group could not be read: its outcome is UNKNOWN.
      JdbcDataSource database = new JdbcDataSource();
      database.setURL("jdbc:h2:file:" + Path.of(env.get("GOSPUBLIKI_HOME")).resolve("gospubliki") + ";AUTO_SERVER=TRUE");
      String key = PostDraft.builder().text(text).build().idempotencyKey();
      Instant then = Instant.now().minus(Duration.ofHours(3));
      JdbcStore.builder(database).build().journal().insert(JournalEntry.builder().idempotencyKey(key)
          .page(PageRef.parse(OK_PAGE)).status(JournalStatus.UNKNOWN).firstAttemptAt(then).attempts(1).updatedAt(then)
          .message("запись могла дойти: соединение разорвано").build());
      int okBefore = sandbox.okTopicCount(OK_GROUP_ID);
      String[] post = {"post", "--page", OK_PAGE, "--text", text, "--vk-api-url", sandbox.vkApiUrl(),
          "--ok-api-url", sandbox.okApiUrl()};

      Cli second = Cli.run(env, post);
      assertThat(second.exit).as(second.toString()).isEqualTo(4);
      assertThat(second.jsonLines().get(0)).containsEntry("status", "UNKNOWN");
      assertThat(sandbox.okTopicCount(OK_GROUP_ID)).isEqualTo(okBefore); // no second topic

      String[] settle = java.util.Arrays.copyOf(post, post.length + 2);
      settle[post.length] = "--settle";
      settle[post.length + 1] = "not-sent";
      Cli settled = Cli.run(env, settle);
      assertThat(settled.exit).as(settled.toString()).isZero();
      assertThat(settled.jsonLines().get(0)).containsEntry("status", "NOT_SENT");
      Cli again = Cli.run(env, settle);
      assertThat(again.exit).isEqualTo(1);
      assertThat(again.err).contains("нечего закрывать");

      Cli third = Cli.run(env, post);
      assertThat(third.exit).as(third.toString()).isZero();
      assertThat(third.jsonLines().get(0)).containsEntry("status", "PUBLISHED");
      assertThat(sandbox.okTopicCount(OK_GROUP_ID)).isEqualTo(okBefore + 1);
      Cli fourth = Cli.run(env, post);
      assertThat(fourth.jsonLines().get(0)).isEqualTo(third.jsonLines().get(0));
      assertThat(sandbox.okTopicCount(OK_GROUP_ID)).isEqualTo(okBefore + 1);
    }
  }

  @Test
  void aStoreThatCannotBeReachedCostsOneLineNeverTheReport() throws Exception {
    try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
      int port = closed.getLocalPort();
      closed.close();
      Map<String, String> env = new HashMap<>();
      env.put("GOSPUBLIKI_DB_USER", "gospubliki");
      env.put("GOSPUBLIKI_DB_PASSWORD", "секрет-не-печатать");
      Cli audit = Cli.run(env, "audit", "--sandbox", "--format", "json", "--as-of", WEEK_1.toString(),
          "--store", "jdbc:postgresql://127.0.0.1:" + port + "/gospubliki");
      assertThat(audit.exit).as(audit.toString()).isEqualTo(5);
      assertThat(list(audit.json().get("organizations"))).hasSize(43); // the whole report
      assertThat(audit.err.strip().lines().filter(line -> line.contains("хранилищ"))).hasSize(1);
      assertThat(audit.err).contains("хранилище", "недоступно").doesNotContain("секрет");
    }
  }

  @Test
  void credentialsInTheStoreUrlAreRefused() {
    Cli audit = Cli.run("audit", "--sandbox", "--store", "jdbc:postgresql://db/gp?user=a&password=secret");
    assertThat(audit.exit).isEqualTo(2);
    assertThat(audit.err).contains("GOSPUBLIKI_DB_USER").doesNotContain("secret");
    assertThat(Cli.run("changes", "--store", "jdbc:mysql://db/gp").err).contains("поддерживаются jdbc:postgresql:");
  }

  @Test
  void changesAndHistoryWriteTheirFileWholeAndNeverOverTheStore() throws IOException {
    Path store = dir.resolve("store");
    Cli audit = Cli.run("audit", "--sandbox", "--format", "json", "--as-of", WEEK_1.toString(), "--store", store.toString());
    assertThat(audit.exit).as(audit.toString()).isZero();
    Path database = store.resolve("gospubliki.mv.db");
    assertThat(database).isRegularFile();
    byte[] before = Files.readAllBytes(database);

    for (String command : List.of("changes", "history", "audit")) {
      List<String> args = new ArrayList<>(List.of(command, "--store", store.toString(), "--out", database.toString()));
      if (command.equals("audit")) args.add("--sandbox");
      Cli refused = Cli.run(args.toArray(new String[0]));
      assertThat(refused.usageError(command)).contains("тот же файл, что и --store");
    }
    assertThat(Files.readAllBytes(database)).isEqualTo(before);

    Path report = Files.writeString(dir.resolve("история.csv"), "прежний файл");
    Cli history = Cli.run("history", "--store", store.toString(), "--format", "csv", "--out", report.toString());
    assertThat(history.exit).as(history.toString()).isZero();
    assertThat(history.out).isEmpty();
    assertThat(Files.readString(report)).startsWith("\uFEFFДата проверки;");
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("store", "история.csv");
    }
    // One audit only: changes has nothing to compare, and the older file stays as it was.
    Path changes = Files.writeString(dir.resolve("изменения.json"), "прежний файл");
    assertThat(Cli.run("changes", "--store", store.toString(), "--out", changes.toString()).usageError("changes"))
        .contains("меньше двух проверок");
    assertThat(Files.readString(changes)).isEqualTo("прежний файл");
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("store", "история.csv", "изменения.json");
    }
  }

  @Test
  void aSandboxRunRemembersNothingAndStoreNoneIsAccepted() {
    assertThat(Cli.run("audit", "--sandbox", "--format", "json").exit).isZero();
    Cli changes = Cli.run("changes", "--store", "none");
    assertThat(changes.exit).isEqualTo(2);
  }
}
