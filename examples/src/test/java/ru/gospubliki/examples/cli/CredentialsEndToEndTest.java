package ru.gospubliki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.examples.cli.Cli.VK_PAGE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.gospubliki.examples.sandbox.Sandbox;

/** Keys as operators write them into the environment: pools, stray commas and spaces, broken keys. */
final class CredentialsEndToEndTest {
  /** The sample district's museum, which has its own community key in the sandbox. */
  static final long MUSEUM_ID = 218400117L;

  @TempDir Path dir;

  @Test
  void everyTokenVariableIsAPoolWrittenAsPeopleWriteIt() throws UsageException {
    Credentials credentials = Credentials.fromEnvironment(Map.of(
        "VK_SERVICE_TOKEN", " s1 ,s2",
        "VK_USER_TOKEN", "u1,",
        "OK_APPLICATION_KEY", "key", "OK_APPLICATION_SECRET_KEY", "secret", "OK_ACCESS_TOKEN", ", ,",
        "MAX_BOT_TOKEN", "m1, m2,"));
    assertThat(credentials.vkServiceTokens).containsExactly("s1", "s2");
    assertThat(credentials.vkUserTokens).containsExactly("u1");
    assertThat(credentials.okAccessTokens).isEmpty(); // only commas: no token, so OK is not connected
    assertThat(credentials.hasOk()).isFalse();
    assertThat(credentials.maxBotTokens).containsExactly("m1", "m2");
    assertThat(credentials.toString()).doesNotContain("s1", "u1", "m1", "secret");
  }

  @Test
  void aPoolOfTwoUserKeysReadsTheSampleDistrict() {
    try (Sandbox sandbox = Sandbox.builder().vkTokensPerKind(2).build()) {
      Map<String, String> env = new HashMap<>(Cli.env(sandbox));
      List<String> users = sandbox.vkUserTokens();
      env.put("VK_USER_TOKEN", " " + users.get(0) + " , " + users.get(1) + " ,");
      Cli audit = Cli.run(env, "audit", "--page", VK_PAGE, "--format", "json", "--store", "none",
          "--vk-api-url", sandbox.vkApiUrl(), "--ok-api-url", sandbox.okApiUrl(), "--max-api-url", sandbox.maxApiUrl());
      assertThat(audit.exit).as(audit.toString()).isIn(0, 1);
      assertThat(audit.out).contains("\"status\"").doesNotContain("UNREACHABLE");
      assertThat(audit.said()).doesNotContain(users.get(0), users.get(1));
    }
  }

  @Test
  void aKeyWithALineBreakIsAUsageErrorNamingTheVariablesNotAnInternalError() {
    try (Sandbox sandbox = Sandbox.startWithSampleData()) {
      Map<String, String> env = new HashMap<>(Cli.env(sandbox));
      String broken = sandbox.vkUserToken().substring(0, 6) + "\n" + sandbox.vkUserToken().substring(6);
      env.put("VK_USER_TOKEN", broken);
      Cli audit = Cli.run(env, "audit", "--page", VK_PAGE, "--store", "none", "--vk-api-url", sandbox.vkApiUrl());
      assertThat(audit.exit).as(audit.toString()).isEqualTo(2);
      assertThat(audit.err).contains("ключ доступа из VK_USER_TOKEN не подходит: userTokens[0]: ", "перевод строки")
          .doesNotContain("внутренняя ошибка", "MAX_BOT_TOKEN");
      assertThat(audit.said()).doesNotContain(sandbox.vkUserToken().substring(6));
    }
  }

  @Test
  void aBrokenKeyIsBlamedOnItsOwnVariableOnly() {
    try (Sandbox sandbox = Sandbox.startWithSampleData()) {
      Map<String, String> env = new HashMap<>(Cli.env(sandbox));
      env.put("MAX_BOT_TOKEN", "max key with spaces");
      Cli audit = Cli.run(env, "audit", "--page", VK_PAGE, "--store", "none", "--vk-api-url", sandbox.vkApiUrl(),
          "--ok-api-url", sandbox.okApiUrl(), "--max-api-url", sandbox.maxApiUrl());
      assertThat(audit.exit).as(audit.toString()).isEqualTo(2);
      assertThat(audit.err).contains("ключ доступа из MAX_BOT_TOKEN не подходит: botTokens[0]: ")
          .doesNotContain("VK_USER_TOKEN", "OK_ACCESS_TOKEN", "адреса API", "max key");
    }
  }

  /** A platform that cannot be set up for another reason is not said to be the keys' fault. */
  @Test
  void aFailureThatIsNotAKeysIsNotBlamedOnTheKeys() {
    UsageException e = PlatformAccess.notReady(new IllegalStateException("Gospubliki SDK needs OkHttp 5.3.2"));
    assertThat(e.getMessage()).isEqualTo("не удалось подготовить подключение к платформам: Gospubliki SDK needs OkHttp 5.3.2");
  }

  @Test
  void withOnlyCommunitiesKeysTheAuditSaysOnceUpFrontThatWallsCannotBeRead() throws IOException {
    try (Sandbox sandbox = Sandbox.startWithSampleData()) {
      Path file = dir.resolve("keys.txt");
      Files.writeString(file, MUSEUM_ID + "=" + sandbox.vkCommunityTokens().get(MUSEUM_ID) + "\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      Cli audit = Cli.run(Map.of("VK_COMMUNITY_TOKENS_FILE", file.toString()), "audit",
          "--page", VK_PAGE, "--page", "https://vk.com/zarechny_museum", "--store", "none",
          "--vk-api-url", sandbox.vkApiUrl());
      String notice = "для чтения стен VK нужен ключ пользователя";
      assertThat(audit.err).as(audit.toString()).contains(notice);
      assertThat(audit.err.split(notice, -1)).hasSize(2); // once, not once per page
    }
  }
}
