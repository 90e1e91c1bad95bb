package ru.gospubliki.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule's parameters after the policy applied: the definition's defaults overridden by the
 * policy's values. Typed getters fail with a message naming the rule, parameter and value.
 */
public final class RuleParameters {
  private final String ruleId;
  private final Map<String, String> values;

  RuleParameters(String ruleId, Map<String, String> values) {
    this.ruleId = ruleId;
    this.values = Map.copyOf(values);
  }

  /** The defaults of {@code definition} overridden by {@code overrides}. */
  public static RuleParameters of(RuleDefinition definition, Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(definition.parameters());
    merged.putAll(overrides);
    return new RuleParameters(definition.id(), merged);
  }

  public Map<String, String> asMap() {
    return values;
  }

  public String getString(String name) {
    String value = values.get(name);
    if (value == null) throw new IllegalArgumentException(ruleId + ": no parameter " + name);
    return value;
  }

  public int getInt(String name) {
    String value = getString(name);
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(ruleId + "." + name + " must be an integer: " + value);
    }
  }

  public double getDouble(String name) {
    String value = getString(name);
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(ruleId + "." + name + " must be a number: " + value);
    }
  }

  /** A comma-separated list parameter, trimmed, empty items dropped. */
  public List<String> getList(String name) {
    List<String> result = new ArrayList<>();
    for (String item : getString(name).split(",")) {
      if (!item.isBlank()) result.add(item.trim());
    }
    return List.copyOf(result);
  }

  @Override
  public String toString() {
    return ruleId + values;
  }
}
