package ru.gospubliki.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.rules.BuiltInRules;
import ru.gospubliki.internal.rules.CatalogData;

/**
 * The set of rules an audit runs, in a stable order. {@link #federal()} is every rule of the
 * catalogue (8-ФЗ / 270-ФЗ, 2523-р, the Минцифры rating and recommendations); embedders add their
 * own rules with the builder.
 *
 * <pre>{@code
 * RuleCatalog catalog = RuleCatalog.federal();
 * Rule email = catalog.get("PROFILE_EMAIL");
 * System.out.println(email.definition().basis()); // 8-ФЗ ст. 13 ч. 1.1 ...
 * }</pre>
 */
public final class RuleCatalog {
  private static @Nullable RuleCatalog federal;

  private final Map<String, Rule> rules;
  private final Map<String, Integer> scoreWeights;

  RuleCatalog(Builder builder) {
    this.rules = new LinkedHashMap<>(builder.rules);
    this.scoreWeights = Map.copyOf(builder.scoreWeights);
  }

  /** Every built-in rule, with the built-in score weights. */
  public static synchronized RuleCatalog federal() {
    RuleCatalog result = federal;
    if (result == null) {
      CatalogData data = CatalogData.load();
      Builder builder = new Builder();
      Rule.Factory factory = new BuiltInRules();
      for (RuleDefinition definition : data.definitions()) {
        Rule rule = factory.create(definition);
        if (rule == null) throw new IllegalStateException("no built-in implementation of " + definition.id());
        builder.add(rule);
      }
      builder.scoreWeights(data.scoreWeights());
      result = federal = builder.build();
    }
    return result;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** All rules in catalogue order. */
  public Collection<Rule> rules() {
    return rules.values();
  }

  /** The rules of one scope, in catalogue order. */
  public List<Rule> rules(RuleScope scope) {
    List<Rule> result = new ArrayList<>();
    for (Rule rule : rules.values()) {
      if (rule.definition().scope() == scope) result.add(rule);
    }
    return result;
  }

  /** The rule with {@code id}, or null. */
  public @Nullable Rule get(String id) {
    return rules.get(id);
  }

  public boolean contains(String id) {
    return rules.containsKey(id);
  }

  /** Default score weights by rule id (the regional rating's traffic light: mark 10, design 20, activity 40, contacts 20, posting as the community 10). */
  public Map<String, Integer> scoreWeights() {
    return scoreWeights;
  }

  /** Builds a {@link RuleCatalog}. */
  public static final class Builder {
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final Map<String, Integer> scoreWeights = new LinkedHashMap<>();

    Builder() {}

    /** Adds {@code rule}; its id must be new to this catalogue. */
    public Builder add(Rule rule) {
      String id = rule.definition().id();
      if (rules.containsKey(id)) throw new IllegalArgumentException("duplicate rule id: " + id);
      rules.put(id, rule);
      return this;
    }

    /** Adds every rule and score weight of {@code catalog}. */
    public Builder addAll(RuleCatalog catalog) {
      for (Rule rule : catalog.rules()) add(rule);
      scoreWeights.putAll(catalog.scoreWeights);
      return this;
    }

    /** Sets the score weight of a rule (0 removes it from the score). */
    public Builder scoreWeight(String ruleId, int weight) {
      if (weight < 0) throw new IllegalArgumentException("weight < 0: " + ruleId + "=" + weight);
      if (weight == 0) scoreWeights.remove(ruleId);
      else scoreWeights.put(ruleId, weight);
      return this;
    }

    public Builder scoreWeights(Map<String, Integer> weights) {
      weights.forEach(this::scoreWeight);
      return this;
    }

    public RuleCatalog build() {
      for (String id : scoreWeights.keySet()) {
        if (!rules.containsKey(id)) throw new IllegalStateException("score weight for unknown rule: " + id);
      }
      return new RuleCatalog(this);
    }
  }
}
