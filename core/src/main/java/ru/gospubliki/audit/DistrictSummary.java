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

  /** Organisations with at least one page in the registry. */
  public abstract int withPage();

  public abstract int withVk();

  public abstract int withOk();

  /** Organisations with at least one page carrying the confirmed mark. */
  public abstract int withMark();

  /** Organisations with at least one page, all of whose readable pages are compliant and none unreachable. */
  public abstract int compliant();

  /** Builds {@link DistrictSummary} values. */
  public static final class Builder extends ImmutableDistrictSummary.Builder {
    Builder() {}
  }
}
