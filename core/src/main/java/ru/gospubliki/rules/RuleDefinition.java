package ru.gospubliki.rules;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * What a rule is, independent of how it is checked: its stable id, scope, obligation, legal basis
 * and default parameters.
 */
@Value.Immutable
public abstract class RuleDefinition {
  private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

  RuleDefinition() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Stable id, e.g. {@code PROFILE_EMAIL}; part of the public contract. */
  public abstract String id();

  public abstract RuleScope scope();

  public abstract Obligation obligation();

  /** The acts this rule rests on. */
  public abstract List<LegalSource> sources();

  /** Other basis with no act to cite, e.g. {@code региональные акты}. */
  public abstract List<String> otherBasis();

  /** Short Russian title: what is checked. */
  public abstract String title();

  /** Default parameters (name to value), overridable by a policy. */
  public abstract Map<String, String> parameters();

  /** The basis as one citation string for reports: sources first, then other basis. */
  @Value.Lazy
  public String basis() {
    StringBuilder result = new StringBuilder();
    for (LegalSource source : sources()) {
      if (result.length() > 0) result.append("; ");
      result.append(source.citation());
    }
    for (String other : otherBasis()) {
      if (result.length() > 0) result.append("; ");
      result.append(other);
    }
    return result.toString();
  }

  @Value.Check
  void check() {
    if (!ID.matcher(id()).matches()) throw new IllegalArgumentException("rule id must match [A-Z][A-Z0-9_]{1,63}: " + id());
    if (title().isBlank()) throw new IllegalArgumentException("rule " + id() + " has no title");
  }

  /** Builds {@link RuleDefinition} values. */
  public static final class Builder extends ImmutableRuleDefinition.Builder {
    Builder() {}
  }
}
