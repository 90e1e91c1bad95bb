package ru.gospubliki.examples.serve;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/** Request bodies read within the size limit, JSON in and out with Moshi, and Russian errors for both. */
final class Bodies {
  static final String JSON = "application/json; charset=utf-8";
  private static final Moshi MOSHI = new Moshi.Builder().build();

  private Bodies() {}

  /** A JSON writer of the response body; {@link #send} answers with what it wrote. */
  interface Writing {
    void write(JsonWriter json) throws IOException;
  }

  /**
   * The request's body, at most {@code limit} bytes: a larger one (by its {@code Content-Length}
   * or as it is read) is refused with 413 before more of it is read.
   */
  static byte[] read(Context ctx, long limit) {
    String length = ctx.header("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > limit) throw tooLarge(limit);
      } catch (NumberFormatException e) {
        throw ApiError.badRequest("заголовок Content-Length — не число");
      }
    }
    try (InputStream in = ctx.bodyInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] chunk = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(chunk)) != -1; ) {
        total += n;
        if (total > limit) throw tooLarge(limit);
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw ApiError.badRequest("тело запроса не удалось прочитать: соединение прервано");
    }
  }

  private static ApiError tooLarge(long limit) {
    return new ApiError(413, "тело запроса больше " + megabytes(limit) + ": разделите реестр на части или уменьшите фотографии");
  }

  static String megabytes(long bytes) {
    return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " МБ" : bytes / 1024 + " КБ";
  }

  /** The body as a JSON object; 400 with what is wrong and where for anything else. */
  static Map<String, Object> object(byte[] body) {
    Object value;
    try {
      JsonReader reader = JsonReader.of(new Buffer().write(body));
      value = MOSHI.adapter(Object.class).fromJson(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw ApiError.badRequest("тело запроса — не JSON: после объекта есть лишнее");
      }
    } catch (JsonEncodingException | JsonDataException e) {
      throw ApiError.badRequest("тело запроса — не JSON (" + where(e.getMessage()) + ")");
    } catch (IOException e) {
      throw ApiError.badRequest("тело запроса — не JSON: оно обрывается");
    }
    if (!(value instanceof Map<?, ?> map)) throw ApiError.badRequest("тело запроса должно быть объектом JSON {...}");
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) map;
    return object;
  }

  /** Moshi's "... at path $.pages[1]" as «место $.pages[1]». */
  private static String where(@Nullable String message) {
    if (message == null) return "ошибка разбора";
    int at = message.lastIndexOf(" at path ");
    return at < 0 ? "ошибка разбора" : "ошибка разбора, место " + message.substring(at + " at path ".length());
  }

  static @Nullable String string(Map<String, Object> object, String field, boolean required) {
    Object value = object.get(field);
    if (value == null) {
      if (required) throw ApiError.badRequest("нет поля «" + field + "»");
      return null;
    }
    if (!(value instanceof String text)) throw ApiError.badRequest("поле «" + field + "» должно быть строкой");
    return text;
  }

  static @Nullable List<?> array(Map<String, Object> object, String field, boolean required) {
    Object value = object.get(field);
    if (value == null) {
      if (required) throw ApiError.badRequest("нет поля «" + field + "»");
      return null;
    }
    if (!(value instanceof List<?> list)) throw ApiError.badRequest("поле «" + field + "» должно быть массивом [...]");
    return list;
  }

  /** Answers {@code status} with the JSON {@code writing} writes. */
  static void send(Context ctx, int status, Writing writing) {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.setSerializeNulls(true);
      writing.write(json);
    } catch (IOException e) {
      throw new AssertionError(e); // A Buffer does not fail.
    }
    ctx.status(status).contentType(JSON).result(buffer.readByteArray());
  }

  /** {@code {"error": message}}, with {@code problems} for a refused draft. */
  static void error(Context ctx, ApiError error) {
    send(ctx, error.status, json -> {
      json.beginObject();
      json.name("error").value(error.getMessage());
      if (!error.problems.isEmpty()) {
        json.name("problems").beginArray();
        for (ApiError.Problem problem : error.problems) {
          json.beginObject();
          json.name("rule").value(problem.rule());
          json.name("platform").value(problem.platform());
          json.name("severity").value(problem.severity());
          json.name("message").value(problem.message());
          json.endObject();
        }
        json.endArray();
      }
      json.endObject();
    });
  }

  static String sha256(byte[] bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      StringBuilder hex = new StringBuilder(64);
      for (byte b : hash) hex.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e); // Every JDK has SHA-256.
    }
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
