package ru.gospubliki.ok;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.http.ApiToken;
import ru.gospubliki.internal.http.Backoff;
import ru.gospubliki.internal.http.HttpTransport;
import ru.gospubliki.internal.http.Secrets;
import ru.gospubliki.internal.http.Sleeper;
import ru.gospubliki.internal.http.TokenBudgets;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.ok.internal.OkClient;
import ru.gospubliki.ok.internal.OkReader;
import ru.gospubliki.ok.internal.OkSender;
import ru.gospubliki.ok.internal.OkToken;
import ru.gospubliki.ok.internal.TokenPool;
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

/**
 * OK (Одноклассники) for the SDK: reads group profiles and topics for the audit, publishes, edits
 * and deletes topics on behalf of a group.
 *
 * <p>Calls are signed and go through the SDK's shared HTTP transport: no redirect is followed (a
 * token or signature never goes to another host), each call has a deadline, answers are read up to
 * a size limit, and every access token is spaced by a rate limiter that every {@code OkPlatform} of
 * the process calling the same server with it shares (OK publishes no limit; 3 requests per second
 * per token by default). Several tokens may be given:
 * reads are spread over them, several calls in flight per token, and a token that meets OK's call
 * limit or flood control is set aside while the others carry on.
 *
 * <p>Publishing keeps no state: {@link #send} makes one attempt, {@link #findExisting} looks for a
 * topic whose answer was lost (OK has no idempotency key: {@link Capabilities#dedupWindow()} is
 * zero); the SDK's send-once publishing ({@code CrossPoster}) decides what to do.
 *
 * <pre>{@code
 * OkPlatform ok = OkPlatform.builder()
 *     .applicationKey("CBA...")
 *     .applicationSecretKey(System.getenv("OK_APPLICATION_SECRET_KEY"))
 *     .accessTokens(List.of(System.getenv("OK_ACCESS_TOKEN").split(",")))
 *     .build();
 * Map<PageRef, FetchResult<ProfileSnapshot>> profiles =
 *     ok.fetchProfiles(List.of(PageRef.parse("https://ok.ru/group/53350000000001")));
 * }</pre>
 */
public final class OkPlatform implements Platform {
  /** OK's REST endpoint. */
  public static final String DEFAULT_BASE_URL = "https://api.ok.ru/fb.do";
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

  private final int tokenCount;
  private final Capabilities capabilities;
  private final Clock clock;
  private final HttpTransport http;
  private final ExecutorService workers;
  private final OkReader reader;
  private final OkSender sender;

  private OkPlatform(Builder builder, HttpUrl baseUrl) {
    String applicationKey = Objects.requireNonNull(builder.applicationKey);
    String secretKey = Objects.requireNonNull(builder.applicationSecretKey);
    this.clock = builder.clock;
    List<OkToken> tokens = new ArrayList<>();
    List<String> secrets = new ArrayList<>(List.of(secretKey));
    // A token's budget belongs to the server that counts its calls: the same token against a test
    // server or a sandbox neither slows nor sets aside the token against OK itself.
    String server = "OK " + baseUrl.host() + ":" + baseUrl.port();
    for (int i = 0; i < builder.accessTokens.size(); i++) {
      ApiToken api = ApiToken.of(builder.budgets, server, "accessTokens[" + i + "]", builder.accessTokens.get(i),
          builder.requestsPerSecond);
      OkToken token = new OkToken(api, secretKey);
      tokens.add(token);
      secrets.add(api.secret());
      secrets.add(token.signer().secret());
    }
    this.tokenCount = tokens.size();
    this.capabilities = Capabilities.builder()
        .platform(PlatformId.OK)
        .credential("ключ доступа администратора группы ОК")
        .addOperations(Operation.READ_PROFILES, Operation.READ_POSTS, Operation.PUBLISH,
            Operation.SCHEDULE, Operation.UPLOAD_PHOTOS, Operation.EDIT, Operation.DELETE)
        .maxTextLength(builder.maxTextLength)
        .maxMedia(builder.maxPhotos)
        .maxLinks(1)
        .maxPhotoBytes(builder.maxPhotoBytes)
        .addPhotoMediaTypes("image/jpeg", "image/png", "image/gif")
        .dedupWindow(Duration.ZERO)
        .build();
    this.http = HttpTransport.builder("ОК")
        .client(builder.client)
        .callTimeout(builder.callTimeout)
        .maxBodyBytes(builder.maxBodyBytes)
        .build();
    AtomicInteger threads = new AtomicInteger();
    this.workers = Executors.newCachedThreadPool(r -> {
      Thread thread = new Thread(r, "gospubliki-ok-read-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    Backoff backoff = new Backoff(builder.maxAttempts, builder.initialBackoff,
        builder.initialBackoff.compareTo(MAX_BACKOFF) > 0 ? builder.initialBackoff : MAX_BACKOFF, new Random());
    OkClient client = new OkClient(http, baseUrl, applicationKey, backoff, builder.sleeper, Secrets.of(secrets));
    TokenPool pool = new TokenPool(tokens, workers, clock);
    this.reader = new OkReader(client, pool, clock, builder.groupInfoBatchSize, builder.topicsPageSize);
    this.sender = new OkSender(client, reader, pool);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public PlatformId id() {
    return PlatformId.OK;
  }

  /**
   * OK's limits on topics, as the SDK's draft validator checks them before anything is sent: text
   * length, photos per topic, photo size and formats (JPEG, PNG, GIF), one link.
   */
  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  /** Resolves short names with {@code url.getInfo}; group ids and a person's page resolve to themselves. */
  @Override
  public Map<PageRef, FetchResult<PageRef>> resolve(Collection<PageRef> pages) {
    return reader.resolve(pages);
  }

  /**
   * Reads profiles with {@code group.getInfo}, {@link Builder#groupInfoBatchSize} groups per call.
   * A short name that is a person's profile reads as a profile that is not a community.
   */
  @Override
  public Map<PageRef, FetchResult<ProfileSnapshot>> fetchProfiles(Collection<PageRef> pages) {
    return reader.fetchProfiles(pages);
  }

  /**
   * Reads topics with {@code mediatopic.getTopics}, paging back until {@link PostQuery#since()} is
   * covered and, when fewer than {@link PostQuery#minOwnPosts()} of the group's own topics were
   * seen, further until that many or the group's first topic; pinned topics are included whatever
   * their date.
   */
  @Override
  public Map<PageRef, FetchResult<PostHistory>> fetchPosts(Collection<PageRef> pages, PostQuery query) {
    return reader.fetchPosts(pages, query);
  }

  /**
   * One {@code mediatopic.post} attempt as the group (photos uploaded first: a failed upload means
   * no topic). Never repeated here: a lost answer is {@link SendResult.Ambiguous}, and so is an
   * answer that is not a topic id.
   */
  @Override
  public SendResult send(SendRequest request) {
    return sender.send(request);
  }

  /**
   * Looks among the group's recent topics for the draft's: the group's own topic with exactly the
   * draft's text and number of photos, created at or after {@code sentAfter}. Not finding a
   * scheduled topic proves nothing (OK lists it only from its time): {@link PostLookup.CannotTell}.
   */
  @Override
  public PostLookup findExisting(PageRef page, PostDraft draft, Instant sentAfter) {
    return sender.findExisting(page, draft, sentAfter);
  }

  /**
   * Replaces the text, photos and link of topic {@code postId} with the draft's ({@code
   * mediatopic.edit}); the draft is checked first by the SDK's draft validator. Fails as {@link
   * #delete} does, with the same reasons and messages.
   *
   * @return the topic, with {@code scheduledAt} null: an edit does not move a topic's time.
   * @throws PlatformException when OK refuses ({@link OkApiException}, e.g. error 300 for a topic
   *     that is not there) or cannot be reached, or the group cannot be resolved; {@code
   *     reason().retrySafe()} is false when the topic may have been changed all the same.
   * @throws IllegalArgumentException when {@code postId} is not an OK topic id (a positive number),
   *     when the draft breaks OK's limits (every problem in the message), or carries a publication
   *     time (an edit cannot move a topic).
   */
  @Override
  public SendResult.Sent edit(PageRef page, String postId, PostDraft draft) {
    return sender.edit(page, postId, draft, capabilities, clock);
  }

  /**
   * Deletes topic {@code postId} ({@code mediatopic.deleteTopic}), sent once.
   *
   * @throws PlatformException when OK refuses ({@link OkApiException}) or cannot be reached, or the
   *     group cannot be resolved; {@code reason().retrySafe()} is false when the topic may be gone.
   * @throws IllegalArgumentException when {@code postId} is not an OK topic id (a positive number).
   */
  @Override
  public void delete(PageRef page, String postId) {
    sender.delete(page, postId);
  }

  /** Stops what is in flight and releases this platform's threads and, if it created them, connections. */
  @Override
  public void close() {
    workers.shutdownNow();
    http.close();
  }

  @Override
  public String toString() {
    return "OkPlatform{accessTokens=" + tokenCount + "}";
  }

  /** Configures an {@link OkPlatform}. Application key, secret key and an access token are required. */
  public static final class Builder {
    private @Nullable String applicationKey;
    private @Nullable String applicationSecretKey;
    private List<String> accessTokens = List.of();
    private String baseUrl = DEFAULT_BASE_URL;
    private @Nullable OkHttpClient client;
    private double requestsPerSecond = 3;
    private Clock clock = Clock.systemUTC();
    private TokenBudgets budgets = TokenBudgets.process();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration callTimeout = HttpTransport.DEFAULT_CALL_TIMEOUT;
    private long maxBodyBytes = HttpTransport.DEFAULT_MAX_BODY_BYTES;
    private int groupInfoBatchSize = 100;
    private int topicsPageSize = 50;
    private int maxTextLength = 4000;
    private int maxPhotos = 10;
    private long maxPhotoBytes = 10L * 1024 * 1024;

    Builder() {}

    /** The application's public key ({@code application_key}). */
    public Builder applicationKey(String applicationKey) {
      this.applicationKey = requireText(applicationKey, "applicationKey");
      return this;
    }

    /** The application's secret key; used only to sign requests, never sent or shown. */
    public Builder applicationSecretKey(String applicationSecretKey) {
      this.applicationSecretKey = requireText(applicationSecretKey, "applicationSecretKey");
      return this;
    }

    /**
     * The access token of a group administrator; never logged or shown. Replaces any tokens given
     * before.
     *
     * @throws IllegalArgumentException (Russian) for an empty token or one with a line break, a
     *     space, a control or non-ASCII character: OK accepts no such token.
     */
    public Builder accessToken(String accessToken) {
      return accessTokens(List.of(Objects.requireNonNull(accessToken, "accessToken == null")));
    }

    /**
     * Several access tokens (a pool): reads are spread over them, each with its own rate limiter,
     * and a token that meets OK's call limit is set aside while the others carry on. Publishing
     * uses the first token that is not set aside.
     *
     * @throws IllegalArgumentException (Russian) naming the bad token's position, never its value.
     */
    public Builder accessTokens(Collection<String> accessTokens) {
      Objects.requireNonNull(accessTokens, "accessTokens == null");
      if (accessTokens.isEmpty()) throw new IllegalArgumentException("accessTokens is empty");
      List<String> checked = new ArrayList<>();
      int i = 0;
      for (String token : accessTokens) {
        String value = ApiToken.check("accessTokens[" + i++ + "]", token);
        if (!checked.contains(value)) checked.add(value);
      }
      this.accessTokens = List.copyOf(checked);
      return this;
    }

    /** The API endpoint; {@value #DEFAULT_BASE_URL} unless changed (tests, proxies). */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl == null");
      if (HttpUrl.parse(baseUrl) == null) throw new IllegalArgumentException("baseUrl is not an http(s) URL");
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * The embedder's HTTP client (proxy, interceptors, connection pool); the platform derives its
     * own from it with the API policy (no redirects, deadlines) and leaves it untouched. A new
     * client by default.
     */
    public Builder client(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** Calls per second per access token at most, across the whole process; 3 by default (OK publishes no limit). */
    public Builder requestsPerSecond(double requestsPerSecond) {
      if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
        throw new IllegalArgumentException("requestsPerSecond must be > 0: " + requestsPerSecond);
      }
      this.requestsPerSecond = requestsPerSecond;
      return this;
    }

    /** The clock for snapshot times, publication times and setting tokens aside. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Attempts per reading call when OK is unavailable or the connection fails (1 = no retry); 3 by default. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The first backoff delay, doubled (with jitter) for each further retry, at most 8 s; 0.5 s by default. */
    public Builder initialBackoff(Duration initialBackoff) {
      Objects.requireNonNull(initialBackoff, "initialBackoff == null");
      if (initialBackoff.isNegative()) throw new IllegalArgumentException("initialBackoff < 0: " + initialBackoff);
      this.initialBackoff = initialBackoff;
      return this;
    }

    /**
     * The deadline of one call, from connecting to the last byte of the answer; 60 s by default. A
     * read that runs out is unreadable with reason {@code timeout}; a publication, unknown.
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

    /** Groups per {@code group.getInfo} call; 100 by default. */
    public Builder groupInfoBatchSize(int groupInfoBatchSize) {
      if (groupInfoBatchSize < 1) throw new IllegalArgumentException("groupInfoBatchSize must be >= 1: " + groupInfoBatchSize);
      this.groupInfoBatchSize = groupInfoBatchSize;
      return this;
    }

    /** Topics per {@code mediatopic.getTopics} page; 50 by default. */
    public Builder topicsPageSize(int topicsPageSize) {
      if (topicsPageSize < 1) throw new IllegalArgumentException("topicsPageSize must be >= 1: " + topicsPageSize);
      this.topicsPageSize = topicsPageSize;
      return this;
    }

    /**
     * Longest topic text the draft check accepts. OK documents no limit (error 601 means too long);
     * 4000 characters by default, well under what OK groups are seen to publish.
     */
    public Builder maxTextLength(int maxTextLength) {
      if (maxTextLength < 1) throw new IllegalArgumentException("maxTextLength must be >= 1: " + maxTextLength);
      this.maxTextLength = maxTextLength;
      return this;
    }

    /** Most photos per topic; 10 by default (a conservative value: OK documents none). */
    public Builder maxPhotos(int maxPhotos) {
      if (maxPhotos < 0) throw new IllegalArgumentException("maxPhotos must be >= 0: " + maxPhotos);
      this.maxPhotos = maxPhotos;
      return this;
    }

    /** Largest photo in bytes; 10 MiB by default. */
    public Builder maxPhotoBytes(long maxPhotoBytes) {
      if (maxPhotoBytes < 1) throw new IllegalArgumentException("maxPhotoBytes must be >= 1: " + maxPhotoBytes);
      this.maxPhotoBytes = maxPhotoBytes;
      return this;
    }

    /** Where tokens' rate limiters live; the process-wide registry unless a test drives time. */
    Builder tokenBudgets(TokenBudgets budgets) {
      this.budgets = Objects.requireNonNull(budgets, "budgets == null");
      return this;
    }

    /** Replaces real waiting between retries; for tests. */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    public OkPlatform build() {
      if (applicationKey == null) throw new IllegalStateException("applicationKey is required");
      if (applicationSecretKey == null) throw new IllegalStateException("applicationSecretKey is required");
      if (accessTokens.isEmpty()) throw new IllegalStateException("accessToken is required");
      return new OkPlatform(this, Objects.requireNonNull(HttpUrl.parse(baseUrl)));
    }

    private static String requireText(String value, String name) {
      Objects.requireNonNull(value, name + " == null");
      if (value.isBlank()) throw new IllegalArgumentException(name + " is blank");
      return value.strip();
    }

    @Override
    public String toString() {
      return "OkPlatform.Builder{accessTokens=" + accessTokens.size() + "}";
    }
  }
}
