package ru.gospubliki.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds hashtags in post text: {@code #word} in any script, digits and {@code _} allowed, at least
 * one letter; a {@code #} inside a word or an HTML entity ({@code &#39;}) starts none. Scanned by
 * hand in one pass: post text comes from platforms, and this runs in time linear in its length.
 */
public final class Hashtags {
  private Hashtags() {}

  /** The hashtags of {@code text}, without {@code #}, lowercase, in order of first use. */
  public static List<String> extract(String text) {
    int hash = text.indexOf('#');
    if (hash < 0) return List.of();
    Set<String> result = new LinkedHashSet<>();
    int n = text.length();
    int i = hash;
    while (i < n) {
      if (text.charAt(i) != '#' || (i > 0 && startsNone(text.charAt(i - 1)))) {
        i++;
        continue;
      }
      int end = i + 1;
      boolean letter = false;
      while (end < n) {
        int c = text.codePointAt(end);
        if (!(Character.isLetterOrDigit(c) || c == '_')) break;
        letter |= Character.isLetter(c);
        end += Character.charCount(c);
      }
      if (letter) {
        String tag = text.substring(i + 1, end).toLowerCase(Locale.ROOT);
        result.add(tag);
      }
      i = Math.max(end, i + 1);
    }
    return List.copyOf(result);
  }

  /** A {@code #} right after one of these is part of a word, another tag or an entity. */
  private static boolean startsNone(char previous) {
    return Character.isLetterOrDigit(previous) || previous == '_' || previous == '#' || previous == '&';
  }
}
