package ru.gospubliki.examples.serve;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.router.ParsedEndpoint;
import org.eclipse.jetty.server.handler.GracefulHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.audit.ComplianceReport;
import ru.gospubliki.max.ChannelUpdates;
import ru.gospubliki.max.MaxPlatform;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.publish.CrossPoster;
import ru.gospubliki.registry.Registry;
import ru.gospubliki.rules.Policy;
import ru.gospubliki.store.Store;

/**
 * The SDK as an HTTP service: the JSON API under {@code /api/v1} for systems that cannot load a
 * Java library (a PHP CMS plugin, the Госвеб site builder), described by {@code
 * /api/v1/openapi.json}, and the dashboard at {@code /} for ЦУР staff. Every API call needs
 * {@code Authorization: Bearer <key>}; a key of a district reads and posts only for that
 * district's organisations.
 *
 * <pre>{@code
 * try (Service service = Service.builder(JdbcStore.builder(pool).build())
 *     .addPlatform(vk).addPlatform(ok)
 *     .apiKeys(System.getenv("GOSPUBLIKI_API_KEYS"))
 *     .port(8080)
 *     .build()) {
 *   service.start();
 *   System.out.println(service.url()); // http://127.0.0.1:8080/
 *   ...
 * }
 * }</pre>
 *
 * <p>{@link #close()} stops cleanly: new requests are refused (503), posts under way finish and
 * are recorded in the journal, and a running audit is given the grace period to finish and be
 * recorded before the service stops.
 */
public final class Service implements AutoCloseable {
  /** The largest request body by default: a registry of a large region, or a post with photos. */
  public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;
  private static final System.Logger LOG = System.getLogger(Service.class.getName());
  /** The request attribute of a request counted in flight. */
  private static final String COUNTED = "gospubliki.inFlight";

  private final Store store;
  private final List<Platform> platforms;
  private final ApiKeys keys;
  private final String host;
  private final int port;
  private final long maxBodyBytes;
  private final Duration stopTimeout;
  private final @Nullable String maxWebhookSecret;
  private final Reports reports;
  private final AuditJobs audits;
  private final Api api;
  private final Dashboard dashboard;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Object idle = new Object();
  private @Nullable Javalin javalin;
  private @Nullable List<Long> maxBots;

  private Service(Builder builder, ApiKeys keys) {
    this.store = builder.store;
    this.platforms = List.copyOf(builder.platforms);
    this.keys = keys;
    this.host = builder.host;
    this.port = builder.port;
    this.maxBodyBytes = builder.maxBodyBytes;
    this.stopTimeout = builder.stopTimeout;
    this.maxWebhookSecret = builder.maxWebhookSecret;
    this.reports = new Reports(store.audits());
    this.audits = new AuditJobs(store, platforms, builder.clock, this::pollMax);
    Posts posts = null;
    if (!platforms.isEmpty()) {
      CrossPoster.Builder poster = CrossPoster.builder().journal(store.journal()).clock(builder.clock);
      platforms.forEach(poster::addPlatform);
      posts = new Posts(poster.build(), reports, this::pollMax);
    }
    this.api = new Api(reports, audits, posts, maxBodyBytes);
    this.dashboard = new Dashboard(new Sessions(builder.clock), keys, reports);
  }

  public static Builder builder(Store store) {
    return new Builder(store);
  }

  /**
   * Audits {@code registry} now and records it, before the service opens: the sandbox's sample
   * district is on the dashboard from the first page.
   */
  public ComplianceReport auditNow(Registry registry) {
    return audits.auditNow(registry, Policy.federal());
  }

  /**
   * Opens the port and starts serving.
   *
   * @throws IllegalStateException when the port cannot be opened (taken, or not this machine's address).
   */
  public synchronized void start() {
    if (javalin != null) throw new IllegalStateException("started already");
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jetty.host = host;
      config.jetty.port = port;
      config.http.maxRequestSize = maxBodyBytes;
      config.http.defaultContentType = Bodies.JSON;
      config.router.ignoreTrailingSlashes = true;
      // Jetty's graceful stop: a response under way is written out in full before connections close.
      config.jetty.modifyServer(server -> {
        server.setStopTimeout(Math.max(1000, stopTimeout.toMillis()));
        server.insertHandler(new GracefulHandler());
      });
      config.routes.before(this::enter);
      config.routes.after(this::leave);
      config.routes.get("/api/v1/openapi.json", ctx -> resource(ctx, "openapi.json", Bodies.JSON));
      config.routes.post("/api/v1/audits", authorized(api::startAudit));
      config.routes.get("/api/v1/audits/{id}", authorized(api::audit));
      config.routes.get("/api/v1/reports/latest", authorized(api::latestReport));
      config.routes.get("/api/v1/changes", authorized(api::changes));
      config.routes.get("/api/v1/history", authorized(api::history));
      config.routes.post("/api/v1/posts/settle", authorized(api::settle));
      config.routes.post("/api/v1/posts", authorized(api::post));
      config.routes.get("/api/v1/posts/{idempotencyKey}", authorized(api::postResults));
      config.routes.post("/api/v1/max/webhook/{botId}", this::maxWebhook);
      config.routes.get("/", dashboard::home);
      config.routes.post("/login", dashboard::logIn);
      config.routes.post("/logout", dashboard::logOut);
      config.routes.get("/organizations/{n}", dashboard::organization);
      config.routes.post("/export.xlsx", dashboard::export);
      config.routes.get("/assets/style.css", ctx -> resource(ctx, "style.css", "text/css; charset=utf-8"));
      config.routes.exception(ApiError.class, (error, ctx) -> answer(ctx, error));
      config.routes.exception(HttpResponseException.class, (error, ctx) -> answer(ctx, translate(error)));
      config.routes.exception(Exception.class, (error, ctx) -> {
        // The stack trace is what makes this useful, but a message may quote the request: its keys,
        // cookies and secrets are masked first. The path holds no secret (keys travel in headers).
        LOG.log(System.Logger.Level.ERROR, "request " + ctx.method() + " " + ctx.path() + " failed",
            Redacted.of(error, ctx, maxWebhookSecret == null ? List.of() : List.of(maxWebhookSecret)));
        answer(ctx, new ApiError(500, "внутренняя ошибка сервиса (" + error.getClass().getSimpleName()
            + "); повторите позже или сообщите администратору"));
      });
      config.routes.error(404, ctx -> {
        if (ctx.result() == null) answer(ctx, new ApiError(404, "нет такого адреса: " + ctx.method() + " " + ctx.path()));
      });
      config.routes.error(405, ctx -> {
        if (ctx.result() == null) answer(ctx, new ApiError(405, "метод " + ctx.method() + " не подходит для " + ctx.path()));
      });
    });
    try {
      app.start();
    } catch (RuntimeException e) {
      app.stop();
      throw new IllegalStateException("could not open port " + port + " on " + host, e);
    }
    javalin = app;
  }

  /** The service's base URL, {@code http://127.0.0.1:PORT/}, once {@linkplain #start() started}. */
  public String url() {
    Javalin app = javalin;
    if (app == null) throw new IllegalStateException("not started");
    String shown = host.contains(":") ? "[" + host + "]" : host.equals("0.0.0.0") ? "127.0.0.1" : host;
    return URI.create("http://" + shown + ":" + app.port() + "/").toString();
  }

  /** Every route served, as {@code GET /api/v1/reports/latest}: the OpenAPI document must name each API route. */
  List<String> routes() {
    Javalin app = javalin;
    if (app == null) throw new IllegalStateException("not started");
    List<String> routes = new ArrayList<>();
    for (ParsedEndpoint parsed : app.unsafe.internalRouter.allHttpHandlers()) {
      HandlerType method = parsed.endpoint.method;
      if (method.isHttpMethod()) routes.add(method.name() + " " + parsed.endpoint.path);
    }
    return routes;
  }

  /** The port served, once {@linkplain #start() started}. */
  public int port() {
    Javalin app = javalin;
    if (app == null) throw new IllegalStateException("not started");
    return app.port();
  }

  /**
   * Stops: refuses new requests, lets posts under way finish (they are recorded in the journal as
   * they go) and gives a running audit the grace period to finish and be recorded.
   *
   * @return what could not be finished, in Russian, one line each; empty when everything was.
   */
  public List<String> stop() {
    List<String> lost = new ArrayList<>();
    if (!stopping.compareAndSet(false, true)) return lost;
    long deadline = System.nanoTime() + stopTimeout.toNanos();
    synchronized (idle) {
      while (inFlight.get() > 0 && System.nanoTime() < deadline) {
        try {
          idle.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    if (inFlight.get() > 0) lost.add("не дождались окончания запросов: " + inFlight.get()
        + " (публикации, начатые ими, записаны в журнал как отправляемые и будут сверены при повторе)");
    Collection<AuditJobs.Job> cut = audits.stop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    for (AuditJobs.Job job : cut) lost.add("проверка " + job.id + " не закончена и не сохранена: запустите её снова");
    Javalin app = javalin;
    if (app != null) {
      if (!(app.jettyServer().server().getHandler() instanceof GracefulHandler)) {
        LOG.log(System.Logger.Level.WARNING, "no graceful handler: answers under way may be cut");
      }
      app.stop();
    }
    return lost;
  }

  @Override
  public void close() {
    stop();
  }

  private void enter(Context ctx) {
    if (stopping.get()) {
      ctx.skipRemainingHandlers();
      answer(ctx, new ApiError(503, "сервис останавливается: повторите запрос позже"));
      return;
    }
    inFlight.incrementAndGet();
    ctx.attribute(COUNTED, true);
  }

  private void leave(Context ctx) {
    if (ctx.attribute(COUNTED) == null) return; // refused while stopping: never counted
    if (inFlight.decrementAndGet() <= 0) {
      synchronized (idle) {
        idle.notifyAll();
      }
    }
  }

  /** A handler that needs {@code Authorization: Bearer <key>}: 401 without a valid key. */
  private Handler authorized(ScopedHandler handler) {
    return ctx -> {
      String header = ctx.header("Authorization");
      String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
      Scope scope = keys.find(presented);
      if (scope == null) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"gospubliki\"");
        throw new ApiError(401, presented == null
            ? "нужен заголовок Authorization: Bearer <ключ API>" : "ключ API не подошёл");
      }
      handler.handle(ctx, scope);
    };
  }

  /** A handler given the caller's scope. */
  @FunctionalInterface
  interface ScopedHandler {
    void handle(Context ctx, Scope scope) throws Exception;
  }

  /**
   * {@code POST /api/v1/max/webhook/{botId}}: a MAX bot's {@code bot_added}/{@code bot_removed}
   * update, delivered by MAX with the subscription's secret in {@code X-Max-Bot-Api-Secret}
   * (compared in constant time). Each bot of the pool subscribes with its own id in the path.
   */
  private void maxWebhook(Context ctx) {
    String secret = maxWebhookSecret;
    MaxPlatform max = max();
    if (secret == null || max == null) throw new ApiError(404, "приём событий MAX не настроен (MAX_WEBHOOK_SECRET, MAX_BOT_TOKEN)");
    String presented = ctx.header(MaxPlatform.SECRET_HEADER);
    if (presented == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
        presented.getBytes(StandardCharsets.UTF_8))) {
      throw new ApiError(401, "заголовок " + MaxPlatform.SECRET_HEADER + " не подошёл");
    }
    long botId;
    try {
      botId = Long.parseLong(ctx.pathParam("botId"));
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("botId — не число");
    }
    if (!bots(max).contains(botId)) throw new ApiError(404, "бот " + botId + " не из ключей MAX_BOT_TOKEN этого сервиса");
    ChannelUpdates updates = max.acceptUpdate(botId, new String(Bodies.read(ctx, maxBodyBytes), StandardCharsets.UTF_8));
    for (String problem : updates.problems()) LOG.log(System.Logger.Level.WARNING, "MAX webhook: {0}", problem);
    Bodies.send(ctx, 200, json -> {
      json.beginObject();
      json.name("added").value(updates.added().size());
      json.name("removed").value(updates.removed().size());
      json.name("problems").beginArray();
      for (String problem : updates.problems()) json.value(problem);
      json.endArray();
      json.endObject();
    });
  }

  private synchronized List<Long> bots(MaxPlatform max) {
    List<Long> known = maxBots;
    if (known == null) {
      known = max.botIds();
      maxBots = known;
    }
    return known;
  }

  private @Nullable MaxPlatform max() {
    for (Platform platform : platforms) {
      if (platform instanceof MaxPlatform max) return max;
    }
    return null;
  }

  /**
   * Without a webhook, reads the MAX bots' pending updates before an audit or a post, so that
   * channels a bot was just added to are known (MAX tells a bot a channel's id only then). With a
   * webhook, MAX delivers them and long polling would not work.
   */
  private void pollMax() {
    MaxPlatform max = max();
    if (max == null || maxWebhookSecret != null) return;
    try {
      ChannelUpdates updates = max.pollUpdates();
      for (String problem : updates.problems()) LOG.log(System.Logger.Level.WARNING, "MAX updates: {0}", problem);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "MAX updates not read: {0}", e.toString());
    }
  }

  private static void resource(Context ctx, String name, String type) throws IOException {
    try (InputStream in = Objects.requireNonNull(Service.class.getResourceAsStream(name), name)) {
      ctx.status(200).contentType(type).header("Cache-Control", "no-cache").result(in.readAllBytes());
    }
  }

  /** JSON for the API and for machines, a page for a person's browser. */
  private static void answer(Context ctx, ApiError error) {
    if (ctx.path().startsWith("/api/")) {
      Bodies.error(ctx, error);
    } else {
      Dashboard.send(ctx, error.status, "Госпаблики — ошибка", null,
          new Html().element("h2", error.getMessage()).raw("<p><a href=\"/\">На главную</a></p>"));
    }
  }

  /** Javalin's own refusals, in Russian. */
  private static ApiError translate(HttpResponseException e) {
    return switch (e.getStatus()) {
      case 404 -> new ApiError(404, "не найдено");
      case 405 -> new ApiError(405, "метод не подходит для этого адреса");
      case 413 -> new ApiError(413, "тело запроса слишком большое");
      default -> new ApiError(e.getStatus() >= 500 ? 500 : e.getStatus() < 400 ? 400 : e.getStatus(),
          e.getStatus() >= 500 ? "внутренняя ошибка сервиса" : "запрос не принят (" + e.getStatus() + ")");
    };
  }

  /** Configures a {@link Service}. */
  public static final class Builder {
    private final Store store;
    private final List<Platform> platforms = new ArrayList<>();
    private @Nullable String apiKeys;
    private String host = "127.0.0.1";
    private int port = 0;
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private Duration stopTimeout = Duration.ofSeconds(20);
    private Clock clock = Clock.systemUTC();
    private @Nullable String maxWebhookSecret;

    Builder(Store store) {
      this.store = Objects.requireNonNull(store, "store");
    }

    /** A platform to audit and post through; shared by every request. */
    public Builder addPlatform(Platform platform) {
      platforms.add(Objects.requireNonNull(platform, "platform"));
      return this;
    }

    /**
     * The API keys, as {@code GOSPUBLIKI_API_KEYS} holds them: {@code key=district;key=*}. Each key
     * is at least 16 characters.
     */
    public Builder apiKeys(String apiKeys) {
      this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
      return this;
    }

    /** The address to listen on; {@code 127.0.0.1} by default (this machine only). */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
      this.port = port;
      return this;
    }

    /** The largest request body; larger ones are refused with 413. */
    public Builder maxBodyBytes(long maxBodyBytes) {
      if (maxBodyBytes < 1024) throw new IllegalArgumentException("maxBodyBytes < 1024: " + maxBodyBytes);
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** How long {@link Service#stop()} waits for requests and a running audit; 20 s by default. */
    public Builder stopTimeout(Duration stopTimeout) {
      if (stopTimeout.isNegative()) throw new IllegalArgumentException("stopTimeout < 0: " + stopTimeout);
      this.stopTimeout = stopTimeout;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The secret of the MAX bots' webhook subscriptions ({@code X-Max-Bot-Api-Secret}); without
     * it the webhook is off and the bots' updates are polled before each audit and post.
     */
    public Builder maxWebhookSecret(String secret) {
      if (secret.isBlank()) throw new IllegalArgumentException("secret is blank");
      this.maxWebhookSecret = secret;
      return this;
    }

    /**
     * Builds the service (not started).
     *
     * @throws IllegalArgumentException with a Russian message when the API keys are missing or malformed.
     */
    public Service build() {
      String value = apiKeys;
      if (value == null) throw new IllegalArgumentException("GOSPUBLIKI_API_KEYS: нет ни одного ключа");
      return new Service(this, ApiKeys.parse(value));
    }
  }
}
