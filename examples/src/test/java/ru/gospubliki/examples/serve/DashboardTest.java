package ru.gospubliki.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
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
    String page = "";
    int status;

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
      Request.Builder request = new Request.Builder().url(served.service.url() + path.substring(1));
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
        assertThat(row.getCellText(7)).isEqualTo("33 из 37");
      });
      Sheet findings = workbook.findSheet(XlsxExport.FINDINGS).orElseThrow();
      List<Row> lines = findings.read();
      assertThat(lines.get(0).getCellText(0)).isEqualTo("Организация");
      assertThat(lines.size()).isGreaterThan(10);
      assertThat(lines).anySatisfy(row -> assertThat(row.getCellText(8)).isEqualTo("нарушение"));
    }
  }

  @Test
  void textFromTheRegistryIsEscaped() {
    Html html = new Html().element("td", "<script>alert('x')</script> & \"кавычки\"");
    assertThat(html.toString()).isEqualTo("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;кавычки&quot;</td>");
    assertThat(Html.attr("href", "\"><script>")).isEqualTo(" href=\"&quot;&gt;&lt;script&gt;\"");
  }
}
