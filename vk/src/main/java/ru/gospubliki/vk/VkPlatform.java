package ru.gospubliki.vk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.http.ApiToken;
import ru.gospubliki.internal.http.Backoff;
import ru.gospubliki.internal.http.HttpTransport;
import ru.gospubliki.internal.http.OkHttpVersion;
import ru.gospubliki.internal.http.Secrets;
import ru.gospubliki.internal.http.Sleeper;
import ru.gospubliki.internal.http.Ticker;
import ru.gospubliki.internal.http.TokenBudgets;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.Operation;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.platform.PlatformException;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.platform.PostLookup;
import ru.gospubliki.platform.PostQuery;
import ru.gospubliki.platform.SendRequest;
import ru.gospubliki.platform.SendResult;
import ru.gospubliki.vk.internal.PostingCredentials;
import ru.gospubliki.vk.internal.Publisher;
import ru.gospubliki.vk.internal.Reader;
import ru.gospubliki.vk.internal.TokenKind;
import ru.gospubliki.vk.internal.VkClient;
import ru.gospubliki.vk.internal.VkToken;

/**
 * VK (ВКонтакте) as a {@link Platform}: audits communities in bulk and publishes to them.
 *
 * <p>Each token is used only where VK accepts it (VK's API schema lists the token kinds each method
 * takes):
 *
 * <ul>
 *   <li>a <b>user</b> token reads walls fastest, 25 communities per {@code execute}, and posts and
 *       uploads photos to the communities its user administers or edits;
 *   <li>a <b>service</b> token (the application's service key) reads profiles, and walls one
 *       community per {@code wall.get};
 *   <li>a <b>community</b> token reads profiles only (20 requests/s); it cannot read walls;
 *   <li>a community's <b>own</b> key ({@link Builder#ownCommunityToken(long, String)}, {@link
 *       VkCommunityTokens}) posts text to that community where no user key may post: live VK takes it
 *       for {@code wall.post} but refuses it wall photo uploads. {@link #capabilities(PageRef)} says
 *       per page which key would post and what it allows.
 * </ul>
 *
 * Several tokens of a kind make a pool: each has its own rate limiter, shared by every platform
 * instance and thread of the process that uses the same token, and reads are spread over the pool.
 * A token that meets VK's daily quota (error 29) is set aside until midnight in Moscow and the
 * others carry on. Tokens never appear in URLs, logs, messages or {@code toString()}.
 *
 * <p>Every call has a total deadline ({@link Builder#callTimeout}, 60 s by default) and every
 * answer a size limit ({@link Builder#maxBodyBytes}, 10 MB after decompression); redirects are
 * never followed.
 *
 * <pre>{@code
 * try (VkPlatform vk = VkPlatform.builder()
 *     .serviceTokens(List.of(System.getenv("VK_SERVICE_TOKEN").split(",")))
 *     .userToken(System.getenv("VK_USER_TOKEN"))
 *     .build()) {
 *   Map<PageRef, FetchResult<ProfileSnapshot>> profiles =
 *       vk.fetchProfiles(List.of(PageRef.parse("https://vk.com/club123")));
 * }
 * }</pre>
 */
public final class VkPlatform implements Platform {
  /** The default API endpoint; newer documentation also names {@code https://api.vk.ru/method/}. */
  public static final String DEFAULT_BASE_URL = "https://api.vk.com/method/";

  static final String NO_WALL_READER = "для чтения стен VK нужен ключ пользователя (execute, 25 стен за запрос) "
      + "или сервисный ключ приложения (wall.get, одна стена за запрос); ключ сообщества стены читать не может, "
      + "поэтому правила о публикациях не проверены";

  private final Capabilities capabilities;
  private final HttpTransport http;
  private final ExecutorService workers;
  private final Reader reader;
  private final Publisher publisher;
  private final PostingCredentials credentials;
  private final List<VkToken> tokens;

  /**
   * Takes {@code http} and {@code workers}, which {@link Builder#build()} creates and closes again
   * when this throws.
   */
  private VkPlatform(Builder builder, HttpTransport http, ExecutorService workers) {
    TokenBudgets budgets = builder.ticker != null || builder.sleeper != null
        ? new TokenBudgets(builder.ticker != null ? builder.ticker : Ticker.SYSTEM,
            builder.sleeper != null ? builder.sleeper : Sleeper.SYSTEM)
        : TokenBudgets.process();
    List<VkToken> pool = new ArrayList<>();
    add(pool, TokenKind.USER, "userTokens", builder.userTokens, builder.userRps, budgets);
    add(pool, TokenKind.SERVICE, "serviceTokens", builder.serviceTokens, builder.serviceRps, budgets);
    add(pool, TokenKind.COMMUNITY, "communityTokens", builder.communityTokens, builder.communityRps, budgets);
    if (pool.isEmpty()) throw new IllegalStateException("VkPlatform needs at least one token");
    this.tokens = List.copyOf(pool);

    this.http = http;
    this.workers = workers;
    Sleeper sleeper = builder.sleeper != null ? builder.sleeper : Sleeper.SYSTEM;
    Backoff backoff = builder.backoff != null ? builder.backoff
        : new Backoff(builder.maxAttempts, Duration.ofMillis(500), Duration.ofSeconds(8), new Random());
    List<String> secrets = new ArrayList<>();
    for (VkToken token : tokens) secrets.add(token.api().secret());
    VkClient client = new VkClient(http, builder.baseUrl, backoff, sleeper, Secrets.of(secrets));

    boolean user = has(TokenKind.USER);
    boolean service = has(TokenKind.SERVICE);
    Set<Operation> reads = EnumSet.of(Operation.READ_PROFILES);
    Map<Operation, String> unreadable = new EnumMap<>(Operation.class);
    if (user || service) reads.add(Operation.READ_POSTS);
    else unreadable.put(Operation.READ_POSTS, NO_WALL_READER);
    Set<Operation> writes = EnumSet.of(Operation.PUBLISH, Operation.SCHEDULE, Operation.UPLOAD_PHOTOS,
        Operation.EDIT, Operation.DELETE);

    // What each posting credential allows: a user key everything; a community's own key text
    // (scheduled too: the same wall.post), never photos, edits or deletions; no key only reading.
    Set<Operation> all = EnumSet.copyOf(reads);
    all.addAll(writes);
    Capabilities userCapabilities = limits(builder).operations(all).unavailableBecause(unreadable)
        .credential(TokenKind.USER.russianName()).build();
    Set<Operation> text = EnumSet.copyOf(reads);
    text.add(Operation.PUBLISH);
    text.add(Operation.SCHEDULE);
    Map<Operation, String> textOnly = new EnumMap<>(unreadable);
    textOnly.put(Operation.UPLOAD_PHOTOS, PostingCredentials.COMMUNITY_NO_PHOTOS);
    textOnly.put(Operation.EDIT, PostingCredentials.COMMUNITY_NO_EDIT);
    textOnly.put(Operation.DELETE, PostingCredentials.COMMUNITY_NO_EDIT);
    Capabilities communityCapabilities = limits(builder).operations(text).unavailableBecause(textOnly)
        .credential(TokenKind.COMMUNITY.russianName()).build();
    Map<Operation, String> nothing = new EnumMap<>(unreadable);
    writes.forEach(operation -> nothing.put(operation, Publisher.NO_USER_TOKEN));
    Capabilities readOnly = limits(builder).operations(reads).unavailableBecause(nothing)
        .credential(service ? TokenKind.SERVICE.russianName() : TokenKind.COMMUNITY.russianName()).build();
    VkCommunityTokens own = builder.communityKeys();
    this.capabilities = user ? userCapabilities : own != null ? communityCapabilities : readOnly;
    this.reader = new Reader(client, tokens, builder.clock, workers, user || service ? null : NO_WALL_READER);
    this.credentials = new PostingCredentials(client, tokens, own, budgets, builder.communityRps, userCapabilities,
        communityCapabilities, readOnly, builder.clock);
    this.publisher = new Publisher(client, tokens, credentials, capabilities, builder.clock, reader);
  }

  /** The platform's limits on posts, whatever the credential. */
  private static Capabilities.Builder limits(Builder builder) {
    Capabilities.Builder limits = Capabilities.builder();
    limits.platform(PlatformId.VK)
        .dedupWindow(Duration.ofHours(1))
        .maxTextLength(builder.maxTextLength)
        .maxMedia(10)
        .maxLinks(1)
        .maxPhotoBytes(50L * 1024 * 1024)
        .photoMediaTypes(Set.of("image/jpeg", "image/png", "image/gif"))
        .maxPhotoDimensionSum(14_000)
        .maxPhotoAspectRatio(20.0);
    return limits;
  }

  private static void add(List<VkToken> pool, TokenKind kind, String role, List<String> secrets, double rps,
      TokenBudgets budgets) {
    for (int i = 0; i < secrets.size(); i++) {
      pool.add(new VkToken(kind, ApiToken.of(budgets, "VK", role + "[" + i + "]", secrets.get(i), rps)));
    }
  }

  private boolean has(TokenKind kind) {
    return tokens.stream().anyMatch(token -> token.kind() == kind);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public PlatformId id() {
    return PlatformId.VK;
  }

  /**
   * What the keys allow on some page: a user key's everything; with community keys only, text (see
   * {@link #capabilities(PageRef)}); else reading only, saying why. Once VK has refused every user
   * key to post (error 1051, 27 or 28), what remains: communities' own keys' text, or reading only
   * with VK's refusal as the reason.
   */
  @Override
  public Capabilities capabilities() {
    return credentials.platformWide(capabilities);
  }

  /**
   * What the key that would post to {@code page} allows there, and which kind it is ({@link
   * Capabilities#credential()}): a user key that may post there (when the community also has a
   * key of its own, one whose user administers or edits it, asked with {@code groups.getById}),
   * else the community's own key (text and scheduling; no photos, edits or deletions, each with
   * the reason and the way out in {@link Capabilities#unavailableBecause()}), else reading only.
   * A user key VK refused to post with (error 1051, 27 or 28) is not chosen again. Sends nothing
   * but that question, and resolves a screen name only when the choice depends on the community.
   *
   * <pre>{@code
   * Capabilities can = vk.capabilities(PageRef.parse("https://vk.com/club123"));
   * if (!can.allows(Operation.UPLOAD_PHOTOS)) System.out.println(can.unavailableBecause().get(Operation.UPLOAD_PHOTOS));
   * }</pre>
   */
  @Override
  public Capabilities capabilities(PageRef page) {
    if (!page.platform().equals(PlatformId.VK)) return capabilities();
    return publisher.capabilities(page, capabilities);
  }

  /**
   * Resolves screen names with {@code groups.getById}, 500 per request; a person's page is a
   * {@code NOT_FOUND} failure (it is no community).
   */
  @Override
  public Map<PageRef, FetchResult<PageRef>> resolve(Collection<PageRef> pages) {
    return reader.resolve(pages);
  }

  /**
   * Reads profiles with {@code groups.getById}, 500 communities per request. Each snapshot's page is
   * the numeric id. A person's page ({@code vk.com/id123}, or a screen name VK resolves to a person)
   * is read with {@code users.get}: a snapshot with {@code isCommunity() == false}. One malformed
   * community in an answer fails only its own page.
   */
  @Override
  public Map<PageRef, FetchResult<ProfileSnapshot>> fetchProfiles(Collection<PageRef> pages) {
    return reader.fetchProfiles(pages);
  }

  /**
   * Reads walls ({@code filter=all}, so posts made from personal profiles are seen): through {@code
   * execute}, 25 communities per request, with a user token; else one {@code wall.get} per
   * community with a service token. Pages back by 100 until {@code query.since()} is covered and
   * {@code query.minOwnPosts()} own posts are seen, or the wall ends ({@link
   * PostHistory#reachedStart()}); pinned posts are included whatever their date. Without a token
   * that can read walls every page is an {@code ACCESS_DENIED} failure saying so, and nothing is
   * sent; pages no token could read for its daily quota are {@code QUOTA} failures.
   */
  @Override
  public Map<PageRef, FetchResult<PostHistory>> fetchPosts(Collection<PageRef> pages, PostQuery query) {
    return reader.fetchPosts(pages, query);
  }

  /**
   * One attempt to post {@code request.draft()} as the community, photos uploaded first (a failed
   * upload means no post); the same draft always carries the same {@code guid}, so VK keeps one
   * post for repeats within its hour. A captcha is {@code Refused(CAPTCHA, message, captcha)}; its
   * answer goes in {@link SendRequest#captchaAnswer()} of the repeat, with that request only.
   *
   * <p>When VK refuses the user key the post (error 1051, 7 or 15: nothing was posted) and the
   * community has a key of its own, a draft without photos goes with that key in the same send. A
   * draft with photos does not (that key cannot upload them): it is refused, and the next send of
   * it is planned with the community's key, which {@link #capabilities(PageRef)} then names.
   */
  @Override
  public SendResult send(SendRequest request) {
    return publisher.send(request);
  }

  /** Looks among the community's own (or, for a scheduled draft, postponed) posts for the draft's text. */
  @Override
  public PostLookup findExisting(PageRef page, PostDraft draft, Instant sentAfter) {
    return publisher.findExisting(page, draft, sentAfter);
  }

  /**
   * Replaces the text, attachments and, for a postponed post, publication time of post {@code
   * postId} with the draft's ({@code wall.edit} with the user key), photos uploaded first; the
   * draft is checked first by the SDK's draft validator. Fails as {@link #delete} does.
   *
   * @return the post; {@code scheduledAt} is the draft's publication time for a postponed post.
   * @throws PlatformException when VK refuses ({@link VkApiException}, e.g. error 15 for a post
   *     the key may not edit; a captcha is a {@link VkCaptchaException}, reason {@code CAPTCHA},
   *     its {@code captcha()} the challenge: the SDK sends no answer with an edit, so a person tries
   *     again later), a photo cannot be uploaded, no user key is configured ({@code ACCESS_DENIED}),
   *     or VK cannot be reached; {@code reason().retrySafe()} is false when the post may have been
   *     changed all the same.
   * @throws IllegalArgumentException when {@code postId} is not a positive number or the draft
   *     breaks VK's limits (every problem in the message).
   */
  @Override
  public SendResult.Sent edit(PageRef page, String postId, PostDraft draft) {
    return publisher.edit(page, postId, draft);
  }

  /**
   * Deletes post {@code postId} ({@code wall.delete} with the user key), sent once.
   *
   * @throws PlatformException when VK refuses ({@link VkApiException}), no user key is configured
   *     ({@code ACCESS_DENIED}) or VK cannot be reached; {@code reason().retrySafe()} is false when
   *     the post may be gone all the same.
   * @throws IllegalArgumentException when {@code postId} is not a positive number.
   */
  @Override
  public void delete(PageRef page, String postId) {
    publisher.delete(page, postId);
  }

  /**
   * Cancels calls in flight and releases the platform's threads, and the HTTP connections when the
   * platform created its client (an embedder's client is left as it was).
   */
  @Override
  public void close() {
    workers.shutdownNow();
    http.close();
  }

  /** Shows the operations and how many tokens of each kind; never a token or the base URL. */
  @Override
  public String toString() {
    Map<TokenKind, Integer> counts = new EnumMap<>(TokenKind.class);
    for (VkToken token : tokens) counts.merge(token.kind(), 1, Integer::sum);
    return "VkPlatform{" + capabilities().operations() + ", tokens=" + counts + "}";
  }

  /** Configures a {@link VkPlatform}; at least one token is required. */
  public static final class Builder {
    private final List<String> serviceTokens = new ArrayList<>();
    private final List<String> communityTokens = new ArrayList<>();
    private final List<String> userTokens = new ArrayList<>();
    private final Map<Long, String> ownTokens = new LinkedHashMap<>();
    private @Nullable VkCommunityTokens ownTokenSource;
    private HttpUrl baseUrl = HttpUrl.get(DEFAULT_BASE_URL);
    private @Nullable OkHttpClient client;
    private double serviceRps = 3;
    private double communityRps = 20;
    private double userRps = 3;
    private Clock clock = Clock.systemUTC();
    private Duration callTimeout = HttpTransport.DEFAULT_CALL_TIMEOUT;
    private long maxBodyBytes = HttpTransport.DEFAULT_MAX_BODY_BYTES;
    private int maxTextLength = 16_384;
    private int maxAttempts = 3;
    private @Nullable Ticker ticker;
    private @Nullable Sleeper sleeper;
    private @Nullable Backoff backoff;

    Builder() {}

    /** One service key (the application's): reads profiles, and walls one per request. Replaces the pool. */
    public Builder serviceToken(String token) {
      return serviceTokens(List.of(checked("serviceToken", token)));
    }

    /** A pool of service keys, each with its own rate limiter and quota. Replaces the pool. */
    public Builder serviceTokens(Collection<String> tokens) {
      return replace(serviceTokens, "serviceTokens", tokens);
    }

    /** Adds a service key to the pool. */
    public Builder addServiceToken(String token) {
      serviceTokens.add(checked("serviceTokens[" + serviceTokens.size() + "]", token));
      return this;
    }

    /**
     * One community key for reading: profiles at 20 requests/s; cannot read walls, and is not used
     * to post (a community's own key for posting: {@link #ownCommunityToken(long, String)}). Replaces the pool.
     */
    public Builder communityToken(String token) {
      return communityTokens(List.of(checked("communityToken", token)));
    }

    /** A pool of community keys. Replaces the pool. */
    public Builder communityTokens(Collection<String> tokens) {
      return replace(communityTokens, "communityTokens", tokens);
    }

    /** Adds a community key to the pool. */
    public Builder addCommunityToken(String token) {
      communityTokens.add(checked("communityTokens[" + communityTokens.size() + "]", token));
      return this;
    }

    /**
     * Community {@code groupId}'s own key («Работа с API → Ключи доступа», {@code vk1.a.…}): posts
     * text to that community when no user key may post there. VK refuses it wall photo uploads, so
     * such a page takes text only; see {@link VkPlatform#capabilities(PageRef)}.
     *
     * <pre>{@code
     * VkPlatform.builder().serviceToken(service).ownCommunityToken(123, ownKeyOf123).build();
     * }</pre>
     */
    public Builder ownCommunityToken(long groupId, String token) {
      if (groupId <= 0) throw new IllegalArgumentException("groupId must be > 0: " + groupId);
      ownTokens.put(groupId, checked("communityToken[" + groupId + "]", token));
      return this;
    }

    /**
     * Where communities' own keys come from, for an embedder that keeps them in its own secret
     * store: asked when a page's key is chosen. Keys given with {@link #ownCommunityToken(long,
     * String)} come first.
     */
    public Builder ownCommunityTokens(VkCommunityTokens source) {
      this.ownTokenSource = Objects.requireNonNull(source, "source");
      return this;
    }

    /** The communities' own keys: those given one by one, then the embedder's source; null when none. */
    @Nullable VkCommunityTokens communityKeys() {
      if (ownTokens.isEmpty()) return ownTokenSource;
      VkCommunityTokens fixed = VkCommunityTokens.of(ownTokens);
      VkCommunityTokens source = ownTokenSource;
      if (source == null) return fixed;
      return groupId -> {
        String token = fixed.tokenFor(groupId);
        return token != null ? token : source.tokenFor(groupId);
      };
    }

    /**
     * One user key (of a community administrator or editor with the wall and photos rights): reads
     * walls 25 per request and posts. Replaces the pool.
     */
    public Builder userToken(String token) {
      return userTokens(List.of(checked("userToken", token)));
    }

    /**
     * A pool of user keys: reads are spread over all; a post goes with the first key whose user may
     * post to the community and that VK has not refused. Replaces the pool.
     */
    public Builder userTokens(Collection<String> tokens) {
      return replace(userTokens, "userTokens", tokens);
    }

    /** Adds a user key to the pool. */
    public Builder addUserToken(String token) {
      userTokens.add(checked("userTokens[" + userTokens.size() + "]", token));
      return this;
    }

    private Builder replace(List<String> pool, String role, Collection<String> tokens) {
      List<String> checked = new ArrayList<>();
      int i = 0;
      for (String token : tokens) checked.add(checked(role + "[" + i++ + "]", token));
      pool.clear();
      pool.addAll(checked);
      return this;
    }

    private static String checked(String role, @Nullable String token) {
      return ApiToken.check(role, token);
    }

    /** The API endpoint, {@value #DEFAULT_BASE_URL} by default. */
    public Builder baseUrl(String baseUrl) {
      String value = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
      HttpUrl url = HttpUrl.parse(value);
      if (url == null) throw new IllegalArgumentException("baseUrl is not an http(s) URL");
      this.baseUrl = url;
      return this;
    }

    /**
     * The HTTP client to share (pool, proxy, interceptors); a new one by default. The platform
     * derives its own clients from it (no redirects, its deadline) and never closes it.
     */
    public Builder client(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** The service keys' rate limit, by the application's audience tier; 3 by default. */
    public Builder serviceRequestsPerSecond(double requestsPerSecond) {
      this.serviceRps = rate("serviceRequestsPerSecond", requestsPerSecond);
      return this;
    }

    /** The community keys' rate limit; 20 by default. */
    public Builder communityRequestsPerSecond(double requestsPerSecond) {
      this.communityRps = rate("communityRequestsPerSecond", requestsPerSecond);
      return this;
    }

    /** The user keys' rate limit; 3 by default. */
    public Builder userRequestsPerSecond(double requestsPerSecond) {
      this.userRps = rate("userRequestsPerSecond", requestsPerSecond);
      return this;
    }

    /** The clock for snapshot times, schedule checks and quota days. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * The deadline of each call, from connecting to the last byte of the answer; 60 s by default.
     * A read that runs out is a {@code TIMEOUT} failure of its pages.
     */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = HttpTransport.checkCallTimeout(callTimeout);
      return this;
    }

    /** The largest answer read, after decompression; 10 MB by default. */
    public Builder maxBodyBytes(long maxBodyBytes) {
      this.maxBodyBytes = HttpTransport.checkMaxBodyBytes(maxBodyBytes);
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

    Builder backoff(Backoff backoff) {
      this.backoff = backoff;
      return this;
    }

    public VkPlatform build() {
      OkHttpVersion.requireCompatible();
      if (serviceTokens.isEmpty() && communityTokens.isEmpty() && userTokens.isEmpty() && !ownTokens.isEmpty()) {
        throw new IllegalStateException("VkPlatform needs a service, community or user token to read with; "
            + "communities' own keys only post");
      }
      HttpTransport http = HttpTransport.builder("VK")
          .client(client)
          .callTimeout(callTimeout)
          .maxBodyBytes(maxBodyBytes)
          .build();
      AtomicInteger threads = new AtomicInteger();
      ExecutorService workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
          new SynchronousQueue<>(), r -> {
            Thread thread = new Thread(r, "gospubliki-vk-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });
      try {
        return new VkPlatform(this, http, workers);
      } catch (RuntimeException | Error e) {
        // Nothing else holds them: the connections and threads would outlive the failed build.
        workers.shutdownNow();
        http.close();
        throw e;
      }
    }

    private static double rate(String name, double value) {
      if (!(value > 0) || Double.isInfinite(value)) throw new IllegalArgumentException(name + " must be > 0: " + value);
      return value;
    }

    @Override
    public String toString() {
      return "VkPlatform.Builder{service=" + serviceTokens.size() + ", community=" + communityTokens.size()
          + ", user=" + userTokens.size() + ", communitiesOwn=" + ownTokens.size()
          + (ownTokenSource != null ? "+source" : "") + "}";
    }
  }
}
