package ru.gospubliki.examples.serve;

/**
 * A tiny HTML writer: text is always escaped ({@link #text}), attributes too ({@link #attr});
 * only the dashboard's own markup goes in raw ({@link #raw}). No templates, no scripts.
 */
final class Html {
  private final StringBuilder out = new StringBuilder(16 * 1024);

  /** Markup written by the dashboard itself, never anything that came from outside. */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  /** Text, escaped. */
  Html text(@org.jspecify.annotations.Nullable Object value) {
    out.append(escape(value == null ? "" : value.toString()));
    return this;
  }

  /** An element with escaped text: a cell with «Школа <1>» becomes {@code <td>Школа &lt;1&gt;</td>} in the page. */
  Html element(String tag, @org.jspecify.annotations.Nullable Object value) {
    return raw("<" + tag + ">").text(value).raw("</" + tag.split(" ", 2)[0] + ">");
  }

  /** An attribute value, escaped, with its quotes: {@code  href="..."}. */
  static String attr(String name, String value) {
    return " " + name + "=\"" + escape(value) + "\"";
  }

  static String escape(String value) {
    StringBuilder escaped = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
