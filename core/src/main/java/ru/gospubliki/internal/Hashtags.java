package ru.gospubliki.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds hashtags in post text: {@code #word} in any script, digits and {@code _} allowed. */
public final class Hashtags {
  private static final Pattern HASHTAG =
      Pattern.compile("(?<![\\p{L}\\p{N}_#&])#([\\p{L}\\p{N}_]*\\p{L}[\\p{L}\\p{N}_]*)(?:@[\\w.]+)?");

  private Hashtags() {}

  /** The hashtags of {@code text}, without {@code #}, lowercase, in order of first use. */
  public static List<String> extract(String text) {
    if (text.indexOf('#') < 0) return List.of();
    List<String> result = new ArrayList<>();
    Matcher matcher = HASHTAG.matcher(text);
    while (matcher.find()) {
      String tag = matcher.group(1).toLowerCase(Locale.ROOT);
      if (!result.contains(tag)) result.add(tag);
    }
    return List.copyOf(result);
  }
}
