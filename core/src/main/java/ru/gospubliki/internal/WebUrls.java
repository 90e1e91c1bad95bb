package ru.gospubliki.internal;

import java.net.IDN;
import java.util.Locale;
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
 * }</pre>
 */
public final class WebUrls {
  private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:.*", Pattern.DOTALL);
  private static final Pattern ASCII_LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern TLD = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

  private WebUrls() {}

  /** True when {@code raw} is an http(s) link with a real host. */
  public static boolean isValid(String raw) {
    return host(raw) != null;
  }

  /** The lowercase ASCII (punycode) host of {@code raw}, or null when {@code raw} is not a valid link. */
  public static @Nullable String host(String raw) {
    String url = raw.trim();
    if (url.isEmpty()) return null;
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
    try {
      ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (ascii.isEmpty() || ascii.length() > 253) return null;
    String[] labels = ascii.split("\\.", -1);
    if (labels.length < 2) return null;
    for (String label : labels) {
      if (!ASCII_LABEL.matcher(label).matches()) return null;
    }
    if (!TLD.matcher(labels[labels.length - 1]).matches()) return null;
    return ascii;
  }

  /** {@code school9.ru:8080/path} parses as a scheme-like prefix; it is a host and port. */
  private static boolean looksLikeHostPort(String url) {
    int colon = url.indexOf(':');
    return url.substring(0, colon).indexOf('.') >= 0 && colon + 1 < url.length()
        && Character.isDigit(url.charAt(colon + 1));
  }
}
