package ru.gospubliki.internal;

import org.jspecify.annotations.Nullable;

/**
 * Blank and strip as people's text needs them: {@link String#isBlank()} and {@link String#strip()}
 * miss the non-breaking spaces ({@code U+00A0}, {@code U+2007}, {@code U+202F}) and zero-width
 * characters that Word, Excel and web forms leave in names and descriptions; these do not.
 */
public final class Spaces {
  private Spaces() {}

  /** True for whitespace, any Unicode space separator, and the zero-width space, joiners and BOM. */
  public static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c)
        || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
  }

  /** True when {@code value} is null or made only of {@linkplain #isSpace spaces}. */
  public static boolean isBlank(@Nullable String value) {
    if (value == null) return true;
    for (int i = 0; i < value.length(); i++) {
      if (!isSpace(value.charAt(i))) return false;
    }
    return true;
  }

  /** {@code value} without leading and trailing {@linkplain #isSpace spaces}. */
  public static String strip(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isSpace(value.charAt(start))) start++;
    while (end > start && isSpace(value.charAt(end - 1))) end--;
    return value.substring(start, end);
  }

  /** {@code value} stripped, or null when it is blank. */
  public static @Nullable String emptyToNull(@Nullable String value) {
    if (value == null) return null;
    String stripped = strip(value);
    return stripped.isEmpty() ? null : stripped;
  }

  /** {@code value} stripped with every inner run of spaces made one ordinary space. */
  public static String collapse(String value) {
    StringBuilder result = new StringBuilder(value.length());
    boolean space = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isSpace(c)) {
        space = result.length() > 0;
      } else {
        if (space) result.append(' ');
        space = false;
        result.append(c);
      }
    }
    return result.toString();
  }
}
