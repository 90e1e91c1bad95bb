package ru.gospubliki.examples.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.examples.sandbox.internal.MaxBotApi;
import ru.gospubliki.examples.sandbox.internal.OkApi;
import ru.gospubliki.examples.sandbox.internal.SandboxDispatcher;
import ru.gospubliki.examples.sandbox.internal.VkApi;
import ru.gospubliki.model.PlatformId;

/**
 * Fake VK, OK and MAX APIs served in-process on 127.0.0.1, so the SDK can be tried, demonstrated and
 * tested with no credentials and no network. They behave like the real APIs for every method the
 * adapters use (errors, signatures, paging, scheduled posts, photo uploads), and posts made through
 * the sandbox are recorded, so a later audit sees them.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.startWithSampleData()) {
 *   VkPlatform vk = VkPlatform.builder()
 *       .baseUrl(sandbox.vkApiUrl())
 *       .serviceToken(sandbox.vkServiceToken())
 *       .build();
 *   ...
 * }
 * }</pre>
 *
 * The credentials are fixed sandbox values, not secrets: they only work against the sandbox.
 *
 * <p>What is faked, and how it differs from the real services:
 *
 * <ul>
 *   <li>VK ({@code /vk/method/{method}}, v=5.199 only, POST form only): {@code groups.getById} (object
 *       form, ≤ 500 ids or screen names; unknown ids are skipped, error 100 only when none is known;
 *       optional fields only when requested, a community without the mark key never gets one),
 *       {@code wall.get} (pinned first; {@code filter=postponed} needs the user token; a closed
 *       community's wall needs the user token), {@code execute} ({@code var}s and one {@code
 *       return} of API calls, literals, variables, {@code .field}, {@code [i]} and VKScript's
 *       {@code @.field} projection; ≤ 25 calls, one request against the rate limit, {@code false}
 *       + {@code execute_errors} for failed sub-calls, error 13 over the answer size limit),
 *       {@code utils.resolveScreenName}, {@code users.get} (no persons: empty),
 *       {@code wall.post} ({@code guid} dedup for one hour, {@code publish_date} → postponed,
 *       visible once the clock passes it), {@code wall.edit}, {@code wall.delete},
 *       {@code photos.getWallUploadServer}, upload (multipart {@code photo}),
 *       {@code photos.saveWallPhoto}. Each token kind may call what VK's API schema allows: the
 *       service token is refused {@code execute} and writes (error 28), the community token walls
 *       and writes (error 27), except a community's own key ({@link #vkCommunityTokens()}), which
 *       posts text to its community; the VK ID user key ({@link #VK_ID_USER_TOKEN}) is refused every
 *       write (error 1051); an optional daily quota of {@code wall.get} calls per token (error
 *       29). The sandbox user administers every community but those with a key of their own.
 *   <li>OK ({@code /ok/fb.do}): signature verified on every call (104 + {@code invocation-error}),
 *       then application key (101) and token (102); {@code url.getInfo} (unknown → 300),
 *       {@code group.getInfo} (bare array), {@code mediatopic.getTopics} (opaque {@code anchor},
 *       {@code has_more}), {@code mediatopic.post} ({@code GROUP_THEME}; {@code publishAt} Moscow
 *       time or {@code publishAtMs}), {@code photosV2.getUploadUrl}, upload (multipart
 *       {@code pic1..N}).
 *   <li>MAX ({@code /max/}, the Bot API of one bot, key in the {@code Authorization} header):
 *       {@code GET /me}, {@code GET /updates} ({@code bot_added} for each channel the bot
 *       administers, pending from the start), {@code GET /chats/{chatId}} (403 {@code chat.denied}
 *       where the bot is not an administrator), {@code GET /messages} (newest first, {@code
 *       count} ≤ 100, {@code from}/{@code to} in milliseconds), {@code POST}/{@code PUT}/{@code
 *       DELETE /messages}, {@code POST /uploads?type=image} and the upload URL (multipart {@code
 *       data}). With limits enforced: {@link Builder#maxRps} calls a second, two messages a second
 *       per channel (429).
 * </ul>
 */
public final class Sandbox implements AutoCloseable {
  /** The VK service token the sandbox accepts for reading. */
  public static final String VK_SERVICE_TOKEN = "sandbox-vk-service-token";
  /** The VK user token (administrator of every sandbox community) for reading and posting. */
  public static final String VK_USER_TOKEN = "sandbox-vk-user-token";
  /** A VK community token: reads profiles; VK refuses it walls ({@code wall.get}, error 27) and writes. */
  public static final String VK_COMMUNITY_TOKEN = "sandbox-vk-community-token";
  /**
   * A VK user key issued through VK ID ({@code vk2.a.…}) to an app without the {@code wall} scope:
   * reads like the user token, every write answers error 1051, as live VK does.
   */
  public static final String VK_ID_USER_TOKEN = "vk2.a.sandbox-vk-id-user-token";
  public static final String OK_APPLICATION_KEY = "SANDBOXAPPKEY";
  public static final String OK_APPLICATION_SECRET_KEY = "sandbox-ok-application-secret-key";
  public static final String OK_ACCESS_TOKEN = "sandbox-ok-access-token";
  /** The MAX bot key: the sandbox bot administers every sample channel but one. */
  public static final String MAX_BOT_TOKEN = "sandbox-max-bot-token";

  private final MockWebServer server;
  private final int vkTokensPerKind;
  private final VkApi vk;
  private final OkApi ok;
  private final MaxBotApi max;
  private final SandboxDispatcher dispatcher;
  private final SandboxData data;

  private Sandbox(MockWebServer server, VkApi vk, OkApi ok, MaxBotApi max, SandboxDispatcher dispatcher,
      SandboxData data, int vkTokensPerKind) {
    this.server = server;
    this.vkTokensPerKind = vkTokensPerKind;
    this.vk = vk;
    this.ok = ok;
    this.max = max;
    this.dispatcher = dispatcher;
    this.data = data;
  }

  /** Starts the sandbox with the bundled sample district on a free port, rate limits off. */
  public static Sandbox startWithSampleData() {
    return builder().build();
  }

  /** Starts the sandbox with {@code data} on a free port, rate limits off. */
  public static Sandbox start(SandboxData data) {
    return builder().data(data).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The VK base URL, e.g. {@code http://127.0.0.1:8080/vk/method/}: the method name is appended. */
  public String vkApiUrl() {
    return base(server) + "vk/method/";
  }

  /** The OK endpoint, e.g. {@code http://127.0.0.1:8080/ok/fb.do}. */
  public String okApiUrl() {
    return base(server) + "ok/fb.do";
  }

  /** The MAX Bot API base URL, e.g. {@code http://127.0.0.1:8080/max/}. */
  public String maxApiUrl() {
    return base(server) + "max/";
  }

  /** The port the sandbox listens on, on 127.0.0.1 (a free one unless the builder set it). */
  public int port() {
    return server.getPort();
  }

  /** {@link #VK_SERVICE_TOKEN}: give it to {@code VkPlatform.Builder.serviceToken} to read. */
  public String vkServiceToken() {
    return VK_SERVICE_TOKEN;
  }

  /** {@link #VK_USER_TOKEN}: administers every sample community; reads and posts. */
  public String vkUserToken() {
    return VK_USER_TOKEN;
  }

  /** {@link #VK_COMMUNITY_TOKEN}: reads profiles only, as a community key from the shared pool does. */
  public String vkCommunityToken() {
    return VK_COMMUNITY_TOKEN;
  }

  /** {@link #VK_ID_USER_TOKEN}: a VK ID key without the {@code wall} scope; every write answers error 1051. */
  public String vkIdUserToken() {
    return VK_ID_USER_TOKEN;
  }

  /**
   * The communities of the data that have a key of their own ({@code vk1.a.…}) and no administrator
   * behind the sandbox user token: community id → key. Their key posts text there and is refused
   * wall photos (error 27). In the sample district: the museum ({@code zarechny_museum}).
   */
  public Map<Long, String> vkCommunityTokens() {
    return vk.ownKeys();
  }

  /** The VK service tokens the sandbox accepts: {@link #VK_SERVICE_TOKEN} first (see {@link Builder#vkTokensPerKind}). */
  public List<String> vkServiceTokens() {
    return pool(VK_SERVICE_TOKEN, vkTokensPerKind);
  }

  /** The VK user tokens the sandbox accepts: {@link #VK_USER_TOKEN} first. */
  public List<String> vkUserTokens() {
    return pool(VK_USER_TOKEN, vkTokensPerKind);
  }

  static List<String> pool(String first, int size) {
    List<String> tokens = new ArrayList<>();
    tokens.add(first);
    for (int i = 2; i <= size; i++) tokens.add(first + "-" + i);
    return List.copyOf(tokens);
  }

  /** {@link #OK_APPLICATION_KEY}, the OK application's public key. */
  public String okApplicationKey() {
    return OK_APPLICATION_KEY;
  }

  /** {@link #OK_APPLICATION_SECRET_KEY}, with which the sandbox checks OK request signatures. */
  public String okApplicationSecretKey() {
    return OK_APPLICATION_SECRET_KEY;
  }

  /** {@link #OK_ACCESS_TOKEN}: reads and posts in every sample OK group. */
  public String okAccessToken() {
    return OK_ACCESS_TOKEN;
  }

  /** {@link #MAX_BOT_TOKEN}: the bot administers every sample channel but one. */
  public String maxBotToken() {
    return MAX_BOT_TOKEN;
  }

  /** The data being served; its {@link SandboxData#registryCsv()} lists the institutions. */
  public SandboxData data() {
    return data;
  }

  /** How many posts the VK community {@code groupId} has now, including ones posted to the sandbox. */
  public int vkPostCount(long groupId) {
    return vk.postsOn(groupId);
  }

  /** How many topics the OK group {@code groupId} has now, including ones posted to the sandbox. */
  public int okTopicCount(long groupId) {
    return ok.topicsOn(Long.toString(groupId));
  }

  /** How many messages the MAX channel {@code chatId} has now, including ones posted to the sandbox. */
  public int maxMessageCount(long chatId) {
    return max.messagesOn(chatId);
  }

  /**
   * How many HTTP requests the fake VK has received since the start: API calls (an {@code execute}
   * counts once, as VK counts it against the limit), refused ones included, and photo uploads.
   */
  public int vkRequests() {
    return dispatcher.vkRequests();
  }

  /** How many HTTP requests the fake OK has received: API calls, refused ones included, and uploads. */
  public int okRequests() {
    return dispatcher.okRequests();
  }

  /** How many HTTP requests the fake MAX has received: API calls, refused ones included, and uploads. */
  public int maxRequests() {
    return dispatcher.maxRequests();
  }

  /** MAX calls refused with 429 (over the calls per second, or over two messages a second to a channel). */
  public int maxRateLimited() {
    return max.rateLimited();
  }

  /** VK calls refused with error 6 (too many requests per second); 0 unless limits are enforced. */
  public int vkRateLimited() {
    return vk.rateLimited();
  }

  /** OK calls refused with error 8 (flood blocked); 0 unless limits are enforced. */
  public int okRateLimited() {
    return ok.rateLimited();
  }

  /**
   * Loses the answer to the next publication to {@code platform} (OK's {@code mediatopic.post},
   * MAX's {@code POST /messages}): the post is made, then the connection is cut before any answer,
   * and every later call to that platform is cut as well until {@link #reconnect()}, so the client
   * can neither read the answer nor look whether its post went out. For tests of what a client does
   * with an outcome it cannot know.
   *
   * @throws IllegalArgumentException for a platform other than OK and MAX.
   */
  public void loseNextPost(PlatformId platform) {
    if (platform.equals(PlatformId.OK)) {
      dispatcher.loseNextPost(SandboxDispatcher.OK);
    } else if (platform.equals(PlatformId.MAX)) {
      dispatcher.loseNextPost(SandboxDispatcher.MAX);
    } else {
      throw new IllegalArgumentException("loseNextPost: OK and MAX only, not " + platform);
    }
  }

  /** Ends what {@link #loseNextPost} began: every platform answers again. */
  public void reconnect() {
    dispatcher.reconnect();
  }

  /** The server's root on the numeric loopback address (the tool prints 127.0.0.1, not localhost). */
  private static String base(MockWebServer server) {
    return "http://127.0.0.1:" + server.getPort() + "/";
  }

  /** Stops serving; idempotent. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (RuntimeException e) {
      // Closing an already closed server: nothing to do.
    }
  }

  @Override
  public String toString() {
    return "Sandbox{vk=" + vkApiUrl() + ", ok=" + okApiUrl() + ", max=" + maxApiUrl() + "}";
  }

  /** Configures a sandbox: data, port, clock and rate limits. */
  public static final class Builder {
    private @Nullable SandboxData data;
    private int port;
    private Clock clock = Clock.systemUTC();
    private boolean enforceRateLimits;
    private int vkServiceRps = 20;
    private int vkUserRps = 3;
    private int vkCommunityRps = 20;
    private int vkDailyWallGets;
    private long vkMaxExecuteBytes = 5L * 1024 * 1024;
    private Duration latency = Duration.ZERO;
    private int vkTokensPerKind = 1;
    private int okRps = 3;
    private int maxRps = 30;
    private Consumer<String> onCall = call -> {};

    private Builder() {}

    public Builder data(SandboxData data) {
      this.data = data;
      return this;
    }

    /** The port on 127.0.0.1; 0 (default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535: " + port);
      this.port = port;
      return this;
    }

    /** "Now" for relative post dates, scheduling, guid expiry and rate limits. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Enforces per-token limits: VK's (user token {@link #vkUserRps}, service token {@link
     * #vkServiceRps}) with error 6, as the real API does, OK's ({@link #okRps}) with error 8
     * (flood blocked), and MAX's ({@link #maxRps}, two messages a second per channel) with 429. A
     * limit counts requests in any sliding 1 s window. Off by default.
     */
    public Builder enforceRateLimits(boolean enforce) {
      this.enforceRateLimits = enforce;
      return this;
    }

    /** The VK service token's limit in requests per second (real apps: 3-60); default 20. */
    public Builder vkServiceRps(int rps) {
      if (rps < 1) throw new IllegalArgumentException("vkServiceRps must be positive: " + rps);
      this.vkServiceRps = rps;
      return this;
    }

    /** The VK user token's limit in requests per second; default 3 as VK documents. */
    public Builder vkUserRps(int rps) {
      if (rps < 1) throw new IllegalArgumentException("vkUserRps must be positive: " + rps);
      this.vkUserRps = rps;
      return this;
    }

    /** The VK community token's limit in requests per second; default 20 as VK documents. */
    public Builder vkCommunityRps(int rps) {
      if (rps < 1) throw new IllegalArgumentException("vkCommunityRps must be positive: " + rps);
      this.vkCommunityRps = rps;
      return this;
    }

    /**
     * How many {@code wall.get} calls (inside {@code execute} too) each VK token may make a day
     * before VK's error 29; 0 (default) for no limit (VK: 5,000).
     */
    public Builder vkDailyWallGets(int calls) {
      if (calls < 0) throw new IllegalArgumentException("vkDailyWallGets must be >= 0: " + calls);
      this.vkDailyWallGets = calls;
      return this;
    }

    /** The largest {@code execute} answer before VK's error 13; 5 MB by default, as VK. */
    public Builder vkMaxExecuteBytes(long bytes) {
      if (bytes < 1) throw new IllegalArgumentException("vkMaxExecuteBytes must be positive: " + bytes);
      this.vkMaxExecuteBytes = bytes;
      return this;
    }

    /**
     * How many VK tokens of each kind the sandbox accepts (a pool: {@code sandbox-vk-user-token},
     * {@code sandbox-vk-user-token-2}, ...), each with its own limits; 1 by default.
     */
    public Builder vkTokensPerKind(int tokens) {
      if (tokens < 1) throw new IllegalArgumentException("vkTokensPerKind must be positive: " + tokens);
      this.vkTokensPerKind = tokens;
      return this;
    }

    /**
     * Network latency added to every request, half before the request arrives and half before
     * the answer leaves, as a distant server would have it; none by default.
     */
    public Builder latency(Duration latency) {
      if (latency.isNegative()) throw new IllegalArgumentException("latency must be >= 0: " + latency);
      this.latency = latency;
      return this;
    }

    /**
     * The OK token's limit in requests per second; default 3. OK publishes no per-second limit: 3
     * is the SDK's assumed safe rate.
     */
    public Builder okRps(int rps) {
      if (rps < 1) throw new IllegalArgumentException("okRps must be positive: " + rps);
      this.okRps = rps;
      return this;
    }

    /**
     * The MAX bot key's limit in calls per second; default 30, the rate MAX's documentation asks
     * for. Messages to one channel are limited to two a second besides.
     */
    public Builder maxRps(int rps) {
      if (rps < 1) throw new IllegalArgumentException("maxRps must be positive: " + rps);
      this.maxRps = rps;
      return this;
    }

    /**
     * Tells {@code listener} of each API call before it is answered, as {@code vk wall.get}, {@code
     * ok mediatopic.getTopics} or {@code max GET /messages}, on the sandbox's server thread: the
     * call waits while the listener runs. For tests that make something happen in the middle of a
     * run, such as stopping the store's database while an audit reads its pages.
     */
    public Builder onCall(Consumer<String> listener) {
      this.onCall = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Starts serving; throws {@link UncheckedIOException} when the port cannot be bound. */
    public Sandbox build() {
      SandboxData data = this.data != null ? this.data : SandboxData.sample();
      VkApi vk = new VkApi(data.dataSet, clock, new VkApi.Settings(pool(VK_SERVICE_TOKEN, vkTokensPerKind),
          pool(VK_USER_TOKEN, vkTokensPerKind), pool(VK_COMMUNITY_TOKEN, vkTokensPerKind), List.of(VK_ID_USER_TOKEN),
          enforceRateLimits,
          vkServiceRps, vkUserRps, vkCommunityRps, vkDailyWallGets, vkMaxExecuteBytes));
      OkApi ok = new OkApi(data.dataSet, clock, OK_APPLICATION_KEY, OK_APPLICATION_SECRET_KEY, OK_ACCESS_TOKEN,
          enforceRateLimits, okRps);
      MaxBotApi max = new MaxBotApi(data.dataSet, clock, MAX_BOT_TOKEN, enforceRateLimits, maxRps, 2);
      SandboxDispatcher dispatcher = new SandboxDispatcher(vk, ok, max, onCall, latency);
      MockWebServer server = new MockWebServer();
      server.setDispatcher(dispatcher);
      try {
        server.start(InetAddress.getByName("127.0.0.1"), port);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the sandbox on 127.0.0.1:" + port, e);
      }
      HttpUrl base = HttpUrl.get(base(server));
      vk.baseUrl(base);
      ok.baseUrl(base);
      max.baseUrl(base);
      return new Sandbox(server, vk, ok, max, dispatcher, data, vkTokensPerKind);
    }
  }
}
