package ru.gospubliki.max;

import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.http.ApiToken;
import ru.gospubliki.internal.http.Backoff;
import ru.gospubliki.internal.http.HttpTransport;
import ru.gospubliki.internal.http.Secrets;
import ru.gospubliki.internal.http.Sleeper;
import ru.gospubliki.internal.http.Ticker;
import ru.gospubliki.internal.http.TokenBudgets;
import ru.gospubliki.max.internal.Bots;
import ru.gospubliki.max.internal.ChannelPacer;
import ru.gospubliki.max.internal.ChannelReader;
import ru.gospubliki.max.internal.Channels;
import ru.gospubliki.max.internal.MaxApi;
import ru.gospubliki.max.internal.MaxFailure;
import ru.gospubliki.max.internal.Publisher;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.FailureReason;
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
 * MAX for the SDK: reads official MAX channels for the audit and publishes, edits and deletes
 * channel posts through the MAX Bot API, as a bot the channel's owner made an administrator.
 *
 * <p>What MAX allows shapes what this adapter does:
 *
 * <ul>
 *   <li>A bot reads and posts only in channels it administers; any other channel is {@link
 *       FailureReason#BOT_NOT_ADMIN}, with what to do.
 *   <li>MAX tells a bot a channel's id only when the bot is added ({@code bot_added}); no method
 *       finds a channel by its link. The channels the bots know are kept in a {@link
 *       MaxChannelDirectory} and learnt from the bots' updates: call {@link #pollUpdates()} before
 *       an audit (long polling), or feed webhook deliveries to {@link #acceptUpdate}. A registry's
 *       {@code https://max.ru/<name>} is found there by the channel's link; a {@code max:<chat id>}
 *       is asked of MAX directly.
 *   <li>MAX has no «Госорганизация» mark, no contact fields (contacts are read from the
 *       description), no scheduling ({@link Operation#SCHEDULE} is not offered, and {@link
 *       Capabilities#unavailableBecause()} says why) and no idempotency key: a send whose answer was
 *       lost is found again by {@link #findExisting} among the channel's recent messages.
 * </ul>
 *
 * <p>The bot's key goes in the {@code Authorization} header only, never in a URL, a message or a
 * log. Calls are spaced per key (30 a second by default) and per channel (2 messages a second).
 *
 * <pre>{@code
 * try (MaxPlatform max = MaxPlatform.builder()
 *     .botToken(System.getenv("MAX_BOT_TOKEN"))
 *     .channels(myDatabaseBackedDirectory)
 *     .build()) {
 *   max.pollUpdates();
 *   Map<PageRef, FetchResult<ProfileSnapshot>> profiles =
 *       max.fetchProfiles(List.of(PageRef.parse("https://max.ru/zarechny_adm")));
 *   SendResult sent = max.send(SendRequest.builder()
 *       .page(PageRef.parse("max:-70000000000101"))
 *       .draft(PostDraft.builder().text("**Приём граждан** 12.09").build())
 *       .build());
 * }
 * }</pre>
 */
public final class MaxPlatform implements Platform {
  /** The MAX Bot API's address ({@code platform-api.max.ru} is no longer accepted). */
  public static final String DEFAULT_BASE_URL = "https://platform-api2.max.ru/";
  /** The header in which MAX sends a webhook subscription's secret; a webhook endpoint checks it. */
  public static final String SECRET_HEADER = "X-Max-Bot-Api-Secret";

  private final HttpUrl baseUrl;
  private final int botCount;
  private final HttpTransport http;
  private final Capabilities capabilities;
  private final Bots bots;
  private final Channels channels;
  private final ChannelReader reader;
  private final Publisher publisher;
  private final Clock clock;

  private MaxPlatform(Builder builder, HttpUrl baseUrl) {
    this.baseUrl = baseUrl;
    this.clock = builder.clock;
    this.botCount = builder.tokens.size();
    this.http = HttpTransport.builder("MAX").client(builder.client).callTimeout(builder.callTimeout).build();
    TokenBudgets budgets = builder.budgets != null ? builder.budgets : TokenBudgets.process();
    // A key's budget (its rate and whether it is set aside) belongs to the server that counts its
    // calls: the same key against a test server or the sandbox neither slows nor sets aside the key
    // against MAX itself.
    String server = "MAX " + baseUrl.host() + ":" + baseUrl.port();
    List<ApiToken> tokens = new ArrayList<>();
    for (int i = 0; i < builder.tokens.size(); i++) {
      tokens.add(ApiToken.of(budgets, server, "botTokens[" + i + "]", builder.tokens.get(i), builder.requestsPerSecond));
    }
    Backoff backoff = new Backoff(builder.maxAttempts, Duration.ofMillis(500), Duration.ofSeconds(8), new Random());
    MaxApi api = new MaxApi(http, baseUrl, Secrets.of(builder.tokens), backoff, builder.sleeper, clock);
    this.bots = new Bots(tokens, api);
    this.channels = new Channels(builder.directory, bots, api, clock);
    this.reader = new ChannelReader(channels, api, clock, builder.postsPageSize, builder.maxPostPages);
    ChannelPacer pacer = new ChannelPacer(builder.messagesPerSecondPerChannel, builder.ticker, builder.sleeper);
    this.publisher = new Publisher(channels, api, pacer, builder.maxTextLength, builder.recentMessages,
        builder.clockSkew);
    this.capabilities = Capabilities.builder()
        .platform(PlatformId.MAX)
        .addOperations(Operation.READ_PROFILES, Operation.READ_POSTS, Operation.PUBLISH, Operation.UPLOAD_PHOTOS,
            Operation.EDIT, Operation.DELETE)
        .credential("бот")
        .putUnavailableBecause(Operation.SCHEDULE, Publisher.NO_SCHEDULING)
        .maxTextLength(builder.maxTextLength)
        .maxMedia(builder.maxAttachments)
        .maxLinks(1)
        .maxPhotoBytes(builder.maxPhotoBytes)
        .addPhotoMediaTypes("image/jpeg", "image/png", "image/gif")
        .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public PlatformId id() {
    return PlatformId.MAX;
  }

  /**
   * What a bot may do: read, publish with images, edit and delete; no {@link Operation#SCHEDULE}
   * (MAX's API has no publication time). Texts up to 4,000 characters (MAX's {@code
   * NewMessageBody.text} limit), up to 12 attachments, images up to 50 MB.
   */
  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  /**
   * Resolves channel names ({@code https://max.ru/<name>}, {@code join/<hash>}) to chat ids by the
   * links of the channels the bots know; a chat id no bot is known to be in is asked of MAX. A
   * channel no bot is in is {@link FailureReason#BOT_NOT_ADMIN}.
   */
  @Override
  public Map<PageRef, FetchResult<PageRef>> resolve(Collection<PageRef> pages) {
    return uninterrupted(() -> reader.resolve(pages));
  }

  /**
   * Reads each channel ({@code GET /chats/{chatId}}): title, description, link, whether it is
   * public, subscribers, icon. Fields MAX never shows (contacts, cover, wall, the mark) are listed
   * as unavailable, so they do not make a page unverified.
   */
  @Override
  public Map<PageRef, FetchResult<ProfileSnapshot>> fetchProfiles(Collection<PageRef> pages) {
    return uninterrupted(() -> reader.fetchProfiles(pages));
  }

  /** Reads each channel's messages ({@code GET /messages}) back over the query's window. */
  @Override
  public Map<PageRef, FetchResult<PostHistory>> fetchPosts(Collection<PageRef> pages, PostQuery query) {
    return uninterrupted(() -> reader.fetchPosts(pages, query));
  }

  /**
   * Sends the draft as one message ({@code POST /messages}, markdown), its photos uploaded first
   * and attached as images (MAX still processing one, {@code attachment.not.ready}, is waited for:
   * 1, 2 and 4 s). A draft with a publication time is refused: MAX cannot schedule.
   */
  @Override
  public SendResult send(SendRequest request) {
    return publisher.send(request);
  }

  /**
   * Looks for the message of {@code draft} among the channel's messages since {@code sentAfter}
   * (less a few minutes for the difference between clocks): same plain text, same number of
   * images, sent by this bot when MAX names a sender.
   */
  @Override
  public PostLookup findExisting(PageRef page, PostDraft draft, Instant sentAfter) {
    return publisher.findExisting(page, draft, sentAfter);
  }

  /**
   * Replaces the message's text and images with the draft's ({@code PUT /messages}; in channels
   * any message may be edited, however old); the draft is checked first by the SDK's draft
   * validator. Fails as {@link #delete} does. An edit leaves the same message however often it is
   * sent, so it is repeated after failures that may pass.
   *
   * @return the message, with its link; {@code scheduledAt} is null (MAX has no scheduling).
   * @throws MaxApiException when MAX refuses (the message is not there, the bot is not an
   *     administrator of the channel: MAX's code in {@link MaxApiException#code()}) or cannot be
   *     reached; {@code reason().retrySafe()} is false when the message may have been changed all
   *     the same.
   * @throws PlatformException ({@code CONNECTION_LOST}) when the thread is interrupted meanwhile.
   * @throws IllegalArgumentException when {@code postId} is not a MAX message id, or the draft breaks
   *     MAX's limits or carries a publication time (every problem in the message).
   */
  @Override
  public SendResult.Sent edit(PageRef page, String postId, PostDraft draft) {
    return publisher.edit(page, postId, draft, capabilities, clock);
  }

  /**
   * Deletes the message ({@code DELETE /messages}); a message MAX no longer has is taken as deleted.
   *
   * @throws MaxApiException when MAX refuses or cannot be reached; {@code reason().retrySafe()} is
   *     false when the message may be gone all the same.
   * @throws PlatformException ({@code CONNECTION_LOST}) when the thread is interrupted meanwhile.
   * @throws IllegalArgumentException when {@code postId} is not a MAX message id.
   */
  @Override
  public void delete(PageRef page, String postId) {
    publisher.delete(page, postId);
  }

  /**
   * Reads every bot's pending {@code bot_added} and {@code bot_removed} updates ({@code GET
   * /updates}, without waiting) into the channel directory, from the marker stored there. Call it
   * before an audit or a post so that channels the bots were just added to are known. MAX keeps a
   * bot's updates for a limited time, and long polling does not work while the bot has a webhook
   * subscription: a service receives them with {@link #acceptUpdate} instead.
   */
  public ChannelUpdates pollUpdates() {
    return uninterrupted(channels::poll);
  }

  /**
   * Applies one update MAX delivered to bot {@code botId}'s webhook (the request body, an {@code
   * Update} object). The caller checks the {@value #SECRET_HEADER} header first, in constant time.
   */
  public ChannelUpdates acceptUpdate(long botId, String body) {
    Objects.requireNonNull(body, "body == null");
    return uninterrupted(() -> channels.accept(botId, body));
  }

  /**
   * The ids of the pool's bots ({@code GET /me}), in the order their keys were given: a webhook
   * endpoint tells deliveries apart by them.
   *
   * @throws MaxApiException when MAX does not answer or refuses a key.
   */
  public List<Long> botIds() {
    return uninterrupted(() -> {
      List<Long> ids = new ArrayList<>();
      for (ApiToken token : bots.tokens()) {
        try {
          ids.add(bots.id(token));
        } catch (MaxFailure e) {
          throw e.toApiException();
        }
      }
      return ids;
    });
  }

  /** Cancels what is in flight and releases the adapter's threads and connections. */
  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "MaxPlatform{baseUrl=" + baseUrl + ", bots=" + botCount + "}";
  }

  private static <T> T uninterrupted(Interruptible<T> action) {
    try {
      return action.run();
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException(FailureReason.CONNECTION_LOST, "MAX: чтение прервано");
    }
  }

  @FunctionalInterface
  private interface Interruptible<T> {
    T run() throws InterruptedIOException;
  }

  /** Configures a {@link MaxPlatform}. At least one bot key is required. */
  public static final class Builder {
    private final List<String> tokens = new ArrayList<>();
    private String baseUrl = DEFAULT_BASE_URL;
    private @Nullable OkHttpClient client;
    private MaxChannelDirectory directory = MaxChannelDirectory.inMemory();
    private double requestsPerSecond = 30;
    private double messagesPerSecondPerChannel = 2;
    private Clock clock = Clock.systemUTC();
    private Duration callTimeout = HttpTransport.DEFAULT_CALL_TIMEOUT;
    private int maxAttempts = 3;
    private int postsPageSize = 100;
    private int maxPostPages = 50;
    private int recentMessages = 50;
    private Duration clockSkew = Duration.ofMinutes(5);
    private int maxTextLength = 4000;
    private int maxAttachments = 12;
    private long maxPhotoBytes = 50L * 1024 * 1024;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Ticker ticker = Ticker.SYSTEM;
    private @Nullable TokenBudgets budgets;

    Builder() {}

    /**
     * Adds a bot's key (from business.max.ru → Чат-боты → Настройки); call again, or use {@link
     * #botTokens}, for a pool of bots. Never logged or shown.
     *
     * @throws IllegalArgumentException naming the key's place in the pool (never its value) when it
     *     is empty or holds spaces, line breaks or non-ASCII characters.
     */
    public Builder botToken(String token) {
      Objects.requireNonNull(token, "token == null");
      tokens.add(ApiToken.check("botTokens[" + tokens.size() + "]", token));
      return this;
    }

    /** Adds several bots' keys, e.g. the comma-separated values of {@code MAX_BOT_TOKEN}. */
    public Builder botTokens(Collection<String> tokens) {
      for (String token : tokens) botToken(token);
      return this;
    }

    /** The API address; {@value #DEFAULT_BASE_URL} unless changed (tests, proxies, the sandbox). */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl == null");
      HttpUrl url = HttpUrl.parse(baseUrl);
      if (url == null) throw new IllegalArgumentException("baseUrl is not an http(s) URL: " + baseUrl);
      this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
      return this;
    }

    /** The embedder's HTTP client (proxy, pool, interceptors); a new one otherwise. */
    public Builder client(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** Where the channels the bots know are kept; in memory (forgotten at exit) by default. */
    public Builder channels(MaxChannelDirectory directory) {
      this.directory = Objects.requireNonNull(directory, "directory == null");
      return this;
    }

    /** Calls per second per bot key; 30 by default, the rate MAX's documentation of the API asks for. */
    public Builder requestsPerSecond(double requestsPerSecond) {
      if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
        throw new IllegalArgumentException("requestsPerSecond must be > 0: " + requestsPerSecond);
      }
      this.requestsPerSecond = requestsPerSecond;
      return this;
    }

    /** Messages sent or edited per second in one channel; 2 by default, MAX's limit per chat. */
    public Builder messagesPerSecondPerChannel(double messagesPerSecond) {
      if (!(messagesPerSecond > 0) || Double.isInfinite(messagesPerSecond)) {
        throw new IllegalArgumentException("messagesPerSecondPerChannel must be > 0: " + messagesPerSecond);
      }
      this.messagesPerSecondPerChannel = messagesPerSecond;
      return this;
    }

    /** The clock for snapshot times. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** The deadline of one call, from connecting to the last byte; 60 s by default. */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = HttpTransport.checkCallTimeout(callTimeout);
      return this;
    }

    /** Attempts per call where a repeat is safe (1 = none); 3 by default. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Messages per {@code GET /messages} page when reading posts: 1..100, 100 by default. */
    public Builder postsPageSize(int postsPageSize) {
      if (postsPageSize < 1 || postsPageSize > 100) {
        throw new IllegalArgumentException("postsPageSize must be 1..100: " + postsPageSize);
      }
      this.postsPageSize = postsPageSize;
      return this;
    }

    /** The most {@code GET /messages} pages read per channel in one audit; 50 by default. */
    public Builder maxPostPages(int maxPostPages) {
      if (maxPostPages < 1) throw new IllegalArgumentException("maxPostPages must be >= 1: " + maxPostPages);
      this.maxPostPages = maxPostPages;
      return this;
    }

    /** Messages per page read when looking for a send whose answer was lost: 1..100, 50 by default. */
    public Builder recentMessages(int recentMessages) {
      if (recentMessages < 1 || recentMessages > 100) {
        throw new IllegalArgumentException("recentMessages must be 1..100: " + recentMessages);
      }
      this.recentMessages = recentMessages;
      return this;
    }

    /**
     * How much earlier than the recorded send time MAX's time of a message may be and still be
     * that send's (MAX's clock and ours differ); 5 minutes by default.
     */
    public Builder clockSkew(Duration clockSkew) {
      Objects.requireNonNull(clockSkew, "clockSkew == null");
      if (clockSkew.isNegative()) throw new IllegalArgumentException("clockSkew < 0: " + clockSkew);
      this.clockSkew = clockSkew;
      return this;
    }

    /** Longest message text; 4,000 characters by default, MAX's limit. */
    public Builder maxTextLength(int maxTextLength) {
      if (maxTextLength < 1) throw new IllegalArgumentException("maxTextLength must be >= 1: " + maxTextLength);
      this.maxTextLength = maxTextLength;
      return this;
    }

    /** Most images per message; 12 by default, MAX's limit on attachments. */
    public Builder maxAttachments(int maxAttachments) {
      if (maxAttachments < 0) throw new IllegalArgumentException("maxAttachments must be >= 0: " + maxAttachments);
      this.maxAttachments = maxAttachments;
      return this;
    }

    /** Largest image in bytes; 50 MB by default, MAX's limit. */
    public Builder maxPhotoBytes(long maxPhotoBytes) {
      if (maxPhotoBytes < 1) throw new IllegalArgumentException("maxPhotoBytes must be >= 1: " + maxPhotoBytes);
      this.maxPhotoBytes = maxPhotoBytes;
      return this;
    }

    /** Replaces real waiting (rate limits, backoff); for tests. */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** Replaces the monotonic clock of the per-channel pacing; for tests. */
    Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker == null");
      return this;
    }

    /** Replaces the process-wide per-key budgets; for tests. */
    Builder budgets(TokenBudgets budgets) {
      this.budgets = Objects.requireNonNull(budgets, "budgets == null");
      return this;
    }

    /**
     * Builds the platform.
     *
     * @throws IllegalStateException when no bot key was given.
     */
    public MaxPlatform build() {
      if (tokens.isEmpty()) throw new IllegalStateException("at least one botToken is required");
      return new MaxPlatform(this, Objects.requireNonNull(HttpUrl.parse(baseUrl)));
    }

    @Override
    public String toString() {
      return "MaxPlatform.Builder{baseUrl=" + baseUrl + ", bots=" + tokens.size() + "}";
    }
  }
}
