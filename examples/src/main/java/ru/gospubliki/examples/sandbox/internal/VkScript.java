package ru.gospubliki.examples.sandbox.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subset of VKScript the sandbox's {@code execute} understands: one {@code return} of either a
 * single API call or a list of API calls, each with one JSON-like object literal of arguments.
 *
 * <pre>{@code
 * return [API.wall.get({"owner_id": -1, "count": 100, "filter": "all"}),
 *         API.wall.get({"owner_id": -2, "count": 100, "filter": "all"})];
 * return API.groups.getById({"group_ids": "1,2", "fields": "site"});
 * }</pre>
 *
 * Keys may be quoted or bare; values are strings, numbers or booleans (sent to the method as their
 * text). Variables, loops, arithmetic and {@code var} are not supported: such code is error 12.
 */
final class VkScript {
  static final int MAX_CALLS = 25;

  /** One API call inside the script. */
  static final class Call {
    final String method;
    final Map<String, String> params;

    Call(String method, Map<String, String> params) {
      this.method = method;
      this.params = params;
    }
  }

  /** The parsed script: the calls, and whether the result is a list or a single value. */
  static final class Script {
    final List<Call> calls;
    final boolean list;

    Script(List<Call> calls, boolean list) {
      this.calls = calls;
      this.list = list;
    }
  }

  private final String code;
  private int pos;

  private VkScript(String code) {
    this.code = code;
  }

  /** Parses {@code code}; throws IllegalArgumentException with the reason when outside the subset. */
  static Script parse(String code) {
    return new VkScript(code).script();
  }

  private Script script() {
    skipSpace();
    expectWord("return");
    skipSpace();
    List<Call> calls = new ArrayList<>();
    boolean list;
    if (peek() == '[') {
      list = true;
      pos++;
      skipSpace();
      if (peek() != ']') {
        while (true) {
          calls.add(call());
          skipSpace();
          if (peek() == ',') {
            pos++;
            continue;
          }
          break;
        }
      }
      expect(']');
    } else {
      list = false;
      calls.add(call());
    }
    skipSpace();
    expect(';');
    skipSpace();
    if (pos != code.length()) throw fail("unexpected text after return");
    return new Script(calls, list);
  }

  private Call call() {
    skipSpace();
    expectWord("API.");
    int start = pos;
    while (pos < code.length() && (Character.isLetterOrDigit(code.charAt(pos)) || code.charAt(pos) == '.' || code.charAt(pos) == '_')) pos++;
    String method = code.substring(start, pos);
    if (!method.matches("[a-zA-Z]+\\.[a-zA-Z]+")) throw fail("bad method name '" + method + "'");
    skipSpace();
    expect('(');
    skipSpace();
    Map<String, String> params = new LinkedHashMap<>();
    if (peek() == '{') {
      int objectStart = pos;
      skipObject();
      params = toParams(code.substring(objectStart, pos));
      skipSpace();
    }
    expect(')');
    return new Call(method, params);
  }

  private void skipObject() {
    int depth = 0;
    boolean inString = false;
    char quote = 0;
    for (; pos < code.length(); pos++) {
      char c = code.charAt(pos);
      if (inString) {
        if (c == '\\') pos++;
        else if (c == quote) inString = false;
      } else if (c == '"' || c == '\'') {
        inString = true;
        quote = c;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth == 0) {
          pos++;
          return;
        }
      }
    }
    throw fail("unterminated argument object");
  }

  private Map<String, String> toParams(String object) {
    Map<String, Object> parsed;
    try {
      parsed = Json.object(Json.parse(object), "arguments");
    } catch (IOException | IllegalArgumentException e) {
      throw fail("arguments are not an object literal");
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : parsed.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Boolean) params.put(e.getKey(), ((Boolean) v) ? "1" : "0");
      else if (v instanceof String || v instanceof Number) params.put(e.getKey(), String.valueOf(v));
      else throw fail("argument " + e.getKey() + " must be a string, number or boolean");
    }
    return params;
  }

  private char peek() {
    return pos < code.length() ? code.charAt(pos) : '\0';
  }

  private void expect(char c) {
    if (peek() != c) throw fail("expected '" + c + "'");
    pos++;
  }

  private void expectWord(String word) {
    if (!code.startsWith(word, pos)) throw fail("expected '" + word + "'");
    pos += word.length();
  }

  private void skipSpace() {
    while (pos < code.length() && Character.isWhitespace(code.charAt(pos))) pos++;
  }

  private IllegalArgumentException fail(String why) {
    return new IllegalArgumentException(why + " at position " + pos);
  }
}
