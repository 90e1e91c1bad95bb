package ru.gospubliki.registry;

import java.util.List;
import org.immutables.value.Value;
import ru.gospubliki.model.Organization;

/** A registry of institutions: the organisations that loaded and the rows that did not. */
@Value.Immutable
public abstract class Registry {
  Registry() {}

  public static Builder builder() {
    return new Builder();
  }

  public abstract List<Organization> organizations();

  public abstract List<RejectedRow> rejectedRows();

  /** Builds {@link Registry} values. */
  public static final class Builder extends ImmutableRegistry.Builder {
    Builder() {}
  }
}
