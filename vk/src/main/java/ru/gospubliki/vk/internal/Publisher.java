package ru.gospubliki.vk.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.DraftGate;
import ru.gospubliki.internal.http.CallFailure;
import ru.gospubliki.internal.http.Each;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.CaptchaAnswer;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.Operation;
import ru.gospubliki.platform.PlatformException;
import ru.gospubliki.platform.PostLookup;
import ru.gospubliki.platform.SendRequest;
import ru.gospubliki.platform.SendResult;
import ru.gospubliki.vk.VkApiException;
import ru.gospubliki.vk.VkCaptchaException;

/**
 * Publishes, edits and deletes wall posts with the key {@link PostingCredentials} chooses for each
 * community: a user key that may post there, else the community's own key (text only). Every post carries a {@code guid}
 * derived from the draft's idempotency key, so VK keeps one post however often the same draft is
 * sent within its hour. {@link #send} makes one attempt and {@link #findExisting} looks for a post
 * whose answer was lost, for the core's send-once publishing, which alone decides whether to send
 * again. A captcha answer goes with the one request it was asked for. Edits and deletions report
 * failures alike, as a {@link PlatformException} ({@link VkApiException} for VK's own errors).
 */
public final class Publisher {
  private static final Logger LOG = Logger.getLogger(Publisher.class.getName());
  public static final String NO_USER_TOKEN = "для публикации во ВКонтакте нужен ключ пользователя — "
      + "администратора или редактора сообщества с правами wall и photos — или собственный ключ этого "
      + "сообщества (только текст); сервисный ключ и ключ сообщества из общего пула публиковать не могут";

  private final VkClient client;
  private final PostingCredentials credentials;
  private final List<VkToken> pool;
  private final Capabilities limits;
  private final Clock clock;
  private final Reader reader;
  private final JsonAdapter<VkJson.PostId> postIdAdapter;
  private final JsonAdapter<Object> anyAdapter;
  private final JsonAdapter<VkJson.Wall> wallAdapter;
  private final JsonAdapter<VkJson.UploadServer> uploadServerAdapter;
  private final JsonAdapter<List<VkJson.SavedPhoto>> savedAdapter;

  public Publisher(VkClient client, List<VkToken> pool, PostingCredentials credentials, Capabilities limits, Clock clock,
      Reader reader) {
    this.client = client;
    this.pool = List.copyOf(pool);
    this.credentials = credentials;
    // The draft is checked against VK's limits only; what the page's key allows is checked once it
    // is chosen (PostingCredentials), and refused as ACCESS_DENIED.
    this.limits = Capabilities.builder().from(limits).operations(EnumSet.allOf(Operation.class))
        .unavailableBecause(Map.of()).build();
    this.clock = clock;
    this.reader = reader;
    this.postIdAdapter = client.adapter(VkJson.PostId.class);
    this.anyAdapter = client.adapter(Object.class);
    this.wallAdapter = client.adapter(VkJson.Wall.class);
    this.uploadServerAdapter = client.adapter(VkJson.UploadServer.class);
    this.savedAdapter = client.adapter(Types.newParameterizedType(List.class, VkJson.SavedPhoto.class));
  }

  // ---------------------------------------------------------------- send-once: one attempt

  public SendResult send(SendRequest request) {
    PageRef page = request.page();
    PostDraft draft = request.draft();
    if (!credentials.mayPostSomewhere()) {
      return new SendResult.Refused(FailureReason.ACCESS_DENIED, reasonNot(credentials.nobody(), Operation.PUBLISH));
    }
    List<String> problems = DraftGate.problems(draft, limits, clock);
    if (!problems.isEmpty()) return new SendResult.Refused(FailureReason.REFUSED, String.join(" ", problems));
    long gid;
    try {
      gid = groupId(page);
    } catch (PlatformException e) {
      return new SendResult.Refused(e.reason(), String.valueOf(e.getMessage()));
    }
    PostingCredentials.Choice choice = credentials.choose(gid);
    VkToken token = choice.token();
    if (token == null) {
      return new SendResult.Refused(FailureReason.ACCESS_DENIED, reasonNot(choice.capabilities(), Operation.PUBLISH));
    }
    if (!draft.photos().isEmpty() && !choice.capabilities().allows(Operation.UPLOAD_PHOTOS)) {
      // Checked before any upload: VK refuses a community key wall photos (error 27).
      return new SendResult.Refused(FailureReason.ACCESS_DENIED,
          reasonNot(choice.capabilities(), Operation.UPLOAD_PHOTOS));
    }
    List<String> attachments;
    try {
      attachments = uploadPhotos(gid, draft.photos(), token);
    } catch (VkCaptchaException e) {
      return new SendResult.Refused(FailureReason.CAPTCHA, String.valueOf(e.getMessage()), e.captcha());
    } catch (UploadFailure e) {
      Integer code = e.keyRefused;
      if (code != null) credentials.refused(token, gid, code, String.valueOf(e.getMessage()));
      return new SendResult.Refused(e.reason, String.valueOf(e.getMessage()));
    }
    String link = draft.link();
    if (link != null) attachments.add(link);
    Map<String, String> params = postParams(gid, draft, attachments);
    params.put("guid", guid(gid + ":" + draft.idempotencyKey()));
    CaptchaAnswer answer = request.captchaAnswer();
    if (answer != null) {
      params.put("captcha_sid", answer.sid());
      params.put("captcha_key", answer.text());
    }
    SendResult result = post(gid, draft, params, token);
    if (result instanceof SendResult.Refused refused && refused.reason() == FailureReason.ACCESS_DENIED
        && draft.photos().isEmpty()) {
      // VK refused this key the post, so nothing was posted: another key that may post there (the
      // community's own) is tried once.
      VkToken next = credentials.choose(gid).token();
      if (next != null && next != token) {
        params.remove("captcha_sid");
        params.remove("captcha_key");
        SendResult retried = post(gid, draft, params, next);
        if (!(retried instanceof SendResult.Refused again)) return retried;
        return new SendResult.Refused(again.reason(), refused.message() + "; " + next.kind().russianName() + ": "
            + again.message(), again.captcha());
      }
    }
    return result;
  }

  /** One {@code wall.post} with {@code token}; a refusal for the key's kind is remembered. */
  private SendResult post(long gid, PostDraft draft, Map<String, String> params, VkToken token) {
    try {
      VkJson.PostId response = client.call("wall.post", params, token, postIdAdapter, true).response();
      Long postId = response == null ? null : response.postId();
      if (postId == null || postId <= 0) {
        return new SendResult.Ambiguous(FailureReason.API_ERROR,
            "VK ответил на wall.post без номера записи (" + postId + "); запись могла появиться на стене");
      }
      return sent(gid, postId, draft);
    } catch (VkCaptchaException e) {
      return new SendResult.Refused(FailureReason.CAPTCHA, String.valueOf(e.getMessage()), e.captcha());
    } catch (VkApiException e) {
      String keyRefused = VkErrors.keyRefused(e.code(), token.kind(), e.method());
      if (keyRefused != null || e.code() == 7 || e.code() == 15) {
        String why = keyRefused != null ? keyRefused : describe(e);
        credentials.refused(token, gid, e.code(), why);
        return new SendResult.Refused(FailureReason.ACCESS_DENIED, why);
      }
      return e.reason().retrySafe() ? new SendResult.Refused(e.reason(), describe(e))
          : new SendResult.Ambiguous(e.reason(), describe(e));
    } catch (CallFailure e) {
      return e.reason().retrySafe() ? new SendResult.Refused(e.reason(), String.valueOf(e.getMessage()))
          : new SendResult.Ambiguous(e.reason(), String.valueOf(e.getMessage()));
    } catch (InterruptedIOException e) {
      return new SendResult.Ambiguous(FailureReason.CONNECTION_LOST, "wall.post прерван: запись могла появиться на стене");
    }
  }

  public PostLookup findExisting(PageRef page, PostDraft draft, Instant sentAfter) {
    VkToken token = credentials.wallReader(pool);
    if (token == null) {
      return new PostLookup.CannotTell("стену сообщества проверить нечем: ключ сообщества стены не читает, "
          + "нужен ключ пользователя или сервисный ключ приложения");
    }
    long gid;
    try {
      gid = groupId(page);
    } catch (PlatformException e) {
      return new PostLookup.CannotTell(String.valueOf(e.getMessage()));
    }
    if (draft.scheduledAt() != null) {
      // VK shows postponed posts only to the community's administrators: any other key sees none,
      // and "none" would be taken for "not sent".
      VkToken admin = credentials.choose(gid).token();
      if (admin == null || admin.kind() != TokenKind.USER) {
        return new PostLookup.CannotTell("отложенные записи сообщества видит только его администратор, "
            + "а ключа пользователя-администратора для этого сообщества нет");
      }
      token = admin;
    }
    Found found = look(gid, draft, sentAfter, token);
    if (found.cannotTell != null) return new PostLookup.CannotTell(found.cannotTell);
    Long postId = found.postId;
    if (postId == null) return new PostLookup.Absent();
    return new PostLookup.Found(sent(gid, postId, draft));
  }

  private SendResult.Sent sent(long gid, long postId, PostDraft draft) {
    return new SendResult.Sent(Long.toString(postId), PostMapper.url(gid, postId), draft.scheduledAt());
  }

  // ---------------------------------------------------------------- edit and delete

  /**
   * Replaces the post's text, attachments and (for a postponed post) publication time with the
   * draft's ({@code wall.edit}); an edit repeated with the same content is harmless.
   *
   * @throws PlatformException when VK refuses ({@link VkApiException}; a captcha is a {@link
   *     VkCaptchaException} whose {@code captcha()} is the challenge), a photo cannot be uploaded,
   *     or VK cannot be reached.
   * @throws IllegalArgumentException for a post id that is not one, or a draft over VK's limits.
   */
  public SendResult.Sent edit(PageRef page, String postId, PostDraft draft) {
    long id = postId(postId);
    DraftGate.require(draft, limits, clock); // before any call: a bad draft costs nothing
    if (!credentials.mayPostSomewhere()) throw new PlatformException(FailureReason.ACCESS_DENIED, NO_USER_TOKEN);
    long gid = groupId(page);
    VkToken token = poster(gid);
    if (token == null) throw new PlatformException(FailureReason.ACCESS_DENIED, NO_USER_TOKEN);
    try {
      List<String> attachments = uploadPhotos(gid, draft.photos(), token);
      String link = draft.link();
      if (link != null) attachments.add(link);
      Map<String, String> params = postParams(gid, draft, attachments);
      params.put("post_id", Long.toString(id));
      client.call("wall.edit", params, token, anyAdapter, false); // an edit repeated with the same content is harmless
      return sent(gid, id, draft);
    } catch (UploadFailure e) {
      throw new PlatformException(e.reason, e.getMessage() + "; запись не изменена", e);
    } catch (CallFailure e) {
      throw new PlatformException(e.reason(), String.valueOf(e.getMessage()), e);
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException(FailureReason.CONNECTION_LOST, "wall.edit прерван: изменена ли запись, неизвестно", e);
    }
  }

  /**
   * Deletes the post ({@code wall.delete}), sent once.
   *
   * @throws PlatformException when VK refuses ({@link VkApiException}) or cannot be reached.
   * @throws IllegalArgumentException for a post id that is not one.
   */
  public void delete(PageRef page, String postId) {
    long id = postId(postId);
    if (!credentials.mayPostSomewhere()) throw new PlatformException(FailureReason.ACCESS_DENIED, NO_USER_TOKEN);
    long gid = groupId(page);
    VkToken token = poster(gid);
    if (token == null) throw new PlatformException(FailureReason.ACCESS_DENIED, NO_USER_TOKEN);
    try {
      client.call("wall.delete", Map.of("owner_id", "-" + gid, "post_id", Long.toString(id)), token, anyAdapter, false);
    } catch (CallFailure e) {
      throw new PlatformException(e.reason(), String.valueOf(e.getMessage()), e);
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException(FailureReason.CONNECTION_LOST, "wall.delete прерван: удалена ли запись, неизвестно", e);
    }
  }

  /** What looking for a draft's post on a wall found: its id, nothing, or why one cannot tell. */
  private record Found(@Nullable Long postId, @Nullable String cannotTell) {}

  private Found look(long gid, PostDraft draft, Instant sentAfter, VkToken token) {
    Instant scheduledAt = draft.scheduledAt();
    String text = draft.fullText().strip();
    if (text.isEmpty()) return new Found(null, "запись без текста нельзя сверить со стеной VK");
    Map<String, String> params = new LinkedHashMap<>();
    params.put("owner_id", "-" + gid);
    params.put("filter", scheduledAt != null ? "postponed" : "owner");
    params.put("count", "100");
    try {
      VkJson.Wall wall = client.call("wall.get", params, token, wallAdapter, false).response();
      if (wall == null) return new Found(null, "стену сообщества прочитать не удалось");
      Each<VkJson.Post> items = wall.items();
      for (VkJson.Post post : items.items()) {
        Long id = post.id();
        Long date = post.date();
        String postText = post.text();
        if (id == null || id <= 0 || date == null) continue;
        if (!text.equals(postText == null ? "" : postText.strip())) continue;
        boolean sameTime = scheduledAt != null
            ? date == scheduledAt.getEpochSecond()
            : date >= sentAfter.getEpochSecond() - 120;
        if (sameTime) return new Found(id, null);
      }
      if (!items.malformed().isEmpty()) return new Found(null, "стена сообщества прочитана не полностью");
      return new Found(null, null);
    } catch (CallFailure | InterruptedIOException | VkApiException e) {
      LOG.log(Level.FINE, "wall.get reconciliation for -{0} failed", gid);
      return new Found(null, "стену проверить не удалось");
    }
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

  private List<String> uploadPhotos(long gid, List<DraftPhoto> photos, VkToken token) throws UploadFailure {
    List<String> attachments = new ArrayList<>();
    if (photos.isEmpty()) return attachments;
    String name = "";
    try {
      VkJson.UploadServer server = client.call("photos.getWallUploadServer", Map.of("group_id", Long.toString(gid)),
          token, uploadServerAdapter, false).response();
      String uploadUrl = server == null ? null : server.uploadUrl();
      HttpUrl url = uploadUrl == null ? null : HttpUrl.parse(uploadUrl);
      if (url == null) throw new UploadFailure("VK не выдал адрес для загрузки фото");
      for (DraftPhoto photo : photos) {
        name = photo.fileName();
        byte[] content = photo.readAll();
        VkJson.Uploaded uploaded = client.upload("photos.getWallUploadServer", url, "photo",
            photo.fileName(), photo.mediaType(), content);
        String photoField = uploaded.photo();
        Object serverId = uploaded.server();
        String hash = uploaded.hash();
        if (uploaded.error() != null || photoField == null || photoField.equals("[]") || serverId == null || hash == null) {
          throw new UploadFailure("фото «" + name + "» не загружено: сервер загрузки VK отклонил файл");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("group_id", Long.toString(gid));
        params.put("photo", photoField);
        params.put("server", serverId instanceof Number number ? Long.toString(number.longValue()) : serverId.toString());
        params.put("hash", hash);
        List<VkJson.SavedPhoto> saved = client.call("photos.saveWallPhoto", params, token, savedAdapter, true).response();
        VkJson.SavedPhoto first = saved == null || saved.isEmpty() ? null : saved.get(0);
        Long id = first == null ? null : first.id();
        Long owner = first == null ? null : first.ownerId();
        if (first == null || id == null || owner == null) {
          throw new UploadFailure("фото «" + name + "» не сохранено: VK не вернул его номер");
        }
        String accessKey = first.accessKey();
        attachments.add("photo" + owner + "_" + id + (accessKey != null ? "_" + accessKey : ""));
      }
      return attachments;
    } catch (VkCaptchaException e) {
      throw e;
    } catch (VkApiException e) {
      String keyRefused = VkErrors.keyRefused(e.code(), token.kind(), e.method());
      if (keyRefused != null) throw new UploadFailure(keyRefused, FailureReason.ACCESS_DENIED, e.code());
      throw new UploadFailure((name.isEmpty() ? "загрузка фото" : "фото «" + name + "»") + ": " + describe(e));
    } catch (IOException e) {
      throw new UploadFailure((name.isEmpty() ? "загрузка фото" : "фото «" + name + "»") + ": " + e.getMessage());
    }
  }

  /**
   * The user key that edits or deletes on {@code page}, or null when none may; a page posted with
   * its community's own key cannot (VK takes only user keys for {@code wall.edit}, {@code wall.delete}).
   */
  private @Nullable VkToken poster(long gid) {
    if (!credentials.mayPostSomewhere()) return null;
    VkToken token = credentials.choose(gid).token();
    if (token != null && token.kind() != TokenKind.USER) {
      throw new PlatformException(FailureReason.ACCESS_DENIED, PostingCredentials.COMMUNITY_NO_EDIT);
    }
    return token;
  }

  /** What {@code page}'s key allows: {@link PostingCredentials#choose}, resolving a screen name when it matters. */
  public Capabilities capabilities(PageRef page, Capabilities platformWide) {
    if (!credentials.mayPostSomewhere()) return credentials.nobody();
    if (!page.isNumeric() && !credentials.dependsOnCommunity()) return credentials.choose(0).capabilities();
    long gid;
    try {
      gid = groupId(page);
    } catch (PlatformException e) {
      Map<Operation, String> reasons = new EnumMap<>(Operation.class);
      for (Operation operation : List.of(Operation.PUBLISH, Operation.SCHEDULE, Operation.UPLOAD_PHOTOS,
          Operation.EDIT, Operation.DELETE)) {
        reasons.put(operation, String.valueOf(e.getMessage()));
      }
      return Capabilities.builder().from(credentials.nobody()).unavailableBecause(reasons).build();
    }
    return credentials.choose(gid).capabilities();
  }

  private static String reasonNot(Capabilities capabilities, Operation operation) {
    String reason = capabilities.unavailableBecause().get(operation);
    return reason != null ? reason : NO_USER_TOKEN;
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
    return e.code() == 0 ? String.valueOf(e.getMessage())
        : "VK отказал в " + e.method() + " (ошибка " + e.code() + "): " + e.errorMessage();
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
    final FailureReason reason;
    /** VK's code when it refused the key's kind (1051, 27, 28), else null. */
    final @Nullable Integer keyRefused;

    UploadFailure(String message) {
      this(message, FailureReason.REFUSED, null);
    }

    UploadFailure(String message, FailureReason reason, @Nullable Integer keyRefused) {
      super(message, null, false, false);
      this.reason = reason;
      this.keyRefused = keyRefused;
    }
  }
}
