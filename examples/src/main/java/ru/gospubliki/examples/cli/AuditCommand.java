package ru.gospubliki.examples.cli;

import java.io.PrintStream;
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

/** {@code gospubliki audit}: audits a registry or a list of pages and prints the report. */
final class AuditCommand {
  static final Arguments.Spec SPEC = new Arguments.Spec("audit",
      Set.of("--registry", "--format", "--out", "--policy", "--as-of", "--vk-api-url", "--ok-api-url", "--encoding"),
      Set.of("--page"), Set.of("--sandbox"));

  static final String USAGE = String.join("\n",
      "Использование: gospubliki audit (--registry FILE | --page URL [--page URL ...]) [--sandbox]",
      "                        [--format table|json|csv] [--out FILE] [--policy NAME|FILE] [--as-of ISO-8601]",
      "                        [--vk-api-url URL] [--ok-api-url URL] [--encoding utf-8|windows-1251]",
      "",
      "Проверяет официальные страницы учреждений (госпаблики) и печатает отчёт.",
      "  --registry FILE   реестр учреждений CSV (; или ,), UTF-8 или Windows-1251",
      "  --page URL        страница VK или OK; можно указать несколько раз",
      "  --sandbox         проверить во встроенной песочнице (без сети и ключей); без --registry/--page —",
      "                    учебный реестр песочницы",
      "  --format          table (по умолчанию), json или csv",
      "  --out FILE        записать отчёт в файл вместо вывода на экран",
      "  --policy          политика: имя (federal) или файл JSON",
      "  --as-of           момент «сейчас» для правил, ISO-8601 (по умолчанию — текущее время)",
      "  --vk-api-url URL  адрес VK API (по умолчанию https://api.vk.com/method/)",
      "  --ok-api-url URL  адрес OK API (по умолчанию https://api.ok.ru/fb.do)",
      "  --encoding        кодировка реестра: utf-8 (по умолчанию) или windows-1251",
      "Ключи доступа — только в переменных окружения: VK_SERVICE_TOKEN, VK_USER_TOKEN,",
      "OK_APPLICATION_KEY, OK_APPLICATION_SECRET_KEY, OK_ACCESS_TOKEN.",
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
    final Charset encoding;
    Credentials credentials;

    Options(@Nullable Path registry, List<PageRef> pages, boolean sandbox, String format, @Nullable Path out,
        String policy, @Nullable Instant asOf, HttpUrl vkApiUrl, HttpUrl okApiUrl, Charset encoding,
        Credentials credentials) {
      this.registry = registry;
      this.pages = pages;
      this.sandbox = sandbox;
      this.format = format;
      this.out = out;
      this.policy = policy;
      this.asOf = asOf;
      this.vkApiUrl = vkApiUrl;
      this.okApiUrl = okApiUrl;
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
    try (Sandbox sandbox = Sandbox.startWithSampleData()) {
      options.vkApiUrl = HttpUrl.get(sandbox.vkApiUrl());
      options.okApiUrl = HttpUrl.get(sandbox.okApiUrl());
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
    if (sandbox && (a.has("--vk-api-url") || a.has("--ok-api-url"))) {
      throw new UsageException("--sandbox сам задаёт адреса API: уберите --vk-api-url/--ok-api-url");
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
    String encodingValue = a.value("--encoding");
    Charset encoding = StandardCharsets.UTF_8;
    if (encodingValue != null && Values.oneOf("--encoding", encodingValue, "utf-8", "windows-1251").equals("windows-1251")) {
      encoding = Charset.forName("windows-1251");
    }
    return new Options(registry, pages, sandbox, format, outFile, policy, asOf, vkUrl, okUrl, encoding,
        Credentials.fromEnvironment(env));
  }

  /**
   * NOT YET WIRED: runs the audit with the SDK (RegistryReader → Auditor → report writers) once
   * those exist on the main branch. Contract: exit 0 when the audit ran, 2 for a bad input file,
   * 3 when the platform could not be used at all.
   */
  static int audit(Options options, PrintStream out, PrintStream err) {
    if (options.registry != null && !Files.isReadable(options.registry)) {
      err.println("gospubliki audit: --registry: файл «" + options.registry + "» недоступен для чтения");
      return Gospubliki.EXIT_USAGE;
    }
    return Gospubliki.notYetWired("audit", err);
  }
}
