package ru.gospubliki.internal.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads platform answers into typed classes with Moshi, accepting the forms the platforms' PHP
 * backends actually send:
 *
 * <ul>
 *   <li>booleans as {@code true}/{@code false}, {@code 1}/{@code 0} or {@code "1"}/{@code "0"}/{@code
 *       "true"}/{@code "false"};
 *   <li>ids and 64-bit numbers as numbers or as strings, held one way: {@code long} (Moshi reads a
 *       quoted number into a {@code long} exactly, beyond 2^53 too);
 *   <li>an empty array {@code []} where an object is expected (PHP's empty map): {@code null};
 *   <li>{@link Each}: an array read item by item, so one malformed item is reported, not fatal.
 * </ul>
 *
 * <p>A value of another shape fails with Moshi's {@link JsonDataException}, whose message names the
 * JSON path; {@link #describe} turns it into Russian for a failure detail.
 *
 * <pre>{@code
 * record Group(long id, @Nullable String name, @Json(name = "is_closed") @Nullable Long isClosed) {}
 * record Groups(Each<Group> groups) {}
 * Groups groups = PlatformJson.moshi().adapter(Groups.class).fromJson(body);
 * }</pre>
 */
public final class PlatformJson {
  private static final Pattern PATH = Pattern.compile(" at path (\\$\\S*)");

  /** The factory for the quirks above; add it to a Moshi of your own with {@link Moshi.Builder#add}. */
  public static final JsonAdapter.Factory QUIRKS = PlatformJson::create;

  private static final Moshi MOSHI = new Moshi.Builder().add(QUIRKS).build();

  private PlatformJson() {}

  /** A Moshi with {@link #QUIRKS}. */
  public static Moshi moshi() {
    return MOSHI;
  }

  /**
   * A Russian description of {@code e} for a failure detail: the JSON path of the bad value and
   * what was expected there.
   */
  public static String describe(JsonDataException e) {
    String message = String.valueOf(e.getMessage());
    Matcher path = PATH.matcher(message);
    if (path.find()) {
      return "некорректное значение по пути " + path.group(1) + " (" + message.substring(0, path.start()).trim() + ")";
    }
    return "некорректное значение (" + message + ")";
  }

  private static @Nullable JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) return null;
    Class<?> raw = Types.getRawType(type);
    if (raw == boolean.class || raw == Boolean.class) {
      JsonAdapter<Boolean> adapter = new BooleanAdapter();
      return raw == boolean.class ? adapter.nonNull() : adapter.nullSafe();
    }
    if (raw == Each.class) {
      Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
      return new EachAdapter<>(moshi.adapter(element));
    }
    if (raw.isPrimitive() || raw.isEnum() || raw.isArray() || raw.getName().startsWith("java.")
        || Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
      return null;
    }
    return new EmptyArrayAsNull<>(moshi.nextAdapter(QUIRKS, type, annotations));
  }

  /** {@code true}, {@code 1}, {@code "1"}, {@code "true"} and their opposites. */
  private static final class BooleanAdapter extends JsonAdapter<Boolean> {
    @Override
    public Boolean fromJson(JsonReader reader) throws IOException {
      switch (reader.peek()) {
        case BOOLEAN:
          return reader.nextBoolean();
        case NUMBER: {
          String number = reader.nextString();
          double value = Double.parseDouble(number);
          if (value == 1) return true;
          if (value == 0) return false;
          throw new JsonDataException("Expected a boolean (true, false, 1 or 0) but was " + number
              + " at path " + reader.getPath());
        }
        case STRING: {
          String text = reader.nextString().trim();
          if (text.equals("1") || text.equalsIgnoreCase("true")) return true;
          if (text.equals("0") || text.equalsIgnoreCase("false")) return false;
          throw new JsonDataException("Expected a boolean (true, false, 1 or 0) but was \"" + text
              + "\" at path " + reader.getPath());
        }
        default:
          throw new JsonDataException("Expected a boolean but was " + reader.peek() + " at path " + reader.getPath());
      }
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Boolean value) throws IOException {
      writer.value(value);
    }
  }

  /** PHP renders an empty map as {@code []}: read it as null where an object is expected. */
  private static final class EmptyArrayAsNull<T> extends JsonAdapter<T> {
    private final JsonAdapter<T> delegate;

    EmptyArrayAsNull(JsonAdapter<T> delegate) {
      this.delegate = delegate;
    }

    @Override
    public @Nullable T fromJson(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.BEGIN_ARRAY) {
        String path = reader.getPath();
        reader.beginArray();
        if (reader.hasNext()) {
          throw new JsonDataException("Expected an object but was a non-empty array at path " + path);
        }
        reader.endArray();
        return null;
      }
      return delegate.fromJson(reader);
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable T value) throws IOException {
      delegate.toJson(writer, value);
    }
  }

  /** Reads each item of an array on its own, so a malformed one is reported and skipped. */
  private static final class EachAdapter<T> extends JsonAdapter<Each<T>> {
    private final JsonAdapter<T> element;

    EachAdapter(JsonAdapter<T> element) {
      this.element = element;
    }

    @Override
    public Each<T> fromJson(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.NULL) {
        reader.nextNull();
        return Each.empty();
      }
      List<T> items = new ArrayList<>();
      List<Each.Malformed> malformed = new ArrayList<>();
      reader.beginArray();
      for (int index = 0; reader.hasNext(); index++) {
        JsonReader item = reader.peekJson();
        String path = reader.getPath();
        try {
          T value = element.fromJson(item);
          if (value == null) {
            malformed.add(new Each.Malformed(index, path, "null where an item was expected at path " + path));
          } else {
            items.add(value);
          }
        } catch (JsonDataException | ArithmeticException | IllegalArgumentException e) {
          malformed.add(new Each.Malformed(index, path, String.valueOf(e.getMessage())));
        }
        reader.skipValue();
      }
      reader.endArray();
      return new Each<>(items, malformed);
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Each<T> value) throws IOException {
      if (value == null) {
        writer.nullValue();
        return;
      }
      writer.beginArray();
      for (T item : value.items()) element.toJson(writer, item);
      writer.endArray();
    }
  }
}
