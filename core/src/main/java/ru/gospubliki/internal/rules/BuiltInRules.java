package ru.gospubliki.internal.rules;

import org.jspecify.annotations.Nullable;
import ru.gospubliki.rules.Rule;
import ru.gospubliki.rules.RuleDefinition;

/** Creates the built-in implementation of each rule in {@code rule-catalog.json}. */
public final class BuiltInRules implements Rule.Factory {
  @Override
  public @Nullable Rule create(RuleDefinition definition) {
    return null; // TODO(rules): wire every catalogue id.
  }
}
