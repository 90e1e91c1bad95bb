package ru.gospubliki.ok.internal;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Writes the {@code attachment} JSON of {@code mediatopic.post} once, so the signed string is exactly
 * the string sent.
 */
public final class Attachment {
  /** OK reads {@code publishAt} as Moscow local time. */
  public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  private static final DateTimeFormatter PUBLISH_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Attachment() {}

  /** {@code instant} as OK's {@code publishAt}: {@code yyyy-MM-dd HH:mm:ss} in Europe/Moscow. */
  public static String publishAt(Instant instant) {
    return PUBLISH_AT.format(instant.atZone(MOSCOW));
  }

  public static String write(String text, List<String> photoTokens, @Nullable String link,
      @Nullable Instant publishAt) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.beginObject();
      writer.name("media").beginArray();
      if (!text.isEmpty()) {
        writer.beginObject().name("type").value("text").name("text").value(text).endObject();
      }
      if (!photoTokens.isEmpty()) {
        writer.beginObject().name("type").value("photo").name("list").beginArray();
        for (String token : photoTokens) writer.beginObject().name("id").value(token).endObject();
        writer.endArray().endObject();
      }
      if (link != null) {
        writer.beginObject().name("type").value("link").name("url").value(link).endObject();
      }
      writer.endArray();
      writer.name("onBehalfOfGroup").value("true");
      writer.name("disableComments").value("false");
      if (publishAt != null) writer.name("publishAt").value(publishAt(publishAt));
      writer.endObject();
    } catch (IOException e) {
      throw new AssertionError(e); // Buffers don't fail.
    }
    return buffer.readUtf8();
  }
}
