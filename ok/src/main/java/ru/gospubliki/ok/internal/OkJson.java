package ru.gospubliki.ok.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Reads OK's JSON into a plain tree (maps, lists, strings, booleans, nulls) with Moshi's streaming
 * reader. Numbers are kept as their exact text, so 64-bit ids never lose digits, and the accessors
 * accept a value as a number or a string alike: OK is not consistent about either.
 */
public final class OkJson {
  private OkJson() {}

  /** Thrown for text that is not one JSON value. */
  public static final class MalformedJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedJsonException(String message) {
      super(message);
    }
  }

  /** Parses one JSON value; numbers become their text. */
  public static @Nullable Object parse(String json) throws MalformedJsonException {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
      reader.setLenient(false);
      Object value = read(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new MalformedJsonException("unexpected data after the JSON value");
      }
      return value;
    } catch (JsonEncodingException | JsonDataException e) {
      throw new MalformedJsonException("not JSON: " + e.getMessage());
    } catch (IOException e) {
      throw new MalformedJsonException("not JSON: " + e.getMessage());
    }
  }

  private static @Nullable Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT: {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          map.put(name, read(reader));
        }
        reader.endObject();
        return map;
      }
      case BEGIN_ARRAY: {
        List<@Nullable Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) list.add(read(reader));
        reader.endArray();
        return list;
      }
      case STRING:
      case NUMBER:
        return reader.nextString();
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new JsonDataException("unexpected " + reader.peek() + " at " + reader.getPath());
    }
  }

  @SuppressWarnings("unchecked")
  public static @Nullable Map<String, @Nullable Object> asMap(@Nullable Object value) {
    return value instanceof Map ? (Map<String, @Nullable Object>) value : null;
  }

  @SuppressWarnings("unchecked")
  public static @Nullable List<@Nullable Object> asList(@Nullable Object value) {
    return value instanceof List ? (List<@Nullable Object>) value : null;
  }

  /** The value as text: strings and numbers as they were, booleans as {@code true}/{@code false}. */
  public static @Nullable String asString(@Nullable Object value) {
    if (value instanceof String) return (String) value;
    if (value instanceof Boolean) return value.toString();
    return null;
  }

  public static @Nullable String string(Map<String, @Nullable Object> map, String key) {
    return asString(map.get(key));
  }

  /** A non-blank string, trimmed; null for absent, null or blank values. */
  public static @Nullable String text(Map<String, @Nullable Object> map, String key) {
    String value = string(map, key);
    if (value == null) return null;
    value = value.strip();
    return value.isEmpty() ? null : value;
  }

  public static @Nullable Long longValue(@Nullable Object value) {
    String text = asString(value);
    if (text == null) return null;
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      try {
        double d = Double.parseDouble(text.strip());
        return Double.isFinite(d) ? (long) d : null;
      } catch (NumberFormatException e2) {
        return null;
      }
    }
  }

  public static @Nullable Long longValue(Map<String, @Nullable Object> map, String key) {
    return longValue(map.get(key));
  }

  /** Booleans, {@code "true"/"false"} and {@code 1/0}; null when absent or anything else. */
  public static @Nullable Boolean bool(Map<String, @Nullable Object> map, String key) {
    return bool(map.get(key));
  }

  /** Booleans, {@code "true"/"false"} and {@code 1/0}; null for anything else. */
  public static @Nullable Boolean bool(@Nullable Object value) {
    if (value instanceof Boolean) return (Boolean) value;
    String text = asString(value);
    if (text == null) return null;
    switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true":
      case "1":
        return true;
      case "false":
      case "0":
        return false;
      default:
        return null;
    }
  }
}
