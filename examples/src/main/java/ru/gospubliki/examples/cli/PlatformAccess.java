package ru.gospubliki.examples.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.examples.sandbox.Sandbox;
import ru.gospubliki.examples.sandbox.SandboxData;
import ru.gospubliki.ok.OkPlatform;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.vk.VkPlatform;

/**
 * How a command reaches the platforms: the API addresses ({@code --vk-api-url}, {@code
 * --ok-api-url}, or the embedded sandbox with {@code --sandbox}) and the credentials from the
 * environment. Every command that talks to VK or OK takes these flags the same way.
 */
final class PlatformAccess {
  /** OK calls per second against the embedded sandbox, which does not limit OK (the real OK: 3). */
  static final double SANDBOX_OK_REQUESTS_PER_SECOND = 100;

  /** The help lines for the flags {@link #flags} adds. */
  static final String USAGE = String.join("\n",
      "  --sandbox         работать со встроенной песочницей (без сети и ключей)",
      "  --vk-api-url URL  адрес VK API (по умолчанию " + VkPlatform.DEFAULT_BASE_URL + ")",
      "  --ok-api-url URL  адрес OK API (по умолчанию " + OkPlatform.DEFAULT_BASE_URL + ")");

  final boolean sandbox;
  final HttpUrl vkApiUrl;
  final HttpUrl okApiUrl;
  final Credentials credentials;

  PlatformAccess(boolean sandbox, HttpUrl vkApiUrl, HttpUrl okApiUrl, Credentials credentials) {
    this.sandbox = sandbox;
    this.vkApiUrl = vkApiUrl;
    this.okApiUrl = okApiUrl;
    this.credentials = credentials;
  }

  /** Adds {@code --sandbox}, {@code --vk-api-url} and {@code --ok-api-url} to a command's flags. */
  static Arguments.Spec flags(Arguments.Spec spec) {
    return spec.valued("--vk-api-url", "--ok-api-url").switches("--sandbox");
  }

  static PlatformAccess of(Arguments a, Map<String, String> env) throws UsageException {
    boolean sandbox = a.has("--sandbox");
    if (sandbox && (a.has("--vk-api-url") || a.has("--ok-api-url"))) {
      throw new UsageException("--sandbox сам задаёт адреса API: уберите --vk-api-url/--ok-api-url");
    }
    String vk = a.value("--vk-api-url");
    String ok = a.value("--ok-api-url");
    return new PlatformAccess(sandbox,
        Values.url("--vk-api-url", vk == null ? VkPlatform.DEFAULT_BASE_URL : vk),
        Values.url("--ok-api-url", ok == null ? OkPlatform.DEFAULT_BASE_URL : ok),
        Credentials.fromEnvironment(env));
  }

  /** What a command does once the platforms are reachable. */
  interface Use {
    /** {@code sample} is the sandbox's data when running against it, else null. */
    int run(PlatformAccess access, @Nullable SandboxData sample) throws UsageException;
  }

  /**
   * Runs {@code use} against the given addresses, or, with {@code --sandbox}, against an embedded
   * sandbox started for the run; {@code sandboxNow} (when given) is the sandbox's "now", from which
   * its sample posts are dated, so a run with a fixed time gives the same answers whenever it runs.
   */
  int use(@Nullable Instant sandboxNow, Use use) throws UsageException {
    if (!sandbox) return use.run(this, null);
    Sandbox.Builder builder = Sandbox.builder();
    if (sandboxNow != null) builder.clock(Clock.fixed(sandboxNow, ZoneOffset.UTC));
    try (Sandbox started = builder.build()) {
      return use.run(new PlatformAccess(true, HttpUrl.get(started.vkApiUrl()), HttpUrl.get(started.okApiUrl()),
          Credentials.of(started)), started.data());
    }
  }

  /**
   * The adapters the credentials allow: VK when any VK token is present, OK when all three OK
   * credentials are. They run in real time (rate limits, snapshot times), whatever "now" the rules use.
   */
  List<Platform> platforms() {
    List<Platform> platforms = new ArrayList<>();
    String service = credentials.vkServiceToken;
    String user = credentials.vkUserToken;
    if (service != null || user != null) {
      VkPlatform.Builder vk = VkPlatform.builder().baseUrl(vkApiUrl.toString()).clock(Clock.systemUTC());
      if (service != null) vk.serviceToken(service);
      if (user != null) vk.userToken(user);
      platforms.add(vk.build());
    }
    String key = credentials.okApplicationKey;
    String secret = credentials.okApplicationSecretKey;
    String token = credentials.okAccessToken;
    if (key != null && secret != null && token != null) {
      OkPlatform.Builder ok = OkPlatform.builder().baseUrl(okApiUrl.toString()).applicationKey(key)
          .applicationSecretKey(secret).accessTokens(pool(token)).clock(Clock.systemUTC());
      if (sandbox) ok.requestsPerSecond(SANDBOX_OK_REQUESTS_PER_SECOND);
      platforms.add(ok.build());
    }
    return platforms;
  }

  /** The tokens of a pool written as {@code token1,token2}; empty entries (a trailing comma) are skipped. */
  static List<String> pool(String tokens) {
    List<String> pool = new ArrayList<>();
    for (String token : tokens.split(",")) {
      if (!token.isBlank()) pool.add(token);
    }
    return pool.isEmpty() ? List.of(tokens) : pool;
  }
}
