package ru.gospubliki.audit;

import java.util.List;
import org.immutables.value.Value;
import ru.gospubliki.model.Organization;

/** The audit of one organisation: its own findings and the audit of each of its pages. */
@Value.Immutable
public abstract class OrganizationAudit {
  OrganizationAudit() {}

  public static Builder builder() {
    return new Builder();
  }

  public abstract Organization organization();

  /** Organisation rules' findings whose outcome is {@code FAIL} or {@code UNKNOWN}. */
  public abstract List<Finding> findings();

  public abstract List<PageAudit> pages();

  /** Builds {@link OrganizationAudit} values. */
  public static final class Builder extends ImmutableOrganizationAudit.Builder {
    Builder() {}
  }
}
