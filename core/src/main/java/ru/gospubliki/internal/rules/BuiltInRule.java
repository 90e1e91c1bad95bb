package ru.gospubliki.internal.rules;

import ru.gospubliki.rules.Rule;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleDefinition;
import ru.gospubliki.rules.RuleParameters;
import ru.gospubliki.rules.RuleResult;

/** A catalogue definition bound to the function that checks it. */
final class BuiltInRule implements Rule {
  /** The check itself: pure, never throws for missing data. */
  interface Check {
    RuleResult evaluate(RuleContext context, RuleParameters parameters);
  }

  private final RuleDefinition definition;
  private final Check check;

  BuiltInRule(RuleDefinition definition, Check check) {
    this.definition = definition;
    this.check = check;
  }

  @Override
  public RuleDefinition definition() {
    return definition;
  }

  @Override
  public RuleResult evaluate(RuleContext context, RuleParameters parameters) {
    return check.evaluate(context, parameters);
  }

  @Override
  public String toString() {
    return "BuiltInRule{" + definition.id() + "}";
  }
}
