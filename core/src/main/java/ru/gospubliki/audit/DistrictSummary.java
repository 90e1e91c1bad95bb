package ru.gospubliki.audit;

import org.immutables.value.Value;

/** One district's line of the "подключено X из Y" table. */
@Value.Immutable
public abstract class DistrictSummary {
  DistrictSummary() {}

  public static Builder builder() {
    return new Builder();
  }

  /** District name; organisations without one are grouped under «Без района». */
  public abstract String district();

  public abstract int organizations();

  /**


   */
  public abstract int withPage();

  /** Organisations with a VK page that exists. */
  public abstract int withVk();

  /** Organisations with an OK page that exists. */
  public abstract int withOk();

  /** Organisations with a MAX channel that exists (or could not be checked). */
  @Value.Default
  public int withMax() {
    return 0;
  }

  /** Organisations with at least one page carrying the confirmed mark. */
  public abstract int withMark();

  /** Organisations with at least one page, every page of which is {@code COMPLIANT}. */
  public abstract int compliant();

  /** Builds {@link DistrictSummary} values. */
  public static final class Builder extends ImmutableDistrictSummary.Builder {
    Builder() {}
  }
}
