package ru.gospubliki.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import ru.gospubliki.audit.Auditor;
import ru.gospubliki.audit.ComplianceReport;
import ru.gospubliki.audit.Finding;
import ru.gospubliki.audit.OrganizationAudit;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.registry.Registry;
import ru.gospubliki.rules.Obligation;
import ru.gospubliki.rules.Policy;
import ru.gospubliki.rules.Rule;
import ru.gospubliki.rules.RuleCatalog;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleDefinition;
import ru.gospubliki.rules.RuleParameters;
import ru.gospubliki.rules.RuleResult;
import ru.gospubliki.rules.RuleScope;
import ru.gospubliki.rules.Severity;
import ru.gospubliki.testing.InMemoryPlatform;

/**
 * A region's own rule beside the federal ones, from outside the SDK's modules: the region describes
 * it as data (a {@link RuleDefinition}) and supplies a {@link Rule.Factory} that knows how to check it.
 */
final class RegionalRulesTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  /** The region's order: every organisation also runs a MAX channel. */
  static final RuleDefinition MAX_CHANNEL = RuleDefinition.builder()
      .id("AMUR_MAX_CHANNEL")
      .scope(RuleScope.ORGANIZATION)
      .obligation(Obligation.RATING)
      .addOtherBasis("приказ министерства цифрового развития края")
      .title("у организации есть канал MAX")
      .build();

  /** Knows the region's rules; the federal ones are left to the SDK's own factory. */
  static final class AmurRules implements Rule.Factory {
    @Override
    public @Nullable Rule create(RuleDefinition definition) {
      if (!definition.id().equals("AMUR_MAX_CHANNEL")) return null;
      return new Rule() {
        @Override
        public RuleDefinition definition() {
          return definition;
        }

        @Override
        public RuleResult evaluate(RuleContext context, RuleParameters parameters) {
          Organization organization = context.organization();
          if (organization == null) return RuleResult.notApplicable();
          for (PageRef page : organization.pages()) {
            if (page.platform().equals(PlatformId.MAX)) return RuleResult.pass();
          }
          return RuleResult.fail("Создайте канал организации в MAX и укажите его в реестре (приказ края).");
        }
      };
    }
  }

  @Test
  void aRegionalRuleSitsBesideTheFederalOnes() {
    RuleCatalog amur = RuleCatalog.builder()
        .addAll(RuleCatalog.federal())
        .addFactory(new AmurRules())
        .add(MAX_CHANNEL)
        .build();
    assertThat(amur.get("AMUR_MAX_CHANNEL")).isNotNull();
    assertThat(amur.get("PROFILE_EMAIL")).isSameAs(RuleCatalog.federal().get("PROFILE_EMAIL"));
    Policy policy = Policy.builder(amur).name("amur").severity("AMUR_MAX_CHANNEL", Severity.VIOLATION).build();

    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, clock);
    PageRef school = PageRef.of(PlatformId.VK, "1");
    vk.putProfile(ProfileSnapshot.builder().page(school).name("Школа").isCommunity(true).takenAt(NOW).build());
    Registry registry = Registry.builder()
        .addOrganizations(Organization.builder().name("Школа").addPages(school).build())
        .addOrganizations(Organization.builder().name("Администрация")
            .addPages(PageRef.parse("https://max.ru/amur_adm")).build())
        .build();
    ComplianceReport report = Auditor.builder().policy(policy).clock(clock).addPlatform(vk).build()
        .auditRegistry(registry);

    List<OrganizationAudit> organizations = report.organizations();
    Finding missing = organizations.get(0).findings().stream().filter(f -> f.rule().equals("AMUR_MAX_CHANNEL"))
        .findFirst().orElseThrow();
    assertThat(missing.severity()).isEqualTo(Severity.VIOLATION);
    assertThat(missing.basis()).isEqualTo("приказ министерства цифрового развития края");
    assertThat(missing.message()).contains("канал организации в MAX");
    assertThat(organizations.get(1).findings()).extracting(Finding::rule).doesNotContain("AMUR_MAX_CHANNEL");
  }

  @Test
  void aDefinitionNoFactoryKnowsIsRefused() {
    assertThatThrownBy(() -> RuleCatalog.builder().addAll(RuleCatalog.federal()).add(MAX_CHANNEL).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no factory creates rule AMUR_MAX_CHANNEL (add one with addFactory)");
  }
}
