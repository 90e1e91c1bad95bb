package ru.gospubliki.vk.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Tolerant reads from a JSON tree as Moshi's {@code readJsonValue} builds it (maps, lists,
 * doubles, strings, booleans). VK sends numbers as strings or booleans as 0/1 in places, and adds
 * fields without notice: every read accepts the forms VK uses and returns null for anything else
 * instead of failing.
 */
public final class Json {
  private Json() {}

  @SuppressWarnings("unchecked")
  public static @Nullable Map<String, Object> object(@Nullable Object value) {
    return value instanceof Map ? (Map<String, Object>) value : null;
  }

  @SuppressWarnings("unchecked")
  public static List<Object> list(@Nullable Object value) {
    return value instanceof List ? (List<Object>) value : List.of();
  }

  public static @Nullable Map<String, Object> object(@Nullable Map<String, Object> map, String key) {
    return map == null ? null : object(map.get(key));
  }

  public static List<Object> list(@Nullable Map<String, Object> map, String key) {
    return map == null ? List.of() : list(map.get(key));
  }

  /** A non-blank string (numbers are rendered without a fraction); null otherwise. */
  public static @Nullable String string(@Nullable Map<String, Object> map, String key) {
    if (map == null) return null;
    Object value = map.get(key);
    String result;
    if (value instanceof String) {
      result = ((String) value).trim();
    } else if (value instanceof Number) {
      Long asLong = toLong(value);
      result = asLong != null ? asLong.toString() : value.toString();
    } else {
      return null;
    }
    return result.isEmpty() ? null : result;
  }

  public static @Nullable Long longValue(@Nullable Map<String, Object> map, String key) {
    return map == null ? null : toLong(map.get(key));
  }

  public static @Nullable Long toLong(@Nullable Object value) {
    if (value instanceof Number) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d)) return null;
      return (long) d;
    }
    if (value instanceof Boolean) return ((Boolean) value) ? 1L : 0L;
    if (value instanceof String) {
      try {
        return Long.parseLong(((String) value).trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** true/false, 1/0, "1"/"0", "true"/"false"; null for anything else. */
  public static @Nullable Boolean bool(@Nullable Map<String, Object> map, String key) {
    if (map == null) return null;
    Object value = map.get(key);
    if (value instanceof Boolean) return (Boolean) value;
    if (value instanceof String) {
      String s = ((String) value).trim();
      if (s.equalsIgnoreCase("true")) return true;
      if (s.equalsIgnoreCase("false")) return false;
    }
    Long number = toLong(value);
    if (number == null) return null;
    if (number == 1L) return true;
    if (number == 0L) return false;
    return null;
  }

  /** {@code map.key.count} as VK nests counters ({@code "likes":{"count":3}}). */
  public static @Nullable Long count(@Nullable Map<String, Object> map, String key) {
    Map<String, Object> nested = object(map, key);
    return nested != null ? longValue(nested, "count") : longValue(map, key);
  }
}
