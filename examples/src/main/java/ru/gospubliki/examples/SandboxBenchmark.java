package ru.gospubliki.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import ru.gospubliki.audit.Auditor;
import ru.gospubliki.audit.ComplianceReport;
import ru.gospubliki.audit.OrganizationAudit;
import ru.gospubliki.audit.PageAudit;
import ru.gospubliki.audit.PageStatus;
import ru.gospubliki.examples.sandbox.Sandbox;
import ru.gospubliki.examples.sandbox.SandboxData;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.ok.OkPlatform;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.platform.PostLookup;
import ru.gospubliki.platform.PostQuery;
import ru.gospubliki.platform.SendRequest;
import ru.gospubliki.platform.SendResult;
import ru.gospubliki.registry.Registry;
import ru.gospubliki.registry.RegistryReader;
import ru.gospubliki.vk.VkPlatform;

/**
 * Shows how long a bulk audit takes when the platforms' rate limits are the bottleneck, and how
 * many requests it spends: a region of N synthetic communities ({@link SandboxData#synthetic}; every
 * fifth also has an OK group) is served by the sandbox, which enforces the limits the way the real
 * APIs do (per-token requests per second, error 6 over them; OK 3 requests/s) and counts every
 * request it receives, refused ones included. The audit runs through the public API only ({@link
 * Auditor}, {@link VkPlatform}, {@link OkPlatform}).
 *
 * <pre>
 * java -cp examples/target/gospubliki.jar ru.gospubliki.examples.SandboxBenchmark 1700 \
 *     [--scenario all|user,service,tokens,service-tokens,latency,together] [--tokens 4] [--latency-ms 600] \
 *     [--vk-service-rps 3] [--seed 42]
 * </pre>
 *
 * <p>Scenarios, each with its target:
 *
 * <ul>
 *   <li>{@code user}: one VK user token (3 requests/s): walls 25 per {@code execute}; at most
 *       ⌈N/500⌉ + ⌈N/25⌉ + 2 requests, elapsed ≤ 1.2 × floor;
 *   <li>{@code service}: one VK service token: one {@code wall.get} per community; at most ⌈N/500⌉
 *       + N + 2 requests, elapsed ≤ 1.2 × floor;
 *   <li>{@code tokens} / {@code service-tokens}: k user (service) tokens: elapsed ≤ 1.2 × floor ÷ k;
 *   <li>{@code latency}: one user token, 600 ms added to every request: elapsed ≤ 1.3 × floor;
 *   <li>{@code together}: VK (user token) and OK: elapsed ≤ 1.1 × the larger of the two floors,
 *       which needs the auditor to read the platforms at the same time.
 * </ul>
 *
 * The floor is requests ÷ (requests per second × tokens): no client can be faster. Exits with 1
 * when a target is missed or any request was refused for going over a limit.
 */
public final class SandboxBenchmark {
  static final int OK_RPS = 3;
  static final int VK_USER_RPS = 3;

  private SandboxBenchmark() {}

  /** One configuration to measure. */
  record Scenario(String name, int userTokens, int serviceTokens, Duration latency, boolean withOk, double maxRatio) {
    int tokens() {
      return Math.max(userTokens, serviceTokens);
    }
  }

  static Scenario scenario(String name, int tokens, Duration latency) {
    return switch (name) {
      case "user" -> new Scenario("user", 1, 0, Duration.ZERO, false, 1.2);
      case "service" -> new Scenario("service", 0, 1, Duration.ZERO, false, 1.2);
      case "tokens" -> new Scenario("tokens", tokens, 0, Duration.ZERO, false, 1.2);
      case "service-tokens" -> new Scenario("service-tokens", 0, tokens, Duration.ZERO, false, 1.2);
      case "latency" -> new Scenario("latency", 1, 0, latency, false, 1.3);
      case "together" -> new Scenario("together", 1, 0, Duration.ZERO, true, 1.1);
      default -> throw new IllegalArgumentException("unknown scenario " + name);
    };
  }

  public static void main(String[] args) throws IOException {
    int n = 1_700;
    int serviceRps = 3;
    long seed = 42L;
    int tokens = 4;
    long latencyMs = 600;
    String which = "all";
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--vk-service-rps" -> serviceRps = Integer.parseInt(value(args, ++i));
          case "--seed" -> seed = Long.parseLong(value(args, ++i));
          case "--tokens" -> tokens = Integer.parseInt(value(args, ++i));
          case "--latency-ms" -> latencyMs = Long.parseLong(value(args, ++i));
          case "--scenario" -> which = value(args, ++i);
          default -> n = Integer.parseInt(args[i].replace("_", "").replace(",", ""));
        }
      }
      if (n < 1 || serviceRps < 1 || tokens < 1 || latencyMs < 0) {
        throw new IllegalArgumentException("N, the rate and the tokens must be positive");
      }
      List<String> names = which.equals("all")
          ? List.of("user", "service", "tokens", "service-tokens", "latency", "together") : List.of(which.split(","));
      names.forEach(name -> scenario(name, 1, Duration.ZERO));
      boolean met = true;
      header(n, seed, System.out);
      for (String name : names) {
        Measurement m = measure(scenario(name, tokens, Duration.ofMillis(latencyMs)), n, serviceRps, seed);
        row(m, System.out);
        met &= m.met();
      }
      System.exit(met ? 0 : 1);
    } catch (IllegalArgumentException e) {
      System.err.println("usage: SandboxBenchmark [N] [--scenario all|user|service|tokens|service-tokens|latency|together]"
          + " [--tokens K] [--latency-ms MS] [--vk-service-rps R] [--seed S] (" + e.getMessage() + ")");
      System.exit(2);
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) throw new IllegalArgumentException("missing value after " + args[i - 1]);
    return args[i];
  }

  /** What one run measured. Times in seconds; floors are requests ÷ (the limit's rate × tokens). */
  record Measurement(Scenario scenario, int n, int vkPages, int okPages, int vkRequests, int okRequests,
      int vkRefused, int okRefused, double vkSeconds, double okSeconds, double seconds, double vkRps,
      String report, Map<String, Integer> unreachable) {
    /** The most VK requests a bulk read of n communities may take with this scenario's tokens. */
    int vkRequestLimit() {
      int walls = scenario.userTokens() > 0 ? ceil(n, 25) : n;
      return ceil(n, 500) + walls + 2;
    }

    double vkFloor() {
      return vkRequests / (vkRps * scenario.tokens());
    }

    double okFloor() {
      return (double) okRequests / OK_RPS;
    }

    /** VK and OK read at the same time: the larger floor; VK alone: VK's. */
    double floor() {
      return scenario.withOk() ? Math.max(vkFloor(), okFloor()) : vkFloor();
    }

    double ratio() {
      return floor() == 0 ? 0 : seconds / floor();
    }

    boolean requestsMet() {
      return vkRequests <= vkRequestLimit();
    }

    boolean timeMet() {
      return ratio() <= scenario.maxRatio();
    }

    boolean noneRefused() {
      return vkRefused + okRefused == 0;
    }

    boolean met() {
      return requestsMet() && timeMet() && noneRefused();
    }
  }

  /** Tokens of each kind given to the scenarios measured so far in this process. */
  private static final AtomicInteger TOKENS_USED = new AtomicInteger();

  /** Audits n synthetic communities against a sandbox that enforces the limits. */
  static Measurement measure(Scenario scenario, int n, int serviceRps, long seed) throws IOException {
    SandboxData data = SandboxData.synthetic(n, seed);
    // A token's rate limiter is one per process and learns the token's round trip: each scenario
    // gets tokens no earlier scenario used, so one scenario's network does not carry over to the next.
    int tokens = Math.max(1, scenario.tokens());
    int first = TOKENS_USED.getAndAdd(tokens);
    try (Sandbox sandbox = Sandbox.builder().data(data).enforceRateLimits(true)
        .vkServiceRps(serviceRps).vkUserRps(VK_USER_RPS).okRps(OK_RPS).latency(scenario.latency())
        .vkTokensPerKind(first + tokens).build()) {
      Registry registry = RegistryReader.read(new StringReader(data.registryCsv()));
      VkPlatform.Builder vkBuilder = VkPlatform.builder().baseUrl(sandbox.vkApiUrl())
          .userRequestsPerSecond(VK_USER_RPS).serviceRequestsPerSecond(serviceRps);
      if (scenario.userTokens() > 0) vkBuilder.userTokens(sandbox.vkUserTokens().subList(first, first + scenario.userTokens()));
      if (scenario.serviceTokens() > 0) {
        vkBuilder.serviceTokens(sandbox.vkServiceTokens().subList(first, first + scenario.serviceTokens()));
      }
      try (VkPlatform vkPlatform = vkBuilder.build();
          OkPlatform okPlatform = OkPlatform.builder().baseUrl(sandbox.okApiUrl())
              .applicationKey(sandbox.okApplicationKey()).applicationSecretKey(sandbox.okApplicationSecretKey())
              .accessToken(sandbox.okAccessToken()).requestsPerSecond(OK_RPS).build()) {
        Timed vk = new Timed(vkPlatform);
        Timed ok = new Timed(okPlatform);
        Auditor.Builder auditor = Auditor.builder().addPlatform(vk);
        if (scenario.withOk()) auditor.addPlatform(ok);

        long start = System.nanoTime();
        ComplianceReport report = auditor.build().auditRegistry(registry);
        double seconds = (System.nanoTime() - start) / 1e9;

        Map<String, Integer> unreachable = new TreeMap<>();
        for (OrganizationAudit organization : report.organizations()) {
          for (PageAudit page : organization.pages()) {
            boolean counted = scenario.withOk() || page.page().platform().equals(PlatformId.VK);
            if (counted && page.status() == PageStatus.UNREACHABLE) {
              unreachable.merge(page.page().platform() + " " + page.reason(), 1, Integer::sum);
            }
          }
        }
        double vkRps = scenario.userTokens() > 0 ? VK_USER_RPS : serviceRps;
        return new Measurement(scenario, n, data.vkCommunities(), scenario.withOk() ? data.okGroups() : 0,
            sandbox.vkRequests(), sandbox.okRequests(), sandbox.vkRateLimited(), sandbox.okRateLimited(),
            vk.seconds(), ok.seconds(), seconds, vkRps,
            String.format(Locale.ROOT, "%,d pages: %,d compliant, %,d non-compliant, %,d unreachable",
                report.summary().pages(), report.summary().compliant(), report.summary().nonCompliant(),
                report.summary().unreachable()),
            unreachable);
      }
    }
  }

  static void header(int n, long seed, PrintStream out) {
    out.printf(Locale.ROOT, "N=%,d communities (seed %d); VK user token %d rps, OK %d rps%n", n, seed, VK_USER_RPS, OK_RPS);
    out.printf(Locale.ROOT, "%-15s %6s %9s %7s %10s %9s %7s %7s %8s %s%n", "scenario", "tokens", "requests", "budget",
        "elapsed s", "floor s", "ratio", "target", "refused", "result");
  }

  static void row(Measurement m, PrintStream out) {
    out.printf(Locale.ROOT, "%-15s %6d %9s %7d %10.1f %9.1f %7.3f %7.1f %8d %s%n", m.scenario().name(),
        m.scenario().tokens(), m.scenario().withOk() ? m.vkRequests() + "+" + m.okRequests() : Integer.toString(m.vkRequests()),
        m.vkRequestLimit(), m.seconds(), m.floor(), m.ratio(), m.scenario().maxRatio(), m.vkRefused() + m.okRefused(),
        m.met() ? "met" : "MISSED" + (m.requestsMet() ? "" : " (requests)") + (m.timeMet() ? "" : " (time)")
            + (m.noneRefused() ? "" : " (refused)"));
    if (!m.unreachable().isEmpty()) out.printf("  unreachable: %s%n", m.unreachable());
    if (m.scenario().withOk()) {
      out.printf(Locale.ROOT, "  VK %.1f s (floor %.1f), OK %.1f s (floor %.1f): read %s%n", m.vkSeconds(), m.vkFloor(),
          m.okSeconds(), m.okFloor(), m.seconds() < 0.9 * (m.vkSeconds() + m.okSeconds()) ? "at the same time" : "one after the other");
    }
  }

  private static int ceil(int a, int b) {
    return (a + b - 1) / b;
  }

  /** A platform that adds up the time spent in its reads, so each platform's share can be shown. */
  private static final class Timed implements Platform {
    private final Platform platform;
    private long nanos;

    Timed(Platform platform) {
      this.platform = platform;
    }

    synchronized double seconds() {
      return nanos / 1e9;
    }

    private synchronized void add(long start) {
      nanos += System.nanoTime() - start;
    }

    @Override public PlatformId id() {
      return platform.id();
    }

    @Override public Capabilities capabilities() {
      return platform.capabilities();
    }

    @Override public Map<PageRef, FetchResult<PageRef>> resolve(Collection<PageRef> pages) {
      long start = System.nanoTime();
      try {
        return platform.resolve(pages);
      } finally {
        add(start);
      }
    }

    @Override public Map<PageRef, FetchResult<ProfileSnapshot>> fetchProfiles(Collection<PageRef> pages) {
      long start = System.nanoTime();
      try {
        return platform.fetchProfiles(pages);
      } finally {
        add(start);
      }
    }

    @Override public Map<PageRef, FetchResult<PostHistory>> fetchPosts(Collection<PageRef> pages, PostQuery query) {
      long start = System.nanoTime();
      try {
        return platform.fetchPosts(pages, query);
      } finally {
        add(start);
      }
    }

    @Override public SendResult send(SendRequest request) {
      return platform.send(request);
    }

    @Override public PostLookup findExisting(PageRef page, PostDraft draft, Instant sentAfter) {
      return platform.findExisting(page, draft, sentAfter);
    }

    @Override public SendResult.Sent edit(PageRef page, String postId, PostDraft draft) {
      return platform.edit(page, postId, draft);
    }

    @Override public void delete(PageRef page, String postId) {
      platform.delete(page, postId);
    }
  }
}
