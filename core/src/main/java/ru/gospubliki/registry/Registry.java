package ru.gospubliki.registry;

import java.util.List;
import org.immutables.value.Value;
import ru.gospubliki.model.Organization;

/**
 * A registry of institutions: the organisations that loaded, the rows that did not, and what was
 * kept but looks wrong. A registry of 130,000 rows with the same mistake in each would hold as
 * many messages: rejected rows and warnings keep the first {@link #MAX_LISTED} and count the rest.
 */
@Value.Immutable
public abstract class Registry {
  /** Rejected rows and warnings listed, at most; the counts include the rest. */
  public static final int MAX_LISTED = 1_000;

  Registry() {}

  public static Builder builder() {
    return new Builder();
  }

  public abstract List<Organization> organizations();

  /** Rows that could not be used (the first {@link #MAX_LISTED}). */
  public abstract List<RejectedRow> rejectedRows();

  /** How many rows could not be used, including those not listed. */
  @Value.Default
  public long rejectedRowCount() {
    return rejectedRows().size();
  }

  /** What was kept but looks wrong (the first {@link #MAX_LISTED}), e.g. an ИНН that fails its checksum. */
  public abstract List<RegistryWarning> warnings();

  /** How many warnings there were, including those not listed. */
  @Value.Default
  public long warningCount() {
    return warnings().size();
  }

  @Value.Check
  void check() {
    if (rejectedRowCount() < rejectedRows().size()) {
      throw new IllegalStateException("rejectedRowCount " + rejectedRowCount() + " < rows listed " + rejectedRows().size());
    }
    if (warningCount() < warnings().size()) {
      throw new IllegalStateException("warningCount " + warningCount() + " < warnings listed " + warnings().size());
    }
  }

  /** Builds {@link Registry} values. */
  public static final class Builder extends ImmutableRegistry.Builder {
    Builder() {}
  }
}
