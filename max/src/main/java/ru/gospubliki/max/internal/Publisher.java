package ru.gospubliki.max.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.DraftGate;
import ru.gospubliki.max.MaxApiException;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.PlatformException;
import ru.gospubliki.platform.PostLookup;
import ru.gospubliki.platform.SendRequest;
import ru.gospubliki.platform.SendResult;

/**
 * Sends, finds, edits and deletes channel posts. Stateless: MAX has no idempotency key and no
 * scheduling, so one {@link #send} is one {@code POST /messages}, and a send whose answer was lost
 * is found again by {@link #findExisting} among the channel's recent messages; the journal and
 * the decision to send again are the core's.
 */
public final class Publisher {
  /** Why MAX takes no draft with a publication time: its API has no such field. */
  public static final String NO_SCHEDULING = "MAX не поддерживает отложенные публикации: в API MAX нет времени "
      + "публикации. Опубликуйте запись в нужное время (без времени публикации) или поставьте её в свою очередь";
  private static final int MAX_LOOKUP_PAGES = 5;

  private final Channels channels;
  private final MaxApi api;
  private final ChannelPacer pacer;
  private final int maxTextLength;
  private final int recentMessages;
  private final Duration skew;

  public Publisher(Channels channels, MaxApi api, ChannelPacer pacer, int maxTextLength, int recentMessages,
      Duration skew) {
    this.channels = channels;
    this.api = api;
    this.pacer = pacer;
    this.maxTextLength = maxTextLength;
    this.recentMessages = recentMessages;
    this.skew = skew;
  }

  /**
   * The text MAX gets, as markdown: the draft's text with its hashtags, and its link on a line of its
   * own when the text does not contain it already (MAX shows a preview of a link in the text).
   */
  public static String text(PostDraft draft) {
    String text = draft.fullText();
    String link = draft.link();
    if (link == null || link.isBlank() || text.contains(link.strip())) return text;
    return text.isEmpty() ? link.strip() : text + "\n\n" + link.strip();
  }

  /** One {@code POST /messages}: the post, a certain refusal, or an answer that never came. */
  public SendResult send(SendRequest request) {
    PostDraft draft = request.draft();
    if (draft.scheduledAt() != null) return new SendResult.Refused(FailureReason.REFUSED, NO_SCHEDULING);
    String text = text(draft);
    if (text.length() > maxTextLength) {
      return new SendResult.Refused(FailureReason.REFUSED, "текст с хэштегами и ссылкой длиннее " + maxTextLength
          + " символов, допустимых в MAX (" + text.length() + "): сократите текст");
    }
    try {
      Channels.Route route = channels.index().route(request.page());
      List<MaxJson.AttachmentRequest> attachments;
      try {
        attachments = upload(route, draft);
      } catch (MaxFailure e) {
        return new SendResult.Refused(e.reason(), "фото не загружено, запись не отправлена: " + e.getMessage());
      }
      String body = MaxJson.write(MaxJson.NewMessage.class,
          new MaxJson.NewMessage(text.isEmpty() ? null : text, "markdown", attachments));
      HttpUrl url = api.url("messages").addQueryParameter("chat_id", Long.toString(route.chatId())).build();
      MaxJson.Sent sent = pacer.pace(route.chatId(), () -> api.call(route.token(), "POST", url, body,
          "POST /messages", MaxApi.Retry.SEND, MaxApi.Scope.CHAT, MaxJson.Sent.class));
      MaxJson.Message message = sent.message();
      MaxJson.MessageBody posted = message == null ? null : message.body();
      if (message == null || posted == null || posted.mid() == null || posted.mid().isBlank()) {
        return new SendResult.Ambiguous(FailureReason.API_ERROR, "MAX ответил на POST /messages без сообщения: "
            + "запись могла быть опубликована");
      }
      return new SendResult.Sent(posted.mid(), url(message, route), null);
    } catch (MaxFailure e) {
      if (e.reason().retrySafe()) return new SendResult.Refused(e.reason(), e.getMessage());
      return new SendResult.Ambiguous(e.reason(), e.getMessage());
    } catch (InterruptedIOException e) {
      return new SendResult.Ambiguous(FailureReason.CONNECTION_LOST, "отправка прервана: запись могла дойти до MAX");
    }
  }

  /**
   * Looks among the channel's messages since {@code sentAfter} less the allowed clock difference
   * for one with the draft's plain text (formatting removed on both sides), the same number of
   * images, and, when MAX names a sender, this bot as the sender. MAX has no idempotency key: this
   * is how a send whose answer was lost is recognised.
   */
  public PostLookup findExisting(PageRef page, PostDraft draft, Instant sentAfter) {
    String expected = PlainText.of(text(draft));
    int images = draft.photos().size();
    long threshold = sentAfter.minus(skew).toEpochMilli();
    try {
      Channels.Route route = channels.index().route(page);
      Long from = null;
      for (int round = 0; round < MAX_LOOKUP_PAGES; round++) {
        HttpUrl.Builder url = api.url("messages").addQueryParameter("chat_id", Long.toString(route.chatId()))
            .addQueryParameter("count", Integer.toString(recentMessages));
        if (from != null) url.addQueryParameter("from", Long.toString(from));
        MaxJson.MessageList list = api.call(route.token(), "GET", url.build(), null, "GET /messages",
            MaxApi.Retry.READ, MaxApi.Scope.CHAT, MaxJson.MessageList.class);
        if (list.messages() == null) return new PostLookup.CannotTell("MAX: ответ на GET /messages без списка messages");
        List<MaxJson.Message> messages = list.messages().items();
        if (messages.isEmpty()) {
          return list.messages().malformed().isEmpty() ? new PostLookup.Absent()
              : new PostLookup.CannotTell("MAX: сообщения канала не разобраны");
        }
        long oldest = Long.MAX_VALUE;
        for (MaxJson.Message message : messages) {
          Long timestamp = message.timestamp();
          if (timestamp == null) continue;
          oldest = Math.min(oldest, timestamp);
          if (timestamp >= threshold && matches(message, route.botId(), expected, images)) {
            MaxJson.MessageBody body = message.body();
            return new PostLookup.Found(new SendResult.Sent(body == null || body.mid() == null ? "" : body.mid(),
                url(message, route), null));
          }
        }
        if (!list.messages().malformed().isEmpty()) {
          return new PostLookup.CannotTell("MAX: часть сообщений канала не разобрана");
        }
        if (oldest < threshold || oldest == Long.MAX_VALUE) return new PostLookup.Absent();
        from = oldest - 1;
      }
      return new PostLookup.CannotTell("в канале больше " + (MAX_LOOKUP_PAGES * recentMessages)
          + " сообщений после " + sentAfter + ": просмотрены не все");
    } catch (MaxFailure e) {
      return new PostLookup.CannotTell(e.getMessage());
    } catch (InterruptedIOException e) {
      return new PostLookup.CannotTell("проверка канала прервана");
    }
  }

  private static boolean matches(MaxJson.Message message, long botId, String expected, int images) {
    MaxJson.MessageBody body = message.body();
    if (body == null || body.mid() == null || body.mid().isBlank()) return false;
    MaxJson.User sender = message.sender();
    if (sender != null && sender.userId() != null && sender.userId() != botId) return false;
    if (!PlainText.of(body.text() == null ? "" : body.text()).equals(expected)) return false;
    int found = 0;
    if (body.attachments() != null) {
      for (MaxJson.Attachment attachment : body.attachments()) {
        if ("image".equals(attachment.type())) found++;
      }
    }
    // A link preview MAX adds itself ("share") is not part of the shape.
    return found == images;
  }

  /**
   * Replaces post {@code postId}'s text and images ({@code PUT /messages}); an edit may be repeated.
   * Fails as {@link #delete} does.
   *
   * @throws PlatformException when MAX refuses or cannot be reached.
   * @throws IllegalArgumentException for a message id that is not one, or a draft MAX cannot take.
   */
  public SendResult.Sent edit(PageRef page, String postId, PostDraft draft, Capabilities capabilities, Clock clock) {
    String mid = checkMessageId(postId);
    if (draft.scheduledAt() != null) {
      throw new IllegalArgumentException("время публикации не меняется при правке: " + NO_SCHEDULING);
    }
    DraftGate.require(draft, capabilities, clock);
    String text = text(draft);
    if (text.length() > maxTextLength) {
      throw new IllegalArgumentException("текст с хэштегами и ссылкой длиннее " + maxTextLength
          + " символов, допустимых в MAX (" + text.length() + "): сократите текст");
    }
    try {
      Channels.Route route = channels.index().route(page);
      List<MaxJson.AttachmentRequest> attachments = upload(route, draft);
      // An empty list removes the images the post had: the post becomes the draft.
      String body = MaxJson.write(MaxJson.NewMessage.class,
          new MaxJson.NewMessage(text.isEmpty() ? null : text, "markdown", attachments));
      HttpUrl url = api.url("messages").addQueryParameter("message_id", mid).build();
      MaxJson.Simple answer = pacer.pace(route.chatId(), () -> api.call(route.token(), "PUT", url, body,
          "PUT /messages", MaxApi.Retry.IDEMPOTENT, MaxApi.Scope.MESSAGE, MaxJson.Simple.class));
      if (!Boolean.TRUE.equals(answer.success())) {
        throw new MaxApiException(FailureReason.REFUSED, "MAX не изменил сообщение " + mid
            + (answer.message() == null || answer.message().isBlank() ? "" : ": " + answer.message().strip()), 200,
            null, null);
      }
      return new SendResult.Sent(mid, messageUrl(route, mid), null);
    } catch (MaxFailure e) {
      throw e.toApiException();
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException(FailureReason.CONNECTION_LOST, "правка прервана: она могла дойти до MAX", e);
    }
  }

  /** The post's public link ({@code GET /messages/{mid}}); the channel's link when it cannot be read. */
  private String messageUrl(Channels.Route route, String mid) throws InterruptedIOException {
    try {
      MaxJson.Message message = api.call(route.token(), "GET", api.url("messages", mid).build(), null,
          "GET /messages/{mid}", MaxApi.Retry.READ, MaxApi.Scope.MESSAGE, MaxJson.Message.class);
      return url(message, route);
    } catch (MaxFailure e) {
      return ChannelReader.fallbackUrl(route);
    }
  }

  /**
   * Deletes post {@code postId} ({@code DELETE /messages}). A message MAX no longer has (404) is
   * taken as deleted: a delete repeated after a lost answer finds it gone.
   */
  public void delete(PageRef page, String postId) {
    String mid = checkMessageId(postId);
    try {
      Channels.Route route = channels.index().route(page);
      HttpUrl url = api.url("messages").addQueryParameter("message_id", mid).build();
      MaxJson.Simple answer;
      try {
        answer = api.call(route.token(), "DELETE", url, null, "DELETE /messages", MaxApi.Retry.IDEMPOTENT,
            MaxApi.Scope.MESSAGE, MaxJson.Simple.class);
      } catch (MaxFailure e) {
        if (e.reason() == FailureReason.NOT_FOUND) return;
        throw e;
      }
      if (!Boolean.TRUE.equals(answer.success())) {
        throw new MaxApiException(FailureReason.REFUSED, "MAX не удалил сообщение " + mid
            + (answer.message() == null || answer.message().isBlank() ? "" : ": " + answer.message().strip()), 200,
            null, null);
      }
    } catch (MaxFailure e) {
      throw e.toApiException();
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException(FailureReason.CONNECTION_LOST, "удаление прервано: оно могло дойти до MAX", e);
    }
  }

  /**
   * Uploads the draft's photos ({@code POST /uploads?type=image}, then the file to the URL MAX
   * gave, as the multipart field {@code data}) and returns them as image attachments. The upload
   * URL is MAX's upload host: the bot's key is not sent there.
   */
  private List<MaxJson.AttachmentRequest> upload(Channels.Route route, PostDraft draft)
      throws MaxFailure, InterruptedIOException {
    List<MaxJson.AttachmentRequest> attachments = new ArrayList<>(draft.photos().size());
    for (DraftPhoto photo : draft.photos()) {
      byte[] bytes;
      try {
        bytes = photo.readAll();
      } catch (IOException e) {
        throw new MaxFailure(FailureReason.REFUSED, "не удалось прочитать фото «" + photo.fileName() + "»", 0, null, e);
      }
      MaxJson.UploadEndpoint endpoint = api.call(route.token(), "POST",
          api.url("uploads").addQueryParameter("type", "image").build(), null, "POST /uploads",
          MaxApi.Retry.IDEMPOTENT, MaxApi.Scope.BOT, MaxJson.UploadEndpoint.class);
      HttpUrl target = endpoint.url() == null ? null : HttpUrl.parse(endpoint.url().strip());
      if (target == null) {
        throw new MaxFailure(FailureReason.API_ERROR, "MAX не дал адрес для загрузки фото (POST /uploads)", 200, null,
            null);
      }
      MediaType type = MediaType.parse(photo.mediaType());
      Request request = new Request.Builder().url(target).post(new MultipartBody.Builder()
          .setType(MultipartBody.FORM)
          .addFormDataPart("data", photo.fileName(), RequestBody.create(bytes, type))
          .build()).build();
      MaxJson.Uploaded uploaded = api.upload(request, "загрузку фото", MaxJson.Uploaded.class);
      String token = token(uploaded, endpoint);
      if (token == null) {
        throw new MaxFailure(FailureReason.API_ERROR, "MAX не вернул token загруженного фото «" + photo.fileName()
            + "»", 200, null, null);
      }
      attachments.add(new MaxJson.AttachmentRequest("image", new MaxJson.TokenPayload(token)));
    }
    return attachments;
  }

  /** The image's token: {@code token}, else the first of {@code photos}, else the one {@code /uploads} gave. */
  private static @Nullable String token(MaxJson.Uploaded uploaded, MaxJson.UploadEndpoint endpoint) {
    if (uploaded.token() != null && !uploaded.token().isBlank()) return uploaded.token();
    Map<String, MaxJson.PhotoToken> photos = uploaded.photos();
    if (photos != null) {
      for (MaxJson.PhotoToken photo : photos.values()) {
        if (photo != null && photo.token() != null && !photo.token().isBlank()) return photo.token();
      }
    }
    String fromEndpoint = endpoint.token();
    return fromEndpoint != null && !fromEndpoint.isBlank() ? fromEndpoint : null;
  }

  private static String url(MaxJson.Message message, Channels.Route route) {
    String url = message.url();
    return url != null && !url.isBlank() ? url.strip() : ChannelReader.fallbackUrl(route);
  }

  private static String checkMessageId(String postId) {
    if (postId == null || postId.isBlank()) throw new IllegalArgumentException("postId is blank");
    String mid = postId.strip();
    for (int i = 0; i < mid.length(); i++) {
      char c = mid.charAt(i);
      if (c <= ' ' || c == '/' || c == '?' || c == '#' || c > '~') {
        throw new IllegalArgumentException("postId is not a MAX message id (mid): \"" + postId + "\"");
      }
    }
    return mid;
  }
}
