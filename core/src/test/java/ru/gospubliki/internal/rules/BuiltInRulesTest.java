package ru.gospubliki.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.gospubliki.rules.Obligation;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.Rule;
import ru.gospubliki.rules.RuleCatalog;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleDefinition;
import ru.gospubliki.rules.RuleParameters;
import ru.gospubliki.rules.RuleScope;

class BuiltInRulesTest {
  @Test
  void everyCatalogueRuleHasAnImplementation() {
    List<RuleDefinition> definitions = CatalogData.load().definitions();
    assertThat(definitions).hasSize(40);
    BuiltInRules factory = new BuiltInRules();
    for (RuleDefinition definition : definitions) {
      Rule rule = factory.create(definition);
      assertThat(rule).as(definition.id()).isNotNull();
      assertThat(rule.definition()).isSameAs(definition);
    }
  }

  @Test
  void federalCatalogueLoadsInCatalogueOrder() {
    RuleCatalog catalog = RuleCatalog.federal();
    List<String> ids = new ArrayList<>();
    for (Rule rule : catalog.rules()) ids.add(rule.definition().id());
    List<String> expected = new ArrayList<>();
    for (RuleDefinition definition : CatalogData.load().definitions()) expected.add(definition.id());
    assertThat(ids).isEqualTo(expected);
    assertThat(catalog.rules(RuleScope.PAGE)).hasSize(18);
    assertThat(catalog.rules(RuleScope.PUBLICATION)).hasSize(8);
    assertThat(catalog.rules(RuleScope.ORGANIZATION)).hasSize(5);
    assertThat(catalog.rules(RuleScope.DRAFT)).hasSize(9);
  }

  @Test
  void unknownIdIsLeftToOtherFactories() {
    RuleDefinition custom = RuleDefinition.builder().id("REGION_CUSTOM").scope(RuleScope.PAGE)
        .obligation(Obligation.RATING).title("своё правило").build();
    assertThat(new BuiltInRules().create(custom)).isNull();
  }

  @Test
  void emptyContextIsNeverAFailure() {
    RuleContext empty = Fixtures.context().build();
    for (Rule rule : RuleCatalog.federal().rules()) {
      Outcome outcome = rule.evaluate(empty, RuleParameters.of(rule.definition(), java.util.Map.of())).outcome();
      assertThat(outcome).as(rule.definition().id()).isEqualTo(Outcome.NOT_APPLICABLE);
    }
  }

  @Test
  void compliantPageWithRegularPostsPassesEveryPageAndPublicationRule() {
    List<ru.gospubliki.model.Post> posts = new ArrayList<>();
    for (int i = 0; i < 16; i++) posts.add(Fixtures.post(i, 0.5 + i * 1.7).build());
    RuleContext context = Fixtures.context()
        .organization(Fixtures.organization().build())
        .page(Fixtures.VK_PAGE)
        .profile(Fixtures.profile().build())
        .previous(Fixtures.profile().takenAt(Fixtures.NOW.minusSeconds(86_400)).build())
        .postHistory(Fixtures.history(posts))
        .build();
    for (Rule rule : RuleCatalog.federal().rules()) {
      RuleScope scope = rule.definition().scope();
      if (scope == RuleScope.DRAFT) continue;
      assertThat(Fixtures.evaluate(rule.definition().id(), context).outcome())
          .as(rule.definition().id()).isEqualTo(Outcome.PASS);
    }
  }
}
