package ru.gospubliki.examples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.gospubliki.examples.sandbox.SandboxClient.Answer;
import ru.gospubliki.testing.MutableClock;

final class SandboxLimitsTest {
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-20T09:00:00Z"));
  private Sandbox sandbox = Sandbox.builder().clock(clock).enforceRateLimits(true).okRps(2).build();
  private SandboxClient client = new SandboxClient(sandbox);

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void okRefusesTheCallOverTheLimitWithFloodBlockedAndCountsIt() throws IOException {
    assertThat(client.ok("group.getInfo", "uids", "53350000000101", "fields", "name").invocationError).isEmpty();
    assertThat(client.ok("group.getInfo", "uids", "53350000000101", "fields", "name").invocationError).isEmpty();
    Answer third = client.ok("group.getInfo", "uids", "53350000000101", "fields", "name");
    assertThat(third.invocationError).isEqualTo("8");
    assertThat(third.map()).containsEntry("error_code", 8L);
    clock.advance(Duration.ofMillis(1001));
    assertThat(client.ok("group.getInfo", "uids", "53350000000101", "fields", "name").invocationError).isEmpty();

    assertThat(sandbox.okRequests()).isEqualTo(4);
    assertThat(sandbox.okRateLimited()).isEqualTo(1);
    assertThat(sandbox.vkRequests()).isZero();
  }

  @Test
  void countsVkRequestsIncludingRefusedOnesAndExecuteOnce() throws IOException {
    String user = sandbox.vkUserToken();
    for (int i = 0; i < 3; i++) client.vk("groups.getById", user, "group_ids", "zarechny_adm");
    assertThat(client.vk("groups.getById", user, "group_ids", "zarechny_adm").errorCode()).isEqualTo(6);
    clock.advance(Duration.ofMillis(1001));
    client.vk("execute", user, "code",
        "return [API.groups.getById({\"group_ids\":\"zarechny_adm\"}),API.groups.getById({\"group_ids\":\"zarechny_uo\"})];");

    assertThat(sandbox.vkRequests()).isEqualTo(5);
    assertThat(sandbox.vkRateLimited()).isEqualTo(1);
    assertThat(sandbox.okRequests()).isZero();
  }

  @Test
  void limitsAreOffByDefault() throws IOException {
    sandbox.close();
    sandbox = Sandbox.builder().clock(clock).build();
    client = new SandboxClient(sandbox);
    for (int i = 0; i < 5; i++) {
      assertThat(client.ok("group.getInfo", "uids", "53350000000101", "fields", "name").invocationError).isEmpty();
    }
    assertThat(sandbox.okRateLimited()).isZero();
  }
}
