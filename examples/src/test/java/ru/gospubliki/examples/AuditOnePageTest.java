package ru.gospubliki.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.gospubliki.audit.Finding;
import ru.gospubliki.audit.PageAudit;
import ru.gospubliki.audit.PageStatus;
import ru.gospubliki.examples.sandbox.Sandbox;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.vk.VkPlatform;

final class AuditOnePageTest {
  private final Sandbox sandbox = Sandbox.startWithSampleData();
  private final VkPlatform vk = VkPlatform.builder()
      .baseUrl(sandbox.vkApiUrl()).serviceToken(sandbox.vkServiceToken()).build();

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void pageWithoutEmailIsNonCompliantAndThePrintoutSaysWhy() {
    PageAudit audit = AuditOnePage.audit(vk, PageRef.parse("https://vk.com/school2_zarechny"));

    assertThat(audit.status()).isEqualTo(PageStatus.NON_COMPLIANT);
    assertThat(audit.findings()).extracting(Finding::rule).contains("PROFILE_EMAIL");
    assertThat(audit.findings()).filteredOn(f -> f.rule().equals("PROFILE_EMAIL"))
        .extracting(Finding::outcome).containsExactly(Outcome.FAIL);
    assertThat(audit.postsLast28Days()).isPositive(); // The posts were read, not only the profile.

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AuditOnePage.print(audit, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed).startsWith("https://vk.com/school2_zarechny: NON_COMPLIANT")
        .contains("FAIL VIOLATION PROFILE_EMAIL");
  }

  @Test
  void referencePageIsCompliant() {
    PageAudit audit = AuditOnePage.audit(vk, PageRef.parse("https://vk.com/school1_zarechny"));

    assertThat(audit.status()).isEqualTo(PageStatus.COMPLIANT);
    assertThat(audit.findings()).extracting(Finding::outcome).doesNotContain(Outcome.FAIL);
  }

  @Test
  void deletedCommunityIsUnreachable() {
    PageAudit audit = AuditOnePage.audit(vk, PageRef.parse("https://vk.com/ds2_romashka"));

    assertThat(audit.status()).isEqualTo(PageStatus.UNREACHABLE);
    assertThat(audit.reason()).isEqualTo("deleted");
  }
}
