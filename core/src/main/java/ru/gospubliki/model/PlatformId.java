package ru.gospubliki.model;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Names a social platform. The set is open: {@link #VK} and {@link #OK} are the platforms named by
 * order 2523-р, and a regional policy may allow others (for example {@code max} or {@code telegram}).
 *
 * <pre>{@code
 * PlatformId vk = PlatformId.of("vk"); // same as PlatformId.VK
 * }</pre>
 */
public final class PlatformId implements Comparable<PlatformId> {
  private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

  /** ВКонтакте. */
  public static final PlatformId VK = new PlatformId("vk");
  /** Одноклассники. */
  public static final PlatformId OK = new PlatformId("ok");
  /** MAX, the national messenger: official channels since 2025. */
  public static final PlatformId MAX = new PlatformId("max");

  private final String name;

  private PlatformId(String name) {
    this.name = name;
  }

  /** Returns the platform named {@code name} (case-insensitive, e.g. {@code "vk"}). */
  public static PlatformId of(String name) {
    String lower = name.trim().toLowerCase(Locale.ROOT);
    if (lower.equals(VK.name)) return VK;
    if (lower.equals(OK.name)) return OK;
    if (lower.equals(MAX.name)) return MAX;
    if (!VALID.matcher(lower).matches()) {
      throw new IllegalArgumentException("platform id must match [a-z][a-z0-9_-]{0,31}: \"" + name + "\"");
    }
    return new PlatformId(lower);
  }

  /** The lowercase name, as used in reports and policies. */
  public String name() {
    return name;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof PlatformId && ((PlatformId) other).name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public int compareTo(PlatformId other) {
    return name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
