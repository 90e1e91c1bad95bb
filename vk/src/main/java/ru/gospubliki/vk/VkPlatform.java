package ru.gospubliki.vk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.http.OkHttpVersion;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.platform.PostQuery;
import ru.gospubliki.platform.Operation;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.platform.PublishResult;
import ru.gospubliki.vk.internal.Publisher;
import ru.gospubliki.vk.internal.RateLimiter;
import ru.gospubliki.vk.internal.Reader;
import ru.gospubliki.vk.internal.RetryPolicy;
import ru.gospubliki.vk.internal.Secrets;
import ru.gospubliki.vk.internal.Sleeper;
import ru.gospubliki.vk.internal.Ticker;
import ru.gospubliki.vk.internal.Token;
import ru.gospubliki.vk.internal.TokenKind;
import ru.gospubliki.vk.internal.VkClient;

/**
 * VK (ВКонтакте) as a {@link Platform}: audits communities in bulk and publishes to them.
 *
 * <p>Each token is used only where VK accepts it: a service key (or, failing that, a user key)
 * reads walls; any key reads profiles; only a user key of an administrator or editor posts and
 * uploads photos. Each token has its own client-side rate limiter shared by all threads (user 3
 * requests/s, community 20, service configurable, default 3), so VK's error 6 practically never
 * happens. Tokens never appear in URLs, logs, messages or {@code toString()}.
 *
 * <pre>{@code
 * VkPlatform vk = VkPlatform.builder()
 *     .serviceToken(System.getenv("VK_SERVICE_TOKEN"))
 *     .userToken(System.getenv("VK_USER_TOKEN"))
 *     .build();
 * Map<PageRef, FetchResult<ProfileSnapshot>> profiles =
 *     vk.fetchProfiles(List.of(PageRef.parse("https://vk.com/club123")));
 * PublishResult result = vk.publish(PageRef.parse("vk:123"),
 *     PostDraft.builder().text("Открыта запись в первый класс").addHashtags("школа9").build());
 * }</pre>
 */
public final class VkPlatform implements Platform {
  /** The default API endpoint; newer documentation also names {@code https://api.vk.ru/method/}. */
  public static final String DEFAULT_BASE_URL = "https://api.vk.com/method/";

  private final Capabilities capabilities;
  private final VkClient client;
  private final Reader reader;
  private final Publisher publisher;

  private VkPlatform(Builder builder) {
    Ticker ticker = builder.ticker;
    Sleeper sleeper = builder.sleeper;
    Token service = token(TokenKind.SERVICE, builder.serviceToken, builder.serviceRps, ticker, sleeper);
    Token community = token(TokenKind.COMMUNITY, builder.communityToken, builder.communityRps, ticker, sleeper);
    Token user = token(TokenKind.USER, builder.userToken, builder.userRps, ticker, sleeper);
    List<Token> tokens = new ArrayList<>();
    for (Token token : new Token[] {service, community, user}) if (token != null) tokens.add(token);
    if (tokens.isEmpty()) throw new IllegalStateException("VkPlatform needs at least one token");

    OkHttpClient http = builder.client != null ? builder.client : new OkHttpClient();
    Duration timeout = builder.timeout;
    if (timeout != null) {
      http = http.newBuilder().callTimeout(timeout).readTimeout(timeout).writeTimeout(timeout).build();
    }
    RetryPolicy retry = builder.retryPolicy != null ? builder.retryPolicy
        : new RetryPolicy(builder.maxAttempts, 500_000_000L, new Random());
    this.client = new VkClient(http, builder.baseUrl, retry, sleeper, new Secrets(tokens));

    Set<Operation> operations = EnumSet.of(Operation.READ_PROFILES);
    Token wallToken = service != null ? service : user;
    if (wallToken != null) operations.add(Operation.READ_POSTS);
    if (user != null) {
      operations.addAll(EnumSet.of(Operation.PUBLISH, Operation.SCHEDULE, Operation.UPLOAD_PHOTOS,
          Operation.EDIT, Operation.DELETE));
    }
    this.capabilities = Capabilities.builder()
        .platform(PlatformId.VK)
        .operations(operations)
        .maxTextLength(builder.maxTextLength)
        .maxMedia(10)
        .maxLinks(1)
        .maxPhotoBytes(50L * 1024 * 1024)
        .photoMediaTypes(Set.of("image/jpeg", "image/png", "image/gif"))
        .maxPhotoDimensionSum(14_000)
        .maxPhotoAspectRatio(20.0)
        .build();
    Token profileToken = service != null ? service : community != null ? community : user;
    this.reader = new Reader(client, profileToken, wallToken, builder.clock);
    this.publisher = new Publisher(client, user, capabilities, builder.clock, reader);
  }

  private static @Nullable Token token(TokenKind kind, @Nullable String secret, double rps, Ticker ticker,
      Sleeper sleeper) {
    return secret == null ? null : new Token(kind, secret, new RateLimiter(rps, ticker, sleeper));
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public PlatformId id() {
    return PlatformId.VK;
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  /** Resolves screen names with {@code groups.getById}, 500 per request. */
  @Override
  public Map<PageRef, FetchResult<PageRef>> resolve(Collection<PageRef> pages) {
    return reader.resolve(pages);
  }

  /** Reads profiles with {@code groups.getById}, 500 communities per request. */
  @Override
  public Map<PageRef, FetchResult<ProfileSnapshot>> fetchProfiles(Collection<PageRef> pages) {
    return reader.fetchProfiles(pages);
  }

  /**
   * Reads walls ({@code filter=all}, so posts made from personal profiles are seen) through {@code
   * execute}, 25 communities per request, paging by 100 until {@code since} is covered; pinned
   * posts are included whatever their date.
   */
  @Override
  public Map<PageRef, FetchResult<PostHistory>> fetchPosts(Collection<PageRef> pages, PostQuery query) {
    Map<PageRef, FetchResult<PostHistory>> result = new java.util.LinkedHashMap<>();
    reader.fetchPosts(pages, query.since()).forEach((page, read) -> result.put(page, read.map(PostHistory::of)));
    return result;
  }

  /**
   * Publishes with {@code wall.post} as the community, uploading photos first (a failed upload
   * means no post). Publishing the same draft again never creates a second post.
   *
   * @throws VkCaptchaException when VK asks for a captcha: see {@link #answerCaptcha}.
   */
  @Override
  public PublishResult publish(PageRef page, PostDraft draft) {
    return publisher.publish(page, draft);
  }

  /** @throws VkCaptchaException when VK asks for a captcha: see {@link #answerCaptcha}. */
  @Override
  public PublishResult edit(PageRef page, String postId, PostDraft draft) {
    return publisher.edit(page, postId, draft);
  }

  @Override
  public void delete(PageRef page, String postId) {
    publisher.delete(page, postId);
  }

  /**
   * Sends a person's answer to the captcha of a {@link VkCaptchaException} with the next request;
   * then repeat the call that failed.
   */
  public void answerCaptcha(String captchaSid, String captchaKey) {
    client.answerCaptcha(captchaSid, captchaKey);
  }

  @Override
  public String toString() {
    return "VkPlatform{" + capabilities.operations() + "}";
  }

  /** Configures a {@link VkPlatform}; at least one token is required. */
  public static final class Builder {
    private @Nullable String serviceToken;
    private @Nullable String communityToken;
    private @Nullable String userToken;
    private HttpUrl baseUrl = HttpUrl.get(DEFAULT_BASE_URL);
    private @Nullable OkHttpClient client;
    private double serviceRps = 3;
    private double communityRps = 20;
    private double userRps = 3;
    private Clock clock = Clock.systemUTC();
    private @Nullable Duration timeout;
    private int maxTextLength = 16_384;
    private int maxAttempts = 3;
    private Ticker ticker = Ticker.SYSTEM;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private @Nullable RetryPolicy retryPolicy;

    Builder() {}

    /** An application's service key: reads open communities' profiles and walls. */
    public Builder serviceToken(String token) {
      this.serviceToken = secret("serviceToken", token);
      return this;
    }

    /** A community key: reads profiles at 20 requests/s; cannot read walls or post. */
    public Builder communityToken(String token) {
      this.communityToken = secret("communityToken", token);
      return this;
    }

    /** A user key of a community administrator or editor with the wall and photos rights: posts. */
    public Builder userToken(String token) {
      this.userToken = secret("userToken", token);
      return this;
    }

    /** The API endpoint, {@value #DEFAULT_BASE_URL} by default. */
    public Builder baseUrl(String baseUrl) {
      String value = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
      HttpUrl url = HttpUrl.parse(value);
      if (url == null) throw new IllegalArgumentException("baseUrl is not an http(s) URL: " + baseUrl);
      this.baseUrl = url;
      return this;
    }

    /** The HTTP client to share (pool, proxy, interceptors); a new one by default. */
    public Builder client(OkHttpClient client) {
      this.client = client;
      return this;
    }

    /** The service key's rate limit, by the application's audience tier; 3 by default. */
    public Builder serviceRequestsPerSecond(double requestsPerSecond) {
      this.serviceRps = rate("serviceRequestsPerSecond", requestsPerSecond);
      return this;
    }

    /** The community key's rate limit; 20 by default. */
    public Builder communityRequestsPerSecond(double requestsPerSecond) {
      this.communityRps = rate("communityRequestsPerSecond", requestsPerSecond);
      return this;
    }

    /** The user key's rate limit; 3 by default. */
    public Builder userRequestsPerSecond(double requestsPerSecond) {
      this.userRps = rate("userRequestsPerSecond", requestsPerSecond);
      return this;
    }

    /** The clock for snapshot times and schedule checks. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Limit on each HTTP call (connect, write, read and the whole call); OkHttp's defaults otherwise. */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be > 0: " + timeout);
      this.timeout = timeout;
      return this;
    }

    /** Longest post text; 16,384 characters by default. */
    public Builder maxTextLength(int maxTextLength) {
      if (maxTextLength < 1) throw new IllegalArgumentException("maxTextLength must be > 0: " + maxTextLength);
      this.maxTextLength = maxTextLength;
      return this;
    }

    /** Attempts for retryable errors (1, 6, 10) and read network failures; 3 by default. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
      this.maxAttempts = maxAttempts;
      return this;
    }

    Builder ticker(Ticker ticker) {
      this.ticker = ticker;
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    public VkPlatform build() {
      OkHttpVersion.requireCompatible();
      return new VkPlatform(this);
    }

    private static String secret(String name, String token) {
      if (token == null || token.isBlank()) throw new IllegalArgumentException(name + " is blank");
      return token.trim();
    }

    private static double rate(String name, double value) {
      if (!(value > 0) || Double.isInfinite(value)) throw new IllegalArgumentException(name + " must be > 0: " + value);
      return value;
    }

    @Override
    public String toString() {
      return "VkPlatform.Builder{" + baseUrl + "}";
    }
  }
}
