package ru.gospubliki.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.registry.Registry;
import ru.gospubliki.rules.Message;
import ru.gospubliki.rules.MessageParts;
import ru.gospubliki.testing.InMemoryPlatform;

/**
 * A national audit's report fits a small heap: equal findings are one instance, and a finding unique
 * to its page keeps only its values, the rule's text shared, never a fresh copy of the message.
 */
final class FindingSharingTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void findingsShareTheirTextAcrossPages() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, clock);
    Registry.Builder registry = Registry.builder();
    int pages = 60_000; // More than any cap an interner of the old kind had.
    for (int i = 1; i <= pages; i++) {
      PageRef page = PageRef.of(PlatformId.VK, Integer.toString(i));
      vk.putProfile(AuditFidelityTest.compliant(page).name("Совсем другое название " + i).email(null).build());
      registry.addOrganizations(Organization.builder().name("МБОУ СОШ № " + i).addPages(page).build());
    }
    ComplianceReport report = Auditor.builder().clock(clock).addPlatform(vk).build().auditRegistry(registry.build());

    Set<Finding> distinct = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<Finding> nameMismatches = new ArrayList<>();
    for (OrganizationAudit organization : report.organizations()) {
      distinct.addAll(organization.findings());
      for (PageAudit page : organization.pages()) {
        distinct.addAll(page.findings());
        page.findings().stream().filter(f -> f.rule().equals("PROFILE_NAME_MATCHES")).forEach(nameMismatches::add);
      }
    }
    // The same missing email on every page: one finding, shared even past 50,000 distinct others.
    Map<String, Long> byRule = new java.util.TreeMap<>();
    for (Finding finding : distinct) byRule.merge(finding.rule(), 1L, Long::sum);
    assertThat(byRule).containsEntry("PROFILE_EMAIL", 1L).containsEntry("ORG_CHECKLIST", 1L);
    // A mismatch names both names: unique to its page, yet the rule's text is one instance for all.
    assertThat(nameMismatches).hasSize(pages);
    Message first = (Message) nameMismatches.get(0).messageText();
    Message last = (Message) nameMismatches.get(pages - 1).messageText();
    assertThat(first.toString()).contains("«Совсем другое название 1»");
    assertThat(MessageParts.of(first)[0]).isSameAs(MessageParts.of(last)[0]);
  }
}
