package ru.gospubliki.examples.serve;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What one API key may see and post for: one district's organisations, or every district ({@code *}). */
final class Scope {
  static final Scope ALL = new Scope(null);

  private final @Nullable String district;

  private Scope(@Nullable String district) {
    this.district = district;
  }

  static Scope district(String district) {
    if (district.isBlank()) throw new IllegalArgumentException("district is blank");
    return new Scope(district.strip());
  }

  boolean all() {
    return district == null;
  }

  /** The district, or null for every district. */
  @Nullable String district() {
    return district;
  }

  /** Whether an organisation of {@code district} (null: none given) is this scope's. */
  boolean sees(@Nullable String organizationDistrict) {
    if (district == null) return true;
    return organizationDistrict != null && normal(organizationDistrict).equals(normal(district));
  }

  /** The scope as a name: the district, or {@code *}; also separates the scopes' idempotency keys. */
  String name() {
    return district == null ? "*" : district;
  }

  /** As people write districts: case, «ё» and spaces around do not matter. */
  private static String normal(String district) {
    return district.strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Scope other && Objects.equals(district == null ? null : normal(district),
        other.district == null ? null : normal(other.district));
  }

  @Override
  public int hashCode() {
    return district == null ? 0 : normal(district).hashCode();
  }

  @Override
  public String toString() {
    return "Scope{" + name() + "}";
  }
}
