package ru.gospubliki.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.rules.PolicyJson;

/**
 * How strictly a region applies the catalogue: which rules run, with what severity and parameters,
 * and how the score is weighted. {@link #federal()} applies every rule with the catalogue's
 * defaults (a LAW rule is a violation, a RATING rule a warning, a recommendation a notice); a regional policy raises or lowers severities, changes parameters and switches rules off.
 *
 * <pre>{@code
 * Policy amur = Policy.builder(RuleCatalog.federal())
 *     .name("amur")
 *     .severity("GOV_MARK", Severity.VIOLATION)
 *     .parameter("POSTS_CADENCE", "perWeek", "4")
 *     .disable("COMMENTS_OPEN")
 *     .build();
 * // or from a file:
 * Policy fromFile = Policy.load(Path.of("amur.json"), RuleCatalog.federal());
 * }</pre>
 *
 * <p>The JSON form: {@code {"name":"amur","rules":{"GOV_MARK":{"severity":"VIOLATION"},
 * "POSTS_CADENCE":{"parameters":{"perWeek":4}},"COMMENTS_OPEN":{"enabled":false}},
 * "scoreWeights":{"GOV_MARK":20}}}.
 */
public final class Policy {
  private final String name;
  private final RuleCatalog catalog;
  private final Set<String> disabled;
  private final Map<String, Severity> severities;
  private final Map<String, Map<String, String>> parameterOverrides;
  private final Map<String, RuleParameters> parameters;
  private final Map<String, Integer> scoreWeights;

  Policy(Builder builder) {
    this.name = builder.name;
    this.catalog = builder.catalog;
    this.disabled = Set.copyOf(builder.disabled);
    this.severities = Map.copyOf(builder.severities);
    Map<String, RuleParameters> resolved = new HashMap<>();
    for (Rule rule : catalog.rules()) {
      RuleDefinition definition = rule.definition();
      Map<String, String> overrides = builder.parameters.getOrDefault(definition.id(), Map.of());
      resolved.put(definition.id(), RuleParameters.of(definition, overrides));
    }
    this.parameters = Map.copyOf(resolved);
    Map<String, Map<String, String>> overrides = new HashMap<>();
    builder.parameters.forEach((id, values) -> overrides.put(id, Map.copyOf(values)));
    this.parameterOverrides = Map.copyOf(overrides);
    this.scoreWeights = Map.copyOf(builder.scoreWeights);
  }

  /** Every federal rule with its default severity and parameters. */
  public static Policy federal() {
    return builder(RuleCatalog.federal()).name("federal").build();
  }

  /** Starts a policy over {@code catalog}, initially with its defaults. */
  public static Builder builder(RuleCatalog catalog) {
    return new Builder(catalog);
  }

  /**
   * Reads a policy from its JSON form, over {@code catalog}.
   *
   * @throws PolicyException naming every unknown rule id, unknown parameter and bad value at once.
   */
  public static Policy parse(String json, String sourceName, RuleCatalog catalog) {
    return PolicyJson.parse(json, sourceName, catalog);
  }

  /** Reads a policy file (UTF-8 JSON). */
  public static Policy load(Path path, RuleCatalog catalog) throws IOException {
    return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString(), catalog);
  }

  public String name() {
    return name;
  }

  public RuleCatalog catalog() {
    return catalog;
  }

  public boolean isEnabled(String ruleId) {
    return catalog.contains(ruleId) && !disabled.contains(ruleId);
  }

  /** The severity a failure of {@code rule} has under this policy. */
  public Severity severity(RuleDefinition rule) {
    Severity severity = severities.get(rule.id());
    return severity != null ? severity : rule.obligation().defaultSeverity();
  }

  /** The parameters of {@code rule} under this policy. */
  public RuleParameters parameters(RuleDefinition rule) {
    RuleParameters result = parameters.get(rule.id());
    return result != null ? result : RuleParameters.of(rule, Map.of());
  }

  /** Score weights by rule id; disabled rules are left out. */
  public Map<String, Integer> scoreWeights() {
    Map<String, Integer> result = new LinkedHashMap<>();
    scoreWeights.forEach((id, weight) -> {
      if (isEnabled(id)) result.put(id, weight);
    });
    return result;
  }

  /** A builder holding this policy's settings, to derive a variant of it. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public String toString() {
    return "Policy{" + name + "}";
  }

  /** Builds a {@link Policy}; every method checks its rule id against the catalogue. */
  public static final class Builder {
    private final RuleCatalog catalog;
    private String name = "custom";
    private final Set<String> disabled = new HashSet<>();
    private final Map<String, Severity> severities = new HashMap<>();
    private final Map<String, Map<String, String>> parameters = new HashMap<>();
    private final Map<String, Integer> scoreWeights;

    Builder(RuleCatalog catalog) {
      this.catalog = catalog;
      this.scoreWeights = new LinkedHashMap<>(catalog.scoreWeights());
    }

    Builder(Policy policy) {
      this.catalog = policy.catalog;
      this.name = policy.name;
      this.disabled.addAll(policy.disabled);
      this.severities.putAll(policy.severities);
      policy.parameterOverrides.forEach((id, values) -> parameters.put(id, new HashMap<>(values)));
      this.scoreWeights = new LinkedHashMap<>(policy.scoreWeights);
    }

    public Builder name(String name) {
      if (name.isBlank()) throw new IllegalArgumentException("policy name is blank");
      this.name = name;
      return this;
    }

    public Builder disable(String ruleId) {
      disabled.add(known(ruleId).id());
      return this;
    }

    public Builder enable(String ruleId) {
      disabled.remove(known(ruleId).id());
      return this;
    }

    public Builder severity(String ruleId, Severity severity) {
      severities.put(known(ruleId).id(), severity);
      return this;
    }

    /** Overrides parameter {@code name} of a rule; the rule must declare it. */
    public Builder parameter(String ruleId, String name, String value) {
      RuleDefinition definition = known(ruleId);
      if (!definition.parameters().containsKey(name)) {
        throw new IllegalArgumentException(ruleId + " has no parameter " + name
            + " (it has " + definition.parameters().keySet() + ")");
      }
      parameters.computeIfAbsent(ruleId, k -> new HashMap<>()).put(name, value);
      return this;
    }

    /** Sets a rule's weight in the score; 0 leaves it out. */
    public Builder scoreWeight(String ruleId, int weight) {
      known(ruleId);
      if (weight < 0) throw new IllegalArgumentException("weight < 0: " + ruleId + "=" + weight);
      if (weight == 0) scoreWeights.remove(ruleId);
      else scoreWeights.put(ruleId, weight);
      return this;
    }

    private RuleDefinition known(String ruleId) {
      @Nullable Rule rule = catalog.get(ruleId);
      if (rule == null) throw new IllegalArgumentException("unknown rule id: " + ruleId);
      return rule.definition();
    }

    public Policy build() {
      return new Policy(this);
    }
  }
}
