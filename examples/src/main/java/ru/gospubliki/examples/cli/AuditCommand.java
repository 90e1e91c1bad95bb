package ru.gospubliki.examples.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.ZoneOffset;
import ru.gospubliki.audit.Auditor;
import ru.gospubliki.audit.ComplianceReport;
import ru.gospubliki.audit.OrganizationAudit;
import ru.gospubliki.audit.PageAudit;
import ru.gospubliki.audit.PageStatus;
import ru.gospubliki.model.Organization;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.registry.Registry;
import ru.gospubliki.registry.RegistryFormatException;
import ru.gospubliki.registry.RegistryReader;
import ru.gospubliki.registry.RejectedRow;
import ru.gospubliki.report.CsvReportWriter;
import ru.gospubliki.report.JsonReportWriter;
import ru.gospubliki.report.TextReportWriter;
import ru.gospubliki.rules.Policy;
import ru.gospubliki.rules.PolicyException;
import ru.gospubliki.rules.Rule;
import ru.gospubliki.rules.RuleCatalog;
import ru.gospubliki.rules.RuleScope;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.examples.sandbox.Sandbox;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;

/** {@code gospubliki audit}: audits a registry or a list of pages and prints the report. */
final class AuditCommand {
  static final Arguments.Spec SPEC = new Arguments.Spec("audit",
      Set.of("--registry", "--format", "--out", "--policy", "--as-of", "--vk-api-url", "--ok-api-url", "--max-api-url",
          "--encoding"),
      Set.of("--page"), Set.of("--sandbox"));

  static final String USAGE = String.join("\n",
      "Использование: gospubliki audit (--registry FILE | --page URL [--page URL ...]) [--sandbox]",
      "                        [--format table|json|csv] [--out FILE] [--policy NAME|FILE] [--as-of ISO-8601]",
      "                        [--vk-api-url URL] [--ok-api-url URL] [--max-api-url URL]",
      "                        [--encoding utf-8|windows-1251]",
      "",
      "Проверяет официальные страницы учреждений (госпаблики) и печатает отчёт.",
      "  --registry FILE   реестр учреждений CSV (; или ,), UTF-8 или Windows-1251",
      "  --page URL        страница VK, OK или канал MAX (https://max.ru/имя, max:-70123456789);",
      "                    можно указать несколько раз",
      "  --sandbox         проверить во встроенной песочнице (без сети и ключей); без --registry/--page —",
      "                    учебный реестр песочницы",
      "  --format          table (по умолчанию), json или csv",
      "  --out FILE        записать отчёт в файл вместо вывода на экран",
      "  --policy          политика: имя (federal) или файл JSON",
      "  --as-of           момент «сейчас» для правил, ISO-8601 (по умолчанию — текущее время);",
      "                    с --sandbox от него же отсчитываются даты учебных публикаций",
      "  --vk-api-url URL  адрес VK API (по умолчанию https://api.vk.com/method/)",
      "  --ok-api-url URL  адрес OK API (по умолчанию https://api.ok.ru/fb.do)",
      "  --max-api-url URL адрес MAX Bot API (по умолчанию https://platform-api2.max.ru/)",
      "  --encoding        кодировка реестра: utf-8 или windows-1251 (по умолчанию определяется сама)",
      "Ключи доступа — только в переменных окружения: VK_SERVICE_TOKEN, VK_USER_TOKEN,",
      "OK_APPLICATION_KEY, OK_APPLICATION_SECRET_KEY, OK_ACCESS_TOKEN, MAX_BOT_TOKEN (бот —",
      "администратор каналов MAX; несколько ключей — через запятую).",
      "Коды выхода: 0 — аудит выполнен; 2 — ошибка в параметрах или во входном файле;",
      "3 — платформа недоступна (например, все запросы отклонены из-за авторизации).");

  /** The validated options of one audit run. */
  static final class Options {
    /** The registry file, or null when auditing {@link #pages} or the sandbox's sample registry. */
    final @Nullable Path registry;
    /** The sample registry's CSV text when {@code --sandbox} is given without --registry/--page. */
    @Nullable String registryCsv;
    final List<PageRef> pages;
    final boolean sandbox;
    final String format;
    final @Nullable Path out;
    final String policy;
    final @Nullable Instant asOf;
    HttpUrl vkApiUrl;
    HttpUrl okApiUrl;
    HttpUrl maxApiUrl;
    /** The registry's encoding, or null to detect it. */
    final @Nullable Charset encoding;
    Credentials credentials;

    Options(@Nullable Path registry, List<PageRef> pages, boolean sandbox, String format, @Nullable Path out,
        String policy, @Nullable Instant asOf, HttpUrl vkApiUrl, HttpUrl okApiUrl, HttpUrl maxApiUrl,
        @Nullable Charset encoding, Credentials credentials) {
      this.registry = registry;
      this.pages = pages;
      this.sandbox = sandbox;
      this.format = format;
      this.out = out;
      this.policy = policy;
      this.asOf = asOf;
      this.vkApiUrl = vkApiUrl;
      this.okApiUrl = okApiUrl;
      this.maxApiUrl = maxApiUrl;
      this.encoding = encoding;
      this.credentials = credentials;
    }
  }

  private AuditCommand() {}

  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    Options options;
    try {
      Arguments a = Arguments.parse(SPEC, args);
      if (a.help()) {
        out.println(USAGE);
        return Gospubliki.EXIT_OK;
      }
      options = options(a, env);
    } catch (UsageException e) {
      err.println("gospubliki audit: " + e.getMessage());
      return Gospubliki.EXIT_USAGE;
    }
    if (!options.sandbox) return audit(options, out, err);
    // The sample posts are dated relative to the sandbox's clock: with --as-of the sandbox starts at
    // that moment, so the report is the same whenever it is run.
    Sandbox.Builder builder = Sandbox.builder();
    Instant asOf = options.asOf;
    if (asOf != null) builder.clock(Clock.fixed(asOf, ZoneOffset.UTC));
    try (Sandbox sandbox = builder.build()) {
      options.vkApiUrl = HttpUrl.get(sandbox.vkApiUrl());
      options.okApiUrl = HttpUrl.get(sandbox.okApiUrl());
      options.maxApiUrl = HttpUrl.get(sandbox.maxApiUrl());
      options.credentials = Credentials.of(sandbox);
      if (options.registry == null && options.pages.isEmpty()) options.registryCsv = sandbox.data().registryCsv();
      return audit(options, out, err);
    }
  }

  static Options options(Arguments a, Map<String, String> env) throws UsageException {
    boolean sandbox = a.has("--sandbox");
    if (a.has("--registry") && a.has("--page")) {
      throw new UsageException("укажите либо --registry, либо --page, но не оба");
    }
    if (!sandbox && !a.has("--registry") && !a.has("--page")) {
      throw new UsageException("укажите реестр (--registry FILE), страницы (--page URL) или --sandbox");
    }
    if (sandbox && (a.has("--vk-api-url") || a.has("--ok-api-url") || a.has("--max-api-url"))) {
      throw new UsageException("--sandbox сам задаёт адреса API: уберите --vk-api-url/--ok-api-url/--max-api-url");
    }
    String registryValue = a.value("--registry");
    Path registry = registryValue == null ? null : Values.readableFile("--registry", registryValue);
    List<PageRef> pages = Values.pages(a.values("--page"));
    String format = a.value("--format") == null ? "table" : Values.oneOf("--format", a.value("--format"), "table", "json", "csv");
    String outValue = a.value("--out");
    Path outFile = outValue == null ? null : Values.outputFile("--out", outValue);
    String policy = a.value("--policy") == null ? "federal" : a.value("--policy");
    String asOfValue = a.value("--as-of");
    Instant asOf = asOfValue == null ? null : Values.instant("--as-of", asOfValue);
    String vk = a.value("--vk-api-url");
    String ok = a.value("--ok-api-url");
    HttpUrl vkUrl = Values.url("--vk-api-url", vk == null ? Gospubliki.DEFAULT_VK_API_URL : vk);
    HttpUrl okUrl = Values.url("--ok-api-url", ok == null ? Gospubliki.DEFAULT_OK_API_URL : ok);
    String max = a.value("--max-api-url");
    HttpUrl maxUrl = Values.url("--max-api-url", max == null ? Gospubliki.DEFAULT_MAX_API_URL : max);
    String encodingValue = a.value("--encoding");
    Charset encoding = null;
    if (encodingValue != null) {
      encoding = Values.oneOf("--encoding", encodingValue, "utf-8", "windows-1251").equals("windows-1251")
          ? Charset.forName("windows-1251") : StandardCharsets.UTF_8;
    }
    return new Options(registry, pages, sandbox, format, outFile, policy, asOf, vkUrl, okUrl, maxUrl, encoding,
        Credentials.fromEnvironment(env));
  }

  /**
   * Runs the audit: reads the registry (or makes one organisation per {@code --page}), reads every
   * page through the adapters the credentials allow, and writes the report. Exit 0 when the audit
   * ran, 2 for a bad input file or policy, 3 when no page could be read for want of access.
   */
  static int audit(Options options, PrintStream out, PrintStream err) {
    Clock clock = options.asOf != null ? Clock.fixed(options.asOf, ZoneOffset.UTC) : Clock.systemUTC();
    Policy policy;
    Registry registry;
    try {
      policy = policy(options.policy, !options.pages.isEmpty());
      registry = registry(options);
    } catch (UsageException e) {
      err.println("gospubliki audit: " + e.getMessage());
      return Gospubliki.EXIT_USAGE;
    }
    for (RejectedRow row : registry.rejectedRows()) {
      err.println("gospubliki audit: строка " + row.line() + " пропущена: " + row.error());
    }
    // The adapters run in real time (rate limits, snapshot times); --as-of is "now" for the rules only.
    List<Platform> platforms = Platforms.create(options.vkApiUrl, options.okApiUrl, options.maxApiUrl,
        options.credentials, Clock.systemUTC(), options.sandbox);
    if (platforms.isEmpty()) {
      err.println("gospubliki audit: нет ключей доступа: задайте VK_SERVICE_TOKEN (или VK_USER_TOKEN), "
          + "OK_APPLICATION_KEY, OK_APPLICATION_SECRET_KEY, OK_ACCESS_TOKEN и/или MAX_BOT_TOKEN, либо запустите с --sandbox");
      return Gospubliki.EXIT_PLATFORM;
    }
    boolean maxPages = false;
    for (Organization organization : registry.organizations()) {
      for (PageRef page : organization.pages()) maxPages |= page.platform().equals(PlatformId.MAX);
    }
    if (maxPages) Platforms.learnMaxChannels(platforms, err, "audit");
    Auditor.Builder auditor = Auditor.builder().policy(policy).clock(clock);
    platforms.forEach(auditor::addPlatform);
    int pages = 0;
    for (Organization organization : registry.organizations()) pages += organization.pages().size();
    if (pages > 20 && System.console() != null) {
      auditor.progress((done, total) -> err.print("\rпроверено страниц: " + done + " из " + total
          + (done == total ? "\n" : "")));
    }
    ComplianceReport report = auditor.build().auditRegistry(registry);
    try {
      write(report, options, out);
    } catch (IOException e) {
      err.println("gospubliki audit: не удалось записать отчёт: " + e.getMessage());
      return Gospubliki.EXIT_USAGE;
    }
    return noAccess(report) ? Gospubliki.EXIT_PLATFORM : Gospubliki.EXIT_OK;
  }

  /** True when there were pages and every one failed for authorisation or access. */
  static boolean noAccess(ComplianceReport report) {
    int pages = 0;
    for (OrganizationAudit organization : report.organizations()) {
      for (PageAudit page : organization.pages()) {
        pages++;
        String reason = page.reason();
        boolean denied = page.status() == PageStatus.UNREACHABLE && reason != null
            && (reason.startsWith(FailureReason.AUTHORIZATION.code()) || reason.equals(FailureReason.ACCESS_DENIED.code()));
        if (!denied) return false;
      }
    }
    return pages > 0;
  }

  private static Policy policy(String name, boolean pagesOnly) throws UsageException {
    Policy policy;
    if (name.equals("federal")) {
      policy = Policy.federal();
    } else {
      try {
        policy = Policy.load(Path.of(name), RuleCatalog.federal());
      } catch (NoSuchFileException | java.nio.file.InvalidPathException e) {
        throw new UsageException("--policy: нет политики «" + name + "»: укажите federal или файл JSON");
      } catch (IOException e) {
        throw new UsageException("--policy: не удалось прочитать «" + name + "»");
      } catch (PolicyException e) {
        throw new UsageException("--policy: " + String.join("; ", e.problems()) + " (" + name + ")");
      }
    }
    if (!pagesOnly) return policy;
    // Pages given one by one have no registry entry: organisation rules and the comparison with
    // the registry name would only add noise.
    Policy.Builder pages = policy.toBuilder().disable("PROFILE_NAME_MATCHES");
    for (Rule rule : policy.catalog().rules(RuleScope.ORGANIZATION)) pages.disable(rule.definition().id());
    return pages.build();
  }

  private static Registry registry(Options options) throws UsageException {
    if (!options.pages.isEmpty()) {
      Registry.Builder registry = Registry.builder();
      for (PageRef page : options.pages) {
        registry.addOrganizations(Organization.builder().name(page.url()).addPages(page).build());
      }
      return registry.build();
    }
    try {
      String csv = options.registryCsv;
      if (csv != null) return RegistryReader.read(new StringReader(csv));
      Path file = options.registry;
      if (file == null) throw new UsageException("укажите реестр (--registry FILE) или страницы (--page URL)");
      return RegistryReader.read(file, options.encoding);
    } catch (RegistryFormatException e) {
      throw new UsageException("--registry: " + e.getMessage());
    } catch (IOException e) {
      throw new UsageException("--registry: не удалось прочитать файл «" + options.registry + "»");
    }
  }

  private static void write(ComplianceReport report, Options options, PrintStream stdout) throws IOException {
    Path file = options.out;
    OutputStream out = file != null ? Files.newOutputStream(file) : new NonClosing(stdout);
    try (OutputStream stream = out) {
      switch (options.format) {
        case "json":
          JsonReportWriter.create().write(report, stream);
          break;
        case "csv":
          CsvReportWriter.create().write(report, stream);
          break;
        default:
          TextReportWriter.create().write(report, stream);
      }
      stream.flush();
    }
  }

  /** Keeps stdout open when the report stream is closed. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
