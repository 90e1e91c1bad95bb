package consumer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import ru.gospubliki.audit.Auditor;
import ru.gospubliki.audit.ComplianceReport;
import ru.gospubliki.audit.PageAudit;
import ru.gospubliki.audit.PageStatus;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.max.MaxPlatform;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.ok.OkPlatform;
import ru.gospubliki.registry.Registry;
import ru.gospubliki.registry.RegistryReader;
import ru.gospubliki.report.JsonReportWriter;
import ru.gospubliki.testing.InMemoryPlatform;
import ru.gospubliki.testing.MutableClock;
import ru.gospubliki.vk.VkPlatform;

/**
 * What a portal does with the SDK, run by the build on the class path and on the module path:
 * builds the adapters, reads a registry CSV, audits it against an in-memory VK and writes the
 * JSON report. Exits non-zero, with the reason, on anything unexpected.
 */
public final class Main {
  public static void main(String[] args) throws Exception {
    String path = Main.class.getModule().isNamed() ? "module path" : "class path";

    try (VkPlatform vk = VkPlatform.builder().serviceToken("portal-service-token").build();
        OkPlatform ok = OkPlatform.builder().applicationKey("CBAPORTAL").applicationSecretKey("secret")
            .accessToken("token").build();
        MaxPlatform max = MaxPlatform.builder().botToken("portal-bot-token").build()) {
      check(vk.id() == PlatformId.VK && ok.id() == PlatformId.OK && max.id() == PlatformId.MAX,
          "adapters report their platforms");
    }

    Registry registry = RegistryReader.read(Path.of(args[0]), null);
    check(registry.organizations().size() == 2 && registry.rejectedRows().isEmpty(),
        "2 organisations read, none rejected: " + registry);

    MutableClock clock = MutableClock.at(Instant.parse("2026-11-20T09:00:00Z"));
    PageRef school = PageRef.of(PlatformId.VK, "123");
    InMemoryPlatform inMemoryVk = InMemoryPlatform.create(PlatformId.VK, clock).putProfile(
        ProfileSnapshot.builder().page(school).screenName("school9").name("МБОУ СОШ № 9")
            .takenAt(clock.instant()).build());
    ComplianceReport report = Auditor.builder().clock(clock).addPlatform(inMemoryVk).build()
        .auditRegistry(registry);
    check(report.summary().organizations() == 2, "both organisations audited: " + report.summary());
    List<PageAudit> pages = report.organizations().get(0).pages();
    PageAudit audited = pages.stream().filter(p -> p.page().equals(school)).findFirst()
        .orElseThrow(() -> new IllegalStateException("vk:123 not audited: " + pages));
    check(audited.status() != PageStatus.UNREACHABLE, "vk:123 was read: " + audited);
    String json = JsonReportWriter.create().toJson(report);
    check(json.contains(ComplianceReport.SCHEMA), "JSON report written");

    if (Main.class.getModule().isNamed()) {
      Module core = RegistryReader.class.getModule();
      Module vkModule = VkPlatform.class.getModule();
      check("ru.gospubliki.core".equals(core.getName()), "core is the named module ru.gospubliki.core");
      check("ru.gospubliki.vk".equals(vkModule.getName()), "vk is the named module ru.gospubliki.vk");
      check("ru.gospubliki.ok".equals(OkPlatform.class.getModule().getName()), "ok is ru.gospubliki.ok");
      check("ru.gospubliki.max".equals(MaxPlatform.class.getModule().getName()), "max is ru.gospubliki.max");
      check(core.isExported("ru.gospubliki.registry"), "core exports its public packages");
      check(!core.isExported("ru.gospubliki.internal.http"), "core keeps its transport internal");
      check(core.isExported("ru.gospubliki.internal.http", vkModule), "core exports its transport to vk");
      check(!vkModule.isExported("ru.gospubliki.vk.internal"), "vk keeps its internals");
    }

    System.out.println("portal on the " + path + ": " + registry.organizations().size()
        + " organisations read, " + audited.page() + " " + audited.status() + ", JSON report "
        + json.length() + " chars");
  }

  private static void check(boolean condition, String what) {
    if (!condition) throw new IllegalStateException("failed: " + what);
  }
}
