package ru.gospubliki.rules;

import org.jspecify.annotations.Nullable;

/**
 * One check on one subject (a page, its posts, an organisation or a draft). Rules are pure: the
 * same context and parameters give the same result, and time comes from {@link RuleContext#now()}.
 *
 * <p>Add a rule of your own to a catalogue:
 *
 * <pre>{@code
 * Rule hasVkAndOk = new Rule() {
 *   final RuleDefinition definition = RuleDefinition.builder()
 *       .id("REGION_BOTH_PLATFORMS").scope(RuleScope.ORGANIZATION)
 *       .obligation(Obligation.RATING).addOtherBasis("региональный приказ")
 *       .title("страницы в VK и OK").build();
 *   public RuleDefinition definition() { return definition; }
 *   public RuleResult evaluate(RuleContext context, RuleParameters parameters) { ... }
 * };
 * RuleCatalog catalog = RuleCatalog.builder().addAll(RuleCatalog.federal()).add(hasVkAndOk).build();
 * }</pre>
 *
 * <p>Or describe the rule as data ({@link RuleDefinition}) and give the catalogue a {@link Factory}
 * that knows how to check it: {@code RuleCatalog.builder().addFactory(factory).add(definition)}.
 *
 * <p>Answer {@code UNKNOWN} with {@link RuleResult#notShown} when the platform never shows the data
 * (the page is then not {@code UNVERIFIED}), with {@link RuleResult#unknown} when it was not read this
 * time. Rules about a community answer {@code NOT_APPLICABLE} on a person's page ({@link
 * RuleContext#isPersonPage()}).
 */
public interface Rule {
  RuleDefinition definition();

  /** Checks {@code context}. Never throws for missing data: answers {@code UNKNOWN} instead. */
  RuleResult evaluate(RuleContext context, RuleParameters parameters);

  /**
   * Creates the implementation of a rule described by data. The built-in catalogue is a list of
   * definitions ({@code rule-catalog.json}) given to a factory, the way Moshi builds adapters; a
   * region adds its own with {@link RuleCatalog.Builder#addFactory}.
   */
  interface Factory {
    /** Returns the rule for {@code definition}, or null if this factory does not know it. */
    @Nullable Rule create(RuleDefinition definition);
  }
}
