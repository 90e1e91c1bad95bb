package ru.gospubliki.audit;

import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;
import ru.gospubliki.registry.RejectedRow;

/**
 * The result of auditing a registry: what a ЦУР publishes and what the reference tool renders as
 * JSON ({@code gospubliki.audit/1}), CSV or a table.
 */
@Value.Immutable
public abstract class ComplianceReport {
  /** The JSON schema id of this report's JSON form. */
  public static final String SCHEMA = "gospubliki.audit/1";

  ComplianceReport() {}

  public static Builder builder() {
    return new Builder();
  }

  /** "Now" of the audit. */
  public abstract Instant asOf();

  /** The policy's name. */
  public abstract String policy();

  public abstract AuditSummary summary();

  public abstract List<OrganizationAudit> organizations();

  public abstract List<RejectedRow> rejectedRows();

  /** Builds {@link ComplianceReport} values. */
  public static final class Builder extends ImmutableComplianceReport.Builder {
    Builder() {}
  }
}
