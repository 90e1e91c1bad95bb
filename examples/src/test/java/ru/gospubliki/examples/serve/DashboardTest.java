package ru.gospubliki.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.Request;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.h2.jdbcx.JdbcConnectionPool;
import ru.gospubliki.audit.Auditor;
import ru.gospubliki.audit.ComplianceReport;
import ru.gospubliki.examples.sandbox.Sandbox;
import ru.gospubliki.examples.sandbox.SandboxData;
import ru.gospubliki.ok.OkPlatform;
import ru.gospubliki.registry.Registry;
import ru.gospubliki.registry.RegistryReader;
import ru.gospubliki.store.JdbcStore;
import ru.gospubliki.store.Store;
import ru.gospubliki.vk.VkPlatform;

/** The dashboard over HTTP: login, cookies, CSRF, a district key's view, the XLSX export, nothing from elsewhere. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {
  static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  Served served;

  @BeforeAll
  void start() throws Exception {
    served = new Served(Service.DEFAULT_MAX_BODY_BYTES, null);
  }

  @AfterAll
  void stop() throws Exception {
    served.close();
  }

  /** A browser: its cookies, as a browser keeps them for this site. */
  final class Browser {
    final List<String> cookies = new ArrayList<>();
    final String base;
    String page = "";
    int status;

    Browser() {
      this(served.service.url());
    }

    /** A browser of the service at {@code base}. */
    Browser(String base) {
      this.base = base;
    }

    Served.Answer get(String path) throws Exception {
      Served.Answer answer = Served.call(request(path).build());
      keep(answer);
      return answer;
    }

    Served.Answer post(String path, String... fields) throws Exception {
      FormBody.Builder form = new FormBody.Builder();
      for (int i = 0; i < fields.length; i += 2) form.add(fields[i], fields[i + 1]);
      Served.Answer answer = Served.call(request(path).post(form.build()).build());
      keep(answer);
      return answer;
    }

    Request.Builder request(String path) {
      Request.Builder request = new Request.Builder().url(base + path.substring(1));
      if (!cookies.isEmpty()) request.header("Cookie", String.join("; ", cookies));
      return request;
    }

    void keep(Served.Answer answer) {
      status = answer.status();
      page = answer.body();
      for (String set : answer.headers().values("Set-Cookie")) {
        String pair = set.split(";", 2)[0];
        String name = pair.split("=", 2)[0];
        cookies.removeIf(c -> c.startsWith(name + "="));
        if (!pair.endsWith("=")) cookies.add(pair);
      }
    }

    String csrf() {
      Matcher matcher = CSRF.matcher(page);
      assertThat(matcher.find()).as(page).isTrue();
      return matcher.group(1);
    }

    void logIn(String key) throws Exception {
      get("/");
      Served.Answer answer = post("/login", "csrf", csrf(), "key", key);
      assertThat(answer.status()).isEqualTo(303);
      get("/");
    }
  }

  @Test
  void loggingInWithADistrictKeyShowsItsDistrictOnly() throws Exception {
    Browser browser = new Browser();
    Served.Answer login = browser.get("/");
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.body()).contains("Ключ API", "<form method=\"post\" action=\"/login\"");
    assertThat(login.headers().values("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("HttpOnly", "SameSite=Strict"));

    browser.post("/login", "csrf", browser.csrf(), "key", "not-the-key-at-all-000");
    assertThat(browser.status).isEqualTo(401);
    assertThat(browser.page).contains("Ключ не подошёл").doesNotContain("not-the-key-at-all-000");

    Served.Answer in = browser.post("/login", "csrf", browser.csrf(), "key", Served.OZERSKY);
    assertThat(in.status()).isEqualTo(303);
    assertThat(in.headers().values("Set-Cookie")).anySatisfy(c -> assertThat(c)
        .startsWith(Sessions.COOKIE + "=").contains("HttpOnly", "SameSite=Strict", "Path=/"));
    Served.Answer home = browser.get("/");
    assertThat(home.body()).contains("Подключено 4 из 6", "Озёрский район", "Администрация Озёрского района")
        .doesNotContain("Заречн").doesNotContain(Served.OZERSKY);
    // Озёрский район has no MAX channel: no MAX column.
    assertThat(home.body()).doesNotContain("<th scope=\"col\">MAX</th>");
    assertThat(home.body()).contains("<svg", "Динамика по проверкам");
    assertThat(home.headers().get("Content-Security-Policy")).contains("default-src 'none'", "style-src 'self'");
    // Nothing from elsewhere: no script at all, no address outside this service in the page's own markup.
    assertThat(home.body()).doesNotContain("<script", "//fonts.", "cdn", "@import");
    assertThat(served.get("/assets/style.css", null).body()).doesNotContain("url(", "@import");
  }

  @Test
  void everyFormNeedsItsCsrfTokenAndAnOrganisationPageSaysWhatToFix() throws Exception {
    Browser browser = new Browser();
    browser.logIn(Served.ZARECHNY);
    assertThat(browser.page).contains("Заречный район").doesNotContain("Озёрский");
    String csrf = browser.csrf();
    // Without the token (a form on another site cannot know it): refused.
    assertThat(browser.post("/export.xlsx").status()).isEqualTo(403);
    assertThat(browser.post("/export.xlsx", "csrf", "forged").status()).isEqualTo(403);
    assertThat(browser.post("/logout", "csrf", "forged").status()).isEqualTo(403);
    browser.get("/");
    assertThat(browser.page).contains("Подключено");
    // Another person's login form token does not log anyone in.
    Browser other = new Browser();
    other.get("/");
    assertThat(other.post("/login", "csrf", csrf, "key", Served.ALL).status()).isEqualTo(403);

    Matcher link = Pattern.compile("href=\"(/organizations/[0-9]+\\?run=[0-9]+)\">МБОУ СОШ № 1 с. Заречное<").matcher(browser.page);
    assertThat(link.find()).isTrue();
    Served.Answer organization = browser.get(link.group(1));
    assertThat(organization.status()).isEqualTo(200);
    assertThat(organization.body()).contains("МБОУ СОШ № 1 с. Заречное", "https://vk.com/school1_zarechny", "Отметка");
    // An organisation of a run the key may not see is not found.
    Browser ozersky = new Browser();
    ozersky.logIn(Served.OZERSKY);
    assertThat(ozersky.get(link.group(1).replaceFirst("/[0-9]+\\?", "/0?")).body()).doesNotContain("Заречн");

    Served.Answer xlsx = browser.post("/export.xlsx", "csrf", browser.csrf());
    assertThat(xlsx.status()).isEqualTo(200);
    assertThat(xlsx.headers().get("Content-Disposition")).contains("attachment", ".xlsx");
    // Logging out ends the session: the same cookie no longer opens the dashboard.
    browser.get("/");
    assertThat(browser.post("/logout", "csrf", browser.csrf()).status()).isEqualTo(303);
    assertThat(browser.get("/").body()).contains("Вход");
  }

  @Test
  void theXlsxHasTheDistrictTableAndEveryFinding() throws Exception {
    Browser browser = new Browser();
    browser.logIn(Served.ALL);
    assertThat(browser.page).contains("<th scope=\"col\">MAX</th>");
    okhttp3.Response response = Served.HTTP.newCall(browser.request("/export.xlsx")
        .post(new FormBody.Builder().add("csrf", browser.csrf()).build()).build()).execute();
    byte[] bytes = response.body().bytes();
    assertThat(response.header("Content-Type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(ReadableWorkbook.isOOXMLZipHeader(bytes)).isTrue();
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
      Sheet districts = workbook.findSheet(XlsxExport.DISTRICTS).orElseThrow();
      List<Row> rows = districts.read();
      assertThat(rows.get(0).getCellText(0)).startsWith("Проверка от ");
      assertThat(rows).anySatisfy(row -> assertThat(row.getCellText(0)).isEqualTo("Район"));
      assertThat(rows).anySatisfy(row -> {
        assertThat(row.getCellText(0)).isEqualTo("Заречный район");
        assertThat(row.getCellAsNumber(1)).hasValueSatisfying(n -> assertThat(n.intValue()).isEqualTo(37));
        assertThat(row.getCellAsNumber(5)).hasValueSatisfying(n -> assertThat(n.intValue()).isEqualTo(5)); // MAX
        assertThat(row.getCellText(8)).isEqualTo("33 из 37");
      });
      assertThat(rows).anySatisfy(row -> assertThat(row.getCellText(5)).isEqualTo("MAX"));
      Sheet findings = workbook.findSheet(XlsxExport.FINDINGS).orElseThrow();
      List<Row> lines = findings.read();
      assertThat(lines.get(0).getCellText(0)).isEqualTo("Организация");
      assertThat(lines.size()).isGreaterThan(10);
      assertThat(lines).anySatisfy(row -> assertThat(row.getCellText(8)).isEqualTo("нарушение"));
    }
  }

  /**
   * Two weekly audits: a school's page lost its «Госорганизация» mark and the district
   * administration's page was renamed. «Последние изменения» lists the lost mark first, marked as
   * such, though the administration comes first by name.
   */
  @Test
  void latestChangesShowLostMarksFirst() throws Exception {
    String json;
    try (java.io.InputStream in = Sandbox.class.getResourceAsStream("sample-data.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String school = "\"name\": \"МБОУ СОШ № 9 с. Отрадное\"";
    int at = json.indexOf(school);
    assertThat(at).isPositive();
    String week2 = json.substring(0, at) + json.substring(at)
        .replaceFirst("\"is_government_organization\": true", "\"is_government_organization\": false");
    week2 = week2.replace("\"name\": \"Администрация Заречного района\"",
        "\"name\": \"Администрация Заречного муниципального района\"");
    Instant week1At = Instant.parse("2026-11-16T09:00:00Z");
    Instant week2At = week1At.plus(Duration.ofDays(7));
    JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:changes" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
        "", "");
    try {
      Store store = JdbcStore.builder(pool).build();
      audit(store, json, week1At);
      audit(store, week2, week2At);
      try (Service service = Service.builder(store).apiKeys(Served.KEYS)
          .clock(Clock.fixed(week2At.plus(Duration.ofHours(1)), ZoneOffset.UTC)).build()) {
        service.start();
        Browser browser = new Browser(service.url());
        browser.logIn(Served.ALL);

        assertThat(browser.page).contains("<h2 id=\"changes\">Последние изменения</h2>");
        String section = browser.page.substring(browser.page.indexOf("<h2 id=\"changes\">"));
        section = section.substring(0, section.indexOf("</section>"));
        Matcher row = Pattern.compile("<tr( class=\"lost\")?><td>([^<]*)</td><td>([^<]*)</td>").matcher(section);
        List<String> rows = new ArrayList<>();
        while (row.find()) rows.add((row.group(1) == null ? "" : "lost ") + row.group(2) + " | " + row.group(3));
        assertThat(rows).hasSizeGreaterThan(1);
        assertThat(rows.get(0)).isEqualTo("lost пропала отметка | МБОУ СОШ № 9 с. Отрадное");
        assertThat(rows.subList(1, rows.size())).noneMatch(line -> line.startsWith("lost "))
            .anySatisfy(line -> assertThat(line).contains("страница переименована", "Администрация Заречного района"));
      }
    } finally {
      pool.dispose();
    }
  }

  private static void audit(Store store, String json, Instant at) throws Exception {
    Registry registry = RegistryReader.read(new StringReader(SandboxData.sample().registryCsv()));
    try (Sandbox sandbox = Sandbox.builder().data(SandboxData.fromJson(json, SandboxData.sample().registryCsv()))
            .clock(Clock.fixed(at, ZoneOffset.UTC)).build();
        VkPlatform vk = VkPlatform.builder().baseUrl(sandbox.vkApiUrl()).serviceToken(sandbox.vkServiceToken())
            .userToken(sandbox.vkUserToken()).build();
        OkPlatform ok = OkPlatform.builder().baseUrl(sandbox.okApiUrl()).applicationKey(sandbox.okApplicationKey())
            .applicationSecretKey(sandbox.okApplicationSecretKey()).accessTokens(List.of(sandbox.okAccessToken()))
            .requestsPerSecond(100).build()) {
      ComplianceReport report = Auditor.builder().clock(Clock.fixed(at, ZoneOffset.UTC))
          .snapshotStore(store.snapshots()).addPlatform(vk).addPlatform(ok).build().auditRegistry(registry);
      store.audits().record(report);
    }
  }

  /**
   * API keys, session cookies, CSRF tokens, the login form's key, MAX's webhook secret and the
   * platforms' tokens never reach a log, stdout or stderr: not on a wrong key, not on a right one,
   * not when a request fails with an exception that quotes them. What is logged of the failure
   * still names the request, the exception and where it was thrown.
   */
  @Test
  void noKeyCookieOrTokenIsEverLogged() throws Exception {
    String webhookSecret = "max-webhook-secret-0000001";
    AtomicReference<String> failWith = new AtomicReference<>();
    List<String> logged = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      final SimpleFormatter format = new SimpleFormatter();

      @Override
      public void publish(LogRecord record) {
        logged.add(format.format(record));
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    capture.setLevel(Level.ALL);
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    java.util.logging.Logger ours = java.util.logging.Logger.getLogger("ru.gospubliki");
    Level oursWas = ours.getLevel();
    ours.setLevel(Level.ALL);
    root.addHandler(capture);
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(new TeeStream(out, printed), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new TeeStream(err, printed), true, StandardCharsets.UTF_8));
    List<String> secrets = new ArrayList<>(List.of(Served.ALL, Served.ZARECHNY, Served.OZERSKY, webhookSecret,
        "wrong-key-that-is-long-enough-01"));
    try (Served failing = new Served(Service.DEFAULT_MAX_BODY_BYTES, webhookSecret, store -> new Store() {
      @Override
      public ru.gospubliki.audit.SnapshotStore snapshots() {
        return store.snapshots();
      }

      @Override
      public ru.gospubliki.audit.AuditHistory audits() {
        ru.gospubliki.audit.AuditHistory history = store.audits();
        // The history as the store gives it, failing every call while failWith is set.
        return (ru.gospubliki.audit.AuditHistory) java.lang.reflect.Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {ru.gospubliki.audit.AuditHistory.class}, (proxy, method, args) -> {
              String failure = failWith.get();
              if (failure != null) throw new IllegalStateException(failure);
              try {
                return method.invoke(history, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
      }

      @Override
      public ru.gospubliki.publish.PublishJournal journal() {
        return store.journal();
      }
    })) {
      secrets.addAll(List.of(failing.sandbox.vkServiceToken(), failing.sandbox.vkUserToken(),
          failing.sandbox.okAccessToken(), failing.sandbox.okApplicationSecretKey(), failing.sandbox.maxBotToken()));
      Browser browser = new Browser(failing.service.url());
      browser.get("/");
      browser.post("/login", "csrf", browser.csrf(), "key", "wrong-key-that-is-long-enough-01");
      assertThat(browser.status).isEqualTo(401);
      browser.logIn(Served.ZARECHNY);
      secrets.addAll(browser.cookies.stream().map(cookie -> cookie.split("=", 2)[1]).toList());
      String csrf = browser.csrf();
      secrets.add(csrf);
      assertThat(failing.get("/api/v1/reports/latest", "wrong-key-that-is-long-enough-01").status()).isEqualTo(401);
      assertThat(failing.get("/api/v1/reports/latest", Served.ALL).status()).isEqualTo(200);
      assertThat(Served.call(new Request.Builder().url(failing.service.url() + "api/v1/max/webhook/1")
          .header("X-Max-Bot-Api-Secret", webhookSecret + "-wrong").post(okhttp3.RequestBody.create("{}", Served.JSON))
          .build()).status()).isEqualTo(401);

      // Failures whose messages quote what their requests carried.
      failWith.set("history unreadable; request had Authorization: Bearer " + Served.ALL);
      assertThat(failing.get("/api/v1/reports/latest", Served.ALL).status()).isEqualTo(500);
      failWith.set("history unreadable; request had Cookie: " + String.join("; ", browser.cookies));
      browser.get("/");
      assertThat(browser.status).isEqualTo(500);
      // A key too short to be taken for one, named as a key in the query string or a form field, and
      // a long query value of any name.
      secrets.addAll(List.of("щ7ж", "ж9ы", "query-value-long-0001"));
      failWith.set("history unreadable; request had ?api_key=щ7ж&note=query-value-long-0001");
      assertThat(failing.get("/api/v1/reports/latest?api_key=щ7ж&note=query-value-long-0001", Served.ALL).status())
          .isEqualTo(500);
      failWith.set("history unreadable; request had password=ж9ы");
      browser.post("/export.xlsx", "csrf", csrf, "password", "ж9ы");
      assertThat(browser.status).isEqualTo(500);
      failWith.set(null);
    } finally {
      System.setOut(out);
      System.setErr(err);
      root.removeHandler(capture);
      ours.setLevel(oursWas);
    }

    String everything = String.join("\n", logged) + "\n" + printed.toString(StandardCharsets.UTF_8);
    assertThat(everything)
        .contains("request GET /api/v1/reports/latest failed", "request GET / failed")
        .contains("java.lang.IllegalStateException: history unreadable; request had ")
        .contains(Redacted.MASK)
        .contains("at ru.gospubliki.examples.serve."); // the stack, which says where it failed
    for (String secret : secrets) assertThat(everything).as("a secret in the logs").doesNotContain(secret);
  }

  /** Writes to two streams: what the test prints still shows, and is kept to be searched. */
  private static final class TeeStream extends java.io.OutputStream {
    private final java.io.OutputStream first;
    private final java.io.OutputStream second;

    TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public synchronized void write(int b) throws java.io.IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws java.io.IOException {
      first.write(bytes, offset, length);
      second.write(bytes, offset, length);
    }
  }

  @Test
  void textFromTheRegistryIsEscaped() {
    Html html = new Html().element("td", "<script>alert('x')</script> & \"кавычки\"");
    assertThat(html.toString()).isEqualTo("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;кавычки&quot;</td>");
    assertThat(Html.attr("href", "\"><script>")).isEqualTo(" href=\"&quot;&gt;&lt;script&gt;\"");
  }
}
