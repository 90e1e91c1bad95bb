package ru.gospubliki.examples.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.examples.sandbox.internal.Json;

/**
 * Checks JSON values against VK's official API schema bundle (draft-07, the keywords the bundle
 * uses: {@code $ref type properties required items enum oneOf minimum maximum maxLength minItems
 * maxItems minProperties additionalProperties}). The bundle lives outside the repository; tests
 * that use it skip when it is absent.
 */
final class SchemaCheck {
  private final Map<String, Object> root;

  private SchemaCheck(Map<String, Object> root) {
    this.root = root;
  }

  /** The bundle, looked for as {@code shared/data/vk-api-schema.bundle.json} beside an ancestor directory. */
  static @Nullable SchemaCheck find() throws java.io.IOException {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path bundle = dir.resolve("shared/data/vk-api-schema.bundle.json");
      if (Files.isRegularFile(bundle)) return new SchemaCheck(map(Json.parse(Files.readString(bundle))));
    }
    return null;
  }

  /** Every violation of the schema at {@code pointer} (e.g. {@code #/definitions/wall_get_response}). */
  List<String> violations(Object value, String pointer) {
    List<String> problems = new ArrayList<>();
    check(value, resolve(pointer), "$", problems);
    return problems;
  }

  private Map<String, Object> resolve(String pointer) {
    Object node = root;
    for (String part : pointer.substring(2).split("/")) node = map(node).get(part);
    return map(node);
  }

  private void check(@Nullable Object value, Map<String, Object> schema, String path, List<String> problems) {
    Object ref = schema.get("$ref");
    if (ref != null) {
      check(value, resolve((String) ref), path, problems);
      return;
    }
    Object oneOf = schema.get("oneOf");
    if (oneOf != null) {
      int matches = 0;
      for (Object option : (List<?>) oneOf) {
        List<String> inner = new ArrayList<>();
        check(value, map(option), path, inner);
        if (inner.isEmpty()) matches++;
      }
      if (matches != 1) problems.add(path + ": matches " + matches + " of oneOf");
    }
    Object type = schema.get("type");
    if (type != null) {
      List<?> types = type instanceof List<?> list ? list : List.of(type);
      if (types.stream().noneMatch(t -> is(value, (String) t))) {
        problems.add(path + ": " + value + " is not " + types);
        return;
      }
    }
    Object values = schema.get("enum");
    if (values != null && ((List<?>) values).stream().noneMatch(v -> same(v, value))) {
      problems.add(path + ": " + value + " is not one of " + values);
    }
    if (value instanceof Number number) {
      if (schema.get("minimum") instanceof Number min && number.doubleValue() < min.doubleValue()) {
        problems.add(path + ": " + value + " < " + min);
      }
      if (schema.get("maximum") instanceof Number max && number.doubleValue() > max.doubleValue()) {
        problems.add(path + ": " + value + " > " + max);
      }
    }
    if (value instanceof String text && schema.get("maxLength") instanceof Number max && text.length() > max.intValue()) {
      problems.add(path + ": longer than " + max);
    }
    if (value instanceof Map<?, ?> object) {
      Map<String, Object> properties = schema.get("properties") == null ? Map.of() : map(schema.get("properties"));
      for (Object required : schema.get("required") == null ? List.of() : (List<?>) schema.get("required")) {
        if (!object.containsKey(required)) problems.add(path + ": missing " + required);
      }
      for (Map.Entry<?, ?> entry : object.entrySet()) {
        Object property = properties.get(entry.getKey());
        if (property != null) {
          check(entry.getValue(), map(property), path + "." + entry.getKey(), problems);
        } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
          problems.add(path + ": unexpected " + entry.getKey());
        }
      }
      if (schema.get("minProperties") instanceof Number min && object.size() < min.intValue()) {
        problems.add(path + ": fewer than " + min + " properties");
      }
    }
    if (value instanceof List<?> list) {
      if (schema.get("minItems") instanceof Number min && list.size() < min.intValue()) problems.add(path + ": too few items");
      if (schema.get("maxItems") instanceof Number max && list.size() > max.intValue()) problems.add(path + ": too many items");
      Object items = schema.get("items");
      if (items instanceof Map<?, ?>) {
        for (int i = 0; i < list.size(); i++) check(list.get(i), map(items), path + "[" + i + "]", problems);
      }
    }
  }

  private static boolean same(Object expected, @Nullable Object value) {
    if (expected instanceof Number a && value instanceof Number b) return a.doubleValue() == b.doubleValue();
    return expected.equals(value);
  }

  private static boolean is(@Nullable Object value, String type) {
    return switch (type) {
      case "string" -> value instanceof String;
      case "integer" -> value instanceof Long || value instanceof Double d && d == Math.rint(d);
      case "number" -> value instanceof Number;
      case "boolean" -> value instanceof Boolean;
      case "object" -> value instanceof Map;
      case "array" -> value instanceof List;
      case "null" -> value == null;
      default -> false;
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(@Nullable Object value) {
    return (Map<String, Object>) value;
  }
}
