package ru.gospubliki.internal.rules;

import ru.gospubliki.rules.Rule;
import ru.gospubliki.rules.RuleCatalog;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleDefinition;
import ru.gospubliki.rules.RuleParameters;
import ru.gospubliki.rules.RuleResult;

/**
 * The catalogue of {@code rule-catalog.json} (real definitions and weights) with rules that are
 * never evaluated: policy parsing only needs definitions, not the built-in checks.
 */
final class CatalogFixture {
  private CatalogFixture() {}

  static RuleCatalog catalog() {
    CatalogData data = CatalogData.load();
    RuleCatalog.Builder builder = RuleCatalog.builder();
    for (RuleDefinition definition : data.definitions()) builder.add(new DefinitionOnly(definition));
    return builder.scoreWeights(data.scoreWeights()).build();
  }

  private static final class DefinitionOnly implements Rule {
    private final RuleDefinition definition;

    DefinitionOnly(RuleDefinition definition) {
      this.definition = definition;
    }

    @Override
    public RuleDefinition definition() {
      return definition;
    }

    @Override
    public RuleResult evaluate(RuleContext context, RuleParameters parameters) {
      throw new UnsupportedOperationException("policy tests never evaluate rules");
    }
  }
}
