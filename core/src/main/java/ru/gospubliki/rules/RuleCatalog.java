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
 * catalogue (8-ФЗ / 270-ФЗ, 2523-р, the Минцифры rating and recommendations); a region adds its own
 * rules beside the federal ones with the builder, as rules or as definitions that a {@link
 * Rule.Factory} turns into rules (the way Moshi's builder takes adapter factories):
 *
 * <pre>{@code
 * RuleCatalog catalog = RuleCatalog.federal();
 * Rule email = catalog.get("PROFILE_EMAIL");
 * System.out.println(email.definition().basis()); // 8-ФЗ ст. 13 ч. 1.1 ...
 *
 * RuleCatalog amur = RuleCatalog.builder()
 *     .addAll(RuleCatalog.federal())
 *     .addFactory(new AmurRules())                  // knows how to check AMUR_* rules
 *     .add(RuleDefinition.builder().id("AMUR_MAX_CHANNEL").scope(RuleScope.ORGANIZATION)
 *         .obligation(Obligation.RATING).addOtherBasis("приказ министерства").title("есть канал MAX").build())
 *     .build();
 * }</pre>
 */
public final class RuleCatalog {
  private static @Nullable RuleCatalog federal;

  private final Map<String, Rule> rules;
  private final Map<String, Integer> scoreWeights;

  RuleCatalog(Builder builder) {
    this.rules = builder.createRules();
    this.scoreWeights = Map.copyOf(builder.scoreWeights);
  }

  /** Every built-in rule, with the built-in score weights. */
  public static synchronized RuleCatalog federal() {
    RuleCatalog result = federal;
    if (result == null) {
      CatalogData data = CatalogData.load();
      Builder builder = new Builder().addFactory(new BuiltInRules());
      for (RuleDefinition definition : data.definitions()) builder.add(definition);
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
    /** In catalogue order: a {@link Rule}, or a {@link RuleDefinition} a factory turns into one at build. */
    private final Map<String, Object> rules = new LinkedHashMap<>();
    private final List<Rule.Factory> factories = new ArrayList<>();
    private final Map<String, Integer> scoreWeights = new LinkedHashMap<>();

    Builder() {}

    /** Adds {@code rule}; its id must be new to this catalogue. */
    public Builder add(Rule rule) {
      put(rule.definition().id(), rule);
      return this;
    }

    /**
     * Adds the rule {@code definition} describes; at {@link #build()} the first {@linkplain
     * #addFactory factory} that knows it creates the rule. Its id must be new to this catalogue.
     */
    public Builder add(RuleDefinition definition) {
      put(definition.id(), definition);
      return this;
    }

    /**
     * Adds a factory that creates rules from {@linkplain #add(RuleDefinition) definitions}; factories
     * are asked in the order added. A region's own rules sit beside the federal ones this way.
     */
    public Builder addFactory(Rule.Factory factory) {
      factories.add(java.util.Objects.requireNonNull(factory, "factory"));
      return this;
    }

    private void put(String id, Object rule) {
      if (rules.containsKey(id)) throw new IllegalArgumentException("duplicate rule id: " + id);
      rules.put(id, rule);
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

    /**
     * Creates the rules of every definition added and builds the catalogue.
     *
     * @throws IllegalStateException when no factory creates a definition's rule, a factory creates a
     *     rule with another id, or a score weight names an unknown rule.
     */
    public RuleCatalog build() {
      for (String id : scoreWeights.keySet()) {
        if (!rules.containsKey(id)) throw new IllegalStateException("score weight for unknown rule: " + id);
      }
      return new RuleCatalog(this);
    }

    /** The catalogue's rules in order, definitions turned into rules by the factories. */
    Map<String, Rule> createRules() {
      Map<String, Rule> created = new LinkedHashMap<>();
      for (Map.Entry<String, Object> entry : rules.entrySet()) {
        Object value = entry.getValue();
        created.put(entry.getKey(), value instanceof Rule ? (Rule) value : create((RuleDefinition) value));
      }
      return created;
    }

    private Rule create(RuleDefinition definition) {
      for (Rule.Factory factory : factories) {
        Rule rule = factory.create(definition);
        if (rule == null) continue;
        if (!rule.definition().id().equals(definition.id())) {
          throw new IllegalStateException(factory + " created rule " + rule.definition().id() + " for " + definition.id());
        }
        return rule;
      }
      throw new IllegalStateException("no factory creates rule " + definition.id() + " (add one with addFactory)");
    }
  }
}
