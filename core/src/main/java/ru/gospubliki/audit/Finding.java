package ru.gospubliki.audit;

import java.util.Map;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.rules.Obligation;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.Severity;

/** One rule's result on one page or organisation, with its severity under the policy and its basis. */
@Value.Immutable
public abstract class Finding {
  Finding() {}

  public static Builder builder() {
    return new Builder();
  }

  /** The rule's stable id. */
  public abstract String rule();

  public abstract Outcome outcome();

  public abstract Severity severity();

  public abstract Obligation obligation();

  /** The legal basis, cited. */
  public abstract String basis();

  /** Russian: what is wrong and what to fix; null on {@code PASS}. */
  public abstract @Nullable String message();

  /** Measured values and evidence. */
  public abstract Map<String, String> details();

  /** Builds {@link Finding} values. */
  public static final class Builder extends ImmutableFinding.Builder {
    Builder() {}
  }
}
