package ru.gospubliki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.examples.cli.Cli.OK_PAGE;
import static ru.gospubliki.examples.cli.Cli.VK_PAGE;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.gospubliki.examples.sandbox.Sandbox;

/**
 * Everything the tool says to a person on its error paths is Russian: its own messages and those
 * it passes on from the SDK's core. Identifiers may stay as they are (addresses, flags, rule ids,
 * environment variables, file names, Java class names); a run of English words may not.
 */
final class RussianOutputTest {
  /** What may stand in a Russian line: quoted values, addresses, flags, paths and identifiers. */
  static final Pattern IDENTIFIERS = Pattern.compile(String.join("|",
      "\\bgospubliki(?: [a-z]+)?\\b", // the tool and its command
      "«[^»]*»", // a value quoted back to the user
      "https?://\\S+",
      "--[a-z][a-z0-9-]*",
      "(?<![\\p{L}\\d])/[^\\s»:;,)]*", // a file path
      "\\b[A-Z][A-Z0-9_]+\\b", // rule ids, environment variables, VK, OK, JSON, UTF-8
      "\\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\\b", // a Java class name
      "\\b[\\w-]+\\.java:\\d+\\b"));
  /** Two English words in a row: a fragment of an English sentence. */
  static final Pattern ENGLISH = Pattern.compile("\\b[A-Za-z][a-z]+\\s+[A-Za-z]{2,}\\b|\\b[A-Za-z]{2,}\\s+[A-Za-z][a-z]+\\b");

  static Sandbox sandbox;
  @TempDir Path dir;

  @BeforeAll
  static void startSandbox() {
    sandbox = Sandbox.startWithSampleData();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  /** The English fragments in {@code text}, with the identifiers taken out first. */
  static List<String> englishIn(String text) {
    List<String> found = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher english = ENGLISH.matcher(IDENTIFIERS.matcher(line).replaceAll(" "));
      while (english.find()) found.add(english.group() + "   ← " + line);
    }
    return found;
  }

  /** The person-facing text of a run: stderr, and stdout (for {@code post}, each line's error). */
  static String said(Cli cli) {
    StringBuilder text = new StringBuilder(cli.err);
    if (cli.out.startsWith("{\"page\"")) {
      for (Map<String, Object> line : cli.jsonLines()) {
        Object error = line.get("error");
        if (error != null) text.append('\n').append(error);
      }
    } else {
      text.append('\n').append(cli.out);
    }
    return text.toString();
  }

  @Test
  void theCheckerFindsEnglishAndLetsIdentifiersBe() {
    assertThat(englishIn("gospubliki audit: --policy: некорректный JSON (позиция $): Use JsonReader.setLenient(true) "
        + "to accept malformed JSON at path $ (/etc/hostname)")).isNotEmpty();
    assertThat(englishIn("reason: the answer is not valid JSON")).isNotEmpty();
    assertThat(englishIn("gospubliki post: нет ключей доступа: для VK задайте VK_USER_TOKEN, для OK — "
        + "OK_APPLICATION_KEY; --format: допустимые значения table, json, csv, получено «xml»; "
        + "https://vk.com/ds2_romashka — недоступна; /tmp/отчёты/файл.csv; OutOfMemoryError в Arguments.java:12"))
        .isEmpty();
  }

  @Test
  void usageErrorsOfEveryCommand() throws IOException {
    Path text = Files.writeString(dir.resolve("t.txt"), "Текст #школа");
    List<Cli> runs = List.of(
        Cli.run(),
        Cli.run("audti"),
        Cli.run("audit"),
        Cli.run("audit", "--registry", "r.csv", "--page", "vk:1"),
        Cli.run("audit", "--page", "vk:1", "--format", "xml"),
        Cli.run("audit", "--page", "vk:1", "--as-of", "вчера"),
        Cli.run("audit", "--page", "https://facebook.com/x"),
        Cli.run("audit", "--page", "vk:1", "--encoding", "koi8-r"),
        Cli.run("audit", "--sandbox", "--vk-api-url", "http://127.0.0.1:1/vk/method/"),
        Cli.run("audit", "--page", "vk:1", "--vk-api-url", "not a url"),
        Cli.run("audit", "--page", "vk:1", "--out"),
        Cli.run("audit", "--page", "vk:1", "--out="),
        Cli.run("audit", "--page", "vk:1", "--out", "a", "--out", "b"),
        Cli.run("audit", "--sandbox=yes"),
        Cli.run("audit", "registry.csv"),
        Cli.run("audit", "--page", "vk:1"), // no credentials
        Cli.run("post", "--text", "x"),
        Cli.run("post", "--page", "vk:1"),
        Cli.run("post", "--page", "vk:1", "--text", "x", "--text-file", text.toString()),
        Cli.run("post", "--page", "vk:1", "--text", "x", "--photo", dir.resolve("нет.jpg").toString()),
        Cli.run("post", "--page", "vk:1", "--text", "x", "--at", "завтра"),
        Cli.run("post", "--page", "vk:1", "--text", "x", "--link", "ссылка"),
        Cli.run("post", "--page", "vk:1", "--text", "x"), // no credentials
        Cli.run("sandbox", "--port", "70000"));
    for (Cli run : runs) {
      assertThat(run.exit).as(run.toString()).isEqualTo(run.err.contains("нет ключей доступа") ? run.exit : 2);
      assertThat(englishIn(said(run))).as(run.toString()).isEmpty();
    }
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Cli run = Cli.run("sandbox", "--port", String.valueOf(busy.getLocalPort()));
      assertThat(englishIn(said(run))).as(run.toString()).isEmpty();
    }
  }

  @Test
  void badInputAndOutputFiles() throws IOException {
    byte[] garbage = new byte[4096];
    new Random(8).nextBytes(garbage);
    Path binary = Files.write(dir.resolve("photo.csv"), garbage);
    Path noName = Files.writeString(dir.resolve("r.csv"), "Район;ВКонтакте\nЗаречный район;vk:1\n");
    Path quote = Files.writeString(dir.resolve("q.csv"), "Наименование;ВКонтакте\n\"Шко\"ла;vk:1\n");
    Path unclosed = Files.writeString(dir.resolve("u.csv"), "Наименование;ВКонтакте\n\"Школа;vk:1\n");
    Path badRows = Files.writeString(dir.resolve("rows.csv"), "Наименование;ИНН;ВКонтакте;Подключено к Госпабликам\n"
        + "Школа 1;2700001999;vk:1;да\nШкола 2;;facebook.com/x;да\nШкола 3;;vk:3;может быть\n;;vk:4;\n"
        + "Школа 5;;vk:5;да;лишнее\n");
    Path syntax = Files.writeString(dir.resolve("p1.json"), "{\"rules\": {GOV_MARK: 1}}");
    Path type = Files.writeString(dir.resolve("p2.json"), "{\"rules\": {\"GOV_MARK\": {\"enabled\": \"да\"}}}");
    Path unknown = Files.writeString(dir.resolve("p3.json"), "{\"weights\": 1, \"rules\": {\"NOPE\": {}}}");
    Path truncated = Files.writeString(dir.resolve("p4.json"), "{\"rules\": {");
    Path latin1 = Files.write(dir.resolve("bad.txt"), new byte[] {(byte) 0xE9, (byte) 0xFF});
    List<Cli> runs = new ArrayList<>(List.of(
        Cli.run("audit", "--sandbox", "--registry", binary.toString()),
        Cli.run("audit", "--sandbox", "--registry", noName.toString()),
        Cli.run("audit", "--sandbox", "--registry", quote.toString()),
        Cli.run("audit", "--sandbox", "--registry", unclosed.toString()),
        Cli.run("audit", "--sandbox", "--registry", dir.toString()),
        Cli.run("audit", "--sandbox", "--registry", badRows.toString(), "--format", "json"),
        Cli.run("audit", "--sandbox", "--policy", "regional"),
        Cli.run("audit", "--sandbox", "--policy", dir.toString()),
        Cli.run("post", "--page", "vk:1", "--text-file", latin1.toString()),
        Cli.run("audit", "--sandbox", "--registry", badRows.toString(), "--out", badRows.toString()),
        Cli.run("audit", "--sandbox", "--out", dir.toString()),
        Cli.run("audit", "--sandbox", "--out", dir.resolve("нет/r.txt").toString())));
    for (Path policy : List.of(syntax, type, unknown, truncated)) {
      runs.add(Cli.run("audit", "--sandbox", "--policy", policy.toString()));
    }
    if (Files.exists(Path.of("/dev/full"))) runs.add(Cli.run("audit", "--sandbox", "--out", "/dev/full"));
    if (Files.isDirectory(Path.of("/proc/self"))) runs.add(Cli.run("audit", "--sandbox", "--out", "/proc/self/r.txt"));
    for (Cli run : runs) {
      assertThat(run.err).as(run.toString()).isNotEmpty();
      assertThat(englishIn(said(run))).as(run.toString()).isEmpty();
    }
  }

  @Test
  void draftsThePlatformsRefuse() throws IOException {
    Path png = Files.write(dir.resolve("фото.png"), PostEndToEndTestImages.png());
    Path huge = dir.resolve("огромное.jpg");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.write(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0});
      file.setLength(3L << 30);
    }
    Path notImage = Files.writeString(dir.resolve("документ.png"), "не картинка");
    List<String> eleven = new ArrayList<>(List.of("--page", VK_PAGE, "--text", "Фотоотчёт"));
    for (int i = 0; i < 11; i++) eleven.addAll(List.of("--photo", png.toString()));
    Map<String, String> vkServiceOnly = Map.of("VK_SERVICE_TOKEN", sandbox.vkServiceToken());
    List<Cli> runs = List.of(
        Cli.against(sandbox, "post", "--page", VK_PAGE, "--page", OK_PAGE, "--text", "а".repeat(16_400)),
        Cli.against(sandbox, "post", eleven.toArray(new String[0])),
        Cli.against(sandbox, "post", "--page", VK_PAGE, "--page", OK_PAGE, "--text", "Афиша", "--photo", huge.toString()),
        Cli.against(sandbox, "post", "--page", VK_PAGE, "--text", "Документ", "--photo", notImage.toString()),
        Cli.against(sandbox, "post", "--page", VK_PAGE, "--text", "Собрание", "--at", "2020-01-01T10:00:00Z"),
        Cli.against(sandbox, "post", "--page", VK_PAGE, "--text", "Ссылки", "--link", "ftp://example.ru/a"),
        Cli.run(vkServiceOnly, "post", "--page", VK_PAGE, "--page", OK_PAGE, "--text", "Новости #школа",
            "--vk-api-url", sandbox.vkApiUrl()));
    for (Cli run : runs) {
      assertThat(run.exit).as(run.toString()).isIn(1, 2);
      assertThat(englishIn(said(run))).as(run.toString()).isEmpty();
    }
  }

  @Test
  void theTableReportOfTheSampleDistrict() {
    // Deleted, private and missing pages, bad registry rows: the report and its warnings are Russian.
    Cli audit = Cli.run("audit", "--sandbox", "--as-of", "2026-11-22T10:00:00Z");
    assertThat(audit.exit).as(audit.toString()).isZero();
    assertThat(englishIn(said(audit))).isEmpty();
  }
}
