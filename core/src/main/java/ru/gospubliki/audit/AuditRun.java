package ru.gospubliki.audit;

import java.time.Instant;
import org.immutables.value.Value;

/**
 * One audit kept in an {@link AuditHistory}: when it was as of, under which policy, and its
 * summary. The pages and findings are read with {@link AuditHistory#report(long)}.
 */
@Value.Immutable
public abstract class AuditRun {
  AuditRun() {}

  public static Builder builder() {
    return new Builder();
  }

  /** The history's id of the run; increasing in the order runs were recorded. */
  public abstract long id();

  /** "Now" of the audit ({@link ComplianceReport#asOf()}). */
  public abstract Instant asOf();

  public abstract String policy();

  public abstract AuditSummary summary();

  /** Builds {@link AuditRun} values. */
  public static final class Builder extends ImmutableAuditRun.Builder {
    Builder() {}
  }
}
