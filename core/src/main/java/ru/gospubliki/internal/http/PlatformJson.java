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
 * JSON path; {@link #describe} says it in Russian for a failure detail. Adapters for a platform's
 * own quirks fail the same way, {@code Expected <what> but was <what came> at path <path>}, with a
 * {@code <what>} that {@link #describe} knows.
 *
 * <pre>{@code
 * record Group(long id, @Nullable String name, @Json(name = "is_closed") @Nullable Long isClosed) {}
 * record Groups(Each<Group> groups) {}
 * Groups groups = PlatformJson.moshi().adapter(Groups.class).fromJson(body);
 * }</pre>
 */
public final class PlatformJson {
  private static final Pattern PATH = Pattern.compile(" at (?:path )?(\\$\\S*)");
  /** Moshi's readers and adapters: {@code Expected a long but was STRING at path $.x}. */
  private static final Pattern EXPECTED = Pattern.compile("Expected (.+?) but was (.*) at path (\\$\\S*)", Pattern.DOTALL);
  /** A record's component that the answer lacks. */
  private static final Pattern MISSING =
      Pattern.compile("Required value '([^']*)'(?: \\(JSON name '([^']*)'\\))? missing at (\\$\\S*)");
  private static final Pattern WAS_NULL =
      Pattern.compile("Non-null value '([^']*)'(?: \\(JSON name '([^']*)'\\))? was null at (\\$\\S*)");
  private static final Pattern UNEXPECTED_NULL = Pattern.compile("Unexpected null at (\\$\\S*)");
  /** What Moshi's readers and the platforms' adapters (here, OK's and MAX's) expect, in Russian. */
  private static final Map<String, String> EXPECTED_RU = Map.ofEntries(
      Map.entry("a boolean (true, false, 1 or 0)", "true, false, 1 или 0"),
      Map.entry("true or false", "true или false"),
      Map.entry("an address (a string or an object)", "адрес (строка или объект)"),
      Map.entry("an address", "адрес (строка или объект)"),
      Map.entry("an array of groups or {\"groups\":[...]}", "массив групп или {\"groups\":[...]}"),
      Map.entry("a topic id", "id темы (строка или число)"),
      Map.entry("a long", "целое число"),
      Map.entry("an int", "целое число"),
      Map.entry("a double", "число"),
      Map.entry("a string", "строка"),
      Map.entry("a boolean", "true или false"),
      Map.entry("a name", "имя поля"),
      Map.entry("a value", "значение"),
      Map.entry("null", "null"),
      Map.entry("an object", "объект"),
      Map.entry("BEGIN_OBJECT", "объект"),
      Map.entry("BEGIN_ARRAY", "массив"),
      Map.entry("END_OBJECT", "конец объекта"),
      Map.entry("END_ARRAY", "конец массива"));
  /** What Moshi and the adapters say came, when they name its kind rather than the value. */
  private static final Map<String, String> ACTUAL_RU = Map.ofEntries(
      Map.entry("STRING", "строка"),
      Map.entry("NUMBER", "число"),
      Map.entry("BOOLEAN", "true или false"),
      Map.entry("NULL", "null"),
      Map.entry("null", "null"),
      Map.entry("BEGIN_OBJECT", "объект"),
      Map.entry("BEGIN_ARRAY", "массив"),
      Map.entry("END_OBJECT", "конец объекта"),
      Map.entry("END_ARRAY", "конец массива"),
      Map.entry("NAME", "имя поля"),
      Map.entry("END_DOCUMENT", "конец ответа"),
      Map.entry("a non-empty array", "непустой массив"),
      Map.entry("nothing", "ничего"));
  /** How much of a bad value a description shows. */
  private static final int SHOWN = 40;

  /** The factory for the quirks above; add it to a Moshi of your own with {@link Moshi.Builder#add}. */
  public static final JsonAdapter.Factory QUIRKS = PlatformJson::create;

  private static final Moshi MOSHI = new Moshi.Builder().add(QUIRKS).build();

  private PlatformJson() {}

  /** A Moshi with {@link #QUIRKS}. */
  public static Moshi moshi() {
    return MOSHI;
  }

  /**
   * A Russian description of {@code e} for a failure detail a person reads: where the bad value is
   * (its JSON path) and, in Russian, what was expected there and what came. Moshi's English message
   * is translated, never shown: a form it does not know is described by its path alone.
   */
  public static String describe(JsonDataException e) {
    String message = String.valueOf(e.getMessage()).strip();
    Matcher expected = EXPECTED.matcher(message);
    if (expected.matches()) {
      String wanted = EXPECTED_RU.get(expected.group(1));
      return "некорректное значение по пути " + expected.group(3) + ": ожидалось: "
          + (wanted != null ? wanted : expected.group(1).startsWith("one of ") ? "одно из значений "
              + shown(expected.group(1).substring("one of ".length())) : "значение другого вида")
          + ", пришло: " + actual(expected.group(2));
    }
    Matcher missing = MISSING.matcher(message);
    if (missing.matches()) {
      String name = missing.group(2) != null ? missing.group(2) : missing.group(1);
      return "в ответе нет обязательного поля «" + name + "» по пути " + missing.group(3);
    }
    Matcher wasNull = WAS_NULL.matcher(message);
    if (wasNull.matches()) {
      String name = wasNull.group(2) != null ? wasNull.group(2) : wasNull.group(1);
      return "поле «" + name + "» по пути " + wasNull.group(3) + " — null, ожидалось: значение";
    }
    Matcher unexpectedNull = UNEXPECTED_NULL.matcher(message);
    if (unexpectedNull.matches()) {
      return "некорректное значение по пути " + unexpectedNull.group(1) + ": ожидалось: значение, пришло: null";
    }
    Matcher path = PATH.matcher(message);
    return path.find() ? "некорректное значение по пути " + path.group(1) : "некорректное значение";
  }

  /** What came, in Russian: a token's kind, or the value itself, quoted and cut. */
  private static String actual(String moshiSays) {
    String kind = ACTUAL_RU.get(moshiSays);
    return kind != null ? kind : shown(moshiSays);
  }

  private static String shown(String value) {
    String unquoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1) : value;
    return "«" + (unquoted.length() > SHOWN ? unquoted.substring(0, SHOWN) + "…" : unquoted) + "»";
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
            malformed.add(new Each.Malformed(index, path, "некорректное значение по пути " + path
                + ": ожидался: элемент, пришло: null"));
          } else {
            items.add(value);
          }
        } catch (JsonDataException e) {
          malformed.add(new Each.Malformed(index, path, describe(e)));
        } catch (ArithmeticException | IllegalArgumentException e) {
          // A value the item's class refused (out of range, say): its message is English, for logs.
          malformed.add(new Each.Malformed(index, path, "некорректное значение в элементе по пути " + path));
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
