package ru.gospubliki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.examples.cli.Cli.list;
import static ru.gospubliki.examples.cli.Cli.map;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.gospubliki.examples.sandbox.Sandbox;

/**
 * Bad input end to end: each mistake is one Russian line on stderr (no stack trace), the
 * documented exit code, and nothing posted anywhere.
 */
final class BadInputEndToEndTest {
  static final String VK_PAGE = "https://vk.com/zarechny_adm";
  static final long VK_GROUP_ID = 218400101L;
  static final String OK_PAGE = "https://ok.ru/group/53350000000101";
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  static Sandbox sandbox;
  static Map<String, String> env;
  static int vkPostsAtStart;
  @TempDir Path dir;

  @BeforeAll
  static void startSandbox() {
    sandbox = Sandbox.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    env = Cli.env(sandbox);
    vkPostsAtStart = sandbox.vkPostCount(VK_GROUP_ID);
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @BeforeEach
  @AfterEach
  void nothingWasPostedToVk() {
    assertThat(sandbox.vkPostCount(VK_GROUP_ID)).isEqualTo(vkPostsAtStart);
  }

  static Cli post(String... args) {
    List<String> full = new ArrayList<>(List.of("post"));
    full.addAll(List.of(args));
    full.addAll(List.of("--vk-api-url", sandbox.vkApiUrl(), "--ok-api-url", sandbox.okApiUrl()));
    return Cli.run(env, full.toArray(new String[0]));
  }

  /** One line on stderr, in Russian, naming the command, with no trace of Java. */
  static String oneRussianLine(Cli cli, String command) {
    List<String> lines = cli.err.lines().toList();
    assertThat(lines).as(cli.toString()).hasSize(1);
    String line = lines.get(0);
    assertThat(line).startsWith("gospubliki " + command + ": ").matches(".*[А-Яа-яЁё]{4,}.*")
        .doesNotContain("Exception").doesNotContain("at ru.").doesNotContain("java.")
        .doesNotContainPattern("\\p{Cntrl}");
    return line;
  }

  /** The rejected targets' lines: every target is reported REJECTED, none was sent. */
  static void allRejected(Cli cli, int targets) {
    List<Map<String, Object>> lines = cli.jsonLines();
    assertThat(lines).hasSize(targets).allSatisfy(line -> {
      assertThat(line).containsEntry("status", "REJECTED").containsEntry("postId", null).containsEntry("url", null);
      assertThat((String) line.get("error")).isNotBlank();
    });
  }

  @Test
  void unknownFlag() {
    Cli audit = Cli.run(env, "audit", "--sandbox", "--formt", "json");
    assertThat(audit.exit).isEqualTo(2);
    assertThat(oneRussianLine(audit, "audit")).contains("неизвестный параметр «--formt»");
    assertThat(audit.out).isEmpty();
    Cli post = post("--page", VK_PAGE, "--text", "Текст #школа", "--photos", "a.png");
    assertThat(post.exit).isEqualTo(2);
    assertThat(oneRussianLine(post, "post")).contains("«--photos»");
    assertThat(post.out).isEmpty();
  }

  @Test
  void missingRegistryFile() {
    Path missing = dir.resolve("реестр.csv");
    Cli audit = Cli.run(env, "audit", "--sandbox", "--registry", missing.toString());
    assertThat(audit.exit).isEqualTo(2);
    assertThat(oneRussianLine(audit, "audit")).contains("--registry").contains(missing.toString()).contains("не найден");
    assertThat(audit.out).isEmpty();
  }

  @Test
  void registryWithoutANameColumn() throws IOException {
    Path csv = Files.writeString(dir.resolve("r.csv"), "Район;ВКонтакте\nЗаречный район;vk:1\n");
    Cli audit = Cli.run(env, "audit", "--sandbox", "--registry", csv.toString());
    assertThat(audit.exit).isEqualTo(2);
    assertThat(oneRussianLine(audit, "audit")).contains("строка 1").contains("«name» («Наименование»)")
        .contains("«Район», «ВКонтакте»");
    assertThat(audit.out).isEmpty();
  }

  /** Without a page column, every organisation would "break the law": bad input instead. */
  @Test
  void registryWithoutAPageColumn() throws IOException {
    Path csv = Files.writeString(dir.resolve("r.csv"), "Наименование;Район;Ответственный\nШкола;Север;Иванова\n");
    Cli audit = Cli.run(env, "audit", "--sandbox", "--registry", csv.toString());
    assertThat(audit.exit).isEqualTo(2);
    assertThat(oneRussianLine(audit, "audit")).contains("строка 1").contains("нет ни одного столбца со ссылками");
    assertThat(audit.out).isEmpty();
  }

  /** A registry none of whose rows can be audited is bad input; each row says why, capped at a thousand lines. */
  @Test
  void registryWhoseEveryRowIsRejected() throws IOException {
    StringBuilder csv = new StringBuilder("Наименование;ВКонтакте\n");
    for (int i = 1; i <= 1_205; i++) csv.append("Школа ").append(i).append(";группа школы\n");
    Path file = Files.writeString(dir.resolve("r.csv"), csv.toString());
    Cli audit = Cli.run(env, "audit", "--sandbox", "--registry", file.toString());
    assertThat(audit.exit).isEqualTo(2);
    List<String> lines = audit.err.lines().toList();
    assertThat(lines).hasSize(1_002);
    assertThat(lines.get(0)).startsWith("gospubliki audit: строка 2 пропущена: столбец «ВКонтакте»");
    assertThat(lines.get(1_000)).isEqualTo("gospubliki audit: и ещё 205");
    assertThat(lines.get(1_001)).isEqualTo("gospubliki audit: --registry: в реестре нет ни одной строки, которую можно "
        + "проверить (все 1205 строк отклонены)");
    assertThat(audit.out).isEmpty();
  }

  /** What looks wrong but is informational is named on stderr, and the audit runs on every row. */
  @Test
  void registryWarningsGoToStderrAndTheRowsAreAudited() throws IOException {
    Path csv = Files.writeString(dir.resolve("r.csv"), "Наименование;Тип;Ссылка на ВК;Подключено;Примечание\n"
        + "Администрация;школа;" + VK_PAGE + ";в работе;\n");
    Cli audit = Cli.run(env, "audit", "--registry", csv.toString(), "--format", "json",
        "--vk-api-url", sandbox.vkApiUrl(), "--ok-api-url", sandbox.okApiUrl());
    assertThat(audit.exit).as(audit.toString()).isEqualTo(0);
    assertThat(audit.err.lines()).containsExactly(
        "gospubliki audit: строка 1: столбец «Примечание» не распознан и не учитывается; известные столбцы — в "
            + "описании реестра (например, «Наименование», «ВКонтакте», «Одноклассники», «MAX»)",
        "gospubliki audit: строка 2: столбец «Тип»: неизвестный тип организации «школа»: ожидается «орган власти», "
            + "«ОМСУ» или «подведомственное»; тип не учтён",
        "gospubliki audit: строка 2: столбец «Подключено»: ожидается «да», «нет» или пусто, а не «в работе»; "
            + "считается «не указано»");
    assertThat(list(audit.json().get("organizations"))).hasSize(1);
    assertThat(list(audit.json().get("warnings"))).hasSize(3);
  }

  @Test
  void binaryGarbageInsteadOfARegistry() throws IOException {
    byte[] garbage = new byte[4096];
    new Random(8).nextBytes(garbage);
    Path file = Files.write(dir.resolve("photo.csv"), garbage);
    Cli audit = Cli.run(env, "audit", "--sandbox", "--registry", file.toString());
    assertThat(audit.exit).isEqualTo(2);
    assertThat(oneRussianLine(audit, "audit")).contains("не похож на таблицу CSV");
    assertThat(audit.out).isEmpty();
  }

  @Test
  void badPageReference() {
    Cli audit = Cli.run(env, "audit", "--page", "https://school1.example.ru/vk", "--vk-api-url", sandbox.vkApiUrl());
    assertThat(audit.exit).isEqualTo(2);
    assertThat(oneRussianLine(audit, "audit")).contains("«https://school1.example.ru/vk»");
    Cli post = post("--page", VK_PAGE, "--page", "vk.com/", "--text", "Текст #школа");
    assertThat(post.exit).isEqualTo(2);
    assertThat(oneRussianLine(post, "post")).contains("«vk.com/»");
    assertThat(post.out).isEmpty();
  }

  @Test
  void emptyText() {
    Cli post = post("--page", VK_PAGE, "--text", "");
    assertThat(post.exit).isEqualTo(2);
    assertThat(oneRussianLine(post, "post")).contains("--text");
    assertThat(post.out).isEmpty();
  }

  @Test
  void textTooLongForVk() {
    Cli post = post("--page", VK_PAGE, "--text", "#школа " + "а".repeat(16_385 - 7));
    assertThat(post.exit).isEqualTo(2);
    assertThat(oneRussianLine(post, "post")).contains("ВКонтакте").contains("16385").contains("16384");
    allRejected(post, 1);
  }

  @Test
  void elevenPhotos() throws IOException {
    Path photo = Files.write(dir.resolve("фото.png"), PostEndToEndTestImages.png());
    List<String> args = new ArrayList<>(List.of("--page", VK_PAGE, "--text", "Фотоотчёт #школа"));
    for (int i = 0; i < 11; i++) args.addAll(List.of("--photo", photo.toString()));
    Cli post = post(args.toArray(new String[0]));
    assertThat(post.exit).isEqualTo(2);
    assertThat(oneRussianLine(post, "post")).contains("11 фото").contains("не больше 10");
    allRejected(post, 1);
  }

  @Test
  void sixtyMegabytePhoto() throws IOException {
    Path big = dir.resolve("большое.jpg");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.write(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0});
      file.setLength(60L * 1024 * 1024); // Sparse: no 60 MB written to disk.
    }
    try {
      Cli post = post("--page", VK_PAGE, "--text", "Афиша #школа", "--photo", big.toString());
      assertThat(post.exit).isEqualTo(2);
      assertThat(oneRussianLine(post, "post")).contains("«большое.jpg»").contains("60 МБ").contains("50 МБ");
      allRejected(post, 1);
    } finally {
      Files.delete(big);
    }
  }

  @Test
  void scheduleInThePast() {
    Cli post = post("--page", VK_PAGE, "--text", "Собрание #школа", "--at", "2020-01-01T10:00:00+03:00");
    assertThat(post.exit).isEqualTo(2);
    assertThat(oneRussianLine(post, "post")).contains("01.01.2020 10:00 МСК").contains("уже прошло");
    allRejected(post, 1);
  }

  @Test
  void oneTargetRejectingStopsEveryTarget() {
    // VK takes 16,384 characters, OK only 4,000: VK alone would accept this text.
    Cli post = post("--page", VK_PAGE, "--page", OK_PAGE, "--text", "#школа " + "а".repeat(5_000));
    assertThat(post.exit).isEqualTo(2);
    assertThat(oneRussianLine(post, "post")).contains("Одноклассники").contains("4000");
    allRejected(post, 2);
    // Nothing on OK either: an audit as of the sandbox's "now" counts the sample topics only.
    Cli audit = Cli.run(env, "audit", "--page", OK_PAGE, "--format", "json", "--as-of", NOW.toString(),
        "--ok-api-url", sandbox.okApiUrl(), "--vk-api-url", sandbox.vkApiUrl());
    assertThat(audit.exit).as(audit.toString()).isEqualTo(0);
    Map<String, Object> page = map(list(map(list(audit.json().get("organizations")).get(0)).get("pages")).get(0));
    assertThat(page).containsEntry("postsLast28Days", 14.0);
  }

  @Test
  void noErrorLeaksTheCredentials() {
    Cli post = post("--page", VK_PAGE, "--text", "Собрание #школа", "--at", "2020-01-01T10:00:00Z");
    String all = post.out + post.err;
    assertThat(all).doesNotContain(sandbox.vkUserToken()).doesNotContain(sandbox.vkServiceToken())
        .doesNotContain(sandbox.okApplicationSecretKey()).doesNotContain(sandbox.okAccessToken());
    assertThat(post.err.getBytes(StandardCharsets.UTF_8)).isNotEmpty();
  }
}
