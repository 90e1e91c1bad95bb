package ru.gospubliki.examples.cli;

import java.io.PrintStream;
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
import ru.gospubliki.max.ChannelUpdates;
import ru.gospubliki.max.MaxChannel;
import ru.gospubliki.max.MaxChannelDirectory;
import ru.gospubliki.max.MaxPlatform;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.ok.OkPlatform;
import ru.gospubliki.platform.Operation;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.vk.VkPlatform;

/**
 * How a command reaches the platforms: the API addresses ({@code --vk-api-url}, {@code
 * --ok-api-url}, {@code --max-api-url}, or the embedded sandbox with {@code --sandbox}) and the
 * credentials from the environment. Every command that talks to VK, OK or MAX takes these flags the
 * same way.
 */
final class PlatformAccess {
  /** OK calls per second against the embedded sandbox, which does not limit OK (the real OK: 3). */
  static final double SANDBOX_OK_REQUESTS_PER_SECOND = 100;

  /** The help lines for the flags {@link #flags} adds. */
  static final String USAGE = String.join("\n",
      "  --sandbox         работать со встроенной песочницей (без сети и ключей)",
      "  --vk-api-url URL  адрес VK API (по умолчанию " + VkPlatform.DEFAULT_BASE_URL + ")",
      "  --ok-api-url URL  адрес OK API (по умолчанию " + OkPlatform.DEFAULT_BASE_URL + ")",
      "  --max-api-url URL адрес MAX Bot API (по умолчанию " + MaxPlatform.DEFAULT_BASE_URL + ")");

  final boolean sandbox;
  final HttpUrl vkApiUrl;
  final HttpUrl okApiUrl;
  final HttpUrl maxApiUrl;
  final Credentials credentials;

  PlatformAccess(boolean sandbox, HttpUrl vkApiUrl, HttpUrl okApiUrl, HttpUrl maxApiUrl, Credentials credentials) {
    this.sandbox = sandbox;
    this.vkApiUrl = vkApiUrl;
    this.okApiUrl = okApiUrl;
    this.maxApiUrl = maxApiUrl;
    this.credentials = credentials;
  }

  /** Adds {@code --sandbox}, {@code --vk-api-url}, {@code --ok-api-url} and {@code --max-api-url} to a command's flags. */
  static Arguments.Spec flags(Arguments.Spec spec) {
    return spec.valued("--vk-api-url", "--ok-api-url", "--max-api-url").switches("--sandbox");
  }

  static PlatformAccess of(Arguments a, Map<String, String> env) throws UsageException {
    boolean sandbox = a.has("--sandbox");
    if (sandbox && (a.has("--vk-api-url") || a.has("--ok-api-url") || a.has("--max-api-url"))) {
      throw new UsageException("--sandbox сам задаёт адреса API: уберите --vk-api-url/--ok-api-url/--max-api-url");
    }
    String vk = a.value("--vk-api-url");
    String ok = a.value("--ok-api-url");
    String max = a.value("--max-api-url");
    return new PlatformAccess(sandbox,
        Values.url("--vk-api-url", vk == null ? VkPlatform.DEFAULT_BASE_URL : vk),
        Values.url("--ok-api-url", ok == null ? OkPlatform.DEFAULT_BASE_URL : ok),
        Values.url("--max-api-url", max == null ? MaxPlatform.DEFAULT_BASE_URL : max),
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
          HttpUrl.get(started.maxApiUrl()), Credentials.of(started)), started.data());
    }
  }

  /**
   * The adapters the credentials allow: VK when any VK token is present, OK when all three OK
   * credentials are, MAX when a bot key is, keeping the channels its bots learn in {@code
   * channels} (the store's, {@link StoreOption#channels()}). They run in real time (rate limits,
   * snapshot times), whatever "now" the rules use.
   */
  List<Platform> platforms(MaxChannelDirectory channels) throws UsageException {
    List<Platform> platforms = new ArrayList<>();
    try {
      addPlatforms(platforms, channels);
      return platforms;
    } catch (KeyRefused e) {
      // A key the SDK refuses (a line break, a space inside, a non-ASCII character): say which variable.
      for (Platform platform : platforms) platform.close();
      throw new UsageException("ключ доступа из " + e.variable + " не подходит: " + e.getMessage());
    } catch (IllegalArgumentException | IllegalStateException e) {
      for (Platform platform : platforms) platform.close();
      throw notReady(e);
    }
  }

  /** A platform that cannot be set up for a reason other than its keys (the OkHttp on the class path...). */
  static UsageException notReady(RuntimeException e) {
    return new UsageException("не удалось подготовить подключение к платформам: " + e.getMessage());
  }

  private void addPlatforms(List<Platform> platforms, MaxChannelDirectory channels) {
    List<String> service = credentials.vkServiceTokens;
    List<String> user = credentials.vkUserTokens;
    Map<Long, String> own = credentials.vkCommunityTokens;
    if (!service.isEmpty() || !user.isEmpty() || !own.isEmpty()) {
      VkPlatform.Builder vk = VkPlatform.builder().baseUrl(vkApiUrl.toString()).clock(Clock.systemUTC());
      if (!service.isEmpty()) keys("VK_SERVICE_TOKEN", () -> vk.serviceTokens(service));
      if (!user.isEmpty()) keys("VK_USER_TOKEN", () -> vk.userTokens(user));
      // Communities' own keys post text to their community, and read profiles (20 requests/s).
      keys(CommunityTokensFile.VARIABLE, () -> {
        own.forEach(vk::ownCommunityToken);
        if (service.isEmpty() && user.isEmpty()) vk.communityTokens(List.copyOf(own.values()));
      });
      platforms.add(vk.build());
    }
    String key = credentials.okApplicationKey;
    String secret = credentials.okApplicationSecretKey;
    List<String> tokens = credentials.okAccessTokens;
    if (key != null && secret != null && !tokens.isEmpty()) {
      OkPlatform.Builder ok = OkPlatform.builder().baseUrl(okApiUrl.toString()).clock(Clock.systemUTC());
      keys("OK_APPLICATION_KEY", () -> ok.applicationKey(key));
      keys("OK_APPLICATION_SECRET_KEY", () -> ok.applicationSecretKey(secret));
      keys("OK_ACCESS_TOKEN", () -> ok.accessTokens(tokens));
      if (sandbox) ok.requestsPerSecond(SANDBOX_OK_REQUESTS_PER_SECOND);
      platforms.add(ok.build());
    }
    if (!credentials.maxBotTokens.isEmpty()) {
      MaxPlatform.Builder max = MaxPlatform.builder().baseUrl(maxApiUrl.toString()).channels(channels)
          .clock(Clock.systemUTC());
      keys("MAX_BOT_TOKEN", () -> max.botTokens(credentials.maxBotTokens));
      platforms.add(max.build());
    }
  }

  /** Gives a builder the keys from {@code variable}: what the builder refuses there is that variable's problem. */
  private static void keys(String variable, Runnable setter) {
    try {
      setter.run();
    } catch (IllegalArgumentException e) {
      throw new KeyRefused(variable, String.valueOf(e.getMessage()));
    }
  }

  /** The SDK refused a key from {@code variable}; the message names the key's place, never its value. */
  private static final class KeyRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String variable;

    KeyRefused(String variable, String message) {
      super(message, null, false, false);
      this.variable = variable;
    }
  }

  /**
   * Says once, up front, what the configured keys cannot do for an audit (VK walls with only
   * communities' keys): the rules that need it are not checked on any page, which is not the
   * pages' fault.
   */
  static void sayWhatCannotBeRead(List<Platform> platforms, PrintStream err, String prefix) {
    for (Platform platform : platforms) {
      String why = platform.capabilities().unavailableBecause().get(Operation.READ_POSTS);
      if (why != null) err.println(prefix + why);
    }
  }

  /**
   * When {@code pages} name a MAX channel, reads the MAX bots' pending updates, so that channels a
   * bot was just added to are known to this run (and, kept in the store, to the next ones): MAX
   * tells a bot a channel's id only then. Says on {@code err} which channels were learnt (with
   * their link and their {@code max:<chat id>}, either of which the registry may name) and what
   * could not be read.
   */
  static void learnMaxChannels(List<Platform> platforms, Iterable<PageRef> pages, PrintStream err, String prefix) {
    boolean anyMax = false;
    for (PageRef page : pages) anyMax |= page.platform().equals(PlatformId.MAX);
    if (!anyMax) return;
    for (Platform platform : platforms) {
      if (!(platform instanceof MaxPlatform max)) continue;
      ChannelUpdates updates = max.pollUpdates();
      for (MaxChannel channel : updates.added()) {
        err.println(prefix + "MAX: бот добавлен в канал «" + (channel.title() == null ? "" : channel.title()) + "»"
            + (channel.link() == null ? "" : " (" + channel.link() + ")") + ", в реестре: max:" + channel.chatId());
      }
      for (MaxChannel channel : updates.removed()) {
        err.println(prefix + "MAX: бот удалён из канала max:" + channel.chatId());
      }
      for (String problem : updates.problems()) err.println(prefix + problem);
    }
  }
}
