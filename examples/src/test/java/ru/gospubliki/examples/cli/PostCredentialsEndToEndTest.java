package ru.gospubliki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.examples.cli.Cli.MAX_PAGE;
import static ru.gospubliki.examples.cli.Cli.OK_PAGE;
import static ru.gospubliki.examples.cli.Cli.VK_GROUP_ID;
import static ru.gospubliki.examples.cli.Cli.VK_PAGE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.gospubliki.examples.sandbox.Sandbox;

/**
 * {@code post} with the VK credentials new deployments get: communities' own keys from {@code
 * VK_COMMUNITY_TOKENS_FILE}, a VK ID user key VK refuses posting (1051), and {@code --check}.
 */
final class PostCredentialsEndToEndTest {
  /** The sample district's museum: posted to with its own key only (the sandbox user does not administer it). */
  static final String MUSEUM = "https://vk.com/zarechny_museum";
  static final long MUSEUM_ID = 218400117L;
  static final String VK_PAGE_OF_SANDBOX = VK_PAGE;
  static final String NO_PHOTOS = "загрузка фото на стену требует ключа пользователя; "
      + "опубликуйте без фото или добавьте ключ пользователя-администратора";

  @TempDir Path dir;
  final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  Sandbox sandbox;

  @BeforeEach
  void startSandbox() {
    sandbox = Sandbox.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).build();
  }

  @AfterEach
  void stopSandbox() {
    sandbox.close();
  }

  Path tokensFile(String permissions, String content) throws IOException {
    Path file = dir.resolve("vk-community-tokens-" + permissions + ".txt");
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }

  Map<String, String> env(String userToken) throws IOException {
    Map<String, String> env = new HashMap<>(Cli.env(sandbox));
    env.put("VK_USER_TOKEN", userToken);
    String key = sandbox.vkCommunityTokens().get(MUSEUM_ID);
    env.put("VK_COMMUNITY_TOKENS_FILE", tokensFile("rw-------", "# музей\n" + MUSEUM_ID + "=" + key + "\n").toString());
    return env;
  }

  Cli post(Map<String, String> env, String... args) {
    List<String> full = new ArrayList<>(List.of("post"));
    full.addAll(List.of(args));
    full.addAll(List.of("--vk-api-url", sandbox.vkApiUrl(), "--ok-api-url", sandbox.okApiUrl(),
        "--max-api-url", sandbox.maxApiUrl(), "--store", "none"));
    return Cli.run(env, full.toArray(new String[0]));
  }

  Path png(String name) throws IOException {
    return Files.write(dir.resolve(name), PostEndToEndTestImages.png());
  }

  static String row(Cli cli, String page) {
    for (String line : cli.out.split("\n")) if (line.startsWith("| " + page + " |")) return line;
    throw new AssertionError("no row for " + page + " in:\n" + cli.out);
  }

  @Test
  void checkSaysForEveryPageWhichCredentialWouldPostAndWhatItAllowsSendingNothing() throws IOException {
    Map<String, String> env = env(sandbox.vkUserToken());
    int adm = sandbox.vkPostCount(VK_GROUP_ID);
    int museum = sandbox.vkPostCount(MUSEUM_ID);

    Cli text = post(env, "--check", "--page", VK_PAGE, "--page", MUSEUM, "--page", OK_PAGE, "--page", MAX_PAGE,
        "--text", "День открытых дверей #Заречный");

    assertThat(text.exit).as(text.toString()).isEqualTo(0);
    assertThat(row(text, VK_PAGE)).isEqualTo("| " + VK_PAGE + " | ключ пользователя | да | да | да | — |");
    assertThat(row(text, MUSEUM)).isEqualTo("| " + MUSEUM + " | ключ сообщества | да | нет | да | — |");
    assertThat(row(text, OK_PAGE)).isEqualTo("| " + OK_PAGE + " | ключ доступа администратора группы ОК | да | да | да | — |");
    assertThat(row(text, MAX_PAGE)).contains("| бот | да | да | нет | — |");

    Cli photo = post(env, "--check", "--page", VK_PAGE, "--page", MUSEUM, "--text", "Афиша #Заречный",
        "--photo", png("афиша.png").toString());
    assertThat(photo.exit).as(photo.toString()).isEqualTo(1);
    assertThat(row(photo, VK_PAGE)).endsWith("| — |");
    assertThat(row(photo, MUSEUM)).contains(NO_PHOTOS);

    Cli fallback = post(env, "--check", "--text-only-fallback", "--page", VK_PAGE, "--page", MUSEUM,
        "--text", "Афиша #Заречный", "--photo", png("афиша.png").toString());
    assertThat(fallback.exit).as(fallback.toString()).isEqualTo(0);
    assertThat(row(fallback, MUSEUM)).contains("замечание", "без фото");

    assertThat(sandbox.vkPostCount(VK_GROUP_ID)).isEqualTo(adm);
    assertThat(sandbox.vkPostCount(MUSEUM_ID)).isEqualTo(museum);
    assertThat(text.out + text.err + photo.out + photo.err).doesNotContain(sandbox.vkCommunityTokens().get(MUSEUM_ID));
  }

  @Test
  void checkSaysWhenAPagesPlatformHasNoCredentialAtAll() throws IOException {
    Map<String, String> env = env(sandbox.vkUserToken());
    env.remove("MAX_BOT_TOKEN");

    Cli check = post(env, "--check", "--page", VK_PAGE, "--page", MAX_PAGE, "--text", "Новости #Заречный");

    assertThat(check.exit).as(check.toString()).isEqualTo(1);
    assertThat(row(check, MAX_PAGE)).startsWith("| " + MAX_PAGE + " | нет ключа | нет | нет | нет |")
        .contains("не подключена");
    assertThat(row(check, VK_PAGE)).endsWith("| — |");
    assertThat(check.out).contains("Не все страницы примут запись");
  }

  @Test
  void aMixedCampaignPostsTheMuseumWithItsOwnKeyAndPhotosOnlyWhereAllowed() throws IOException {
    Map<String, String> env = env(sandbox.vkUserToken());
    int adm = sandbox.vkPostCount(VK_GROUP_ID);
    int museum = sandbox.vkPostCount(MUSEUM_ID);
    String photo = png("афиша.png").toString();

    Cli refused = post(env, "--page", VK_PAGE, "--page", MUSEUM, "--text", "Афиша #Заречный", "--photo", photo);
    assertThat(refused.exit).as(refused.toString()).isEqualTo(2);
    assertThat(refused.err).contains(NO_PHOTOS);
    assertThat(sandbox.vkPostCount(VK_GROUP_ID)).isEqualTo(adm);

    Cli posted = post(env, "--text-only-fallback", "--page", VK_PAGE, "--page", MUSEUM, "--text", "Афиша #Заречный",
        "--photo", photo);
    assertThat(posted.exit).as(posted.toString()).isEqualTo(0);
    assertThat(posted.jsonLines()).extracting(line -> line.get("status")).containsExactly("PUBLISHED", "PUBLISHED");
    assertThat(posted.err).contains("без фото", MUSEUM);
    assertThat(sandbox.vkPostCount(VK_GROUP_ID)).isEqualTo(adm + 1);
    assertThat(sandbox.vkPostCount(MUSEUM_ID)).isEqualTo(museum + 1);
  }

  @Test
  void aVkIdUserKeyRefusedWith1051FailsRetrySafelyWhileTheMuseumGetsTheTextWithItsOwnKey() throws IOException {
    Map<String, String> env = env(sandbox.vkIdUserToken());
    int museum = sandbox.vkPostCount(MUSEUM_ID);

    Cli cli = post(env, "--page", VK_PAGE, "--page", MUSEUM, "--text", "Новости #Заречный");

    assertThat(cli.exit).as(cli.toString()).isEqualTo(1);
    List<Map<String, Object>> lines = cli.jsonLines();
    assertThat(lines.get(0)).containsEntry("page", VK_PAGE).containsEntry("status", "FAILED");
    assertThat((String) lines.get(0).get("error")).contains("1051", "ключ пользователя", "доступ wall", "ключом сообщества")
        .doesNotContain(sandbox.vkIdUserToken());
    assertThat(lines.get(1)).containsEntry("page", MUSEUM).containsEntry("status", "PUBLISHED");
    assertThat(sandbox.vkPostCount(MUSEUM_ID)).isEqualTo(museum + 1);
  }

  @Test
  void aTokensFileOthersMayReadIsRefusedAndBadLinesAreNamedWithoutTheirKeys() throws IOException {
    String key = sandbox.vkCommunityTokens().get(MUSEUM_ID);
    Map<String, String> env = new HashMap<>(Cli.env(sandbox));
    env.put("VK_COMMUNITY_TOKENS_FILE", tokensFile("rw-r--r--", MUSEUM_ID + "=" + key + "\n").toString());

    Cli loose = post(env, "--check", "--page", MUSEUM, "--text", "Новости");

    assertThat(loose.exit).isEqualTo(2);
    assertThat(loose.err).contains("VK_COMMUNITY_TOKENS_FILE", "chmod 600").doesNotContain(key);
    assertThat(loose.out).isEmpty();

    env.put("VK_COMMUNITY_TOKENS_FILE", tokensFile("rw-------",
        "# ключи\n" + MUSEUM_ID + "=" + key + "\nclub5=" + key + "x\n\n7 " + key + "\n").toString());
    Cli bad = post(env, "--check", "--page", MUSEUM, "--text", "Новости");
    assertThat(bad.exit).isEqualTo(2);
    assertThat(bad.err).contains("строка 3", "club5", "строка 5").doesNotContain(key);
  }

  @Test
  void withTheSandboxFlagTheMuseumWouldBePostedWithItsOwnKey() {
    Cli check = Cli.run(Map.of(), "post", "--sandbox", "--check", "--page", MUSEUM, "--page", VK_PAGE_OF_SANDBOX,
        "--text", "Новости");
    assertThat(check.exit).as(check.toString()).isEqualTo(0);
    assertThat(row(check, MUSEUM)).contains("ключ сообщества");
    assertThat(row(check, VK_PAGE_OF_SANDBOX)).contains("ключ пользователя");
  }
}
