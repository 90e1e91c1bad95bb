package ru.gospubliki.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A reference to one official page: the platform and the page's id there. The id is either the
 * numeric community id ({@linkplain #isNumeric() resolved}) or a screen name that the platform
 * adapter resolves.
 *
 * <p>Registries written by people carry every form of link; {@link #parse} accepts all of them:
 *
 * <pre>{@code
 * PageRef.parse("https://vk.com/club123");     // vk, 123
 * PageRef.parse("https://m.vk.ru/public123");  // vk, 123
 * PageRef.parse("https://vk.com/school9_amur"); // vk, screen name
 * PageRef.parse("vk:123");
 * PageRef.parse("https://ok.ru/group/53350000000001");
 * PageRef.parse("https://ok.ru/school9");      // ok, short name
 * PageRef.parse("ok:53350000000001");
 * PageRef.parse("https://max.ru/amur_adm");     // max, channel name
 * PageRef.parse("max:-70123456789");            // max, channel chat id (negative)
 * }</pre>
 *
 * <p>A MAX channel's numeric id is its chat id, which is negative; its name and its {@code
 * join/<hash>} invitation (case kept) are resolved by the MAX adapter.
 */
public final class PageRef implements Comparable<PageRef> {
  private static final Pattern NUMERIC = Pattern.compile("[1-9][0-9]{0,19}");
  private static final Pattern SCREEN_NAME = Pattern.compile("[a-z0-9_.]{2,64}");
  private static final Pattern VK_COMMUNITY = Pattern.compile("(?:club|public|event)([1-9][0-9]{0,19})");
  private static final Pattern SHORT_FORM = Pattern.compile("([a-zA-Z][a-zA-Z0-9_-]*):(\\S+)");
  /** A MAX chat id: negative, within a {@code long}. */
  private static final Pattern MAX_CHAT_ID = Pattern.compile("-[1-9][0-9]{0,18}");
  /** A MAX channel name as its links spell it: a letter, then letters, digits, {@code _} and {@code -}. */
  private static final Pattern MAX_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
  /** A MAX invitation hash (case-sensitive). */
  private static final Pattern MAX_HASH = Pattern.compile("[A-Za-z0-9_-]{1,128}");

  private final PlatformId platform;
  private final String id;
  private final String url;

  private PageRef(PlatformId platform, String id, String url) {
    this.platform = platform;
    this.id = id;
    this.url = url;
  }

  /**
   * Returns the reference to page {@code id} (numeric id or screen name) on {@code platform}. For
   * platforms other than VK and OK the canonical URL is {@code platform:id}; use {@link #of(PlatformId,
   * String, String)} to give one.
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

  /**
   * Parses any page-reference form accepted in registries (see the class comment).
   *
   * @throws IllegalArgumentException with a Russian message naming the value, for anything else.
   */
  public static PageRef parse(String reference) {
    PageRef result = parseOrNull(reference.trim());
    if (result == null) {
      throw new IllegalArgumentException("не удалось распознать ссылку на страницу «" + reference.trim()
          + "»: ожидается https://vk.com/club123, https://vk.com/имя, vk:123, "
          + "https://ok.ru/group/123, https://ok.ru/имя, ok:123, https://max.ru/имя или max:-70123456789");
    }
    return result;
  }

  private static @Nullable PageRef parseOrNull(String value) {
    if (value.isEmpty()) return null;
    Matcher shortForm = SHORT_FORM.matcher(value);
    if (shortForm.matches() && !value.contains("/")) {
      String scheme = shortForm.group(1).toLowerCase(Locale.ROOT);
      String id = shortForm.group(2);
      if (scheme.equals("vk") || scheme.equals("ok")) {
        return NUMERIC.matcher(id).matches() ? of(PlatformId.of(scheme), id) : null;
      }
      if (scheme.equals("max")) return isMaxChatId(id) ? of(PlatformId.MAX, id) : null;
      return null;
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
    String path = uri.getPath() == null ? "" : uri.getPath();
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
        return null;
    }
  }

  private static @Nullable PageRef parseVkPath(String[] segments) {
    if (segments.length != 1) return null;
    String segment = segments[0].toLowerCase(Locale.ROOT);
    Matcher community = VK_COMMUNITY.matcher(segment);
    if (community.matches()) return of(PlatformId.VK, community.group(1));
    if (segment.matches("(?:club|public|event)[0-9]+")) return null; // club0, public007: no such id
    if (SCREEN_NAME.matcher(segment).matches() && !segment.chars().allMatch(Character::isDigit)) {
      return of(PlatformId.VK, segment);
    }
    return null;
  }

  private static @Nullable PageRef parseOkPath(String[] segments) {
    if (segments.length == 2 && segments[0].equalsIgnoreCase("group")
        && NUMERIC.matcher(segments[1]).matches()) {
      return of(PlatformId.OK, segments[1]);
    }
    if (segments.length == 1) {
      String segment = segments[0].toLowerCase(Locale.ROOT);
      if (segment.startsWith("group") && NUMERIC.matcher(segment.substring(5)).matches()) {
        return of(PlatformId.OK, segment.substring(5));
      }
      if (SCREEN_NAME.matcher(segment).matches() && !segment.chars().allMatch(Character::isDigit)
          && !segment.equals("group") && !segment.equals("profile")) {
        return of(PlatformId.OK, segment);
      }
    }
    return null;
  }

  private static @Nullable PageRef parseMaxPath(String[] segments) {
    if (segments.length == 2 && segments[0].equalsIgnoreCase("join") && MAX_HASH.matcher(segments[1]).matches()) {
      return of(PlatformId.MAX, "join/" + segments[1]);
    }
    if (segments.length != 1) return null;
    String name = segments[0].startsWith("@") ? segments[0].substring(1) : segments[0];
    return isMaxName(name.toLowerCase(Locale.ROOT)) ? of(PlatformId.MAX, name) : null;
  }

  private static boolean isMaxChatId(String value) {
    if (!MAX_CHAT_ID.matcher(value).matches()) return false;
    try {
      Long.parseLong(value);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isMaxName(String value) {
    return MAX_NAME.matcher(value).matches() && !value.equals("join");
  }

  private static String normaliseId(PlatformId platform, String id) {
    if (platform.equals(PlatformId.MAX)) return normaliseMaxId(id);
    String key = id.trim().toLowerCase(Locale.ROOT);
    if (key.isEmpty()) throw new IllegalArgumentException("page id is empty");
    if (!NUMERIC.matcher(key).matches() && !SCREEN_NAME.matcher(key).matches()) {
      throw new IllegalArgumentException("page id must be a positive number or a screen name [a-z0-9_.]: \""
          + id + "\" on " + platform);
    }
    return key;
  }

  /** A MAX chat id, a channel name (lowercase, without {@code @}) or {@code join/<hash>} (case kept). */
  private static String normaliseMaxId(String id) {
    String trimmed = id.trim();
    if (trimmed.isEmpty()) throw new IllegalArgumentException("page id is empty");
    if (isMaxChatId(trimmed)) return trimmed;
    if (trimmed.regionMatches(true, 0, "join/", 0, 5) && MAX_HASH.matcher(trimmed.substring(5)).matches()) {
      return "join/" + trimmed.substring(5);
    }
    String lower = trimmed.toLowerCase(Locale.ROOT);
    String name = lower.startsWith("@") ? lower.substring(1) : lower;
    if (isMaxName(name)) return name;
    throw new IllegalArgumentException("page id on max must be a negative chat id, a channel name or join/<hash>: \""
        + id + "\"");
  }

  private static String canonicalUrl(PlatformId platform, String key) {
    boolean numeric = NUMERIC.matcher(key).matches();
    if (platform.equals(PlatformId.VK)) {
      return numeric ? "https://vk.com/club" + key : "https://vk.com/" + key;
    }
    if (platform.equals(PlatformId.OK)) {
      return numeric ? "https://ok.ru/group/" + key : "https://ok.ru/" + key;
    }
    if (platform.equals(PlatformId.MAX) && !isMaxChatId(key)) return "https://max.ru/" + key;
    return platform.name() + ":" + key;
  }

  public PlatformId platform() {
    return platform;
  }

  /** The numeric id or the lowercase screen name. */
  public String id() {
    return id;
  }

  /**
   * True when {@link #id()} is the platform's numeric id (positive on VK and OK, a negative chat id
   * on MAX), false for a screen name.
   */
  public boolean isNumeric() {
    return platform.equals(PlatformId.MAX) ? isMaxChatId(id) : NUMERIC.matcher(id).matches();
  }

  /** The numeric id; throws if this reference still holds a screen name. */
  public long numericId() {
    if (!isNumeric()) throw new IllegalStateException("page " + url + " is not resolved to a numeric id");
    return Long.parseLong(id);
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
