package ru.gospubliki.examples.serve;

import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.audit.AuditChanges;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.registry.Registry;
import ru.gospubliki.registry.RegistryFormatException;
import ru.gospubliki.registry.RegistryReader;
import ru.gospubliki.report.ChangesWriter;
import ru.gospubliki.report.HistoryWriter;
import ru.gospubliki.report.JsonReportWriter;
import ru.gospubliki.rules.Policy;

/** The JSON API's handlers under {@code /api/v1}; {@link Service} checks the key and passes its scope. */
final class Api {
  private final Reports reports;
  private final AuditJobs audits;
  private final @Nullable Posts posts;
  private final long maxBodyBytes;

  /** {@code posts} is null when the service has no platform to post through. */
  Api(Reports reports, AuditJobs audits, @Nullable Posts posts, long maxBodyBytes) {
    this.reports = reports;
    this.audits = audits;
    this.posts = posts;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * {@code POST /api/v1/audits}: a registry ({@code text/csv}) or {@code {"pages": [...]}}, with
   * {@code ?asOf=ISO&policy=federal}; 202 with the audit's id. A district's key may audit only its
   * district's organisations (a registry row of another district, or a page not among its
   * organisations', is a 403).
   */
  void startAudit(Context ctx, Scope scope) {
    posts(); // an audit without a platform would find every page unreachable
    String type = String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT);
    Policy policy = policy(ctx.queryParam("policy"));
    Instant asOf = instant("asOf", ctx.queryParam("asOf"));
    byte[] body = Bodies.read(ctx, maxBodyBytes);
    AuditJobs.Job job;
    if (type.startsWith("application/json")) {
      List<PageRef> pages = Posts.pages(Bodies.array(Bodies.object(body), "pages", true));
      Posts.checkOwned(reports, scope, pages);
      job = audits.submitPages(pages, policy, asOf, scope);
    } else if (type.startsWith("text/csv") || type.startsWith("text/plain")) {
      Registry registry = registry(body);
      for (Organization organization : registry.organizations()) {
        if (!scope.sees(organization.district())) {
          throw new ApiError(403, "ключ района «" + scope.name() + "» не даёт проверять организации других районов: «"
              + organization.name() + "» (" + (organization.district() == null ? "район не указан" : organization.district())
              + "); проверка не запущена");
        }
      }
      job = audits.submit(registry, policy, asOf, true, scope);
    } else {
      throw new ApiError(415, "тело запроса: реестр CSV (Content-Type: text/csv) или список страниц JSON "
          + "(Content-Type: application/json, {\"pages\": [...]})");
    }
    ctx.header("Location", "/api/v1/audits/" + job.id);
    Bodies.send(ctx, 202, json -> {
      json.beginObject();
      json.name("id").value(job.id);
      json.name("status").value(job.status().name());
      json.endObject();
    });
  }

  private static Registry registry(byte[] body) {
    if (body.length == 0) throw ApiError.badRequest("реестр пуст: пришлите CSV с заголовком и строками организаций");
    if (body.length > 4 && body[0] == 'P' && body[1] == 'K' && body[2] == 3 && body[3] == 4) {
      throw ApiError.badRequest("реестр — не CSV, а архив (XLSX или ZIP): сохраните его из Excel как «CSV (разделители — "
          + "точка с запятой)» или «CSV UTF-8»");
    }
    try {
      Registry registry = RegistryReader.read(new ByteArrayInputStream(body), null);
      if (registry.organizations().isEmpty()) {
        throw ApiError.badRequest("в реестре не прочитано ни одной организации"
            + (registry.rejectedRows().isEmpty() ? "" : ": " + registry.rejectedRows().get(0).error()));
      }
      return registry;
    } catch (RegistryFormatException e) {
      throw ApiError.badRequest("реестр: " + e.getMessage());
    } catch (IOException e) {
      throw ApiError.badRequest("реестр не удалось прочитать: он не в CSV");
    }
  }

  private static Policy policy(@Nullable String name) {
    if (name == null || name.equals(Policy.federal().name())) return Policy.federal();
    throw ApiError.badRequest("policy: нет политики «" + name + "»; доступна " + Policy.federal().name());
  }

  /** Pages given one by one have no registry entry: organisation rules and the registry's name would only add noise. */
  static @Nullable Instant instant(String name, @Nullable String value) {
    if (value == null) return null;
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeException e) {
      throw ApiError.badRequest(name + ": ожидается дата и время ISO-8601 с часовым поясом, например "
          + "2026-11-22T10:00:00Z, получено «" + value + "»");
    }
  }

  /** {@code GET /api/v1/audits/{id}}: progress, then the report (as the key's scope sees it) or why it failed. */
  void audit(Context ctx, Scope scope) {
    AuditJobs.@Nullable Job job = audits.find(ctx.pathParam("id"));
    if (job == null || (!job.owner.equals(scope) && !scope.all())) {
      throw new ApiError(404, "проверки с таким id нет (или она давно завершена и забыта)");
    }
    Bodies.send(ctx, 200, json -> {
      json.beginObject();
      json.name("id").value(job.id);
      json.name("status").value(job.status().name());
      json.name("progress").beginObject().name("done").value(job.done()).name("total").value(job.total()).endObject();
      var report = job.report();
      if (report != null && job.status() == AuditJobs.Status.DONE) {
        json.name("report");
        java.io.StringWriter text = new java.io.StringWriter();
        JsonReportWriter.builder().indent("").build().write(Reports.scoped(report, scope), text);
        json.jsonValue(new com.squareup.moshi.Moshi.Builder().build().adapter(Object.class).fromJson(text.toString()));
      }
      String error = job.error();
      if (error != null) json.name("error").value(error);
      json.endObject();
    });
  }

  /** {@code GET /api/v1/reports/latest}: the scope's latest report; 404 when there is none. */
  void latestReport(Context ctx, Scope scope) {
    byte[] json = reports.latestJson(scope);
    if (json == null) throw new ApiError(404, "проверок ещё нет: запустите проверку (POST /api/v1/audits)");
    ctx.status(200).contentType(Bodies.JSON).result(json);
  }

  /** {@code GET /api/v1/changes?since=ISO}: as {@code gospubliki changes --format json}, only the scope's district. */
  void changes(Context ctx, Scope scope) throws IOException {
    AuditChanges changes = reports.changes(scope, instant("since", ctx.queryParam("since")));
    if (changes == null) {
      throw new ApiError(404, "сохранено меньше двух проверок" + (scope.all() ? "" : " района «" + scope.name() + "»")
          + ": сравнивать не с чем");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ChangesWriter.create().writeJson(changes, out);
    ctx.status(200).contentType(Bodies.JSON).result(out.toByteArray());
  }

  /** {@code GET /api/v1/history?district=NAME}: as {@code gospubliki history --format json}, only the scope's district. */
  void history(Context ctx, Scope scope) throws IOException {
    String district = ctx.queryParam("district");
    if (!scope.all()) {
      if (district != null && !scope.sees(district)) {
        throw new ApiError(403, "ключ района «" + scope.name() + "» не даёт смотреть историю района «" + district + "»");
      }
      district = scope.name();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HistoryWriter.create().writeJson(scope.all() ? reports.runs() : reports.runs(scope), recorded(district, scope), out);
    ctx.status(200).contentType(Bodies.JSON).result(out.toByteArray());
  }

  /** The district as the runs spell it, so that a key's «заречный район» finds «Заречный район». */
  private @Nullable String recorded(@Nullable String district, Scope scope) {
    if (district == null) return null;
    Scope wanted = Scope.district(district);
    for (var run : reports.runs(scope)) {
      for (var line : run.summary().byDistrict()) {
        if (wanted.sees(line.district())) return line.district();
      }
    }
    return district;
  }

  /** {@code POST /api/v1/posts}: {@code Idempotency-Key} and the draft; one result per page. */
  void post(Context ctx, Scope scope) {
    String key = Posts.idempotencyKey(ctx.header("Idempotency-Key"));
    byte[] body = Bodies.read(ctx, maxBodyBytes);
    Map<String, Object> object = Bodies.object(body);
    Posts.Request request = Posts.parse(object, Posts.journalKey(scope, key));
    List<Posts.PageResult> results = posts().post(scope, key, body, request);
    sendResults(ctx, key, results);
  }

  /** {@code GET /api/v1/posts/{idempotencyKey}}: every page's result so far, {@code SENDING} and {@code UNKNOWN} included. */
  void postResults(Context ctx, Scope scope) {
    String key = Posts.idempotencyKey(ctx.pathParam("idempotencyKey"));
    List<Posts.PageResult> results = posts().results(scope, key);
    if (results == null) throw new ApiError(404, "публикации с ключом «" + key + "» нет");
    sendResults(ctx, key, results);
  }

  /** {@code POST /api/v1/posts/settle}: {@code {"idempotencyKey", "pages"?, "outcome": "sent"|"not-sent"}}. */
  void settle(Context ctx, Scope scope) {
    Map<String, Object> object = Bodies.object(Bodies.read(ctx, maxBodyBytes));
    String key = Posts.idempotencyKey(Bodies.string(object, "idempotencyKey", true));
    List<?> pageValues = Bodies.array(object, "pages", false);
    List<PageRef> pages = pageValues == null ? null : Posts.pages(pageValues);
    List<Posts.PageResult> results = posts().settle(scope, key, pages, Posts.settlement(Bodies.string(object, "outcome", true)));
    if (results == null) throw new ApiError(404, "публикации с ключом «" + key + "» нет");
    sendResults(ctx, key, results);
  }

  private Posts posts() {
    Posts available = posts;
    if (available == null) {
      throw new ApiError(503, "сервис запущен без ключей доступа к VK, OK и MAX: проверка и публикация недоступны");
    }
    return available;
  }

  private static void sendResults(Context ctx, String key, List<Posts.PageResult> results) {
    Bodies.send(ctx, 200, json -> {
      json.beginObject();
      json.name("idempotencyKey").value(key);
      json.name("results").beginArray();
      for (Posts.PageResult result : results) result.write(json);
      json.endArray();
      json.endObject();
    });
  }
}
