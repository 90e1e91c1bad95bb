package ru.gospubliki.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import ru.gospubliki.audit.Auditor;
import ru.gospubliki.audit.Finding;
import ru.gospubliki.audit.PageAudit;
import ru.gospubliki.audit.PageObservation;
import ru.gospubliki.examples.sandbox.Sandbox;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.PostQuery;
import ru.gospubliki.vk.VkPlatform;

/**
 * Checks one VK community against the law, as a CMS would for the page of the institution it
 * hosts: reads the profile and the last 28 days of posts through {@link VkPlatform}, evaluates
 * them with {@link Auditor#auditPage} and prints the status and what to fix.
 *
 * <pre>
 * java -cp examples/target/gospubliki.jar ru.gospubliki.examples.AuditOnePage [https://vk.com/school2_zarechny]
 * </pre>
 *
 * With {@code VK_SERVICE_TOKEN} set it reads the real VK; otherwise the embedded sandbox.
 */
public final class AuditOnePage {
  private AuditOnePage() {}

  public static void main(String[] args) {
    PageRef page = PageRef.parse(args.length > 0 ? args[0] : "https://vk.com/school2_zarechny");
    String token = System.getenv("VK_SERVICE_TOKEN");
    if (token != null) {
      print(audit(VkPlatform.builder().serviceToken(token).build(), page), System.out);
      return;
    }
    try (Sandbox sandbox = Sandbox.startWithSampleData()) {
      VkPlatform vk = VkPlatform.builder()
          .baseUrl(sandbox.vkApiUrl())
          .serviceToken(sandbox.vkServiceToken())
          .build();
      print(audit(vk, page), System.out);
    }
  }

  /** Reads {@code page} and evaluates it with the federal policy. */
  public static PageAudit audit(VkPlatform vk, PageRef page) {
    FetchResult<ProfileSnapshot> profile = Objects.requireNonNull(vk.fetchProfiles(List.of(page)).get(page));
    PageObservation.Builder observation = PageObservation.builder().page(page).profile(profile);
    if (profile instanceof FetchResult.Success<ProfileSnapshot>) {
      Instant since = Instant.now().minus(Duration.ofDays(28));
      observation.posts(vk.fetchPosts(List.of(page), PostQuery.since(since)).get(page));
    }
    return Auditor.builder().build().auditPage(observation.build(), null);
  }

  static void print(PageAudit audit, PrintStream out) {
    out.println(audit.page().url() + ": " + audit.status()
        + (audit.reason() != null ? " (" + audit.reason() + ")" : "")
        + (audit.score() != null ? ", балл " + audit.score() : ""));
    for (Finding problem : audit.findings()) {
      out.println("  " + problem.outcome() + " " + problem.severity() + " " + problem.rule() + ": " + problem.message()
          + " [" + problem.basis() + "]");
    }
  }
}
