package ru.gospubliki.internal;

import java.net.IDN;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks links to an organisation's official site: {@code http} or {@code https} with a real
 * host name (at least two labels, a top-level domain of letters, internationalised names such as
 * {@code школа9.рф} allowed). A bare host ({@code school9.ru}) is accepted as {@code http}: pages
 * show what people typed. IP addresses, {@code localhost}, user info and other schemes are refused.
 *
 * <pre>{@code
 * WebUrls.isValid("https://school9.amur.ru/"); // true
 * WebUrls.isValid("школа9.рф");                // true
 * WebUrls.isValid("ftp://school9.ru");         // false
 * WebUrls.findSites("Сайт школы: school9.amur.ru, мы ВКонтакте: vk.com/school9"); // [school9.amur.ru]
 * }</pre>
 *
 * <p>Every method runs in time linear in the text's length.
 */
public final class WebUrls {
  private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:.*", Pattern.DOTALL);
  /** Hosts of social networks and messengers: a link to one is not the organisation's own site. */
  private static final Set<String> SOCIAL = Set.of("vk.com", "vk.ru", "vk.cc", "vk.me", "ok.ru", "odnoklassniki.ru",
      "max.ru", "t.me", "telegram.me", "facebook.com", "fb.com", "instagram.com", "twitter.com", "x.com",
      "youtube.com", "youtu.be", "rutube.ru", "dzen.ru", "zen.yandex.ru", "tiktok.com", "gosuslugi.ru");
  private static final int MAX_URL = 2_048;

  private WebUrls() {}

  /** True when {@code raw} is an http(s) link with a real host. */
  public static boolean isValid(String raw) {
    return host(raw) != null;
  }

  /** The lowercase ASCII (punycode) host of {@code raw}, or null when {@code raw} is not a valid link. */
  public static @Nullable String host(String raw) {
    String url = raw.trim();
    if (url.isEmpty() || url.length() > MAX_URL) return null;
    for (int i = 0; i < url.length(); i++) {
      if (Character.isWhitespace(url.charAt(i))) return null;
    }
    int rest;
    if (url.regionMatches(true, 0, "https://", 0, 8)) {
      rest = 8;
    } else if (url.regionMatches(true, 0, "http://", 0, 7)) {
      rest = 7;
    } else if (url.startsWith("//") || (SCHEME.matcher(url).matches() && !looksLikeHostPort(url))) {
      return null;
    } else {
      rest = 0;
    }
    int end = url.length();
    for (int i = rest; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    String authority = url.substring(rest, end);
    if (authority.indexOf('@') >= 0) return null;
    String host = authority;
    int colon = authority.lastIndexOf(':');
    if (colon >= 0) {
      String port = authority.substring(colon + 1);
      if (port.isEmpty() || port.length() > 5) return null;
      for (int i = 0; i < port.length(); i++) {
        if (port.charAt(i) < '0' || port.charAt(i) > '9') return null;
      }
      if (Integer.parseInt(port) > 65535) return null;
      host = authority.substring(0, colon);
    }
    if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
    String ascii;
    if (isAscii(host)) {
      ascii = host.toLowerCase(Locale.ROOT);
    } else {
      try {
        ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    if (ascii.isEmpty() || ascii.length() > 253) return null;
    int lastDot = ascii.lastIndexOf('.');
    if (lastDot < 0) return null;
    int start = 0;
    while (start <= ascii.length()) {
      int dot = ascii.indexOf('.', start);
      int labelEnd = dot < 0 ? ascii.length() : dot;
      if (!isLabel(ascii, start, labelEnd)) return null;
      start = labelEnd + 1;
    }
    if (!isTopLevel(ascii, lastDot + 1)) return null;
    return ascii;
  }

  /**
   * Links to a site written in free text (a page description): {@code http(s)://} links, {@code
   * www.} hosts and bare host names ({@code school9.amur.ru}, {@code школа9.рф}), in order, each
   * once, as written. Email domains and links to social networks and messengers are not sites.
   */
  public static List<String> findSites(String text) {
    Set<String> result = new LinkedHashSet<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!isUrlChar(text.charAt(i)) || (i > 0 && isUrlChar(text.charAt(i - 1)))) {
        i++;
        continue;
      }
      int end = i;
      while (end < n && isUrlChar(text.charAt(end))) end++;
      int next = end;
      boolean email = (i > 0 && text.charAt(i - 1) == '@') || (end < n && text.charAt(end) == '@');
      while (end > i && ".,;:!?)»\"'".indexOf(text.charAt(end - 1)) >= 0) end--;
      String token = text.substring(i, end);
      i = next;
      if (email || token.indexOf('@') >= 0 || token.length() > MAX_URL || token.indexOf('.') < 0) continue;
      boolean scheme = token.regionMatches(true, 0, "http://", 0, 7) || token.regionMatches(true, 0, "https://", 0, 8);
      if (!scheme && !plainHost(token)) continue;
      String host = host(token);
      if (host == null || isSocial(host)) continue;
      result.add(token);
    }
    return List.copyOf(result);
  }

  /**
   * True when a token without a scheme reads as a host name: {@code www.} first, or a top-level
   * domain of Latin letters, or {@code .рф}; so «г.Амурск» or «ул.Лесная» are not sites.
   */
  private static boolean plainHost(String token) {
    int slash = token.indexOf('/');
    String host = (slash < 0 ? token : token.substring(0, slash)).toLowerCase(Locale.ROOT);
    if (host.startsWith("www.")) return true;
    int dot = host.lastIndexOf('.');
    String top = host.substring(dot + 1);
    if (top.equals("рф")) return true;
    if (top.length() < 2) return false;
    for (int i = 0; i < top.length(); i++) {
      if (top.charAt(i) < 'a' || top.charAt(i) > 'z') return false;
    }
    return true;
  }

  private static boolean isSocial(String host) {
    String bare = host.startsWith("www.") ? host.substring(4) : host.startsWith("m.") ? host.substring(2) : host;
    return SOCIAL.contains(bare);
  }

  /** What a link may hold in free text: no spaces, brackets of prose, quotes or guillemets. */
  private static boolean isUrlChar(char c) {
    return !(Spaces.isSpace(c) || c == '(' || c == '«' || c == '"' || c == '<' || c == '>' || c == ','
        || c == ';' || c == '[' || c == ']' || c == '{' || c == '}' || c == '|');
  }

  /** {@code [a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?} between {@code start} and {@code end}. */
  static boolean isLabel(String host, int start, int end) {
    int length = end - start;
    if (length < 1 || length > 63 || host.charAt(start) == '-' || host.charAt(end - 1) == '-') return false;
    for (int i = start; i < end; i++) {
      char c = host.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) return false;
    }
    return true;
  }

  /** A top-level domain: two or more letters, or a punycode {@code xn--} label. */
  static boolean isTopLevel(String host, int start) {
    if (host.startsWith("xn--", start)) return host.length() - start > 4;
    if (host.length() - start < 2) return false;
    for (int i = start; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c < 'a' || c > 'z') return false;
    }
    return true;
  }

  private static boolean isAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) >= 0x80) return false;
    }
    return true;
  }

  /** {@code school9.ru:8080/path} parses as a scheme-like prefix; it is a host and port. */
  private static boolean looksLikeHostPort(String url) {
    int colon = url.indexOf(':');
    return url.substring(0, colon).indexOf('.') >= 0 && colon + 1 < url.length()
        && Character.isDigit(url.charAt(colon + 1));
  }
}
