package ru.gospubliki.internal.rules;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.rules.Policy;
import ru.gospubliki.rules.PolicyException;
import ru.gospubliki.rules.Rule;
import ru.gospubliki.rules.RuleCatalog;
import ru.gospubliki.rules.RuleDefinition;
import ru.gospubliki.rules.Severity;

/**
 * Reads the JSON form of a {@link Policy}:
 * {@code {"name":"amur","rules":{"GOV_MARK":{"severity":"VIOLATION"},
 * "POSTS_CADENCE":{"parameters":{"perWeek":4}},"COMMENTS_OPEN":{"enabled":false}},
 * "scoreWeights":{"GOV_MARK":20}}}.
 *
 * <p>Every problem of the file is collected and reported at once in one {@link PolicyException}:
 * unknown keys and rule ids, unknown parameters, bad severities, values of the wrong type, negative
 * weights. A missing {@code name} defaults to the file name without its directory and {@code .json}.
 *
 * <p>Parameter values are kept as strings, as {@link ru.gospubliki.rules.RuleParameters} holds them:
 * a JSON number becomes its plain decimal form ({@code 4}, not {@code 4.0}); a JSON array of strings
 * becomes a comma-separated list. A parameter whose default is a number takes a number (or a string
 * holding one); whose default is an integer takes an integer.
 */
public final class PolicyJson {
  private static final Set<String> ROOT_KEYS = Set.of("name", "rules", "scoreWeights");
  private static final Set<String> RULE_KEYS = Set.of("enabled", "severity", "parameters");

  private PolicyJson() {}

  public static Policy parse(String json, String sourceName, RuleCatalog catalog) {
    List<String> problems = new ArrayList<>();
    @Nullable Object root = readJson(json, problems);
    if (!problems.isEmpty()) throw new PolicyException(sourceName, problems);
    if (!(root instanceof Map)) {
      problems.add("ожидается JSON-объект политики, а не " + describe(root));
      throw new PolicyException(sourceName, problems);
    }
    Map<?, ?> object = (Map<?, ?>) root;
    Policy.Builder builder = Policy.builder(catalog);

    for (Object key : object.keySet()) {
      if (!ROOT_KEYS.contains(key)) {
        problems.add("неизвестный ключ «" + key + "»: допустимы name, rules, scoreWeights");
      }
    }

    @Nullable Object name = object.get("name");
    if (name != null) {
      if (!(name instanceof String) || ((String) name).isBlank()) {
        problems.add("name: ожидается непустая строка, а не " + describe(name));
      } else {
        builder.name(((String) name).trim());
      }
    } else if (object.containsKey("name")) {
      problems.add("name: ожидается непустая строка, а не null");
    } else {
      String fromSource = nameFromSource(sourceName);
      if (!fromSource.isBlank()) builder.name(fromSource);
    }

    if (object.containsKey("rules")) {
      @Nullable Object rules = object.get("rules");
      if (!(rules instanceof Map)) {
        problems.add("rules: ожидается объект {\"ID_ПРАВИЛА\": {...}}, а не " + describe(rules));
      } else {
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) rules).entrySet()) {
          readRule((String) entry.getKey(), entry.getValue(), catalog, builder, problems);
        }
      }
    }

    if (object.containsKey("scoreWeights")) {
      @Nullable Object weights = object.get("scoreWeights");
      if (!(weights instanceof Map)) {
        problems.add("scoreWeights: ожидается объект {\"ID_ПРАВИЛА\": вес}, а не " + describe(weights));
      } else {
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) weights).entrySet()) {
          readWeight((String) entry.getKey(), entry.getValue(), catalog, builder, problems);
        }
      }
    }

    if (!problems.isEmpty()) throw new PolicyException(sourceName, problems);
    return builder.build();
  }

  private static final String SYNTAX_ERROR =
      "ошибка синтаксиса: проверьте кавычки вокруг строк, запятые, двоеточия и скобки";

  private static @Nullable Object readJson(String json, List<String> problems) {
    if (json.isBlank()) {
      problems.add("файл политики пуст");
      return null;
    }
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
    try {
      @Nullable Object value = reader.readJsonValue();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        problems.add("некорректный JSON: лишние данные после объекта (позиция " + reader.getPath() + ")");
      }
      return value;
    } catch (EOFException e) {
      problems.add("некорректный JSON (позиция " + reader.getPath() + "): файл обрывается раньше конца объекта");
      return null;
    } catch (JsonEncodingException | JsonDataException e) {
      // Moshi's own message is English and names a Java method: the position says enough.
      problems.add("некорректный JSON (позиция " + reader.getPath() + "): " + SYNTAX_ERROR);
      return null;
    } catch (IOException e) {
      // An in-memory buffer does not fail; anything else is malformed input such as an early end.
      problems.add("некорректный JSON (позиция " + reader.getPath() + "): " + SYNTAX_ERROR);
      return null;
    }
  }

  private static void readRule(String ruleId, @Nullable Object value, RuleCatalog catalog,
      Policy.Builder builder, List<String> problems) {
    String path = "rules." + ruleId;
    @Nullable Rule rule = catalog.get(ruleId);
    if (rule == null) {
      problems.add(path + ": неизвестное правило «" + ruleId + "»");
      return;
    }
    if (!(value instanceof Map)) {
      problems.add(path + ": ожидается объект {\"enabled\", \"severity\", \"parameters\"}, а не "
          + describe(value));
      return;
    }
    RuleDefinition definition = rule.definition();
    Map<?, ?> settings = (Map<?, ?>) value;
    for (Object key : settings.keySet()) {
      if (!RULE_KEYS.contains(key)) {
        problems.add(path + ": неизвестный ключ «" + key + "»: допустимы enabled, severity, parameters");
      }
    }
    if (settings.containsKey("enabled")) {
      @Nullable Object enabled = settings.get("enabled");
      if (enabled instanceof Boolean) {
        if ((Boolean) enabled) builder.enable(ruleId);
        else builder.disable(ruleId);
      } else {
        problems.add(path + ".enabled: ожидается true или false, а не " + describe(enabled));
      }
    }
    if (settings.containsKey("severity")) {
      @Nullable Object severity = settings.get("severity");
      @Nullable Severity parsed = severity instanceof String ? severity((String) severity) : null;
      if (parsed == null) {
        problems.add(path + ".severity: недопустимое значение " + describe(severity)
            + ": ожидается VIOLATION, WARNING или NOTICE");
      } else {
        builder.severity(ruleId, parsed);
      }
    }
    if (settings.containsKey("parameters")) {
      @Nullable Object parameters = settings.get("parameters");
      if (!(parameters instanceof Map)) {
        problems.add(path + ".parameters: ожидается объект {\"имя\": значение}, а не " + describe(parameters));
        return;
      }
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) parameters).entrySet()) {
        String name = (String) entry.getKey();
        String parameterPath = path + ".parameters." + name;
        @Nullable String defaultValue = definition.parameters().get(name);
        if (defaultValue == null) {
          problems.add(parameterPath + ": у правила " + ruleId + " нет параметра «" + name + "»"
              + (definition.parameters().isEmpty()
                  ? " (у него нет параметров)"
                  : " (есть: " + String.join(", ", definition.parameters().keySet()) + ")"));
          continue;
        }
        @Nullable String converted = parameterValue(defaultValue, entry.getValue(), parameterPath, problems);
        if (converted != null) builder.parameter(ruleId, name, converted);
      }
    }
  }

  private static void readWeight(String ruleId, @Nullable Object value, RuleCatalog catalog,
      Policy.Builder builder, List<String> problems) {
    String path = "scoreWeights." + ruleId;
    if (!catalog.contains(ruleId)) {
      problems.add(path + ": неизвестное правило «" + ruleId + "»");
      return;
    }
    @Nullable BigDecimal number = value instanceof Double ? BigDecimal.valueOf((Double) value) : null;
    if (number == null || !isInteger(number)) {
      problems.add(path + ": вес должен быть целым числом, а не " + describe(value));
    } else if (number.signum() < 0) {
      problems.add(path + ": вес не может быть отрицательным: " + plain(number));
    } else if (number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      problems.add(path + ": слишком большой вес: " + plain(number));
    } else {
      builder.scoreWeight(ruleId, number.intValueExact());
    }
  }

  /** Converts a JSON parameter value to the string form, checking it against the default's type. */
  private static @Nullable String parameterValue(String defaultValue, @Nullable Object value, String path,
      List<String> problems) {
    @Nullable BigDecimal defaultNumber = number(defaultValue);
    if (defaultNumber != null) {
      @Nullable BigDecimal number = value instanceof Double ? BigDecimal.valueOf((Double) value)
          : value instanceof String ? number((String) value) : null;
      boolean integer = isInteger(defaultNumber) && defaultValue.indexOf('.') < 0;
      if (number == null) {
        problems.add(path + ": ожидается " + (integer ? "целое число" : "число")
            + " (по умолчанию " + defaultValue + "), а не " + describe(value));
        return null;
      }
      if (integer && !isInteger(number)) {
        problems.add(path + ": ожидается целое число (по умолчанию " + defaultValue + "), а не "
            + describe(value));
        return null;
      }
      return plain(number);
    }
    if (defaultValue.equals("true") || defaultValue.equals("false")) {
      if (value instanceof Boolean) return value.toString();
      problems.add(path + ": ожидается true или false, а не " + describe(value));
      return null;
    }
    if (value instanceof String) return (String) value;
    if (value instanceof List) {
      List<String> items = new ArrayList<>();
      for (Object item : (List<?>) value) {
        if (!(item instanceof String)) {
          problems.add(path + ": ожидается строка или список строк, а в списке " + describe(item));
          return null;
        }
        items.add(((String) item).trim());
      }
      return String.join(",", items);
    }
    problems.add(path + ": ожидается строка (по умолчанию «" + defaultValue + "»), а не " + describe(value));
    return null;
  }

  private static @Nullable Severity severity(String value) {
    for (Severity severity : Severity.values()) {
      if (severity.name().equals(value)) return severity;
    }
    return null;
  }

  private static @Nullable BigDecimal number(String value) {
    String trimmed = value.trim();
    if (trimmed.isEmpty()) return null;
    try {
      return new BigDecimal(trimmed);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean isInteger(BigDecimal number) {
    return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
  }

  /** {@code 4} for 4.0, {@code 0.75} for 0.75: never an exponent, never a needless {@code .0}. */
  private static String plain(BigDecimal number) {
    if (number.signum() == 0) return "0";
    BigDecimal stripped = number.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
  }

  /** The value as the user wrote it, for messages. */
  private static String describe(@Nullable Object value) {
    if (value == null) return "null";
    if (value instanceof String) return "«" + value + "»";
    if (value instanceof Double) return plain(BigDecimal.valueOf((Double) value));
    if (value instanceof Boolean) return value.toString();
    if (value instanceof Map) return "объект";
    if (value instanceof List) return "список";
    return value.toString();
  }

  private static String nameFromSource(String sourceName) {
    String name = sourceName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) name = name.substring(0, name.length() - 5);
    return name.trim();
  }
}
