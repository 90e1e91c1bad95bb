package ru.gospubliki.ok;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.http.OkHttpVersion;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.ok.internal.OkApiClient;
import ru.gospubliki.ok.internal.OkPublisher;
import ru.gospubliki.ok.internal.OkReader;
import ru.gospubliki.ok.internal.OkSigner;
import ru.gospubliki.ok.internal.RateLimiter;
import ru.gospubliki.ok.internal.Sleeper;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.platform.PostQuery;
import ru.gospubliki.platform.Operation;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.platform.PlatformException;
import ru.gospubliki.platform.PublishResult;

/**
 * OK (Одноклассники) for the SDK: reads group profiles and topics for the audit, publishes, edits
 * and deletes topics on behalf of a group. Calls are signed, spaced by a client-side rate limiter
 * (OK publishes no limit; 3 requests per second by default), and retried with backoff only where a
 * retry cannot duplicate anything.
 *
 * <p>OK has no idempotency key. After a failure that may have reached OK (a dropped connection, a
 * service error), {@link #publish} reads the group's recent topics for the same text before anything
 * is re-sent, and answers {@link PublishResult.Unknown} when it still cannot tell.
 *
 * <pre>{@code
 * OkPlatform ok = OkPlatform.builder()
 *     .applicationKey("CBA...")
 *     .applicationSecretKey(System.getenv("OK_SECRET_KEY"))
 *     .accessToken(System.getenv("OK_ACCESS_TOKEN"))
 *     .build();
 * Map<PageRef, FetchResult<ProfileSnapshot>> profiles =
 *     ok.fetchProfiles(List.of(PageRef.parse("https://ok.ru/group/53350000000001")));
 * PublishResult result = ok.publish(PageRef.parse("ok:53350000000001"),
 *     PostDraft.builder().text("Открыта запись в первый класс").build());
 * }</pre>
 */
public final class OkPlatform implements Platform {
  /** OK's REST endpoint. */
  public static final String DEFAULT_BASE_URL = "https://api.ok.ru/fb.do";

  private final Capabilities capabilities;
  private final OkReader reader;
  private final OkPublisher publisher;

  private OkPlatform(Builder builder, HttpUrl baseUrl) {
    String applicationKey = Objects.requireNonNull(builder.applicationKey);
    String accessToken = Objects.requireNonNull(builder.accessToken);
    String secretKey = Objects.requireNonNull(builder.applicationSecretKey);
    OkSigner signer = OkSigner.forSession(accessToken, secretKey, builder.sessionSecretKey);
    List<String> secrets = new ArrayList<>(List.of(accessToken, secretKey));
    if (builder.sessionSecretKey != null) secrets.add(builder.sessionSecretKey);
    OkApiClient api = new OkApiClient(builder.client, baseUrl, applicationKey, accessToken, signer,
        new RateLimiter(builder.requestsPerSecond, builder.clock, builder.sleeper), builder.sleeper,
        builder.maxAttempts, builder.initialBackoff, secrets);
    this.capabilities = Capabilities.builder()
        .platform(PlatformId.OK)
        .addOperations(Operation.READ_PROFILES, Operation.READ_POSTS, Operation.PUBLISH,
            Operation.SCHEDULE, Operation.UPLOAD_PHOTOS, Operation.EDIT, Operation.DELETE)
        .maxTextLength(builder.maxTextLength)
        .maxMedia(builder.maxPhotos)
        .maxLinks(1)
        .maxPhotoBytes(builder.maxPhotoBytes)
        .addPhotoMediaTypes("image/jpeg", "image/png", "image/gif")
        .build();
    this.reader = new OkReader(api, builder.clock, builder.groupInfoBatchSize, builder.topicsPageSize);
    this.publisher = new OkPublisher(api, reader, capabilities, builder.clock);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public PlatformId id() {
    return PlatformId.OK;
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  /** Resolves short names with {@code url.getInfo}, remembering each for the life of this platform. */
  @Override
  public Map<PageRef, FetchResult<PageRef>> resolve(Collection<PageRef> pages) {
    return reader.resolve(pages);
  }

  /** Reads profiles with {@code group.getInfo}, {@link Builder#groupInfoBatchSize} groups per call. */
  @Override
  public Map<PageRef, FetchResult<ProfileSnapshot>> fetchProfiles(Collection<PageRef> pages) {
    return reader.fetchProfiles(pages);
  }

  /**
   * Reads topics with {@code mediatopic.getTopics}, paging until {@code since} is covered; pinned
   * topics are included whatever their date.
   */
  @Override
  public Map<PageRef, FetchResult<PostHistory>> fetchPosts(Collection<PageRef> pages, PostQuery query) {
    Map<PageRef, FetchResult<PostHistory>> result = new java.util.LinkedHashMap<>();
    reader.fetchPosts(pages, query.since()).forEach((page, read) -> result.put(page, read.map(PostHistory::of)));
    return result;
  }

  /**
   * Publishes with {@code mediatopic.post} as the group, uploading photos first (a failed upload means
   * no topic). Publishing the same draft again never creates a second topic.
   */
  @Override
  public PublishResult publish(PageRef page, PostDraft draft) {
    return publisher.publish(page, draft);
  }

  /**
   * Replaces the text, photos and link of topic {@code postId} with the draft's ({@code
   * mediatopic.edit}). The draft must not carry a publication time: an edit cannot move it. The
   * result is {@link PublishResult.Published} naming the topic, also for a topic still scheduled.
   *
   * @throws IllegalArgumentException when {@code postId} is not an OK topic id (a positive number).
   */
  @Override
  public PublishResult edit(PageRef page, String postId, PostDraft draft) {
    return publisher.edit(page, postId, draft);
  }

  /**
   * Deletes topic {@code postId} ({@code mediatopic.deleteTopic}).
   *
   * @throws OkApiException when OK refuses, typed like every OK error.
   * @throws PlatformException when OK cannot be reached or does not confirm the deletion.
   * @throws IllegalArgumentException when {@code postId} is not an OK topic id (a positive number).
   */
  @Override
  public void delete(PageRef page, String postId) {
    publisher.delete(page, postId);
  }

  /**
   * Names the class only: the application key identifies the application, and the base URL may
   * carry credentials (a proxy's user and password).
   */
  @Override
  public String toString() {
    return "OkPlatform";
  }

  /** Configures an {@link OkPlatform}. Application key, secret key and access token are required. */
  public static final class Builder {
    private @Nullable String applicationKey;
    private @Nullable String applicationSecretKey;
    private @Nullable String accessToken;
    private @Nullable String sessionSecretKey;
    private String baseUrl = DEFAULT_BASE_URL;
    private OkHttpClient client = DefaultClient.INSTANCE;
    private double requestsPerSecond = 3;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofSeconds(1);
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

    /** The access token of a group administrator; never logged or shown. */
    public Builder accessToken(String accessToken) {
      this.accessToken = requireText(accessToken, "accessToken");
      return this;
    }

    /** A session secret key, when OK issued one with the token; it then replaces the derived secret. */
    public Builder sessionSecretKey(@Nullable String sessionSecretKey) {
      this.sessionSecretKey = sessionSecretKey == null ? null : requireText(sessionSecretKey, "sessionSecretKey");
      return this;
    }

    /** The API endpoint; {@value #DEFAULT_BASE_URL} unless changed (tests, proxies). */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl == null");
      if (HttpUrl.parse(baseUrl) == null) {
        throw new IllegalArgumentException("baseUrl is not an http(s) URL: " + baseUrl);
      }
      this.baseUrl = baseUrl;
      return this;
    }

    /** The embedder's HTTP client (timeouts, proxy, interceptors); a shared default otherwise. */
    public Builder client(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** Calls started per second at most; 3 by default (OK publishes no limit). */
    public Builder requestsPerSecond(double requestsPerSecond) {
      if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
        throw new IllegalArgumentException("requestsPerSecond must be > 0: " + requestsPerSecond);
      }
      this.requestsPerSecond = requestsPerSecond;
      return this;
    }

    /** The clock for snapshot times, schedules and rate limiting. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Attempts per reading call when OK is unavailable (1 = no retry); 3 by default. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The first backoff delay, doubled for each further retry; 1 s by default. */
    public Builder initialBackoff(Duration initialBackoff) {
      Objects.requireNonNull(initialBackoff, "initialBackoff == null");
      if (initialBackoff.isNegative()) throw new IllegalArgumentException("initialBackoff < 0: " + initialBackoff);
      this.initialBackoff = initialBackoff;
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
     * Longest topic text accepted before sending. OK documents no limit (error 601 means too long);
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

    /** Replaces real waiting (rate limiting, backoff); for tests. */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    public OkPlatform build() {
      OkHttpVersion.requireCompatible();
      if (applicationKey == null) throw new IllegalStateException("applicationKey is required");
      if (applicationSecretKey == null) throw new IllegalStateException("applicationSecretKey is required");
      if (accessToken == null) throw new IllegalStateException("accessToken is required");
      return new OkPlatform(this, Objects.requireNonNull(HttpUrl.parse(baseUrl)));
    }

    private static String requireText(String value, String name) {
      Objects.requireNonNull(value, name + " == null");
      if (value.isBlank()) throw new IllegalArgumentException(name + " is blank");
      return value.strip();
    }

    @Override
    public String toString() {
      return "OkPlatform.Builder";
    }
  }

  /** One client for all platforms that were given none, created on first use. */
  private static final class DefaultClient {
    static final OkHttpClient INSTANCE = new OkHttpClient();
  }
}
