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
  /** Values that parse as numbers, parsed once: rules read them for every page. */
  private final Map<String, Double> numbers;

  RuleParameters(String ruleId, Map<String, String> values) {
    this.ruleId = ruleId;
    this.values = Map.copyOf(values);
    Map<String, Double> numbers = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      try {
        numbers.put(name, Double.parseDouble(value.trim()));
      } catch (NumberFormatException e) {
        // Not a number: getInt/getDouble will say so if a rule asks.
      }
    });
    this.numbers = Map.copyOf(numbers);
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
    Double number = numbers.get(name);
    if (number == null || number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(ruleId + "." + name + " must be an integer: " + getString(name));
    }
    return number.intValue();
  }

  public double getDouble(String name) {
    Double number = numbers.get(name);
    if (number == null) throw new IllegalArgumentException(ruleId + "." + name + " must be a number: " + getString(name));
    return number;
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
