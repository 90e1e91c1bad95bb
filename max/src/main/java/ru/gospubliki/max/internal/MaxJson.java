package ru.gospubliki.max.internal;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.http.Each;
import ru.gospubliki.internal.http.PlatformJson;

/**
 * The MAX Bot API's answers as typed records, in the shapes of the API's published OpenAPI schema
 * (objects {@code User}, {@code Chat}, {@code Message}, {@code Update}, {@code Error}...), and the
 * bodies the adapter sends. Only the fields the adapter reads are declared; Moshi skips the rest.
 */
public final class MaxJson {
  private static final Moshi MOSHI = PlatformJson.moshi();

  private MaxJson() {}

  /** {@code User}, {@code BotInfo}: who sent a message or who the bot is. */
  public record User(@Json(name = "user_id") @Nullable Long userId, @Json(name = "first_name") @Nullable String firstName,
      @Nullable String username, @Json(name = "is_bot") @Nullable Boolean isBot) {}

  /** {@code Image}: the chat's icon. */
  public record Image(@Nullable String url) {}

  /** {@code Chat}: a channel, a group chat or a dialog. */
  public record Chat(@Json(name = "chat_id") @Nullable Long chatId, @Nullable String type, @Nullable String status,
      @Nullable String title, @Nullable Image icon, @Nullable String description, @Nullable String link,
      @Json(name = "is_public") @Nullable Boolean isPublic,
      @Json(name = "participants_count") @Nullable Long participantsCount) {}

  /** {@code Attachment}: only its {@code type} matters to the adapter. */
  public record Attachment(@Nullable String type) {}

  /** {@code MessageBody}: the id ({@code mid}), the plain text and the attachments. */
  public record MessageBody(@Nullable String mid, @Nullable String text, @Nullable List<Attachment> attachments) {}

  /** {@code MessageStat}: views, returned for channel posts only. */
  public record Stat(@Nullable Long views) {}

  /** {@code Message}; {@code sender} is absent on a post made as the channel. */
  public record Message(@Nullable User sender, @Nullable Long timestamp, @Nullable MessageBody body,
      @Nullable Stat stat, @Nullable String url) {}

  /** {@code MessageList}: {@code GET /messages}, newest first. */
  public record MessageList(@Nullable Each<Message> messages) {}

  /** {@code SendMessageResult}: {@code POST /messages}. */
  public record Sent(@Nullable Message message) {}

  /** {@code SimpleQueryResult}: {@code PUT} and {@code DELETE /messages}. */
  public record Simple(@Nullable Boolean success, @Nullable String message) {}

  /** {@code UploadEndpoint}: {@code POST /uploads}. */
  public record UploadEndpoint(@Nullable String url, @Nullable String token) {}

  /** {@code PhotoToken}. */
  public record PhotoToken(@Nullable String token) {}

  /**
   * The upload host's answer for an image: {@code {"photos":{"<key>":{"token":"..."}}}} as the
   * official SDKs read it, or {@code {"token":"..."}} as the upload documentation shows it.
   */
  public record Uploaded(@Nullable String token, @Nullable Map<String, PhotoToken> photos) {}

  /** {@code Update}: only {@code bot_added} and {@code bot_removed} are read. */
  public record Update(@Json(name = "update_type") @Nullable String updateType, @Nullable Long timestamp,
      @Json(name = "chat_id") @Nullable Long chatId, @Json(name = "is_channel") @Nullable Boolean isChannel) {}

  /** {@code UpdateList}: {@code GET /updates}. */
  public record UpdateList(@Nullable Each<Update> updates, @Nullable Long marker) {}

  /** {@code Error}: {@code {"code":"...","message":"..."}}, sometimes with {@code error}. */
  public record ApiError(@Nullable String code, @Nullable String message, @Nullable String error) {}

  /** {@code NewMessageBody} as the adapter sends it. */
  public record NewMessage(@Nullable String text, String format, List<AttachmentRequest> attachments) {}

  /** {@code AttachmentRequest} for an uploaded image. */
  public record AttachmentRequest(String type, TokenPayload payload) {}

  /** {@code PhotoAttachmentRequestPayload} with the upload's token. */
  public record TokenPayload(String token) {}

  /** Reads {@code json} as {@code type}; a body that is not one is {@link JsonDataException} or {@link IOException}. */
  public static <T> @Nullable T read(Class<T> type, String json) throws IOException {
    return MOSHI.adapter(type).fromJson(json);
  }

  /** Writes {@code value} as JSON. */
  public static <T> String write(Class<T> type, T value) {
    JsonAdapter<T> adapter = MOSHI.adapter(type);
    return adapter.toJson(value);
  }
}
