package ru.gospubliki.audit;

import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;
import ru.gospubliki.registry.Registry;
import ru.gospubliki.registry.RegistryWarning;
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

  /** The registry rows that could not be used: the first {@link Registry#MAX_LISTED}. */
  public abstract List<RejectedRow> rejectedRows();

  /** How many registry rows could not be used, including those not listed. */
  @Value.Default
  public long rejectedRowCount() {
    return rejectedRows().size();
  }

  /**
   * What was kept but looks wrong (a bad ИНН checksum, an unknown kind, a duplicate organisation,
   * one page under two organisations, an unrecognised column): the first {@link Registry#MAX_LISTED}.
   */
  public abstract List<RegistryWarning> warnings();

  /** How many warnings there were, including those not listed. */
  @Value.Default
  public long warningCount() {
    return warnings().size();
  }

  /** Builds {@link ComplianceReport} values. */
  public static final class Builder extends ImmutableComplianceReport.Builder {
    Builder() {}
  }
}
