package ru.gospubliki.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds English in text meant for a Russian reader. Identifiers may stay as they are (addresses,
 * flags, rule ids, environment variables, file paths, Java class names, values quoted back); a run
 * of two English words may not.
 */
final class RussianText {
  /** What may stand in a Russian line. */
  private static final Pattern IDENTIFIERS = Pattern.compile(String.join("|",
      "\\bgospubliki(?: [a-z]+)?\\b", // the tool and its command
      "«[^»]*»", // a value quoted back to the user
      "https?://\\S+",
      "--[a-z][a-z0-9-]*",
      "(?<![\\p{L}\\d])/[^\\s»:;,)]*", // a file path
      "\\b[A-Z][A-Z0-9_]+\\b", // rule ids, environment variables, VK, OK, JSON, UTF-8
      "\\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\\b", // a Java class name
      "\\b[\\w-]+\\.java:\\d+\\b"));
  /** Two English words in a row: a fragment of an English sentence. */
  private static final Pattern ENGLISH =
      Pattern.compile("\\b[A-Za-z][a-z]+\\s+[A-Za-z]{2,}\\b|\\b[A-Za-z]{2,}\\s+[A-Za-z][a-z]+\\b");

  private RussianText() {}

  /** The English fragments in {@code text}, each with its line; empty when the text is Russian. */
  static List<String> english(String text) {
    List<String> found = new ArrayList<>();
    for (String line : text.lines().toList()) {
      Matcher english = ENGLISH.matcher(IDENTIFIERS.matcher(line).replaceAll(" "));
      while (english.find()) found.add(english.group() + "   ← " + line);
    }
    return found;
  }
}
