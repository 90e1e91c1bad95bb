package ru.gospubliki.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ru.gospubliki.audit.Auditor;
import ru.gospubliki.audit.ComplianceReport;
import ru.gospubliki.audit.OrganizationAudit;
import ru.gospubliki.audit.PageAudit;
import ru.gospubliki.audit.PageStatus;
import ru.gospubliki.examples.sandbox.Sandbox;
import ru.gospubliki.examples.sandbox.SandboxData;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.ok.OkPlatform;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.platform.PostQuery;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.platform.PublishResult;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.registry.Registry;
import ru.gospubliki.registry.RegistryReader;
import ru.gospubliki.vk.VkPlatform;

/**
 * Shows how long a bulk audit takes when the platforms' rate limits are the bottleneck, and how
 * many requests it spends: a region of N synthetic communities ({@link SandboxData#synthetic}; every
 * fifth also has an OK group) is served by the sandbox, which enforces the limits the way the real
 * APIs do (VK service token {@code --vk-service-rps}, default 3, and the adapter is set to the same
 * rate; VK user token 3 requests/s, unused by an audit; OK 3 requests/s) and counts every request it
 * receives, refused ones included. The audit runs through the public API only ({@link Auditor},
 * {@link VkPlatform}, {@link OkPlatform}).
 *
 * <pre>
 * java -cp examples/target/gospubliki.jar ru.gospubliki.examples.SandboxBenchmark 1700 [--vk-service-rps 3] [--seed 42]
 * </pre>
 *
 * <p>Per platform it prints the requests the sandbox received, requests per page, the time spent in
 * that platform's reads, the floor (requests ÷ requests per second: no client can be faster) and
 * elapsed ÷ floor. The auditor reads the platforms one after the other, so the total floor is the
 * sum. Exits with 1 when VK needs more than ⌈N/500⌉ + ⌈N/25⌉ + 2 requests, elapsed exceeds 1.2 ×
 * floor, or any request was refused for going over a limit.
 */
public final class SandboxBenchmark {
  static final double MAX_RATIO = 1.2;
  static final int OK_RPS = 3;
  static final int VK_USER_RPS = 3;

  private SandboxBenchmark() {}

  public static void main(String[] args) throws IOException {
    int n = 1_700;
    int serviceRps = 3;
    long seed = 42L;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--vk-service-rps" -> serviceRps = Integer.parseInt(value(args, ++i));
          case "--seed" -> seed = Long.parseLong(value(args, ++i));
          default -> n = Integer.parseInt(args[i].replace("_", "").replace(",", ""));
        }
      }
      if (n < 1 || serviceRps < 1) throw new IllegalArgumentException("N and the rate must be positive");
    } catch (IllegalArgumentException e) {
      System.err.println("usage: SandboxBenchmark [N] [--vk-service-rps R] [--seed S] (" + e.getMessage() + ")");
      System.exit(2);
      return;
    }
    System.exit(run(n, serviceRps, seed, System.out) ? 0 : 1);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) throw new IllegalArgumentException("missing value after " + args[i - 1]);
    return args[i];
  }

  /** What one run measured. Times in seconds; floors are requests ÷ the limit's requests per second. */
  record Measurement(int n, int vkPages, int okPages, int vkRequests, int okRequests, int vkRefused,
      int okRefused, double vkSeconds, double okSeconds, double seconds, int vkRps, int okRps,
      String report, Map<String, Integer> unreachable) {
    /** The most VK requests a bulk read of n communities may take: ⌈n/500⌉ + ⌈n/25⌉ + 2. */
    int vkRequestLimit() {
      return ceil(n, 500) + ceil(n, 25) + 2;
    }

    double vkFloor() {
      return (double) vkRequests / vkRps;
    }

    double okFloor() {
      return (double) okRequests / okRps;
    }

    /** The auditor reads one platform after the other, so the floors add up. */
    double floor() {
      return vkFloor() + okFloor();
    }

    boolean requestsMet() {
      return vkRequests <= vkRequestLimit();
    }

    boolean timeMet() {
      return seconds <= MAX_RATIO * floor();
    }

    boolean noneRefused() {
      return vkRefused + okRefused == 0;
    }
  }

  /** Runs the benchmark and prints the table; true when every target is met. */
  static boolean run(int n, int serviceRps, long seed, PrintStream out) throws IOException {
    Measurement m = measure(n, serviceRps, seed);
    print(m, seed, out);
    return m.requestsMet() && m.timeMet() && m.noneRefused();
  }

  /** Audits n synthetic communities against a sandbox that enforces the limits. */
  static Measurement measure(int n, int serviceRps, long seed) throws IOException {
    SandboxData data = SandboxData.synthetic(n, seed);
    try (Sandbox sandbox = Sandbox.builder().data(data).enforceRateLimits(true)
        .vkServiceRps(serviceRps).vkUserRps(VK_USER_RPS).okRps(OK_RPS).build()) {
      Registry registry = RegistryReader.read(new StringReader(data.registryCsv()));
      Timed vk = new Timed(VkPlatform.builder().baseUrl(sandbox.vkApiUrl())
          .serviceToken(sandbox.vkServiceToken()).serviceRequestsPerSecond(serviceRps).build());
      Timed ok = new Timed(OkPlatform.builder().baseUrl(sandbox.okApiUrl())
          .applicationKey(sandbox.okApplicationKey()).applicationSecretKey(sandbox.okApplicationSecretKey())
          .accessToken(sandbox.okAccessToken()).requestsPerSecond(OK_RPS).build());
      Auditor auditor = Auditor.builder().addPlatform(vk).addPlatform(ok).build();

      long start = System.nanoTime();
      ComplianceReport report = auditor.auditRegistry(registry);
      double seconds = (System.nanoTime() - start) / 1e9;

      Map<String, Integer> unreachable = new TreeMap<>();
      for (OrganizationAudit organization : report.organizations()) {
        for (PageAudit page : organization.pages()) {
          if (page.status() == PageStatus.UNREACHABLE) {
            unreachable.merge(page.page().platform() + " " + page.reason(), 1, Integer::sum);
          }
        }
      }
      return new Measurement(n, data.vkCommunities(), data.okGroups(), sandbox.vkRequests(), sandbox.okRequests(),
          sandbox.vkRateLimited(), sandbox.okRateLimited(), vk.seconds(), ok.seconds(), seconds, serviceRps, OK_RPS,
          String.format("%,d pages: %,d compliant, %,d non-compliant, %,d unreachable", report.summary().pages(),
              report.summary().compliant(), report.summary().nonCompliant(), report.summary().unreachable()),
          unreachable);
    }
  }

  static void print(Measurement m, long seed, PrintStream out) {
    out.printf("N=%,d communities: %,d VK pages, %,d OK groups (seed %d)%n", m.n(), m.vkPages(), m.okPages(), seed);
    out.printf("%-5s %9s %10s %10s %10s %8s %8s%n", "", "requests", "req/page", "elapsed s", "floor s", "ratio", "refused");
    row(out, "VK", m.vkRequests(), m.vkPages(), m.vkSeconds(), m.vkFloor(), m.vkRefused());
    row(out, "OK", m.okRequests(), m.okPages(), m.okSeconds(), m.okFloor(), m.okRefused());
    row(out, "total", m.vkRequests() + m.okRequests(), m.vkPages() + m.okPages(), m.seconds(), m.floor(),
        m.vkRefused() + m.okRefused());
    out.printf("limits: VK service %d rps, VK user %d rps, OK %d rps%n", m.vkRps(), VK_USER_RPS, m.okRps());
    out.printf("report: %s %s%n", m.report(), m.unreachable());
    out.printf("target VK requests <= %d: %s; elapsed <= %.1f x floor: %s; no refused requests: %s%n",
        m.vkRequestLimit(), pass(m.requestsMet()), MAX_RATIO, pass(m.timeMet()), pass(m.noneRefused()));
  }

  private static void row(PrintStream out, String name, int requests, int pages, double elapsed, double floor,
      int refused) {
    out.printf("%-5s %,9d %10.3f %10.1f %10.1f %8.3f %8d%n", name, requests,
        pages == 0 ? 0.0 : (double) requests / pages, elapsed, floor, floor == 0 ? 0.0 : elapsed / floor, refused);
  }

  private static String pass(boolean ok) {
    return ok ? "met" : "MISSED";
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

    double seconds() {
      return nanos / 1e9;
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
        nanos += System.nanoTime() - start;
      }
    }

    @Override public Map<PageRef, FetchResult<ProfileSnapshot>> fetchProfiles(Collection<PageRef> pages) {
      long start = System.nanoTime();
      try {
        return platform.fetchProfiles(pages);
      } finally {
        nanos += System.nanoTime() - start;
      }
    }

    @Override public Map<PageRef, FetchResult<PostHistory>> fetchPosts(Collection<PageRef> pages, PostQuery query) {
      long start = System.nanoTime();
      try {
        return platform.fetchPosts(pages, query);
      } finally {
        nanos += System.nanoTime() - start;
      }
    }

    @Override public PublishResult publish(PageRef page, PostDraft draft) {
      return platform.publish(page, draft);
    }

    @Override public PublishResult edit(PageRef page, String postId, PostDraft draft) {
      return platform.edit(page, postId, draft);
    }

    @Override public void delete(PageRef page, String postId) {
      platform.delete(page, postId);
    }
  }
}
