package ru.gospubliki.examples.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.audit.AuditScope;
import ru.gospubliki.audit.Auditor;
import ru.gospubliki.audit.ComplianceReport;
import ru.gospubliki.audit.KnownProfile;
import ru.gospubliki.audit.OrganizationAudit;
import ru.gospubliki.audit.PageAudit;
import ru.gospubliki.audit.PageStatus;
import ru.gospubliki.audit.SnapshotStore;
import ru.gospubliki.examples.sandbox.SandboxData;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.registry.Registry;
import ru.gospubliki.registry.RegistryFormatException;
import ru.gospubliki.registry.RegistryReader;
import ru.gospubliki.report.CsvReportWriter;
import ru.gospubliki.report.JsonReportWriter;
import ru.gospubliki.report.TextReportWriter;
import ru.gospubliki.rules.Policy;
import ru.gospubliki.rules.PolicyException;
import ru.gospubliki.rules.RuleCatalog;
import ru.gospubliki.store.Store;
import ru.gospubliki.store.StoreException;

/** {@code gospubliki audit}: audits a registry or a list of pages and prints the report. */
final class AuditCommand {
  static final Arguments.Spec FLAGS = PlatformAccess.flags(new Arguments.Spec("audit")
      .valued("--registry", "--format", "--out", "--policy", "--as-of", "--encoding", "--store")
      .repeatable("--page"));

  static final String USAGE = String.join("\n",
      "Использование: gospubliki audit (--registry FILE | --page URL [--page URL ...]) [--sandbox]",
      "                        [--format table|json|csv] [--out FILE] [--policy NAME|FILE] [--as-of ISO-8601]",
      "                        [--vk-api-url URL] [--ok-api-url URL] [--max-api-url URL]",
      "                        [--encoding utf-8|windows-1251] [--store URL|PATH|none]",
      "",
      "Проверяет официальные страницы учреждений (госпаблики) и печатает отчёт.",
      "  --registry FILE   реестр учреждений CSV (; , или табуляция), UTF-8, UTF-16 или Windows-1251",
      "  --page URL        страница VK, OK или канал MAX (https://max.ru/имя, max:-70123456789);",
      "                    можно указать несколько раз. Такая выборочная проверка запоминает, что",
      "                    увидела на страницах (пропажу отметки найдёт и она, и следующая), но в",
      "                    историю проверок не записывается: changes и history сравнивают проверки реестра",
      "                    (с --sandbox без --registry и --page — учебный реестр песочницы)",
      "  --format          table (по умолчанию), json или csv",
      "  --out FILE        записать отчёт в файл вместо вывода на экран (файл заменяется целиком",
      "                    и только готовым отчётом; входной файл или файл хранилища указать нельзя)",
      "  --policy          политика: имя (federal) или файл JSON",
      "  --as-of           момент «сейчас» для правил, ISO-8601 (по умолчанию — текущее время);",
      "                    с --sandbox от него же отсчитываются даты учебных публикаций",
      "  --encoding        кодировка реестра: utf-8 или windows-1251 (по умолчанию определяется сама)",
      PlatformAccess.USAGE,
      StoreOption.USAGE,
      "Ключи доступа — только в переменных окружения: VK_SERVICE_TOKEN, VK_USER_TOKEN,",
      "OK_APPLICATION_KEY, OK_APPLICATION_SECRET_KEY, OK_ACCESS_TOKEN, MAX_BOT_TOKEN (бот —",
      "администратор каналов MAX; несколько ключей — через запятую).",
      "Коды выхода: 0 — аудит выполнен; 2 — ошибка в параметрах или во входном файле (в том числе",
      "реестр без столбца со ссылками или без единой строки, которую можно проверить);",
      "3 — платформа недоступна (например, все запросы отклонены из-за авторизации);",
      "5 — отчёт выведен, но в хранилище не удалось сохранить ничего.");

  static final Command COMMAND = new Command(
      "проверить официальные страницы (госпаблики) по реестру или списку ссылок", FLAGS, USAGE, AuditCommand::run);

  /** The name of the built-in policy; any other {@code --policy} value is a file. */
  private static final String FEDERAL = Policy.federal().name();

  /** The validated options of one audit run. */
  static final class Options {
    /** The registry file, or null when auditing {@link #pages} or the sandbox's sample registry. */
    final @Nullable Path registry;
    final List<PageRef> pages;
    final String format;
    /** Where the report goes (links followed), or null for stdout. */
    final @Nullable Path out;
    final String policy;
    final @Nullable Instant asOf;
    /** The registry's encoding, or null to detect it. */
    final @Nullable Charset encoding;
    final PlatformAccess access;
    /** Where earlier audits are remembered; opened once the audit is about to run. */
    final StoreOption store;

    Options(@Nullable Path registry, List<PageRef> pages, String format, @Nullable Path out, String policy,
        @Nullable Instant asOf, @Nullable Charset encoding, PlatformAccess access, StoreOption store) {
      this.registry = registry;
      this.pages = pages;
      this.format = format;
      this.out = out;
      this.policy = policy;
      this.asOf = asOf;
      this.encoding = encoding;
      this.access = access;
      this.store = store;
    }
  }

  private AuditCommand() {}

  static int run(Arguments a, Terminal terminal) throws UsageException {
    Options options = options(a, terminal.env);
    Path out = options.out;
    // The report's place is proven writable before the audit, which may take an hour.
    try (StoreOption store = options.store;
        @Nullable ReportFile file = out == null ? null : ReportFile.create("--out", out)) {
      // With --as-of the sandbox starts at that moment, so its report is the same whenever it is run.
      return options.access.use(options.asOf, (access, sample) -> audit(options, access, sample, file, terminal));
    }
  }

  static Options options(Arguments a, Map<String, String> env) throws UsageException {
    PlatformAccess access = PlatformAccess.of(a, env);
    if (a.has("--registry") && a.has("--page")) {
      throw new UsageException("укажите либо --registry, либо --page, но не оба");
    }
    if (!access.sandbox && !a.has("--registry") && !a.has("--page")) {
      throw new UsageException("укажите реестр (--registry FILE), страницы (--page URL) или --sandbox");
    }
    Map<String, Path> inputs = new LinkedHashMap<>();
    String registryValue = a.value("--registry");
    Path registry = registryValue == null ? null : Values.readableFile("--registry", registryValue);
    if (registry != null) inputs.put("--registry", registry);
    List<PageRef> pages = Values.pages(a.values("--page"));
    String formatValue = a.value("--format");
    String format = formatValue == null ? "table" : Values.oneOf("--format", formatValue, "table", "json", "csv");
    String policyValue = a.value("--policy");
    String policy = policyValue == null ? FEDERAL : policyValue;
    Path policyFile = policyFile(policy);
    if (policyFile != null) inputs.put("--policy", policyFile);
    StoreOption store = StoreOption.parse(a.value("--store"), env, access.sandbox);
    Path database = store.databaseFile();
    if (database != null) inputs.put("--store", database);
    String outValue = a.value("--out");
    Path out = outValue == null ? null : ReportFile.target("--out", outValue, inputs);
    String asOfValue = a.value("--as-of");
    Instant asOf = asOfValue == null ? null : Values.instant("--as-of", asOfValue);
    String encodingValue = a.value("--encoding");
    Charset encoding = null;
    if (encodingValue != null) {
      encoding = Values.oneOf("--encoding", encodingValue, "utf-8", "windows-1251").equals("windows-1251")
          ? Charset.forName("windows-1251") : StandardCharsets.UTF_8;
    }
    return new Options(registry, pages, format, out, policy, asOf, encoding, access, store);
  }

  /**
   * Runs the audit: reads the registry (or audits the {@code --page}s as they are), reads every page
   * through the adapters the credentials allow (comparing with what the store knew of them), writes
   * the report, and only then records the run in the store. Exit 0 when the audit ran, 2 for a bad
   * input or output file or policy (or a registry none of whose rows can be audited), 3 when no page
   * could be read for want of access, 5 when the report is out but the store kept none of it.
   */
  static int audit(Options options, PlatformAccess access, @Nullable SandboxData sample, @Nullable ReportFile file,
      Terminal terminal) throws UsageException {
    PrintStream err = terminal.err;
    Clock clock = options.asOf != null ? Clock.fixed(options.asOf, ZoneOffset.UTC) : Clock.systemUTC();
    Policy policy = policy(options.policy);
    Registry registry = options.pages.isEmpty() ? registry(options, sample) : null;
    if (registry != null) {
      printCapped(err, registry.rejectedRows(), registry.rejectedRowCount(),
          row -> "строка " + row.line() + " пропущена: " + row.error());
      printCapped(err, registry.warnings(), registry.warningCount(),
          warning -> (warning.line() > 0 ? "строка " + warning.line() + ": " : "") + warning.message());
      if (registry.organizations().isEmpty()) {
        throw new UsageException("--registry: в реестре нет ни одной строки, которую можно проверить"
            + (registry.rejectedRowCount() > 0 ? " (все " + registry.rejectedRowCount() + " строк отклонены)" : ""));
      }
    }
    List<Platform> platforms = access.platforms(options.store.channels());
    try {
      if (platforms.isEmpty()) {
        err.println(COMMAND.prefix() + "нет ключей доступа: задайте VK_SERVICE_TOKEN (или VK_USER_TOKEN), "
            + "OK_APPLICATION_KEY, OK_APPLICATION_SECRET_KEY, OK_ACCESS_TOKEN и/или MAX_BOT_TOKEN, либо запустите с --sandbox");
        return Gospubliki.EXIT_PLATFORM;
      }
      PlatformAccess.sayWhatCannotBeRead(platforms, err, COMMAND.prefix());
      List<PageRef> all = new ArrayList<>(options.pages);
      if (registry != null) {
        for (Organization organization : registry.organizations()) all.addAll(organization.pages());
      }
      Store store = null;
      String unavailable = null;
      try {
        store = options.store.open();
      } catch (StoreException e) {
        unavailable = StoreOption.reason(e);
      }
      // After the store is open: the channels learnt are kept for the next runs.
      PlatformAccess.learnMaxChannels(platforms, all, err, COMMAND.prefix());
      Auditor.Builder auditor = Auditor.builder().policy(policy).clock(clock);
      platforms.forEach(auditor::addPlatform);
      int pages = all.size();
      if (pages > 20 && System.console() != null) {
        auditor.progress((done, total) -> err.print("\rпроверено страниц: " + done + " из " + total
            + (done == total ? "\n" : "")));
      }
      SavingSnapshots snapshots = new SavingSnapshots(store != null ? store.snapshots() : SnapshotStore.none());
      auditor.snapshotStore(snapshots);
      ComplianceReport report = registry != null ? auditor.build().auditRegistry(registry)
          : auditor.build().auditPages(options.pages);
      try {
        if (file != null) {
          file.write(stream -> write(report, options.format, stream));
        } else {
          write(report, options.format, terminal.out);
          terminal.out.flush();
        }
      } catch (IOException e) {
        err.println(COMMAND.prefix() + e.getMessage());
        return Gospubliki.EXIT_USAGE;
      }
      // Recorded only once the report is out: a store that fails never costs the report. A spot check
      // of --page pages is no audit of the registry: its snapshots are saved, but changes and history
      // compare registry audits only.
      String notRecorded = null;
      if (store != null && report.scope() == AuditScope.REGISTRY) {
        try {
          store.audits().record(report);
        } catch (RuntimeException e) {
          notRecorded = StoreOption.reason(e);
        }
      }
      int exit = noAccess(report) ? Gospubliki.EXIT_PLATFORM : Gospubliki.EXIT_OK;
      if (unavailable != null) {
        err.println(COMMAND.prefix() + "хранилище «" + options.store.description + "» недоступно: проверка не "
            + "сохранена и не сравнена с прошлыми (" + unavailable + ")");
        return exit == Gospubliki.EXIT_OK ? Gospubliki.EXIT_STORE : exit;
      }
      String snapshotProblem = snapshots.problem();
      String channelsProblem = options.store.channelsProblem();
      if (snapshotProblem != null || notRecorded != null || channelsProblem != null) {
        List<String> lost = new ArrayList<>();
        if (snapshotProblem != null) lost.add("снимки страниц (пропажа отметки и изменения страниц не будут найдены)");
        if (notRecorded != null) lost.add("запись о проверке (её не покажут changes и history)");
        if (channelsProblem != null) lost.add("каналы MAX, о которых бот узнал (их прочитают снова в следующий раз)");
        String why = notRecorded != null ? notRecorded : snapshotProblem != null ? snapshotProblem : channelsProblem;
        err.println(COMMAND.prefix() + "в хранилище «" + options.store.description + "» не сохранено: "
            + String.join(", ", lost) + " (" + why + ")");
        // Nothing kept means the run itself was lost: its record, or a spot check's snapshots. The MAX
        // channels alone are read again next time, and a spot check whose pages were all unreadable
        // had no snapshot to keep.
        boolean runLost = notRecorded != null || (report.scope() != AuditScope.REGISTRY && snapshotProblem != null);
        boolean nothingSaved = runLost && snapshots.saved() == 0;
        if (nothingSaved && exit == Gospubliki.EXIT_OK) return Gospubliki.EXIT_STORE;
      }
      return exit;
    } finally {
      platforms.forEach(Platform::close); // threads and connections of this run
    }
  }

  /** Passes snapshots through and remembers whether the store failed, to tell the user in one line. */
  static final class SavingSnapshots implements SnapshotStore {
    private final SnapshotStore delegate;
    private @Nullable String problem;
    private int saved;

    SavingSnapshots(SnapshotStore delegate) {
      this.delegate = delegate;
    }

    /** Why the store failed first, in Russian; null while it has not. */
    @Nullable String problem() {
      return problem;
    }

    int saved() {
      return saved;
    }

    @Override
    public @Nullable KnownProfile load(PageRef page) {
      return loadAll(List.of(page)).get(page);
    }

    @Override
    public void save(KnownProfile profile) {
      saveAll(List.of(profile));
    }

    @Override
    public Map<PageRef, KnownProfile> loadAll(Collection<PageRef> pages) {
      try {
        return delegate.loadAll(pages);
      } catch (RuntimeException e) {
        if (problem == null) problem = StoreOption.reason(e);
        throw e;
      }
    }

    @Override
    public void saveAll(Collection<KnownProfile> profiles) {
      try {
        delegate.saveAll(profiles);
        saved += profiles.size();
      } catch (RuntimeException e) {
        if (problem == null) problem = StoreOption.reason(e);
        throw e;
      }
    }
  }

  /** Prints the listed items on stderr, then how many more there are (the registry keeps the first thousand). */
  private static <T> void printCapped(PrintStream err, List<T> listed, long count, Function<T, String> line) {
    for (T item : listed) err.println(COMMAND.prefix() + line.apply(item));
    if (count > listed.size()) err.println(COMMAND.prefix() + "и ещё " + (count - listed.size()));
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

  /** The policy file named by {@code --policy}, or null for a built-in policy. */
  private static @Nullable Path policyFile(String name) throws UsageException {
    if (name.equals(FEDERAL)) return null;
    try {
      return Path.of(name);
    } catch (InvalidPathException e) {
      throw new UsageException("--policy: нет политики «" + name + "»: укажите federal или файл JSON");
    }
  }

  private static Policy policy(String name) throws UsageException {
    Path file = policyFile(name);
    Policy policy;
    if (file == null) {
      policy = Policy.federal();
    } else {
      try {
        policy = Policy.load(file, RuleCatalog.federal());
      } catch (NoSuchFileException e) {
        throw new UsageException("--policy: нет политики «" + name + "»: укажите federal или файл JSON");
      } catch (IOException e) {
        throw new UsageException("--policy: не удалось прочитать «" + name + "»");
      } catch (PolicyException e) {
        throw new UsageException("--policy: " + String.join("; ", e.problems()) + " (" + name + ")");
      }
    }
    return policy;
  }

  private static Registry registry(Options options, @Nullable SandboxData sample) throws UsageException {
    try {
      Path file = options.registry;
      if (file != null) return RegistryReader.read(file, options.encoding);
      if (sample != null) return RegistryReader.read(new StringReader(sample.registryCsv()));
      throw new UsageException("укажите реестр (--registry FILE) или страницы (--page URL)");
    } catch (RegistryFormatException e) {
      throw new UsageException("--registry: " + e.getMessage());
    } catch (IOException e) {
      throw new UsageException("--registry: не удалось прочитать файл «" + options.registry + "»");
    }
  }

  private static void write(ComplianceReport report, String format, OutputStream out) throws IOException {
    switch (format) {
      case "json" -> JsonReportWriter.create().write(report, out);
      case "csv" -> CsvReportWriter.create().write(report, out);
      default -> TextReportWriter.create().write(report, out);
    }
  }
}
