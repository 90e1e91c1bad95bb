package ru.gospubliki.audit;

import java.util.List;
import org.immutables.value.Value;

/** Totals over a registry audit. */
@Value.Immutable
public abstract class AuditSummary {
  AuditSummary() {}

  public static Builder builder() {
    return new Builder();
  }

  public abstract int organizations();

  public abstract int pages();

  public abstract int compliant();

  public abstract int nonCompliant();

  /** Pages with no violation found but not fully checked: data the platform normally returns could not be read. */
  @Value.Default
  public int unverified() {
    return 0;
  }

  public abstract int unreachable();

  public abstract List<DistrictSummary> byDistrict();

  /** Builds {@link AuditSummary} values. */
  public static final class Builder extends ImmutableAuditSummary.Builder {
    Builder() {}
  }
}
