package ru.gospubliki.vk.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.PlatformException;
import ru.gospubliki.platform.PublishResult;
import ru.gospubliki.vk.VkApiException;
import ru.gospubliki.vk.VkCaptchaException;
import ru.gospubliki.vk.VkMalformedResponseException;

/**
 * Publishes, edits and deletes wall posts with a user token. Every post carries a {@code guid}
 * derived from the draft's idempotency key; after an ambiguous failure the post is re-sent only
 * with that guid inside VK's one-hour window, otherwise reconciled through {@code wall.get}.
 */
public final class Publisher {
  /** VK deduplicates a repeated guid for one hour; keep a margin. */
  static final Duration GUID_WINDOW = Duration.ofMinutes(55);
  static final int MAX_RESENDS = 2;
  private static final Logger LOG = Logger.getLogger(Publisher.class.getName());
  public static final String NO_USER_TOKEN = "для публикации во ВКонтакте нужен ключ пользователя "
      + "(user token) администратора или редактора сообщества с правами wall и photos: "
      + "ключ сообщества и сервисный ключ публиковать не могут";

  private final VkClient client;
  private final @Nullable Token userToken;
  private final Capabilities limits;
  private final Clock clock;
  private final Reader reader;
  private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();

  public Publisher(VkClient client, @Nullable Token userToken, Capabilities limits, Clock clock, Reader reader) {
    this.client = client;
    this.userToken = userToken;
    this.limits = limits;
    this.clock = clock;
    this.reader = reader;
  }

  /** What is known about one draft on one community. */
  private static final class Attempt {
    @Nullable Instant firstSentAt;
    boolean ambiguous;
    @Nullable PublishResult done;
  }

  public PublishResult publish(PageRef page, PostDraft draft) {
    Token token = userToken;
    if (token == null) return new PublishResult.Failed(page, FailureReason.ACCESS_DENIED, NO_USER_TOKEN);
    List<String> problems = DraftCheck.problems(draft, limits, clock.instant());
    if (!problems.isEmpty()) return new PublishResult.Rejected(page, problems);
    long gid;
    try {
      gid = groupId(page);
    } catch (PlatformException e) {
      return new PublishResult.Failed(page, e.reason(), String.valueOf(e.getMessage()));
    }
    String key = gid + ":" + draft.idempotencyKey();
    Attempt attempt = attempts.computeIfAbsent(key, k -> new Attempt());
    synchronized (attempt) {
      if (attempt.done != null) return withPage(attempt.done, page);
      Instant first = attempt.firstSentAt;
      if (attempt.ambiguous && first != null && !withinWindow(first)) {
        PublishResult found = reconcile(page, gid, draft, first, token);
        if (found != null) return settled(attempt, found); // found, or the wall could not be checked
        attempt.firstSentAt = null; // checked, nothing arrived: a fresh send opens a new guid window
        attempt.ambiguous = false;
      }
      List<String> attachments;
      try {
        attachments = uploadPhotos(gid, draft.photos(), token);
      } catch (UploadFailure e) {
        return new PublishResult.Failed(page, FailureReason.REFUSED, String.valueOf(e.getMessage()));
      }
      String link = draft.link();
      if (link != null) attachments.add(link);
      Map<String, String> params = postParams(gid, draft, attachments);
      params.put("guid", guid(key));
      return send(page, gid, draft, params, attempt, token);
    }
  }

  private PublishResult send(PageRef page, long gid, PostDraft draft, Map<String, String> params,
      Attempt attempt, Token token) {
    for (int resends = 0; ; resends++) {
      if (attempt.firstSentAt == null) attempt.firstSentAt = clock.instant();
      Instant first = attempt.firstSentAt;
      try {
        Object response = client.call("wall.post", params, token, false).response();
        Long postId = Json.longValue(Json.object(response), "post_id");
        if (postId == null) {
          attempt.ambiguous = true;
          PublishResult found = reconcile(page, gid, draft, first, token);
          return found != null ? settled(attempt, found)
              : new PublishResult.Unknown(page, "VK ответил без номера записи; проверьте стену сообщества");
        }
        return remember(attempt, result(page, gid, postId, draft));
      } catch (VkCaptchaException e) {
        throw e;
      } catch (VkMalformedResponseException | IOException e) {
        if (e instanceof ConnectException || e instanceof UnknownHostException) {
          if (!attempt.ambiguous) {
            attempt.firstSentAt = null;
            return new PublishResult.Failed(page, FailureReason.NETWORK, "VK недоступен, запись не отправлена: " + e.getClass().getSimpleName());
          }
          PublishResult found = reconcile(page, gid, draft, first, token);
          return found != null ? settled(attempt, found) : unknown(page, first);
        }
        // The request may have reached VK: a cut connection, a timeout, a proxy's error page.
        attempt.ambiguous = true;
        LOG.log(Level.FINE, "wall.post to -{0}: ambiguous failure ({1})", new Object[] {gid, e.getClass().getSimpleName()});
        if (resends < MAX_RESENDS && withinWindow(first)) continue; // same guid: VK keeps one post
        PublishResult found = reconcile(page, gid, draft, first, token);
        return found != null ? settled(attempt, found) : unknown(page, first);
      } catch (VkApiException e) {
        if (attempt.ambiguous) { // an earlier send of this post may have arrived
          PublishResult found = reconcile(page, gid, draft, first, token);
          return found != null ? settled(attempt, found) : unknown(page, first);
        }
        boolean serverError = e.errorCode() == 1 || e.errorCode() == 10;
        // VK's internal errors may come after the post was written: a later send after the guid
        // window checks the wall first.
        if (serverError) attempt.ambiguous = true;
        return new PublishResult.Failed(page, e.reason(), describe(e));
      }
    }
  }

  public PublishResult edit(PageRef page, String postId, PostDraft draft) {
    Token token = userToken;
    if (token == null) return new PublishResult.Failed(page, FailureReason.ACCESS_DENIED, NO_USER_TOKEN);
    List<String> problems = DraftCheck.problems(draft, limits, clock.instant());
    if (!problems.isEmpty()) return new PublishResult.Rejected(page, problems);
    long id = postId(postId);
    try {
      long gid = groupId(page);
      List<String> attachments = uploadPhotos(gid, draft.photos(), token);
      String link = draft.link();
      if (link != null) attachments.add(link);
      Map<String, String> params = postParams(gid, draft, attachments);
      params.put("post_id", Long.toString(id));
      client.call("wall.edit", params, token, true); // an edit repeated with the same content is harmless
      return result(page, gid, id, draft);
    } catch (VkCaptchaException e) {
      throw e;
    } catch (VkApiException e) {
      return new PublishResult.Failed(page, e.reason(), describe(e));
    } catch (UploadFailure e) {
      return new PublishResult.Failed(page, FailureReason.REFUSED, String.valueOf(e.getMessage()));
    } catch (PlatformException e) {
      return new PublishResult.Failed(page, e.reason(), String.valueOf(e.getMessage()));
    } catch (IOException e) {
      return new PublishResult.Failed(page, FailureReason.NETWORK, "VK недоступен: " + e.getClass().getSimpleName());
    }
  }

  public void delete(PageRef page, String postId) {
    Token token = userToken;
    if (token == null) throw new PlatformException(FailureReason.AUTHORIZATION, NO_USER_TOKEN);
    long id = postId(postId);
    long gid = groupId(page);
    try {
      client.call("wall.delete", Map.of("owner_id", "-" + gid, "post_id", Long.toString(id)), token, true);
    } catch (IOException e) {
      throw new PlatformException(FailureReason.NETWORK, "VK недоступен: " + e.getClass().getSimpleName(), e);
    }
  }

  private PublishResult remember(Attempt attempt, PublishResult result) {
    attempt.done = result;
    return result;
  }

  private boolean withinWindow(Instant firstSentAt) {
    return Duration.between(firstSentAt, clock.instant()).compareTo(GUID_WINDOW) < 0;
  }

  private PublishResult unknown(PageRef page, Instant firstSentAt) {
    return new PublishResult.Unknown(page, "связь с VK оборвалась после отправки записи (" + firstSentAt
        + "), и на стене её не удалось найти; повторная публикация того же черновика не создаст дубль "
        + "до " + firstSentAt.plus(GUID_WINDOW) + ", позже — сначала сверяется со стеной");
  }

  /**
   * A reconciliation's answer: a found post is remembered; {@code Unknown} (the wall could not be
   * checked) is not, so the next publish of the draft checks again instead of sending.
   */
  private PublishResult settled(Attempt attempt, PublishResult found) {
    return found instanceof PublishResult.Unknown ? found : remember(attempt, found);
  }

  /**
   * Looks for the draft's post on the wall (or among postponed posts): the post when found, null
   * when the wall was read and the post is not there, {@code Unknown} when the wall could not be
   * read or the draft cannot be told apart (no text): never "absent" without having looked.
   */
  private @Nullable PublishResult reconcile(PageRef page, long gid, PostDraft draft, Instant firstSentAt, Token token) {
    Instant scheduledAt = draft.scheduledAt();
    String text = draft.fullText().strip();
    if (text.isEmpty()) {
      return new PublishResult.Unknown(page, "запись без текста нельзя сверить со стеной VK после обрыва связи "
          + "(" + firstSentAt + "); проверьте стену сообщества, прежде чем публиковать снова");
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("owner_id", "-" + gid);
    params.put("filter", scheduledAt != null ? "postponed" : "owner");
    params.put("count", "100");
    try {
      Object response = client.call("wall.get", params, token, true).response();
      for (Object item : Json.list(Json.object(response), "items")) {
        Map<String, Object> post = Json.object(item);
        Long id = Json.longValue(post, "id");
        Long date = Json.longValue(post, "date");
        String postText = Json.string(post, "text");
        if (id == null || date == null) continue;
        if (!text.equals(postText == null ? "" : postText.strip())) continue;
        boolean sameTime = scheduledAt != null
            ? date == scheduledAt.getEpochSecond()
            : date >= firstSentAt.getEpochSecond() - 120;
        if (sameTime) return result(page, gid, id, draft);
      }
      return null;
    } catch (IOException | VkApiException e) {
      LOG.log(Level.FINE, "wall.get reconciliation for -{0} failed", gid);
      return new PublishResult.Unknown(page, "связь с VK оборвалась после отправки записи (" + firstSentAt
          + "), а стену проверить не удалось; проверьте стену сообщества, прежде чем публиковать снова");
    }
  }

  private static PublishResult result(PageRef page, long gid, long postId, PostDraft draft) {
    String url = PostMapper.url(gid, postId);
    Instant scheduledAt = draft.scheduledAt();
    return scheduledAt != null
        ? new PublishResult.Scheduled(page, Long.toString(postId), url, scheduledAt)
        : new PublishResult.Published(page, Long.toString(postId), url);
  }

  private static PublishResult withPage(PublishResult result, PageRef page) {
    if (result.page().equals(page)) return result;
    if (result instanceof PublishResult.Published p) return new PublishResult.Published(page, p.postId(), p.url());
    if (result instanceof PublishResult.Scheduled s) return new PublishResult.Scheduled(page, s.postId(), s.url(), s.publishAt());
    return result;
  }

  private static Map<String, String> postParams(long gid, PostDraft draft, List<String> attachments) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("owner_id", "-" + gid);
    params.put("from_group", "1");
    String text = draft.fullText();
    if (!text.isEmpty()) params.put("message", text);
    if (!attachments.isEmpty()) params.put("attachments", String.join(",", attachments));
    Instant scheduledAt = draft.scheduledAt();
    if (scheduledAt != null) params.put("publish_date", Long.toString(scheduledAt.getEpochSecond()));
    if (draft.markedAsAd()) params.put("mark_as_ads", "1");
    return params;
  }

  private List<String> uploadPhotos(long gid, List<DraftPhoto> photos, Token token) throws UploadFailure {
    List<String> attachments = new ArrayList<>();
    if (photos.isEmpty()) return attachments;
    String name = "";
    try {
      Object server = client.call("photos.getWallUploadServer", Map.of("group_id", Long.toString(gid)), token, true)
          .response();
      String uploadUrl = Json.string(Json.object(server), "upload_url");
      HttpUrl url = uploadUrl == null ? null : HttpUrl.parse(uploadUrl);
      if (url == null) throw new UploadFailure("VK не выдал адрес для загрузки фото");
      for (DraftPhoto photo : photos) {
        name = photo.fileName();
        byte[] content = photo.readAll();
        Map<String, Object> uploaded = client.upload("photos.getWallUploadServer", url, "photo",
            photo.fileName(), photo.mediaType(), content);
        String photoField = Json.string(uploaded, "photo");
        String serverId = Json.string(uploaded, "server");
        String hash = Json.string(uploaded, "hash");
        if (photoField == null || photoField.equals("[]") || serverId == null || hash == null) {
          throw new UploadFailure("фото «" + name + "» не загружено: сервер загрузки VK отклонил файл");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("group_id", Long.toString(gid));
        params.put("photo", photoField);
        params.put("server", serverId);
        params.put("hash", hash);
        Object saved = client.call("photos.saveWallPhoto", params, token, false).response();
        Map<String, Object> first = Json.object(Json.list(saved).isEmpty() ? null : Json.list(saved).get(0));
        Long id = Json.longValue(first, "id");
        Long owner = Json.longValue(first, "owner_id");
        if (id == null || owner == null) {
          throw new UploadFailure("фото «" + name + "» не сохранено: VK не вернул его номер");
        }
        String accessKey = Json.string(first, "access_key");
        attachments.add("photo" + owner + "_" + id + (accessKey != null ? "_" + accessKey : ""));
      }
      return attachments;
    } catch (VkApiException e) {
      if (e instanceof VkCaptchaException) throw e;
      throw new UploadFailure((name.isEmpty() ? "загрузка фото" : "фото «" + name + "»") + ": " + describe(e));
    } catch (IOException e) {
      throw new UploadFailure((name.isEmpty() ? "загрузка фото" : "фото «" + name + "»")
          + ": VK недоступен (" + e.getClass().getSimpleName() + ")");
    }
  }

  private long groupId(PageRef page) {
    if (page.isNumeric()) return page.numericId();
    FetchResult<PageRef> resolved = reader.resolve(List.of(page)).get(page);
    if (resolved instanceof FetchResult.Success<PageRef> success) return success.value().numericId();
    if (resolved instanceof FetchResult.Failure<PageRef> failure) {
      throw new PlatformException(failure.reason(), "сообщество " + page + ": " + failure.detail());
    }
    throw new PlatformException(FailureReason.NOT_FOUND, "сообщество " + page + " не найдено");
  }

  private static long postId(String postId) {
    try {
      long id = Long.parseLong(postId.trim());
      if (id > 0) return id;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException("номер записи VK должен быть положительным числом: «" + postId + "»");
  }

  static String describe(VkApiException e) {
    return e.errorCode() == 0
        ? "некорректный ответ VK на " + e.method() + ": " + e.errorMessage()
        : "VK отказал в " + e.method() + " (ошибка " + e.errorCode() + "): " + e.errorMessage();
  }

  static String guid(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "gsp" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** A photo could not be uploaded: nothing is posted. */
  private static final class UploadFailure extends Exception {
    private static final long serialVersionUID = 1L;

    UploadFailure(String message) {
      super(message, null, false, false);
    }
  }
}
