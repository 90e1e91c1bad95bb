package ru.gospubliki.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ru.gospubliki.max.MaxPlatform;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.store.Store;
import ru.gospubliki.testing.InMemoryPlatform;

/** The JSON API as a CMS plugin uses it, against the sandbox's sample district. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceApiTest {
  static final String SCHOOL_VK = "https://vk.com/school1_zarechny";
  static final String SCHOOL_OK = "https://ok.ru/group/53350000000102";
  static final long SCHOOL_OK_ID = 53350000000102L;
  static final String SCHOOL_MAX = "max:-70000000000102";
  static final String OZERSKY_OK = "https://ok.ru/group/53350000000107";
  static final long OZERSKY_OK_ID = 53350000000107L;
  static final String SECRET = "max-webhook-secret-of-the-test";
  static final long MAX_BODY = 256 * 1024;

  Served served;

  @BeforeAll
  void start() throws Exception {
    served = new Served(MAX_BODY, SECRET);
  }

  @AfterAll
  void stop() throws Exception {
    served.close();
  }

  static String news(String text, String... pages) {
    return "{\"text\": \"" + text + "\", \"pages\": [\"" + String.join("\", \"", pages) + "\"]}";
  }

  @Test
  void everyApiCallNeedsAValidKeyAndTheAnswerSaysSoInRussian() throws Exception {
    for (String path : List.of("/api/v1/reports/latest", "/api/v1/changes", "/api/v1/history", "/api/v1/audits/a1",
        "/api/v1/posts/k1")) {
      for (String key : new String[] {null, "not-a-key-of-this-service", ALL_PREFIX}) {
        Served.Answer answer = served.get(path, key);
        assertThat(answer.status()).as(path + " with " + key).isEqualTo(401);
        assertThat(answer.error()).contains("ключ");
        assertThat(answer.headers().get("WWW-Authenticate")).startsWith("Bearer");
      }
    }
    int okBefore = served.sandbox.okTopicCount(SCHOOL_OK_ID);
    assertThat(served.postJson("/api/v1/posts", "wrong-key-wrong-key-1", "k-401", news("Новости #школа", SCHOOL_OK))
        .status()).isEqualTo(401);
    assertThat(served.postJson("/api/v1/posts/settle", null, null, "{}").status()).isEqualTo(401);
    assertThat(served.post("/api/v1/audits", null, null, RequestBody.create("x", Served.CSV)).status()).isEqualTo(401);
    assertThat(served.sandbox.okTopicCount(SCHOOL_OK_ID)).isEqualTo(okBefore);
    // The OpenAPI document is public: it holds no district's data.
    assertThat(served.get("/api/v1/openapi.json", null).status()).isEqualTo(200);
  }

  /** A prefix of a real key is no key. */
  static final String ALL_PREFIX = Served.ALL.substring(0, Served.ALL.length() - 1);

  @Test
  void aDistrictKeySeesOnlyItsOrganisationsInTheLatestReport() throws Exception {
    Map<String, Object> all = served.get("/api/v1/reports/latest", Served.ALL).json();
    assertThat(districts(all)).containsExactlyInAnyOrder("Заречный район", "Озёрский район");
    Map<String, Object> zarechny = served.get("/api/v1/reports/latest", Served.ZARECHNY).json();
    assertThat(districts(zarechny)).containsExactly("Заречный район");
    List<?> organizations = (List<?>) zarechny.get("organizations");
    assertThat(organizations).isNotEmpty().allSatisfy(o -> assertThat(((Map<?, ?>) o).get("district")).isEqualTo("Заречный район"));
    Map<?, ?> summary = (Map<?, ?>) zarechny.get("summary");
    Map<?, ?> line = (Map<?, ?>) ((List<?>) summary.get("byDistrict")).get(0);
    assertThat(((Number) summary.get("organizations")).intValue()).isEqualTo(organizations.size())
        .isEqualTo(((Number) line.get("organizations")).intValue());
    Map<String, Object> ozersky = served.get("/api/v1/reports/latest", Served.OZERSKY).json();
    assertThat(districts(ozersky)).containsExactly("Озёрский район");
    // Five organisations and the sample registry's duplicate row of one of them.
    assertThat((List<?>) ozersky.get("organizations")).hasSize(6);
  }

  static List<Object> districts(Map<String, Object> report) {
    List<Object> districts = new ArrayList<>();
    for (Object line : (List<?>) ((Map<?, ?>) report.get("summary")).get("byDistrict")) {
      districts.add(((Map<?, ?>) line).get("district"));
    }
    return districts;
  }

  @Test
  void postingTwiceWithOneKeyPostsOncePerPageAndAnswersTheSameResults() throws Exception {
    int ok = served.sandbox.okTopicCount(SCHOOL_OK_ID);
    String body = news("Открыта запись в первый класс #школа", SCHOOL_VK, SCHOOL_OK);
    Served.Answer first = served.postJson("/api/v1/posts", Served.ZARECHNY, "cms-news-1001", body);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.results()).extracting(r -> r.get("status")).containsExactly("PUBLISHED", "PUBLISHED");
    int vkRequests = served.sandbox.vkRequests();
    int okRequests = served.sandbox.okRequests();
    Served.Answer again = served.postJson("/api/v1/posts", Served.ZARECHNY, "cms-news-1001", body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.results()).isEqualTo(first.results());
    assertThat(served.sandbox.okTopicCount(SCHOOL_OK_ID)).isEqualTo(ok + 1);
    assertThat(served.sandbox.vkRequests()).isEqualTo(vkRequests); // answered from the journal
    assertThat(served.sandbox.okRequests()).isEqualTo(okRequests);
    Served.Answer results = served.get("/api/v1/posts/cms-news-1001", Served.ZARECHNY);
    assertThat(results.results()).extracting(r -> r.get("status")).containsOnly("PUBLISHED").hasSize(2);
    // Another district's key does not see this key's publication: keys are kept apart per district.
    assertThat(served.get("/api/v1/posts/cms-news-1001", Served.OZERSKY).status()).isEqualTo(404);
  }

  @Test
  void manyRequestsWithOneKeyAtOnceMakeOnePostPerPage() throws Exception {
    int ok = served.sandbox.okTopicCount(SCHOOL_OK_ID);
    String body = news("Родительское собрание в четверг #школа", SCHOOL_OK);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Served.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(pool.submit(() -> served.postJson("/api/v1/posts", Served.ALL, "cms-news-race", body)));
      }
      for (Future<Served.Answer> answer : answers) {
        assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(200);
        assertThat(answer.get().results()).extracting(r -> r.get("status")).containsExactly("PUBLISHED");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(served.sandbox.okTopicCount(SCHOOL_OK_ID)).isEqualTo(ok + 1);
  }

  @Test
  void aUsedKeyWithAnotherBodyIsAConflictAndNothingIsSent() throws Exception {
    assertThat(served.postJson("/api/v1/posts", Served.ALL, "cms-news-409", news("Первая новость #школа", SCHOOL_OK))
        .status()).isEqualTo(200);
    int ok = served.sandbox.okTopicCount(SCHOOL_OK_ID);
    int okRequests = served.sandbox.okRequests();
    Served.Answer conflict = served.postJson("/api/v1/posts", Served.ALL, "cms-news-409",
        news("Совсем другая новость #школа", SCHOOL_OK));
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.error()).contains("Idempotency-Key", "cms-news-409", "ничего не отправлено");
    Served.Answer morePages = served.postJson("/api/v1/posts", Served.ALL, "cms-news-409",
        news("Первая новость #школа", SCHOOL_OK, SCHOOL_VK));
    assertThat(morePages.status()).isEqualTo(409);
    assertThat(served.sandbox.okTopicCount(SCHOOL_OK_ID)).isEqualTo(ok);
    assertThat(served.sandbox.okRequests()).isEqualTo(okRequests);
  }

  @Test
  void aDraftATargetWouldRefuseIs422WithTheProblemsAndTheKeyStaysFree() throws Exception {
    int max = served.sandbox.maxMessageCount(-70000000000102L);
    int ok = served.sandbox.okTopicCount(SCHOOL_OK_ID);
    String at = Instant.now().plus(Duration.ofDays(1)).toString();
    String scheduled = "{\"text\": \"Анонс #школа\", \"at\": \"" + at + "\", \"pages\": [\"" + SCHOOL_OK + "\", \""
        + SCHOOL_MAX + "\"]}";
    Served.Answer refused = served.postJson("/api/v1/posts", Served.ZARECHNY, "cms-news-422", scheduled);
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.error()).contains("ничего не отправлено");
    List<?> problems = (List<?>) refused.json().get("problems");
    assertThat(problems).isNotEmpty();
    assertThat(((Map<?, ?>) problems.get(0)).get("platform")).isEqualTo("max");
    assertThat(served.sandbox.maxMessageCount(-70000000000102L)).isEqualTo(max);
    assertThat(served.sandbox.okTopicCount(SCHOOL_OK_ID)).isEqualTo(ok);
    // The corrected draft takes the same key: a refused request does not use it up.
    Served.Answer corrected = served.postJson("/api/v1/posts", Served.ZARECHNY, "cms-news-422",
        news("Анонс #школа", SCHOOL_OK, SCHOOL_MAX));
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    assertThat(served.sandbox.maxMessageCount(-70000000000102L)).isEqualTo(max + 1);
  }

  @Test
  void aDistrictKeyPostsOnlyToItsDistrictsPagesAndIsRefusedWhole() throws Exception {
    int okRequests = served.sandbox.okRequests();
    int vkRequests = served.sandbox.vkRequests();
    int ozersky = served.sandbox.okTopicCount(OZERSKY_OK_ID);
    Served.Answer refused = served.postJson("/api/v1/posts", Served.ZARECHNY, "cms-news-403",
        news("Новости района #школа", SCHOOL_VK, OZERSKY_OK));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.error()).contains(OZERSKY_OK, "ничего не отправлено").doesNotContain(SCHOOL_VK);
    assertThat(served.sandbox.okRequests()).isEqualTo(okRequests);
    assertThat(served.sandbox.vkRequests()).isEqualTo(vkRequests);
    assertThat(served.sandbox.okTopicCount(OZERSKY_OK_ID)).isEqualTo(ozersky);
    // The district's own key may.
    assertThat(served.postJson("/api/v1/posts", Served.OZERSKY, "cms-news-403", news("Новости района #школа", OZERSKY_OK))
        .status()).isEqualTo(200);
    assertThat(served.sandbox.okTopicCount(OZERSKY_OK_ID)).isEqualTo(ozersky + 1);
  }

  @Test
  void aBodyOverTheLimitIs413AndNothingIsSent() throws Exception {
    int okRequests = served.sandbox.okRequests();
    String text = "а".repeat((int) MAX_BODY);
    Served.Answer answer = served.postJson("/api/v1/posts", Served.ALL, "cms-news-413", news(text, SCHOOL_OK));
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.error()).contains("больше");
    // Without a Content-Length too: a chunked body is counted as it is read.
    okio.Buffer big = new okio.Buffer().writeUtf8("Наименование;ВКонтакте\n" + "школа;vk:1\n".repeat(40_000));
    RequestBody chunked = new RequestBody() {
      @Override public MediaType contentType() {
        return Served.CSV;
      }

      @Override public long contentLength() {
        return -1;
      }

      @Override public void writeTo(okio.BufferedSink sink) throws java.io.IOException {
        sink.writeAll(big.clone());
      }
    };
    Served.Answer registry = served.post("/api/v1/audits", Served.ALL, null, chunked);
    assertThat(registry.status()).isEqualTo(413);
    assertThat(served.sandbox.okRequests()).isEqualTo(okRequests);
  }

  @Test
  void badInputIsA4xxWithOneRussianMessageAndNoStackTrace() throws Exception {
    List<Served.Answer> answers = List.of(
        served.postJson("/api/v1/posts", Served.ALL, "k-bad-1", "{\"text\": \"Новости\", \"pages\": [\"https://vk.com/club1\""),
        served.postJson("/api/v1/posts", Served.ALL, "k-bad-2", "[1, 2]"),
        served.postJson("/api/v1/posts", Served.ALL, null, news("Новости #школа", SCHOOL_OK)),
        served.postJson("/api/v1/posts", Served.ALL, "key with spaces", news("Новости #школа", SCHOOL_OK)),
        served.postJson("/api/v1/posts", Served.ALL, "k-bad-3", news("Новости #школа", "https://example.com/page")),
        served.postJson("/api/v1/posts", Served.ALL, "k-bad-4", "{\"text\": 5, \"pages\": [\"" + SCHOOL_OK + "\"]}"),
        served.post("/api/v1/audits", Served.ALL, null, RequestBody.create(zip(), Served.CSV)),
        served.post("/api/v1/audits", Served.ALL, null, RequestBody.create("%PDF-1.4", MediaType.get("application/pdf"))),
        served.post("/api/v1/audits?policy=regional", Served.ALL, null, RequestBody.create("{\"pages\":[\"" + SCHOOL_OK + "\"]}", Served.JSON)),
        served.post("/api/v1/audits?asOf=вчера", Served.ALL, null, RequestBody.create("{\"pages\":[\"" + SCHOOL_OK + "\"]}", Served.JSON)),
        served.post("/api/v1/audits", Served.ALL, null, RequestBody.create("{\"pages\": ", Served.JSON)),
        served.postJson("/api/v1/posts/settle", Served.ALL, null, "{\"idempotencyKey\": \"cms-news-1001\", \"outcome\": \"maybe\"}"),
        served.get("/api/v1/changes?since=не-дата", Served.ALL),
        served.get("/api/v1/no-such-route", Served.ALL));
    List<Integer> statuses = new ArrayList<>();
    for (Served.Answer answer : answers) {
      statuses.add(answer.status());
      assertThat(answer.headers().get("Content-Type")).startsWith("application/json");
      assertThat(answer.error()).as(answer.body()).isNotBlank().matches(".*[а-яА-Я].*");
      assertThat(answer.body()).doesNotContain("Exception", "\tat ", "ru.gospubliki");
    }
    assertThat(statuses).containsExactly(400, 400, 400, 400, 400, 400, 400, 415, 400, 400, 400, 400, 400, 404);
  }

  static byte[] zip() throws java.io.IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
      zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  @Test
  void maxWebhookTakesTheBotsUpdatesWithTheSecretOnly() throws Exception {
    MaxPlatform max = (MaxPlatform) served.platforms.get(2);
    long bot = max.botIds().get(0);
    String update = "{\"update_type\": \"bot_added\", \"chat_id\": -70000000000101, \"is_channel\": true, "
        + "\"timestamp\": 1764590000000, \"user\": {\"user_id\": 1, \"name\": \"Админ\"}}";
    okhttp3.Request.Builder request = new okhttp3.Request.Builder()
        .url(served.service.url() + "api/v1/max/webhook/" + bot).post(RequestBody.create(update, Served.JSON));
    assertThat(Served.call(request.build()).status()).isEqualTo(401);
    assertThat(Served.call(request.header(MaxPlatform.SECRET_HEADER, "wrong").build()).status()).isEqualTo(401);
    Served.Answer accepted = Served.call(request.header(MaxPlatform.SECRET_HEADER, SECRET).build());
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.json().get("added")).isEqualTo(1.0);
    Served.Answer otherBot = Served.call(request.url(served.service.url() + "api/v1/max/webhook/" + (bot + 1)).build());
    assertThat(otherBot.status()).isEqualTo(404);
  }

  @Test
  void anUnknownOutcomeIsListedNeverResentAndSettledByAPerson() throws Exception {
    Clock clock = Clock.systemUTC();
    InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, clock);
    vk.putProfile(ru.gospubliki.model.ProfileSnapshot.builder().page(ru.gospubliki.model.PageRef.of(PlatformId.VK, "1"))
        .takenAt(clock.instant()).build());
    try (Service service = Service.builder(Store.inMemory()).addPlatform(vk).apiKeys(Served.ALL + "=*").build()) {
      service.start();
      String body = news("Новости #школа", "https://vk.com/club1");
      vk.loseResponses(3).failLookups(1);
      okhttp3.Request post = new okhttp3.Request.Builder().url(service.url() + "api/v1/posts")
          .header("Authorization", "Bearer " + Served.ALL).header("Idempotency-Key", "cms-unknown-1")
          .post(RequestBody.create(body, Served.JSON)).build();
      Served.Answer first = Served.call(post);
      assertThat(first.results()).extracting(r -> r.get("status")).containsExactly("UNKNOWN");
      int sends = vk.sends();
      assertThat(Served.call(post).results()).extracting(r -> r.get("status")).containsExactly("UNKNOWN");
      assertThat(vk.sends()).isEqualTo(sends);
      okhttp3.Request results = new okhttp3.Request.Builder().url(service.url() + "api/v1/posts/cms-unknown-1")
          .header("Authorization", "Bearer " + Served.ALL).build();
      assertThat(Served.call(results).results()).extracting(r -> r.get("status")).containsExactly("UNKNOWN");

      okhttp3.Request settle = new okhttp3.Request.Builder().url(service.url() + "api/v1/posts/settle")
          .header("Authorization", "Bearer " + Served.ALL)
          .post(RequestBody.create("{\"idempotencyKey\": \"cms-unknown-1\", \"outcome\": \"sent\"}", Served.JSON)).build();
      Served.Answer settled = Served.call(settle);
      assertThat(settled.status()).as(settled.body()).isEqualTo(200);
      assertThat(settled.results()).extracting(r -> r.get("status")).containsExactly("PUBLISHED");
      assertThat(Served.call(results).results()).extracting(r -> r.get("status")).containsExactly("PUBLISHED");
      // Nothing left to settle: the page says why.
      okhttp3.Request again = settle.newBuilder().post(RequestBody.create(
          "{\"idempotencyKey\": \"cms-unknown-1\", \"pages\": [\"https://vk.com/club1\"], \"outcome\": \"sent\"}",
          Served.JSON)).build();
      Served.Answer nothing = Served.call(again);
      assertThat(nothing.results().get(0).get("error")).isNotNull();
      assertThat(vk.sends()).isEqualTo(sends);
      okhttp3.Request unknownKey = settle.newBuilder().post(RequestBody.create(
          "{\"idempotencyKey\": \"never-used\", \"outcome\": \"sent\"}", Served.JSON)).build();
      assertThat(Served.call(unknownKey).status()).isEqualTo(404);
    }
  }
}
