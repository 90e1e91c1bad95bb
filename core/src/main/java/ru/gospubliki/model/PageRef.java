package ru.gospubliki.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.Spaces;

/**
 * A reference to one official page: the platform and the page's id there. Registries written by
 * people carry every form of link, and {@link #parse} accepts all of them, so an audit can judge
 * what the registry names instead of dropping the row:
 *
 * <pre>{@code
 * PageRef.parse("https://vk.com/club123");      // vk, 123
 * PageRef.parse("https://m.vk.ru/public123");   // vk, 123
 * PageRef.parse("https://vk.com/school9_amur"); // vk, screen name
 * PageRef.parse("vk:123");
 * PageRef.parse("https://ok.ru/group/53350000000001");
 * PageRef.parse("https://ok.ru/school9");       // ok, short name
 * PageRef.parse("ok:53350000000001");
 * PageRef.parse("https://max.ru/amur_adm");     // max, channel name
 * PageRef.parse("max:-70123456789");            // max, channel chat id (negative)
 * PageRef.parse("https://vk.com/id123");        // a person's page: isPerson() is true
 * PageRef.parse("https://t.me/amur_adm");       // telegram: kept, so the audit can say it is not allowed
 * }</pre>
 *
 * <p>The id is one of:
 *
 * <ul>
 *   <li>the platform's numeric id ({@linkplain #isNumeric() resolved}): positive for VK and OK
 *       communities, negative for MAX channels (their 64-bit chat ids);
 *   <li>a name the platform adapter resolves: a VK screen name, an OK short name, a MAX channel
 *       name or {@code join/<hash>} invitation;
 *   <li>a person's page, known as such from its form ({@linkplain #isPerson() person}): VK {@code
 *       id123} (VK keeps {@code id<number>} for people), OK {@code profile/123};
 *   <li>for a platform the SDK has no adapter for (Telegram, Facebook...), the page's name as its
 *       link gives it.
 * </ul>
 *
 * Names are lowercase except MAX and Telegram invitation hashes, which are case-sensitive.
 */
public final class PageRef implements Comparable<PageRef> {
  /** Longer text is not a page reference: parsing gives up before doing any work on it. */
  private static final int MAX_REFERENCE_LENGTH = 2_048;
  private static final int MAX_SHOWN = 120;

  /** Hosts of platforms with no adapter, so a registry row naming them keeps its page. */
  private static final Map<String, String> OTHER_HOSTS = Map.ofEntries(
      Map.entry("t.me", "telegram"),
      Map.entry("telegram.me", "telegram"),
      Map.entry("telegram.org", "telegram"),
      Map.entry("facebook.com", "facebook"),
      Map.entry("fb.com", "facebook"),
      Map.entry("instagram.com", "instagram"),
      Map.entry("twitter.com", "twitter"),
      Map.entry("x.com", "twitter"),
      Map.entry("youtube.com", "youtube"),
      Map.entry("rutube.ru", "rutube"),
      Map.entry("dzen.ru", "dzen"),
      Map.entry("zen.yandex.ru", "dzen"),
      Map.entry("tiktok.com", "tiktok"),
      Map.entry("livejournal.com", "livejournal"));

  private final PlatformId platform;
  private final String id;
  private final String url;

  private PageRef(PlatformId platform, String id, String url) {
    this.platform = platform;
    this.id = id;
    this.url = url;
  }

  /**
   * Returns the reference to page {@code id} on {@code platform}: a numeric id, a name, or a
   * person's id in its platform form ({@code id123} on VK, {@code profile/123} on OK). The canonical
   * URL follows the platform's link scheme; on a platform the SDK knows no scheme for it is {@code
   * platform:id} (use {@link #of(PlatformId, String, String)} to give one).
   *
   * @throws IllegalArgumentException when {@code id} is not a valid id on {@code platform}.
   */
  public static PageRef of(PlatformId platform, String id) {
    String key = normaliseId(platform, id);
    return new PageRef(platform, key, canonicalUrl(platform, key));
  }

  /** Returns a reference on a platform the SDK has no URL scheme for, with its canonical URL. */
  public static PageRef of(PlatformId platform, String id, String url) {
    if (platform.equals(PlatformId.VK) || platform.equals(PlatformId.OK) || platform.equals(PlatformId.MAX)) {
      return of(platform, id);
    }
    String key = normaliseId(platform, id);
    return new PageRef(platform, key, Objects.requireNonNull(url, "url"));
  }

  /** Returns the reference to the personal page of user {@code userId} (a positive number) on VK or OK. */
  public static PageRef person(PlatformId platform, long userId) {
    if (userId <= 0) throw new IllegalArgumentException("user id must be positive: " + userId);
    if (platform.equals(PlatformId.VK)) return of(platform, "id" + userId);
    if (platform.equals(PlatformId.OK)) return of(platform, "profile/" + userId);
    throw new IllegalArgumentException("no personal page form on " + platform);
  }

  /**
   * Parses any page-reference form accepted in registries (see the class comment).
   *
   * @throws IllegalArgumentException with a Russian message naming the value, for anything else.
   */
  public static PageRef parse(String reference) {
    String value = Spaces.strip(reference);
    PageRef result = value.length() > MAX_REFERENCE_LENGTH ? null : parseOrNull(value);
    if (result == null) {
      String shown = value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN) + "…" : value;
      throw new IllegalArgumentException("не удалось распознать ссылку на страницу «" + shown
          + "»: ожидается ссылка на страницу ВКонтакте (https://vk.com/club123, https://vk.com/имя, vk:123), "
          + "Одноклассников (https://ok.ru/group/123, https://ok.ru/имя, ok:123) или MAX (https://max.ru/имя, "
          + "max:-70123456789)");
    }
    return result;
  }

  private static @Nullable PageRef parseOrNull(String value) {
    if (value.isEmpty()) return null;
    int colon = value.indexOf(':');
    if (colon > 0 && !value.contains("/")) {
      String scheme = value.substring(0, colon).toLowerCase(Locale.ROOT);
      String id = value.substring(colon + 1);
      switch (scheme) {
        case "vk":
        case "ok":
          return isPositiveLong(id) ? of(PlatformId.of(scheme), id) : null;
        case "max":
          return isNegativeLong(id) ? of(PlatformId.MAX, id) : null;
        default:
          return null;
      }
    }
    String withScheme = value.contains("://") ? value : "https://" + value;
    URI uri;
    try {
      uri = new URI(withScheme);
    } catch (URISyntaxException e) {
      return null;
    }
    String scheme = uri.getScheme();
    String host = uri.getHost();
    if (scheme == null || host == null) return null;
    scheme = scheme.toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) return null;
    if (uri.getUserInfo() != null || (uri.getPort() != -1 && uri.getPort() != 443 && uri.getPort() != 80)) {
      return null;
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("www.")) host = host.substring(4);
    if (host.startsWith("m.")) host = host.substring(2);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (path.startsWith("/")) path = path.substring(1);
    if (path.endsWith("/")) path = path.substring(0, path.length() - 1);
    String[] segments = path.isEmpty() ? new String[0] : path.split("/", -1);
    switch (host) {
      case "vk.com":
      case "vk.ru":
        return parseVkPath(segments);
      case "ok.ru":
      case "odnoklassniki.ru":
        return parseOkPath(segments);
      case "max.ru":
        return parseMaxPath(segments);
      default:
        String other = OTHER_HOSTS.get(host);
        return other == null ? null : parseOtherPath(PlatformId.of(other), host, segments);
    }
  }

  private static @Nullable PageRef parseVkPath(String[] segments) {
    if (segments.length != 1) return null;
    String segment = segments[0].toLowerCase(Locale.ROOT);
    for (String prefix : new String[] {"club", "public", "event"}) {
      if (segment.startsWith(prefix) && isDigits(segment, prefix.length())) {
        String number = segment.substring(prefix.length());
        return isPositiveLong(number) ? of(PlatformId.VK, number) : null; // club0, public007: no such id
      }
    }
    if (segment.startsWith("id") && isDigits(segment, 2)) {
      return isPositiveLong(segment.substring(2)) ? of(PlatformId.VK, segment) : null;
    }
    return isScreenName(segment) ? of(PlatformId.VK, segment) : null;
  }

  private static @Nullable PageRef parseOkPath(String[] segments) {
    if (segments.length == 2) {
      String kind = segments[0].toLowerCase(Locale.ROOT);
      if (kind.equals("group") && isPositiveLong(segments[1])) return of(PlatformId.OK, segments[1]);
      if (kind.equals("profile") && isPositiveLong(segments[1])) return of(PlatformId.OK, "profile/" + segments[1]);
      return null;
    }
    if (segments.length == 1) {
      String segment = segments[0].toLowerCase(Locale.ROOT);
      if (segment.startsWith("group") && isPositiveLong(segment.substring(5))) {
        return of(PlatformId.OK, segment.substring(5));
      }
      if (segment.equals("group") || segment.equals("profile")) return null;
      return isScreenName(segment) ? of(PlatformId.OK, segment) : null;
    }
    return null;
  }

  private static @Nullable PageRef parseMaxPath(String[] segments) {
    if (segments.length == 2 && segments[0].equalsIgnoreCase("join") && isMaxHash(segments[1])) {
      return of(PlatformId.MAX, "join/" + segments[1]);
    }
    if (segments.length != 1) return null;
    String name = segments[0].startsWith("@") ? segments[0].substring(1) : segments[0];
    return isMaxName(name.toLowerCase(Locale.ROOT)) ? of(PlatformId.MAX, name) : null;
  }

  private static @Nullable PageRef parseOtherPath(PlatformId platform, String host, String[] segments) {
    if (segments.length == 0 || segments.length > 2) return null;
    String path = String.join("/", segments);
    if (!isOtherId(path)) return null;
    String key = normaliseOther(path);
    return new PageRef(platform, key, "https://" + host + "/" + key);
  }

  private static String normaliseId(PlatformId platform, String id) {
    String trimmed = Spaces.strip(id);
    if (trimmed.isEmpty()) throw new IllegalArgumentException("page id is empty");
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (platform.equals(PlatformId.VK)) {
      if (isPositiveLong(lower) || isScreenName(lower)) return lower;
      if (lower.startsWith("id") && isPositiveLong(lower.substring(2))) return lower;
      throw badId(platform, id, "a positive number, a screen name [a-z0-9_.] or id<number> (a person)");
    }
    if (platform.equals(PlatformId.OK)) {
      if (isPositiveLong(lower) || isScreenName(lower)) return lower;
      if (lower.startsWith("profile/") && isPositiveLong(lower.substring(8))) return lower;
      throw badId(platform, id, "a positive number, a short name [a-z0-9_.] or profile/<number> (a person)");
    }
    if (platform.equals(PlatformId.MAX)) {
      if (isNegativeLong(trimmed)) return trimmed;
      if (lower.startsWith("join/") && isMaxHash(trimmed.substring(5))) return "join/" + trimmed.substring(5);
      String name = lower.startsWith("@") ? lower.substring(1) : lower;
      if (isMaxName(name)) return name;
      throw badId(platform, id, "a negative chat id, a channel name or join/<hash>");
    }
    if (isOtherId(trimmed)) return normaliseOther(trimmed);
    throw badId(platform, id, "letters, digits and _ . + - /");
  }

  private static IllegalArgumentException badId(PlatformId platform, String id, String expected) {
    String shown = id.length() > MAX_SHOWN ? id.substring(0, MAX_SHOWN) + "…" : id;
    return new IllegalArgumentException("page id on " + platform + " must be " + expected + ": \"" + shown + "\"");
  }

  /** Invitation hashes (Telegram {@code +AbC}, {@code joinchat/AbC}) keep their case; names are lowercase. */
  private static String normaliseOther(String id) {
    return id.startsWith("+") || id.startsWith("joinchat/") ? id : id.toLowerCase(Locale.ROOT);
  }

  private static String canonicalUrl(PlatformId platform, String key) {
    if (platform.equals(PlatformId.VK)) {
      return isPositiveLong(key) ? "https://vk.com/club" + key : "https://vk.com/" + key;
    }
    if (platform.equals(PlatformId.OK)) {
      return isPositiveLong(key) ? "https://ok.ru/group/" + key : "https://ok.ru/" + key;
    }
    if (platform.equals(PlatformId.MAX) && !isNegativeLong(key)) return "https://max.ru/" + key;
    return platform.name() + ":" + key;
  }

  /** {@code [1-9][0-9]*} within the range of a {@code long}. */
  private static boolean isPositiveLong(String value) {
    int length = value.length();
    if (length == 0 || length > 19 || value.charAt(0) == '0' || !isDigits(value, 0)) return false;
    return length < 19 || value.compareTo("9223372036854775807") <= 0;
  }

  /** {@code -[1-9][0-9]*} within the range of a {@code long}. */
  private static boolean isNegativeLong(String value) {
    if (value.length() < 2 || value.charAt(0) != '-') return false;
    String digits = value.substring(1);
    return isPositiveLong(digits) || digits.equals("9223372036854775808");
  }

  /** True when every character from {@code from} on is an ASCII digit, and there is at least one. */
  private static boolean isDigits(String value, int from) {
    if (from >= value.length()) return false;
    for (int i = from; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') return false;
    }
    return true;
  }

  /** A VK screen name or OK short name: {@code [a-z0-9_.]{2,64}}, not all digits. */
  private static boolean isScreenName(String value) {
    if (value.length() < 2 || value.length() > 64) return false;
    boolean letter = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      if (!(c >= 'a' && c <= 'z' || digit || c == '_' || c == '.')) return false;
      letter |= !digit;
    }
    return letter;
  }

  /** A MAX channel name as its links spell it: a letter, then letters, digits, {@code _} and {@code -}. */
  private static boolean isMaxName(String value) {
    if (value.isEmpty() || value.length() > 64 || value.charAt(0) < 'a' || value.charAt(0) > 'z') return false;
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) return false;
    }
    return !value.equals("join");
  }

  private static boolean isMaxHash(String value) {
    if (value.isEmpty() || value.length() > 128) return false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** A page name on a platform without an adapter: ASCII letters, digits, {@code _ . + - /}. */
  private static boolean isOtherId(String value) {
    if (value.isEmpty() || value.length() > 128 || value.charAt(0) == '/' || value.endsWith("/")) return false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
          || c == '+' || c == '-' || c == '/')) {
        return false;
      }
    }
    return true;
  }

  public PlatformId platform() {
    return platform;
  }

  /** The numeric id, the name, or the person's id in its platform form ({@code id123}, {@code profile/123}). */
  public String id() {
    return id;
  }

  /**
   * True when {@link #id()} is the platform's numeric id (positive on VK and OK, a negative chat id
   * on MAX), false for a name or a person's page.
   */
  public boolean isNumeric() {
    return platform.equals(PlatformId.MAX) ? isNegativeLong(id) : isPositiveLong(id);
  }

  /** The numeric id; throws if this reference still holds a name. */
  public long numericId() {
    if (!isNumeric()) throw new IllegalStateException("page " + url + " is not resolved to a numeric id");
    return Long.parseLong(id);
  }

  /**
   * True when the reference itself shows a person's page, not a community: VK {@code id123}, OK
   * {@code profile/123}. A name that the platform resolves to a person is not known here: the
   * adapter reports it as a profile whose {@link ProfileSnapshot#isCommunity()} is false.
   */
  public boolean isPerson() {
    if (platform.equals(PlatformId.VK)) return id.startsWith("id") && isPositiveLong(id.substring(2));
    if (platform.equals(PlatformId.OK)) return id.startsWith("profile/");
    return false;
  }

  /** The canonical URL, e.g. {@code https://vk.com/club123}. */
  public String url() {
    return url;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (!(other instanceof PageRef)) return false;
    PageRef that = (PageRef) other;
    return platform.equals(that.platform) && id.equals(that.id);
  }

  @Override
  public int hashCode() {
    return platform.hashCode() * 31 + id.hashCode();
  }

  @Override
  public int compareTo(PageRef other) {
    int byPlatform = platform.compareTo(other.platform);
    return byPlatform != 0 ? byPlatform : id.compareTo(other.id);
  }

  /** The canonical URL. */
  @Override
  public String toString() {
    return url;
  }
}
