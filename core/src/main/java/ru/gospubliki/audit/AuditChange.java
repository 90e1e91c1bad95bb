package ru.gospubliki.audit;

import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.PageRef;

/** One change between two audits, on one page or (page null) on one organisation. */
@Value.Immutable
public abstract class AuditChange {
  AuditChange() {}

  public static Builder builder() {
    return new Builder();
  }

  public abstract ChangeKind kind();

  /** The organisation's name. */
  public abstract String organization();

  public abstract @Nullable String district();

  /** The page; null for a change of the organisation itself. */
  public abstract @Nullable PageRef page();

  /** The rule, for {@link ChangeKind#FINDING_NEW} and {@link ChangeKind#FINDING_FIXED}. */
  public abstract @Nullable String rule();

  /** The value before: a status, a mark, an outcome, a name; null when there was none. */
  public abstract @Nullable String before();

  /** The value after; null when there is none. */
  public abstract @Nullable String after();

  /** Russian: what changed, as a ЦУР employee reads it. */
  public abstract String message();

  /** Builds {@link AuditChange} values. */
  public static final class Builder extends ImmutableAuditChange.Builder {
    Builder() {}
  }
}
