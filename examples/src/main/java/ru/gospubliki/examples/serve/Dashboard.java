package ru.gospubliki.examples.serve;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.audit.AuditChange;
import ru.gospubliki.audit.AuditChanges;
import ru.gospubliki.audit.AuditRun;
import ru.gospubliki.audit.ChangeKind;
import ru.gospubliki.audit.ComplianceReport;
import ru.gospubliki.audit.DistrictSummary;
import ru.gospubliki.audit.Finding;
import ru.gospubliki.audit.OrganizationAudit;
import ru.gospubliki.audit.PageAudit;
import ru.gospubliki.audit.PageStatus;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.rules.Outcome;

/**
 * The dashboard at {@code /}, in Russian, for ЦУР staff: log in with an API key; the district
 * table «подключено X из Y» with marks and compliance; the trend over the stored audits; the
 * latest changes, lost marks first; each organisation's pages and what to fix; the XLSX export.
 * Pages are drawn on the server, every value escaped; no script runs, and nothing is loaded from
 * elsewhere (the style sheet is the tool's own).
 */
final class Dashboard {
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  /** Changes listed on the dashboard, at most; the XLSX and the API have all. */
  static final int CHANGES_SHOWN = 100;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.ROOT)
      .withZone(ZoneId.of("Europe/Moscow"));

  private final Sessions sessions;
  private final ApiKeys keys;
  private final Reports reports;

  Dashboard(Sessions sessions, ApiKeys keys, Reports reports) {
    this.sessions = sessions;
    this.keys = keys;
    this.reports = reports;
  }

  /** {@code GET /}: the dashboard, or the login form. */
  void home(Context ctx) {
    Sessions.Session session = session(ctx);
    if (session == null) {
      login(ctx, 200, null);
      return;
    }
    Scope scope = session.scope;
    Html page = new Html();
    AuditRun run = reports.latest(scope);
    if (run == null) {
      page.raw("<h2>Проверок ещё нет</h2><p>Запустите проверку реестра: <code>POST /api/v1/audits</code> или "
          + "<code>gospubliki audit --store …</code> с тем же хранилищем.</p>");
      send(ctx, 200, "Госпаблики", session, page);
      return;
    }
    ComplianceReport report = reports.report(run.id(), scope);
    int organizations = 0;
    int withPage = 0;
    for (DistrictSummary line : report.summary().byDistrict()) {
      organizations += line.organizations();
      withPage += line.withPage();
    }
    page.raw("<h2 id=\"connected\">").text("Подключено " + withPage + " из " + organizations).raw("</h2>");
    page.raw("<p class=\"meta\">").text("Проверка от " + WHEN.format(report.asOf()) + " (МСК), политика "
        + report.policy() + ". Страниц: " + report.summary().pages() + ", соответствуют: "
        + report.summary().compliant() + ", не соответствуют: " + report.summary().nonCompliant()
        + ", недоступны: " + report.summary().unreachable() + ".").raw("</p>");
    districtTable(page, report);
    page.raw("<form method=\"post\" action=\"/export.xlsx\">").raw(csrf(session))
        .raw("<button type=\"submit\" id=\"export\">Скачать таблицу и нарушения (XLSX)</button></form>");

    List<TrendChart.Point> points = new ArrayList<>();
    for (AuditRun each : reports.runs(scope)) points.add(TrendChart.Point.of(each, scope));
    page.raw("<section aria-labelledby=\"trend\"><h2 id=\"trend\">Динамика по проверкам</h2>");
    page.raw(TrendChart.svg(points)).raw(TrendChart.legend());
    page.raw("<details><summary>Те же данные таблицей</summary><table><thead><tr><th scope=\"col\">Проверка</th>"
        + "<th scope=\"col\">Организаций</th><th scope=\"col\">Подключено</th><th scope=\"col\">С отметкой</th>"
        + "<th scope=\"col\">Соответствуют</th></tr></thead><tbody>");
    for (TrendChart.Point point : points) {
      page.raw("<tr>").element("td", point.day()).element("td", point.organizations()).element("td", point.withPage())
          .element("td", point.withMark()).element("td", point.compliant()).raw("</tr>");
    }
    page.raw("</tbody></table></details></section>");

    changes(page, reports.changes(scope, null));
    organizations(page, report, run);
    send(ctx, 200, "Госпаблики — подключено " + withPage + " из " + organizations, session, page);
  }

  private static void districtTable(Html page, ComplianceReport report) {
    page.raw("<table id=\"districts\"><caption>Районы</caption><thead><tr><th scope=\"col\">Район</th>"
        + "<th scope=\"col\">Подключено</th><th scope=\"col\">ВКонтакте</th><th scope=\"col\">Одноклассники</th>"
        + "<th scope=\"col\">С отметкой «Госорганизация»</th><th scope=\"col\">Соответствуют</th></tr></thead><tbody>");
    for (DistrictSummary line : report.summary().byDistrict()) {
      page.raw("<tr><th scope=\"row\">").text(line.district()).raw("</th>")
          .element("td", line.withPage() + " из " + line.organizations())
          .element("td", line.withVk()).element("td", line.withOk())
          .element("td", line.withMark() + " из " + line.organizations())
          .element("td", line.compliant() + " из " + line.organizations()).raw("</tr>");
    }
    page.raw("</tbody></table>");
  }

  private static void changes(Html page, @Nullable AuditChanges changes) {
    page.raw("<section aria-labelledby=\"changes\"><h2 id=\"changes\">Последние изменения</h2>");
    if (changes == null) {
      page.raw("<p>Изменения появятся после второй проверки.</p></section>");
      return;
    }
    page.raw("<p class=\"meta\">").text("Между проверками " + WHEN.format(changes.from()) + " и "
        + WHEN.format(changes.to()) + ": " + changes.changes().size()).raw("</p>");
    if (changes.changes().isEmpty()) {
      page.raw("<p>Ничего не изменилось.</p></section>");
      return;
    }
    page.raw("<table id=\"change-list\"><thead><tr><th scope=\"col\">Изменение</th><th scope=\"col\">Организация</th>"
        + "<th scope=\"col\">Страница</th><th scope=\"col\">Что произошло</th></tr></thead><tbody>");
    int shown = 0;
    for (AuditChange change : changes.changes()) {
      if (shown++ == CHANGES_SHOWN) break;
      PageRef ref = change.page();
      page.raw(change.kind() == ChangeKind.MARK_LOST ? "<tr class=\"lost\">" : "<tr>")
          .element("td", kind(change.kind())).element("td", change.organization())
          .element("td", ref == null ? "" : ref.url()).element("td", change.message()).raw("</tr>");
    }
    page.raw("</tbody></table></section>");
  }

  private static void organizations(Html page, ComplianceReport report, AuditRun run) {
    page.raw("<section aria-labelledby=\"orgs\"><h2 id=\"orgs\">Организации</h2><table id=\"organizations\"><thead><tr>"
        + "<th scope=\"col\">Организация</th><th scope=\"col\">Район</th><th scope=\"col\">Страниц</th>"
        + "<th scope=\"col\">Соответствуют</th><th scope=\"col\">С отметкой</th><th scope=\"col\">Нарушений</th>"
        + "</tr></thead><tbody>");
    List<OrganizationAudit> organizations = report.organizations();
    for (int i = 0; i < organizations.size(); i++) {
      OrganizationAudit organization = organizations.get(i);
      int compliant = 0;
      int marked = 0;
      int failures = failures(organization.findings());
      for (PageAudit audit : organization.pages()) {
        if (audit.status() == PageStatus.COMPLIANT) compliant++;
        if (audit.mark() == MarkStatus.CONFIRMED) marked++;
        failures += failures(audit.findings());
      }
      page.raw("<tr><td><a" + Html.attr("href", "/organizations/" + i + "?run=" + run.id()) + ">")
          .text(organization.organization().name()).raw("</a></td>")
          .element("td", organization.organization().district())
          .element("td", organization.pages().size()).element("td", compliant).element("td", marked)
          .element("td", failures).raw("</tr>");
    }
    page.raw("</tbody></table></section>");
  }

  /** {@code GET /organizations/{n}?run=ID}: one organisation's pages and what to fix. */
  void organization(Context ctx) {
    Sessions.Session session = session(ctx);
    if (session == null) {
      ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    OrganizationAudit organization = null;
    try {
      long run = Long.parseLong(String.valueOf(ctx.queryParam("run")));
      int index = Integer.parseInt(ctx.pathParam("n"));
      boolean visible = false;
      for (AuditRun each : reports.runs(session.scope)) visible |= each.id() == run;
      if (visible) {
        List<OrganizationAudit> all = reports.report(run, session.scope).organizations();
        if (index >= 0 && index < all.size()) organization = all.get(index);
      }
    } catch (NumberFormatException | java.util.NoSuchElementException e) {
      organization = null;
    }
    if (organization == null) {
      send(ctx, 404, "Не найдено", session, new Html().raw("<h2>Организация не найдена</h2><p><a href=\"/\">К району</a></p>"));
      return;
    }
    Html page = new Html();
    page.raw("<p><a href=\"/\">← К району</a></p><h2 id=\"organization\">").text(organization.organization().name())
        .raw("</h2><p class=\"meta\">").text(organization.organization().district()).raw("</p>");
    List<Finding> own = problems(organization.findings());
    if (!own.isEmpty()) {
      page.raw("<h3>Что исправить в реестре и у организации</h3>");
      findings(page, own);
    }
    if (organization.pages().isEmpty()) page.raw("<p>В реестре нет ни одной страницы организации.</p>");
    for (PageAudit audit : organization.pages()) {
      page.raw("<section class=\"page\"><h3>").text(audit.page().platform().name() + ": ")
          .raw("<a rel=\"noopener noreferrer\"" + Html.attr("href", audit.page().url()) + ">").text(audit.page().url())
          .raw("</a></h3><dl>");
      page.element("dt", "Состояние").element("dd", status(audit.status())
          + (audit.reason() == null ? "" : " (" + audit.reason() + ")"));
      page.element("dt", "Отметка «Госорганизация»").element("dd", mark(audit.mark()));
      page.element("dt", "Баллы").element("dd", audit.score() == null ? "—" : audit.score() + " из 100");
      page.element("dt", "Публикаций за 28 дней").element("dd",
          audit.postsLast28Days() == null ? "не прочитаны" : audit.postsLast28Days());
      page.raw("</dl>");
      List<Finding> problems = problems(audit.findings());
      if (problems.isEmpty()) {
        page.raw("<p>Исправлять нечего.</p>");
      } else {
        page.raw("<h4>Что исправить</h4>");
        findings(page, problems);
      }
      page.raw("</section>");
    }
    send(ctx, 200, organization.organization().name(), session, page);
  }

  /** Failures first, then what could not be checked. */
  private static List<Finding> problems(List<Finding> findings) {
    List<Finding> result = new ArrayList<>();
    for (Finding finding : findings) if (finding.outcome() == Outcome.FAIL) result.add(finding);
    for (Finding finding : findings) if (finding.outcome() == Outcome.UNKNOWN) result.add(finding);
    return result;
  }

  private static int failures(List<Finding> findings) {
    int count = 0;
    for (Finding finding : findings) if (finding.outcome() == Outcome.FAIL) count++;
    return count;
  }

  private static void findings(Html page, List<Finding> findings) {
    page.raw("<ul class=\"findings\">");
    for (Finding finding : findings) {
      boolean fail = finding.outcome() == Outcome.FAIL;
      page.raw(fail ? "<li class=\"fail\">" : "<li class=\"unknown\">")
          .raw("<strong>").text(fail ? "Нарушение" : "Не удалось проверить").raw("</strong> ")
          .text(finding.message() == null ? finding.rule() : finding.message())
          .raw(" <small>").text(finding.rule() + " · " + finding.basis()).raw("</small></li>");
    }
    page.raw("</ul>");
  }

  /** {@code POST /export.xlsx}: the latest report's district table and findings, for Excel. */
  void export(Context ctx) throws IOException {
    Sessions.Session session = requireForm(ctx);
    if (session == null) return;
    AuditRun run = reports.latest(session.scope);
    if (run == null) {
      send(ctx, 404, "Не найдено", session, new Html().raw("<h2>Проверок ещё нет: выгружать нечего</h2>"));
      return;
    }
    ComplianceReport report = reports.report(run.id(), session.scope);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XlsxExport.write(report, out);
    String day = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneId.of("Europe/Moscow"))
        .format(report.asOf());
    ctx.status(200).contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("Content-Disposition", "attachment; filename=\"gospubliki-" + day + ".xlsx\"")
        .header("Cache-Control", "no-store").result(out.toByteArray());
  }

  /** {@code POST /login}: a form with the API key and the login form's CSRF token. */
  void logIn(Context ctx) {
    String expected = ctx.cookie(Sessions.LOGIN_COOKIE);
    String token = ctx.formParam("csrf");
    if (expected == null || token == null || !java.security.MessageDigest.isEqual(
        expected.getBytes(java.nio.charset.StandardCharsets.UTF_8), token.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      login(ctx, 403, "Форма устарела: войдите ещё раз.");
      return;
    }
    Scope scope = keys.find(ctx.formParam("key"));
    if (scope == null) {
      login(ctx, 401, "Ключ не подошёл. Проверьте, что он скопирован целиком.");
      return;
    }
    Sessions.Session session = sessions.open(scope);
    ctx.header("Set-Cookie", Sessions.cookie(Sessions.COOKIE, session.id, null));
    ctx.res().addHeader("Set-Cookie", Sessions.cookie(Sessions.LOGIN_COOKIE, "", Duration.ZERO));
    ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** {@code POST /logout}. */
  void logOut(Context ctx) {
    Sessions.Session session = requireForm(ctx);
    if (session == null) return;
    sessions.close(session);
    ctx.header("Set-Cookie", Sessions.cookie(Sessions.COOKIE, "", Duration.ZERO));
    ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** The session of a form post with its CSRF token; null (and the answer given) otherwise. */
  private Sessions.@Nullable Session requireForm(Context ctx) {
    Sessions.Session session = session(ctx);
    if (session == null) {
      login(ctx, 401, "Войдите, чтобы продолжить.");
      return null;
    }
    if (!session.csrf(ctx.formParam("csrf"))) {
      send(ctx, 403, "Запрещено", session, new Html().raw("<h2>Форма устарела</h2><p><a href=\"/\">Обновите страницу</a> "
          + "и повторите.</p>"));
      return null;
    }
    return session;
  }

  private Sessions.@Nullable Session session(Context ctx) {
    return sessions.find(ctx.cookie(Sessions.COOKIE));
  }

  private static void login(Context ctx, int status, @Nullable String error) {
    String token = Sessions.token();
    ctx.res().addHeader("Set-Cookie", Sessions.cookie(Sessions.LOGIN_COOKIE, token, null));
    Html page = new Html();
    page.raw("<h2>Вход</h2>");
    if (error != null) page.raw("<p class=\"error\" role=\"alert\">").text(error).raw("</p>");
    page.raw("<form method=\"post\" action=\"/login\" class=\"login\"><input type=\"hidden\" name=\"csrf\""
        + Html.attr("value", token) + "><label for=\"key\">Ключ API</label> <input type=\"password\" id=\"key\" "
        + "name=\"key\" autocomplete=\"current-password\" required> <button type=\"submit\" id=\"login\">Войти</button>"
        + "</form><p class=\"meta\">Ключ выдаёт администратор сервиса (переменная GOSPUBLIKI_API_KEYS); ключ района "
        + "показывает только его организации.</p>");
    send(ctx, status, "Госпаблики — вход", null, page);
  }

  private static String csrf(Sessions.Session session) {
    return "<input type=\"hidden\" name=\"csrf\"" + Html.attr("value", session.csrf) + ">";
  }

  static void send(Context ctx, int status, String title, Sessions.@Nullable Session session, Html body) {
    Html page = new Html();
    page.raw("<!doctype html><html lang=\"ru\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").text(title)
        .raw("</title><link rel=\"stylesheet\" href=\"/assets/style.css\"></head><body><header><h1><a href=\"/\">"
            + "Госпаблики</a></h1>");
    if (session != null) {
      page.raw("<p class=\"who\">").text(session.scope.all() ? "Все районы" : session.scope.name()).raw("</p>")
          .raw("<form method=\"post\" action=\"/logout\">").raw(csrf(session))
          .raw("<button type=\"submit\" id=\"logout\">Выйти</button></form>");
    }
    page.raw("</header><main>").raw(body.toString()).raw("</main></body></html>");
    headers(ctx);
    ctx.status(status).contentType("text/html; charset=utf-8").result(page.toString());
  }

  /** Headers of every dashboard answer: nothing from elsewhere, no framing, no caching of a district's data. */
  static void headers(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
  }

  static String status(PageStatus status) {
    return switch (status) {
      case COMPLIANT -> "соответствует";
      case NON_COMPLIANT -> "не соответствует";
      case UNVERIFIED -> "не проверена полностью";
      case UNREACHABLE -> "недоступна";
    };
  }

  static String mark(MarkStatus mark) {
    return switch (mark) {
      case CONFIRMED -> "есть";
      case ABSENT -> "нет";
      case UNKNOWN -> "неизвестно";
    };
  }

  static String kind(ChangeKind kind) {
    return switch (kind) {
      case MARK_LOST -> "пропала отметка";
      case MARK_GAINED -> "появилась отметка";
      case BECAME_NON_COMPLIANT -> "перестала соответствовать";
      case BECAME_COMPLIANT -> "стала соответствовать";
      case FINDING_NEW -> "новое нарушение";
      case FINDING_FIXED -> "исправлено";
      case PAGE_GONE -> "страница недоступна";
      case PAGE_RENAMED -> "страница переименована";
      case ORGANIZATION_ADDED -> "организация добавлена";
      case ORGANIZATION_REMOVED -> "организация удалена";
    };
  }
}
