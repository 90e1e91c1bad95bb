package ru.gospubliki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.examples.cli.Cli.list;
import static ru.gospubliki.examples.cli.Cli.OK_PAGE;
import static ru.gospubliki.examples.cli.Cli.VK_GROUP_ID;
import static ru.gospubliki.examples.cli.Cli.VK_PAGE;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input end to end: each mistake is one Russian line on stderr (no stack trace), the
 * documented exit code, and nothing posted anywhere.
 */
final class BadInputEndToEndTest {
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension(Clock.fixed(NOW, ZoneOffset.UTC));
  static int vkPostsAtStart;
  @TempDir Path dir;

  @BeforeAll
  static void countPosts() {
    vkPostsAtStart = SANDBOX.get().vkPostCount(VK_GROUP_ID);
  }

  @BeforeEach
  @AfterEach
  void nothingWasPostedToVk() {
    assertThat(SANDBOX.get().vkPostCount(VK_GROUP_ID)).isEqualTo(vkPostsAtStart);
  }

  static Cli post(String... args) {
    return Cli.against(SANDBOX.get(), "post", args);
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
    Cli audit = Cli.run("audit", "--sandbox", "--formt", "json");
    assertThat(audit.usageError("audit")).contains("неизвестный параметр «--formt»");
    Cli post = post("--page", VK_PAGE, "--text", "Текст #школа", "--photos", "a.png");
    assertThat(post.usageError("post")).contains("«--photos»");
  }

  @Test
  void missingRegistryFile() {
    Path missing = dir.resolve("реестр.csv");
    Cli audit = Cli.run("audit", "--sandbox", "--registry", missing.toString());
    assertThat(audit.usageError("audit")).contains("--registry").contains(missing.toString()).contains("не найден");
  }

  @Test
  void registryWithoutANameColumn() throws IOException {
    Path csv = Files.writeString(dir.resolve("r.csv"), "Район;ВКонтакте\nЗаречный район;vk:1\n");
    Cli audit = Cli.run("audit", "--sandbox", "--registry", csv.toString());
    assertThat(audit.usageError("audit")).contains("строка 1").contains("«name» («Наименование»)")
        .contains("«Район», «ВКонтакте»");
  }

  /** Without a page column, every organisation would "break the law": bad input instead. */
  @Test
  void registryWithoutAPageColumn() throws IOException {
    Path csv = Files.writeString(dir.resolve("r.csv"), "Наименование;Район;Ответственный\nШкола;Север;Иванова\n");
    Cli audit = Cli.run("audit", "--sandbox", "--registry", csv.toString());
    assertThat(audit.usageError("audit")).contains("строка 1").contains("нет ни одного столбца со ссылками");
  }

  /** A registry none of whose rows can be audited is bad input; each row says why, capped at a thousand lines. */
  @Test
  void registryWhoseEveryRowIsRejected() throws IOException {
    StringBuilder csv = new StringBuilder("Наименование;ВКонтакте\n");
    for (int i = 1; i <= 1_205; i++) csv.append("Школа ").append(i).append(";группа школы\n");
    Path file = Files.writeString(dir.resolve("r.csv"), csv.toString());
    Cli audit = Cli.run("audit", "--sandbox", "--registry", file.toString());
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
    Cli audit = Cli.against(SANDBOX.get(), "audit", "--registry", csv.toString(), "--format", "json");
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
    Cli audit = Cli.run("audit", "--sandbox", "--registry", file.toString());
    assertThat(audit.usageError("audit")).contains("не похож на таблицу CSV");
  }

  @Test
  void badPageReference() {
    Cli audit = Cli.against(SANDBOX.get(), "audit", "--page", "https://school1.example.ru/vk");
    assertThat(audit.usageError("audit")).contains("«https://school1.example.ru/vk»");
    Cli post = post("--page", VK_PAGE, "--page", "vk.com/", "--text", "Текст #школа");
    assertThat(post.usageError("post")).contains("«vk.com/»");
  }

  @Test
  void emptyText() {
    Cli post = post("--page", VK_PAGE, "--text", "");
    assertThat(post.usageError("post")).contains("--text");
  }

  @Test
  void textTooLongForVk() {
    Cli post = post("--page", VK_PAGE, "--text", "#школа " + "а".repeat(16_385 - 7));
    assertThat(post.exit).isEqualTo(2);
    assertThat(post.oneRussianLine("post")).contains("ВКонтакте").contains("16385").contains("16384");
    allRejected(post, 1);
  }

  @Test
  void elevenPhotos() throws IOException {
    Path photo = Files.write(dir.resolve("фото.png"), PostEndToEndTestImages.png());
    List<String> args = new ArrayList<>(List.of("--page", VK_PAGE, "--text", "Фотоотчёт #школа"));
    for (int i = 0; i < 11; i++) args.addAll(List.of("--photo", photo.toString()));
    Cli post = post(args.toArray(new String[0]));
    assertThat(post.exit).isEqualTo(2);
    assertThat(post.oneRussianLine("post")).contains("11 фото").contains("не больше 10");
    allRejected(post, 1);
  }

  @Test
  void sixtyMegabytePhoto() throws IOException {
    Cli post = post("--page", VK_PAGE, "--text", "Афиша #школа", "--photo", sparseJpeg("большое.jpg", 60L << 20).toString());
    assertThat(post.exit).isEqualTo(2);
    assertThat(post.oneRussianLine("post")).contains("«большое.jpg»").contains("60 МБ").contains("50 МБ");
    allRejected(post, 1);
  }

  @Test
  void threeGigabytePhotoIsRefusedByItsSizeWithoutReadingIt() throws IOException {
    // Read whole (for the draft's key) before its size was checked, it ended in OutOfMemoryError.
    Cli post = post("--page", VK_PAGE, "--page", OK_PAGE, "--text", "Афиша #школа",
        "--photo", sparseJpeg("огромное.jpg", 3L << 30).toString());
    assertThat(post.exit).as(post.toString()).isEqualTo(2);
    assertThat(post.err.lines()).as(post.toString()).hasSize(2)
        .anySatisfy(l -> assertThat(l).contains("ВКонтакте").contains("«огромное.jpg»").contains("3072 МБ")
            .contains("50 МБ"))
        .anySatisfy(l -> assertThat(l).contains("Одноклассники").contains("«огромное.jpg»").contains("3072 МБ")
            .contains("10 МБ"));
    assertThat(RussianText.english(post.said())).isEmpty();
    allRejected(post, 2);
  }

  /** A JPEG start and then nothing: sparse, so no disk is used whatever its size. */
  Path sparseJpeg(String name, long size) throws IOException {
    Path file = dir.resolve(name);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.write(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0});
      raf.setLength(size);
    }
    return file;
  }

  @Test
  void scheduleInThePast() {
    Cli post = post("--page", VK_PAGE, "--text", "Собрание #школа", "--at", "2020-01-01T10:00:00+03:00");
    assertThat(post.exit).isEqualTo(2);
    assertThat(post.oneRussianLine("post")).contains("01.01.2020 10:00 МСК").contains("уже прошло");
    allRejected(post, 1);
  }

  @Test
  void oneTargetRejectingStopsEveryTarget() {
    // VK takes 16,384 characters, OK only 4,000: VK alone would accept this text.
    Cli post = post("--page", VK_PAGE, "--page", OK_PAGE, "--text", "#школа " + "а".repeat(5_000));
    assertThat(post.exit).isEqualTo(2);
    assertThat(post.oneRussianLine("post")).contains("Одноклассники").contains("4000");
    allRejected(post, 2);
    // Nothing on OK either: an audit as of the sandbox's "now" counts the sample topics only.
    Cli audit = Cli.against(SANDBOX.get(), "audit", "--page", OK_PAGE, "--format", "json", "--as-of", NOW.toString());
    assertThat(audit.exit).as(audit.toString()).isEqualTo(0);
    Map<String, Object> page = map(list(map(list(audit.json().get("organizations")).get(0)).get("pages")).get(0));
    assertThat(page).containsEntry("postsLast28Days", 14.0);
  }

  @Test
  void noErrorLeaksTheCredentials() {
    Cli post = post("--page", VK_PAGE, "--text", "Собрание #школа", "--at", "2020-01-01T10:00:00Z");
    String all = post.out + post.err;
    assertThat(all).doesNotContain(SANDBOX.get().vkUserToken()).doesNotContain(SANDBOX.get().vkServiceToken())
        .doesNotContain(SANDBOX.get().okApplicationSecretKey()).doesNotContain(SANDBOX.get().okAccessToken());
    assertThat(post.err.getBytes(StandardCharsets.UTF_8)).isNotEmpty();
  }
}
