package ru.gospubliki.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class PolicyTest {
  @Test
  void toBuilderDerivesAVariantWithEverySettingAndLeavesTheOriginalAsItWas() {
    RuleCatalog catalog = RuleCatalog.federal();
    Policy amur = Policy.builder(catalog).name("amur")
        .severity("GOV_MARK", Severity.VIOLATION)
        .parameter("POSTS_CADENCE", "perWeek", "4")
        .disable("COMMENTS_OPEN")
        .scoreWeight("PROFILE_COVER", 0)
        .scoreWeight("GOV_MARK", 20)
        .build();

    Policy variant = amur.toBuilder().disable("ORG_CHECKLIST").build();

    RuleDefinition mark = catalog.get("GOV_MARK").definition();
    RuleDefinition cadence = catalog.get("POSTS_CADENCE").definition();
    assertThat(variant.name()).isEqualTo("amur");
    assertThat(variant.severity(mark)).isEqualTo(Severity.VIOLATION);
    assertThat(variant.parameters(cadence).getInt("perWeek")).isEqualTo(4);
    assertThat(variant.isEnabled("COMMENTS_OPEN")).isFalse();
    assertThat(variant.isEnabled("ORG_CHECKLIST")).isFalse();
    assertThat(variant.scoreWeights()).doesNotContainKey("PROFILE_COVER").containsEntry("GOV_MARK", 20);
    assertThat(amur.isEnabled("ORG_CHECKLIST")).isTrue();
  }
}
