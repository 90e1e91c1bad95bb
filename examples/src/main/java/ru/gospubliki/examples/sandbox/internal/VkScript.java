package ru.gospubliki.examples.sandbox.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The subset of VKScript the sandbox's {@code execute} understands: {@code var} statements and one
 * final {@code return}, with expressions made of API calls, object and array literals, strings,
 * numbers, {@code true}/{@code false}/{@code null}, variables, and the accessors {@code .field},
 * {@code [index]} and {@code @.field} (the field of every element of an array, as VKScript has it;
 * into nested arrays; null where an element has no such field).
 *
 * <pre>{@code
 * var w0 = API.wall.get({"owner_id": -1, "count": 100, "filter": "all"});
 * return [{"count": w0.count, "id": w0.items@.id, "att": w0.items@.attachments@.type}];
 * return API.groups.getById({"group_ids": "1,2", "fields": "site"});
 * }</pre>
 *
 * A failed API call evaluates to {@code false} (the caller records it in {@code execute_errors});
 * any accessor on it gives null. Loops, conditions, operators and functions are not supported: such
 * code is error 12, as code VK cannot compile.
 */
final class VkScript {
  static final int MAX_CALLS = 25;

  /** What an API call inside the script does; a failed call returns {@code false}. */
  @FunctionalInterface
  interface Api {
    Object call(String method, Map<String, String> params);
  }

  /** A parsed script: run it with {@link #run}. */
  static final class Program {
    private final List<Statement> statements;
    final int calls;

    Program(List<Statement> statements, int calls) {
      this.statements = statements;
      this.calls = calls;
    }

    /** Evaluates the statements in order; the value of the {@code return}. */
    @Nullable Object run(Api api) {
      Map<String, Object> variables = new HashMap<>();
      for (Statement statement : statements) {
        Object value = statement.expression.evaluate(variables, api);
        if (statement.variable == null) return value;
        variables.put(statement.variable, value);
      }
      return null;
    }
  }

  private record Statement(@Nullable String variable, Expression expression) {}

  private interface Expression {
    @Nullable Object evaluate(Map<String, Object> variables, Api api);
  }

  private final String code;
  private int pos;
  private int calls;

  private VkScript(String code) {
    this.code = code;
  }

  /** Parses {@code code}; throws IllegalArgumentException with the reason when outside the subset. */
  static Program parse(String code) {
    return new VkScript(code).program();
  }

  private Program program() {
    List<Statement> statements = new ArrayList<>();
    while (true) {
      skipSpace();
      if (word("var")) {
        skipSpace();
        String name = identifier();
        skipSpace();
        expect('=');
        Expression value = expression();
        skipSpace();
        expect(';');
        statements.add(new Statement(name, value));
      } else if (word("return")) {
        Expression value = expression();
        skipSpace();
        expect(';');
        skipSpace();
        if (pos != code.length()) throw fail("unexpected text after return");
        statements.add(new Statement(null, value));
        return new Program(statements, calls);
      } else {
        throw fail("expected 'var' or 'return'");
      }
    }
  }

  private Expression expression() {
    skipSpace();
    Expression value = primary();
    while (true) {
      skipSpace();
      if (code.startsWith("@.", pos)) {
        pos += 2;
        String field = identifier();
        Expression target = value;
        value = (vars, api) -> project(target.evaluate(vars, api), field);
      } else if (peek() == '.') {
        pos++;
        String field = identifier();
        Expression target = value;
        value = (vars, api) -> field(target.evaluate(vars, api), field);
      } else if (peek() == '[') {
        pos++;
        Expression index = expression();
        skipSpace();
        expect(']');
        Expression target = value;
        value = (vars, api) -> element(target.evaluate(vars, api), index.evaluate(vars, api));
      } else {
        return value;
      }
    }
  }

  private Expression primary() {
    char c = peek();
    if (c == '{') return object();
    if (c == '[') return array();
    if (c == '"' || c == '\'') {
      String text = string();
      return (vars, api) -> text;
    }
    if (c == '-' || Character.isDigit(c)) {
      Object number = number();
      return (vars, api) -> number;
    }
    if (code.startsWith("API.", pos)) return call();
    String name = identifier();
    switch (name) {
      case "true":
        return (vars, api) -> true;
      case "false":
        return (vars, api) -> false;
      case "null":
        return (vars, api) -> null;
      default:
        return (vars, api) -> {
          if (!vars.containsKey(name)) throw new IllegalArgumentException("undefined variable " + name);
          return vars.get(name);
        };
    }
  }

  private Expression call() {
    pos += "API.".length();
    int start = pos;
    while (pos < code.length() && (Character.isLetterOrDigit(code.charAt(pos)) || code.charAt(pos) == '.')) pos++;
    String method = code.substring(start, pos);
    if (!method.matches("[a-zA-Z]+\\.[a-zA-Z]+")) throw fail("bad method name '" + method + "'");
    skipSpace();
    expect('(');
    skipSpace();
    Expression arguments = peek() == '{' ? object() : (vars, api) -> Map.of();
    skipSpace();
    expect(')');
    calls++;
    return (vars, api) -> api.call(method, params(arguments.evaluate(vars, api)));
  }

  private Expression object() {
    expect('{');
    Map<String, Expression> fields = new LinkedHashMap<>();
    skipSpace();
    if (peek() != '}') {
      while (true) {
        skipSpace();
        String key = peek() == '"' || peek() == '\'' ? string() : identifier();
        skipSpace();
        expect(':');
        fields.put(key, expression());
        skipSpace();
        if (peek() == ',') {
          pos++;
          continue;
        }
        break;
      }
    }
    if (pos >= code.length()) throw fail("unterminated object");
    expect('}');
    return (vars, api) -> {
      Map<String, Object> value = new LinkedHashMap<>();
      fields.forEach((key, expression) -> value.put(key, expression.evaluate(vars, api)));
      return value;
    };
  }

  private Expression array() {
    expect('[');
    List<Expression> items = new ArrayList<>();
    skipSpace();
    if (peek() != ']') {
      while (true) {
        items.add(expression());
        skipSpace();
        if (peek() == ',') {
          pos++;
          continue;
        }
        break;
      }
    }
    expect(']');
    return (vars, api) -> {
      List<Object> value = new ArrayList<>();
      for (Expression item : items) value.add(item.evaluate(vars, api));
      return value;
    };
  }

  private static Map<String, String> params(@Nullable Object arguments) {
    Map<String, String> params = new LinkedHashMap<>();
    if (!(arguments instanceof Map<?, ?> map)) return params;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      Object v = entry.getValue();
      if (v instanceof Boolean flag) params.put(String.valueOf(entry.getKey()), flag ? "1" : "0");
      else if (v instanceof String || v instanceof Number) params.put(String.valueOf(entry.getKey()), String.valueOf(v));
      else throw new IllegalArgumentException("argument " + entry.getKey() + " must be a string, number or boolean");
    }
    return params;
  }

  /** VKScript's {@code @.}: the field of every element; into nested arrays; null otherwise. */
  static @Nullable Object project(@Nullable Object value, String field) {
    if (!(value instanceof List<?> list)) return null;
    List<Object> result = new ArrayList<>();
    for (Object element : list) {
      if (element instanceof Map<?, ?> map) result.add(map.get(field));
      else if (element instanceof List<?>) result.add(project(element, field));
      else result.add(null);
    }
    return result;
  }

  private static @Nullable Object field(@Nullable Object value, String field) {
    if (value instanceof Map<?, ?> map) return map.get(field);
    if (value instanceof List<?> list && field.equals("length")) return (long) list.size();
    return null;
  }

  private static @Nullable Object element(@Nullable Object value, @Nullable Object index) {
    if (value instanceof List<?> list && index instanceof Number number) {
      int i = number.intValue();
      return i >= 0 && i < list.size() ? list.get(i) : null;
    }
    if (value instanceof Map<?, ?> map && index instanceof String key) return map.get(key);
    return null;
  }

  private String identifier() {
    int start = pos;
    while (pos < code.length() && (Character.isLetterOrDigit(code.charAt(pos)) || code.charAt(pos) == '_')) pos++;
    if (start == pos) throw fail("expected a name");
    return code.substring(start, pos);
  }

  private boolean word(String word) {
    if (!code.startsWith(word, pos)) return false;
    int end = pos + word.length();
    if (end < code.length() && (Character.isLetterOrDigit(code.charAt(end)) || code.charAt(end) == '_')) return false;
    pos = end;
    return true;
  }

  private String string() {
    char quote = code.charAt(pos++);
    StringBuilder text = new StringBuilder();
    while (pos < code.length() && code.charAt(pos) != quote) {
      char c = code.charAt(pos++);
      if (c == '\\' && pos < code.length()) {
        char escaped = code.charAt(pos++);
        text.append(switch (escaped) {
          case 'n' -> '\n';
          case 't' -> '\t';
          default -> escaped;
        });
      } else {
        text.append(c);
      }
    }
    if (pos >= code.length()) throw fail("unterminated string");
    pos++;
    return text.toString();
  }

  private Object number() {
    int start = pos;
    if (peek() == '-') pos++;
    while (pos < code.length() && (Character.isDigit(code.charAt(pos)) || code.charAt(pos) == '.')) pos++;
    String text = code.substring(start, pos);
    try {
      return text.contains(".") ? (Object) Double.parseDouble(text) : (Object) Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw fail("bad number '" + text + "'");
    }
  }

  private char peek() {
    return pos < code.length() ? code.charAt(pos) : '\0';
  }

  private void expect(char c) {
    if (peek() != c) throw fail("expected '" + c + "'");
    pos++;
  }

  private void skipSpace() {
    while (pos < code.length() && Character.isWhitespace(code.charAt(pos))) pos++;
  }

  private IllegalArgumentException fail(String why) {
    return new IllegalArgumentException(why + " at position " + pos);
  }
}
