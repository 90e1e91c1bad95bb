package ru.gospubliki.examples.sandbox.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/** Untyped JSON for the fakes: the sandbox echoes API-shaped data, so maps and lists suffice. */
public final class Json {
  private static final JsonAdapter<Object> ADAPTER = new Moshi.Builder().build().adapter(Object.class);

  private Json() {}

  /** Parses {@code json} leniently; whole numbers come back as {@link Long}, not Double. */
  public static @Nullable Object parse(String json) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
    reader.setLenient(true);
    Object value = ADAPTER.fromJson(reader);
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) throw new IOException("trailing data");
    return normalize(value);
  }

  public static String write(@Nullable Object value) {
    return ADAPTER.serializeNulls().toJson(value);
  }

  @SuppressWarnings("unchecked")
  static @Nullable Object normalize(@Nullable Object value) {
    if (value instanceof Double) {
      double d = (Double) value;
      if (d == Math.rint(d) && Math.abs(d) < 9.0e15) return (long) d;
      return d;
    }
    if (value instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
        out.put(e.getKey(), normalize(e.getValue()));
      }
      return out;
    }
    if (value instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object item : (List<Object>) value) out.add(normalize(item));
      return out;
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(@Nullable Object value, String what) {
    if (!(value instanceof Map)) throw new IllegalArgumentException(what + " must be a JSON object");
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> array(@Nullable Object value, String what) {
    if (value == null) return List.of();
    if (!(value instanceof List)) throw new IllegalArgumentException(what + " must be a JSON array");
    return (List<Object>) value;
  }

  static long longValue(@Nullable Object value, String what) {
    if (value instanceof Number) return ((Number) value).longValue();
    if (value instanceof String) {
      try {
        return Long.parseLong((String) value);
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    throw new IllegalArgumentException(what + " must be a number: " + value);
  }

  static double doubleValue(@Nullable Object value, double fallback) {
    return value instanceof Number ? ((Number) value).doubleValue() : fallback;
  }

  static boolean bool(@Nullable Object value) {
    return Boolean.TRUE.equals(value) || (value instanceof Number && ((Number) value).intValue() != 0);
  }
}
