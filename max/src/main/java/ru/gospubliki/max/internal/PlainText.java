package ru.gospubliki.max.internal;

import java.util.regex.Pattern;

/**
 * A message's text reduced to what survives MAX's formatting: MAX stores the plain text and the
 * formatting apart ({@code text} + {@code markup}), so the markdown a post was sent with is not in
 * what {@code GET /messages} returns. Both sides are reduced alike: link targets dropped, the
 * characters markdown uses for formatting removed, whitespace collapsed. Used to recognise a sent
 * post among the recent ones, never shown.
 */
public final class PlainText {
  /**
   * {@code [text](url)} → {@code text}; and {@code [text](max://user/1)}. Neither part may hold a
   * {@code [}, so an attempt that starts at one {@code [} never reads past the next: the pattern runs
   * in time linear in the text, however many {@code [} it has (with {@code [} allowed, 1 MB of them
   * took minutes). Nothing is lost: a URL has no bare {@code [}, and a {@code [} in a link's text is
   * removed with the other marks anyway.
   */
  private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]\\n]*)\\]\\([^\\[)\\s]*\\)");
  /** MAX markdown: {@code * _ ~ + ^ `} around text, {@code #} and {@code >} before a line. */
  private static final Pattern MARKS = Pattern.compile("[*_~+^`#>\\[\\]]");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private PlainText() {}

  /** {@code text} (markdown or MAX's plain text) in the form two texts are compared in. */
  public static String of(String text) {
    String withoutLinks = LINK.matcher(text).replaceAll("$1");
    String withoutMarks = MARKS.matcher(withoutLinks).replaceAll("");
    return SPACE.matcher(withoutMarks).replaceAll(" ").strip();
  }
}
