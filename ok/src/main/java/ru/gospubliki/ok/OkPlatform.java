package ru.gospubliki.ok;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.ok.internal.Attachment;
import ru.gospubliki.ok.internal.OkApiClient;
import ru.gospubliki.ok.internal.OkJson;
import ru.gospubliki.ok.internal.OkSigner;
import ru.gospubliki.ok.internal.ProfileMapper;
import ru.gospubliki.ok.internal.RateLimiter;
import ru.gospubliki.ok.internal.Sleeper;
import ru.gospubliki.ok.internal.TopicMapper;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.Operation;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.platform.PlatformException;
import ru.gospubliki.platform.PublishResult;

/**
 * OK (Одноклассники) for the SDK: reads group profiles and topics for the audit, publishes topics on
 * behalf of a group. Calls are signed, spaced by a client-side rate limiter (OK publishes no limit;
 * 3 requests per second by default), and retried with backoff only where a retry cannot duplicate
 * anything.
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

  private static final int MAX_TOPIC_PAGES = 100;
  /** Tolerated difference between this clock and OK's when matching a topic to a send. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
  private static final String NOT_FOUND = "связь с ОК прервалась после отправки, и тема не найдена среди "
      + "последних тем группы: проверьте группу вручную, прежде чем отправлять снова";
  private final OkApiClient api;
  private final HttpUrl baseUrl;
  private final String applicationKey;
  private final Clock clock;
  private final Capabilities capabilities;
  private final int groupInfoBatchSize;
  private final int topicsPageSize;
  private final Map<String, Long> resolvedNames = new ConcurrentHashMap<>();
  private final Map<String, PublishResult> outcomes = new ConcurrentHashMap<>();
  /** When each draft (by group and idempotency key) was first sent. */
  private final Map<String, Instant> firstSent = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  private OkPlatform(Builder builder, HttpUrl baseUrl) {
    this.baseUrl = baseUrl;
    this.applicationKey = Objects.requireNonNull(builder.applicationKey);
    String accessToken = Objects.requireNonNull(builder.accessToken);
    String secretKey = Objects.requireNonNull(builder.applicationSecretKey);
    this.clock = builder.clock;
    OkSigner signer = OkSigner.forSession(accessToken, secretKey, builder.sessionSecretKey);
    List<String> secrets = new ArrayList<>(List.of(accessToken, secretKey));
    if (builder.sessionSecretKey != null) secrets.add(builder.sessionSecretKey);
    this.api = new OkApiClient(builder.client, baseUrl, applicationKey, accessToken, signer,
        new RateLimiter(builder.requestsPerSecond, clock, builder.sleeper), builder.sleeper,
        builder.maxAttempts, builder.initialBackoff, secrets);
    this.groupInfoBatchSize = builder.groupInfoBatchSize;
    this.topicsPageSize = builder.topicsPageSize;
    this.capabilities = Capabilities.builder()
        .platform(PlatformId.OK)
        .addOperations(Operation.READ_PROFILES, Operation.READ_POSTS, Operation.PUBLISH,
            Operation.SCHEDULE, Operation.UPLOAD_PHOTOS)
        .maxTextLength(builder.maxTextLength)
        .maxMedia(builder.maxPhotos)
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
    return PlatformId.OK;
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  // Reading.

  @Override
  public Map<PageRef, FetchResult<PageRef>> resolve(Collection<PageRef> pages) {
    Map<PageRef, FetchResult<PageRef>> result = new LinkedHashMap<>();
    Stop stop = new Stop();
    for (PageRef page : pages) {
      if (result.containsKey(page)) continue;
      if (!page.platform().equals(PlatformId.OK)) {
        result.put(page, FetchResult.failure(FailureReason.NOT_FOUND, "страница не в ОК: " + page.url()));
      } else if (page.isNumeric()) {
        result.put(page, FetchResult.success(page));
      } else if (resolvedNames.containsKey(page.id())) {
        result.put(page, FetchResult.success(PageRef.of(PlatformId.OK, resolvedNames.get(page.id()).toString())));
      } else if (stop.failure != null) {
        result.put(page, stop.failure.cast());
      } else {
        result.put(page, resolveName(page, stop));
      }
    }
    return result;
  }

  private FetchResult<PageRef> resolveName(PageRef page, Stop stop) {
    String name = page.id();
    try {
      Object answer = api.call("url.getInfo", Map.of("url", "https://ok.ru/" + name));
      Map<String, @Nullable Object> info = OkJson.asMap(answer);
      if (info == null) throw new OkMalformedResponseException("url.getInfo", "not an object");
      String type = OkJson.text(info, "type");
      Long id = OkJson.longValue(info, "objectId");
      if (type == null || !type.equalsIgnoreCase("GROUP")) {
        return FetchResult.failure(FailureReason.NOT_FOUND,
            "«" + name + "» в ОК — не группа" + (type == null ? "" : " (" + type + ")"));
      }
      if (id == null || id <= 0) throw new OkMalformedResponseException("url.getInfo", "no objectId");
      resolvedNames.put(name, id);
      return FetchResult.success(PageRef.of(PlatformId.OK, id.toString()));
    } catch (OkApiException | IOException e) {
      return stop.record(failure(e));
    }
  }

  @Override
  public Map<PageRef, FetchResult<ProfileSnapshot>> fetchProfiles(Collection<PageRef> pages) {
    Map<PageRef, FetchResult<PageRef>> resolved = resolve(pages);
    Set<Long> ids = new LinkedHashSet<>();
    resolved.values().forEach(r -> {
      if (r instanceof FetchResult.Success) ids.add(((FetchResult.Success<PageRef>) r).value().numericId());
    });
    Map<Long, FetchResult<ProfileSnapshot>> byId = new LinkedHashMap<>();
    List<Long> all = new ArrayList<>(ids);
    Stop stop = new Stop();
    for (int from = 0; from < all.size(); from += groupInfoBatchSize) {
      List<Long> batch = all.subList(from, Math.min(all.size(), from + groupInfoBatchSize));
      if (stop.failure != null) {
        for (Long id : batch) byId.put(id, stop.failure.cast());
        continue;
      }
      byId.putAll(fetchBatch(batch, stop));
    }
    Map<PageRef, FetchResult<ProfileSnapshot>> result = new LinkedHashMap<>();
    resolved.forEach((page, r) -> {
      if (r instanceof FetchResult.Failure) {
        result.put(page, ((FetchResult.Failure<PageRef>) r).cast());
      } else {
        long id = ((FetchResult.Success<PageRef>) r).value().numericId();
        result.put(page, byId.getOrDefault(id,
            FetchResult.failure(FailureReason.NOT_FOUND, "группа " + id + " не найдена в ОК")));
      }
    });
    return result;
  }

  private Map<Long, FetchResult<ProfileSnapshot>> fetchBatch(List<Long> batch, Stop stop) {
    Map<Long, FetchResult<ProfileSnapshot>> result = new LinkedHashMap<>();
    try {
      StringBuilder uids = new StringBuilder();
      for (Long id : batch) uids.append(uids.length() == 0 ? "" : ",").append(id);
      Object answer = api.call("group.getInfo", Map.of("uids", uids.toString(), "fields", ProfileMapper.FIELDS));
      List<@Nullable Object> groups = ProfileMapper.groups(answer);
      if (groups == null) throw new OkMalformedResponseException("group.getInfo", "neither an array nor {\"groups\":[...]}");
      Instant now = clock.instant();
      for (Object item : groups) {
        Map<String, @Nullable Object> group = OkJson.asMap(item);
        Long uid = group == null ? null : OkJson.longValue(group, "uid");
        if (group == null || uid == null || !batch.contains(uid)) continue;
        try {
          result.put(uid, FetchResult.success(ProfileMapper.map(group, now)));
        } catch (RuntimeException e) {
          result.put(uid, FetchResult.failure(FailureReason.API_ERROR,
              "ОК вернул нечитаемый профиль группы " + uid + ": " + e.getMessage()));
        }
      }
    } catch (OkApiException | IOException e) {
      FetchResult.Failure<Object> failure = stop.record(failure(e));
      for (Long id : batch) result.put(id, failure.cast());
    }
    return result;
  }

  @Override
  public Map<PageRef, FetchResult<List<Post>>> fetchPosts(Collection<PageRef> pages, Instant since) {
    Map<PageRef, FetchResult<PageRef>> resolved = resolve(pages);
    Map<PageRef, FetchResult<List<Post>>> result = new LinkedHashMap<>();
    Stop stop = new Stop();
    resolved.forEach((page, r) -> {
      if (r instanceof FetchResult.Failure) {
        result.put(page, ((FetchResult.Failure<PageRef>) r).cast());
      } else if (stop.failure != null) {
        result.put(page, stop.failure.cast());
      } else {
        try {
          result.put(page, FetchResult.success(topics(((FetchResult.Success<PageRef>) r).value(), since)));
        } catch (OkApiException | IOException e) {
          result.put(page, stop.record(failure(e)).cast());
        }
      }
    });
    return result;
  }

  /** The group's topics created at or after {@code since}, plus pinned ones, paging as far as needed. */
  private List<Post> topics(PageRef group, Instant since) throws IOException {
    List<Post> posts = new ArrayList<>();
    Set<String> seenIds = new HashSet<>();
    Set<String> seenAnchors = new HashSet<>();
    String anchor = null;
    for (int pageNo = 0; pageNo < MAX_TOPIC_PAGES; pageNo++) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("gid", Long.toString(group.numericId()));
      params.put("count", Integer.toString(topicsPageSize));
      params.put("fields", "media_topic.*");
      if (anchor != null) {
        params.put("anchor", anchor);
        params.put("direction", "FORWARD");
      }
      Map<String, @Nullable Object> answer = OkJson.asMap(api.call("mediatopic.getTopics", params));
      if (answer == null) throw new OkMalformedResponseException("mediatopic.getTopics", "not an object");
      List<@Nullable Object> topics = OkJson.asList(answer.get("media_topics"));
      boolean reachedOlder = false;
      int fresh = 0;
      if (topics != null) {
        for (Object item : topics) {
          Map<String, @Nullable Object> topic = OkJson.asMap(item);
          Post post = topic == null ? null : TopicMapper.map(group, topic);
          if (post == null || !seenIds.add(post.id())) continue;
          fresh++;
          boolean inWindow = !post.publishedAt().isBefore(since);
          if (inWindow || post.pinned()) posts.add(post);
          if (!inWindow && !post.pinned()) reachedOlder = true;
        }
      }
      String next = OkJson.text(answer, "anchor");
      Boolean hasMore = OkJson.bool(answer, "has_more");
      if (reachedOlder || fresh == 0 || Boolean.FALSE.equals(hasMore) || next == null || !seenAnchors.add(next)) {
        break;
      }
      anchor = next;
    }
    return posts;
  }

  // Publishing.

  @Override
  public PublishResult publish(PageRef page, PostDraft draft) {
    List<String> problems = check(draft);
    if (!problems.isEmpty()) return new PublishResult.Rejected(page, problems);
    FetchResult<PageRef> resolved = resolve(List.of(page)).get(page);
    if (!(resolved instanceof FetchResult.Success<PageRef> success)) {
      String reason = resolved instanceof FetchResult.Failure<PageRef> failure ? failure.reportReason() : "not_found";
      return new PublishResult.Failed(page, "группа не определена: " + reason, true);
    }
    long gid = success.value().numericId();
    String key = gid + "/" + draft.idempotencyKey();
    // One publication of a draft at a time, so two threads cannot both send it.
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      return publishOnce(page, gid, draft, key);
    }
  }

  private PublishResult publishOnce(PageRef page, long gid, PostDraft draft, String key) {
    PublishResult previous = outcomes.get(key);
    if (previous instanceof PublishResult.Published || previous instanceof PublishResult.Scheduled) {
      return previous;
    }
    if (previous instanceof PublishResult.Unknown) {
      // The earlier attempt may have arrived: look for it before sending anything again.
      PublishResult found = reconcile(page, gid, draft, firstSent.getOrDefault(key, clock.instant()));
      if (!(found instanceof PublishResult.Unknown)) {
        outcomes.put(key, found);
        return found;
      }
      // Re-send only when the recent topics were read and the text is not among them.
      if (!((PublishResult.Unknown) found).detail().equals(NOT_FOUND)) return found;
    }
    PublishResult result = send(page, gid, draft, key);
    outcomes.put(key, result);
    return result;
  }

  private PublishResult send(PageRef page, long gid, PostDraft draft, String key) {
    List<byte[]> contents = new ArrayList<>();
    for (DraftPhoto photo : draft.photos()) {
      try {
        contents.add(photo.readAll());
      } catch (IOException e) {
        return new PublishResult.Failed(page, "фото «" + photo.fileName() + "» не прочитано: "
            + e.getClass().getSimpleName(), false);
      }
    }
    List<String> tokens;
    try {
      tokens = uploadPhotos(gid, draft.photos(), contents);
    } catch (OkApiException e) {
      return new PublishResult.Failed(page, "фото не загружены: " + failure(e).reportReason(),
          !(e instanceof OkContentException) && !(e instanceof OkSignatureException));
    } catch (IOException e) {
      return new PublishResult.Failed(page, "фото не загружены: " + failure(e).reportReason(), true);
    }
    String attachment = Attachment.write(draft.fullText(), tokens, draft.link(), draft.scheduledAt());
    Map<String, String> params = new LinkedHashMap<>();
    params.put("gid", Long.toString(gid));
    params.put("type", "GROUP_THEME");
    params.put("attachment", attachment);
    Instant sentAt = firstSent.computeIfAbsent(key, k -> clock.instant());
    Object answer;
    try {
      answer = api.callOnce("mediatopic.post", params);
    } catch (OkServiceException | OkMalformedResponseException e) {
      return reconcile(page, gid, draft, sentAt); // OK may have recorded the topic before failing.
    } catch (OkApiException e) {
      boolean retrySafe = e instanceof OkRateLimitException || e instanceof OkSessionException;
      return new PublishResult.Failed(page, failure(e).reportReason(), retrySafe);
    } catch (ConnectException | UnknownHostException e) {
      return new PublishResult.Failed(page, failure(e).reportReason(), true); // Never sent.
    } catch (IOException e) {
      return reconcile(page, gid, draft, sentAt);
    }
    String id = OkJson.asString(answer);
    if (id == null) {
      Map<String, @Nullable Object> map = OkJson.asMap(answer);
      id = map == null ? null : OkJson.text(map, "id");
    }
    if (id == null || id.isBlank()) return reconcile(page, gid, draft, sentAt);
    return result(page, gid, id.strip(), draft.scheduledAt());
  }

  private PublishResult result(PageRef page, long gid, String topicId, @Nullable Instant scheduledAt) {
    String url = TopicMapper.topicUrl(gid, topicId);
    return scheduledAt == null
        ? new PublishResult.Published(page, topicId, url)
        : new PublishResult.Scheduled(page, topicId, url, scheduledAt);
  }

  /**
   * Looks for the draft's topic among the group's topics created since it was first sent: the group's
   * own topic with the same text, not already known as another draft's, means it was published.
   */
  private PublishResult reconcile(PageRef page, long gid, PostDraft draft, Instant sentAt) {
    String text = normalise(draft.fullText());
    if (text.isEmpty()) {
      return new PublishResult.Unknown(page, "связь с ОК прервалась после отправки; пост без текста "
          + "нельзя найти среди тем группы: проверьте группу вручную");
    }
    List<Post> recent;
    try {
      recent = topics(PageRef.of(PlatformId.OK, Long.toString(gid)), sentAt.minus(CLOCK_SKEW));
    } catch (OkApiException | IOException e) {
      return new PublishResult.Unknown(page, "связь с ОК прервалась после отправки, а проверить последние "
          + "темы группы не удалось (" + failure(e).reportReason() + "): проверьте группу вручную");
    }
    Set<String> taken = new HashSet<>();
    for (PublishResult known : outcomes.values()) {
      if (known instanceof PublishResult.Published) taken.add(((PublishResult.Published) known).postId());
      if (known instanceof PublishResult.Scheduled) taken.add(((PublishResult.Scheduled) known).postId());
    }
    Post match = null;
    for (Post post : recent) {
      if (post.authorKind() != AuthorKind.COMMUNITY || !normalise(post.text()).equals(text)) continue;
      if (post.publishedAt().isBefore(sentAt.minus(CLOCK_SKEW)) || taken.contains(post.id())) continue;
      if (match == null || post.publishedAt().isAfter(match.publishedAt())) match = post;
    }
    if (match == null) return new PublishResult.Unknown(page, NOT_FOUND);
    return result(page, gid, match.id(), draft.scheduledAt());
  }

  private static String normalise(String text) {
    return text.replace("\r\n", "\n").strip();
  }

  private List<String> uploadPhotos(long gid, List<DraftPhoto> photos, List<byte[]> contents)
      throws IOException {
    if (photos.isEmpty()) return List.of();
    Object answer = api.call("photosV2.getUploadUrl",
        Map.of("gid", Long.toString(gid), "count", Integer.toString(photos.size())));
    Map<String, @Nullable Object> upload = OkJson.asMap(answer);
    String url = upload == null ? null : OkJson.text(upload, "upload_url");
    HttpUrl uploadUrl = url == null ? null : HttpUrl.parse(url);
    if (upload == null || uploadUrl == null) {
      throw new OkMalformedResponseException("photosV2.getUploadUrl", "no upload_url");
    }
    List<String> photoIds = new ArrayList<>();
    List<@Nullable Object> ids = OkJson.asList(upload.get("photo_ids"));
    if (ids != null) ids.forEach(id -> {
      String s = OkJson.asString(id);
      if (s != null) photoIds.add(s);
    });
    Map<String, @Nullable Object> uploaded = OkJson.asMap(api.upload(uploadUrl, photos, contents));
    Map<String, @Nullable Object> byId = uploaded == null ? null : OkJson.asMap(uploaded.get("photos"));
    if (byId == null) throw new OkMalformedResponseException("photo upload", "no photos object");
    List<String> order = photoIds.size() == byId.size() && byId.keySet().containsAll(photoIds)
        ? photoIds
        : new ArrayList<>(byId.keySet());
    List<String> tokens = new ArrayList<>();
    for (String id : order) {
      Map<String, @Nullable Object> photo = OkJson.asMap(byId.get(id));
      String token = photo == null ? null : OkJson.text(photo, "token");
      if (token == null) throw new OkMalformedResponseException("photo upload", "no token for photo " + id);
      tokens.add(token);
    }
    if (tokens.size() != photos.size()) {
      throw new OkMalformedResponseException("photo upload", tokens.size() + " tokens for " + photos.size() + " photos");
    }
    return tokens;
  }

  /** What in the draft OK would refuse, in Russian, all at once. */
  private List<String> check(PostDraft draft) {
    List<String> problems = new ArrayList<>();
    String text = draft.fullText();
    int length = text.codePointCount(0, text.length());
    if (length > capabilities.maxTextLength()) {
      problems.add("текст длиннее " + capabilities.maxTextLength() + " символов, допустимых для ОК: " + length);
    }
    if (text.isBlank() && draft.photos().isEmpty() && draft.link() == null) {
      problems.add("пост пуст: нет ни текста, ни фото, ни ссылки");
    }
    if (draft.photos().size() > capabilities.maxMedia()) {
      problems.add("фото больше " + capabilities.maxMedia() + ", допустимых для ОК: " + draft.photos().size());
    }
    for (DraftPhoto photo : draft.photos()) {
      if (!capabilities.photoMediaTypes().contains(photo.mediaType().toLowerCase(Locale.ROOT))) {
        problems.add("фото «" + photo.fileName() + "»: формат " + photo.mediaType()
            + " не принимается ОК (нужен JPEG, PNG или GIF)");
      }
      if (photo.size() > capabilities.maxPhotoBytes()) {
        problems.add("фото «" + photo.fileName() + "»: " + photo.size() + " байт, больше предела "
            + capabilities.maxPhotoBytes());
      }
    }
    String link = draft.link();
    if (link != null && HttpUrl.parse(link) == null) {
      problems.add("ссылка «" + link + "» должна быть адресом http:// или https://");
    }
    Instant at = draft.scheduledAt();
    if (at != null && !at.isAfter(clock.instant())) {
      problems.add("время публикации " + Attachment.publishAt(at) + " (МСК) уже прошло");
    }
    return problems;
  }

  @Override
  public PublishResult edit(PageRef page, String postId, PostDraft draft) {
    return new PublishResult.Rejected(page, List.of("редактирование тем ОК пока не поддерживается"));
  }

  @Override
  public void delete(PageRef page, String postId) {
    throw new PlatformException(FailureReason.API_ERROR, "deleting OK topics is not supported yet");
  }

  // Failures.

  /** Remembers a failure that every further call of a bulk operation would meet too. */
  private static final class Stop {
    FetchResult.@Nullable Failure<Object> failure;

    <T> FetchResult.Failure<T> record(FetchResult.Failure<T> f) {
      if (f.reason() == FailureReason.RATE_LIMITED || f.reason() == FailureReason.AUTHORIZATION) {
        failure = f.cast();
      }
      return f;
    }
  }

  private static <T> FetchResult.Failure<T> failure(Exception e) {
    if (e instanceof OkApiException) {
      OkApiException ok = (OkApiException) e;
      return new FetchResult.Failure<>(ok.reason(), detail(ok));
    }
    return new FetchResult.Failure<>(FailureReason.NETWORK, "ОК недоступен (" + e.getClass().getSimpleName() + ")");
  }

  private static String detail(OkApiException e) {
    int code = e.errorCode();
    if (e instanceof OkRateLimitException) return "ОК ограничил частоту запросов (код " + code + "): повторите через несколько минут";
    if (e instanceof OkSessionException) return "токен доступа ОК истёк или недействителен (код " + code + "): нужна повторная авторизация";
    if (e instanceof OkSignatureException) return "ОК отверг подпись запроса (код " + code + "): проверьте секретный ключ приложения";
    if (e instanceof OkContentException) return "ОК отклонил содержимое (код " + code + ")";
    if (e instanceof OkServiceException) return "сервис ОК недоступен (код " + code + ")";
    if (e instanceof OkMalformedResponseException) return "ОК вернул нечитаемый ответ на " + e.method();
    if (e.reason() == FailureReason.NOT_FOUND) return "не найдено в ОК (код " + code + ")";
    if (e.reason() == FailureReason.ACCESS_DENIED) return "нет прав в ОК (код " + code + ")";
    return "ОК отказал в запросе " + e.method() + " (код " + code + ")";
  }

  @Override
  public String toString() {
    return "OkPlatform{baseUrl=" + baseUrl + ", applicationKey=" + applicationKey + "}";
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
      return "OkPlatform.Builder{baseUrl=" + baseUrl + ", applicationKey=" + applicationKey + "}";
    }
  }

  /** One client for all platforms that were given none, created on first use. */
  private static final class DefaultClient {
    static final OkHttpClient INSTANCE = new OkHttpClient();
  }
}
