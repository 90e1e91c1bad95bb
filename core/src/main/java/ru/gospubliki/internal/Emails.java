package ru.gospubliki.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks email addresses against a practical subset of RFC 5322: a dot-atom local part (letters of
 * any script allowed, for addresses like {@code почта@школа.рф}) and a domain of at least two
 * labels, internationalised domains included. Quoted local parts, comments and IP-literal domains
 * are refused: official pages do not use them.
 *
 * <pre>{@code
 * Emails.isValid("school9@amur.edu.ru"); // true
 * Emails.isValid("школа@школа9.рф");     // true
 * Emails.isValid("school9@mail");        // false
 * Emails.findAll("Пишите: info@school9.ru или director@school9.ru."); // both addresses
 * }</pre>
 *
 * <p>Every method runs in time linear in the text's length: the pattern only ever sees one
 * candidate of at most 254 characters.
 */
public final class Emails {
  private static final String ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
  private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?";
  private static final Pattern EMAIL = Pattern.compile(
      ATOM + "(?:\\." + ATOM + ")*@(?:" + LABEL + "\\.)+(?:\\p{L}{2,63}|xn--[a-zA-Z0-9-]{1,59})");

  private static final String ATOM_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

  private Emails() {}

  /**
   * The common case without the regex: an ASCII address whose parts are all valid. False means
   * "not proven valid here", and the full pattern decides.
   */
  private static boolean isPlainAscii(String email, int at) {
    boolean dotAllowed = false;
    for (int i = 0; i < at; i++) {
      char c = email.charAt(i);
      if (c == '.') {
        if (!dotAllowed) return false;
        dotAllowed = false;
      } else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || ATOM_SPECIALS.indexOf(c) >= 0) {
        dotAllowed = true;
      } else {
        return false;
      }
    }
    if (!dotAllowed) return false;
    String domain = email.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    int lastDot = domain.lastIndexOf('.');
    if (lastDot < 0) return false;
    int start = 0;
    while (start <= domain.length()) {
      int dot = domain.indexOf('.', start);
      int end = dot < 0 ? domain.length() : dot;
      if (!WebUrls.isLabel(domain, start, end)) return false;
      start = end + 1;
    }
    return WebUrls.isTopLevel(domain, lastDot + 1);
  }

  /**
   * True when {@code raw} is one or more usable addresses separated by commas, semicolons or
   * spaces, as pages often list them ({@code info@school9.ru, director@school9.ru}).
   */
  public static boolean isValidList(String raw) {
    boolean any = false;
    int start = 0;
    for (int i = 0; i <= raw.length(); i++) {
      if (i == raw.length() || raw.charAt(i) == ',' || raw.charAt(i) == ';' || Character.isWhitespace(raw.charAt(i))) {
        if (i > start) {
          if (!isValid(raw.substring(start, i))) return false;
          any = true;
        }
        start = i + 1;
      }
    }
    return any;
  }

  /**
   * The valid addresses written in free text (a description, a contacts field listing several), in
   * order, each once: every {@code @} with the address characters around it, trailing dots dropped.
   */
  public static List<String> findAll(String text) {
    Set<String> result = new LinkedHashSet<>();
    int n = text.length();
    int searchFrom = 0;
    while (searchFrom < n) {
      int at = text.indexOf('@', searchFrom);
      if (at < 0) break;
      int start = at;
      while (start > 0 && at - start <= 64 && isLocalChar(text.charAt(start - 1))) start--;
      int end = at + 1;
      while (end < n && end - at <= 254 && isDomainChar(text.charAt(end))) end++;
      searchFrom = Math.max(end, at + 1);
      while (start < at && text.charAt(start) == '.') start++;
      while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) end--;
      if (start == at || end == at + 1) continue;
      String candidate = text.substring(start, end);
      if (isValid(candidate)) result.add(candidate);
    }
    return List.copyOf(result);
  }

  private static boolean isLocalChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || ATOM_SPECIALS.indexOf(c) >= 0;
  }

  private static boolean isDomainChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '-';
  }

  /** True when {@code raw} (trimmed, an optional {@code mailto:} dropped) is a usable email address. */
  public static boolean isValid(String raw) {
    String email = raw.trim();
    if (email.regionMatches(true, 0, "mailto:", 0, 7)) email = email.substring(7);
    if (email.isEmpty() || email.length() > 254) return false;
    int at = email.lastIndexOf('@');
    if (at < 1 || at > 64) return false;
    return isPlainAscii(email, at) || EMAIL.matcher(email).matches();
  }
}
