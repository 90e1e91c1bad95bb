package ru.gospubliki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.examples.cli.Cli.OK_PAGE;
import static ru.gospubliki.examples.cli.Cli.VK_PAGE;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything the tool says to a person on its error paths is Russian: its own messages and those
 * it passes on from the SDK's core. Identifiers may stay as they are (addresses, flags, rule ids,
 * environment variables, file names, Java class names); a run of English words may not.
 *
 * <p>The paths of {@link BadInputEndToEndTest}, {@link AuditOutputEndToEndTest} and the usage
 * errors of {@link GospublikiTest} are checked there, with {@link Cli#oneRussianLine}; here are the
 * rest.
 */
final class RussianOutputTest {
  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();
  @TempDir Path dir;

  @Test
  void theCheckerFindsEnglishAndLetsIdentifiersBe() {
    assertThat(RussianText.english("gospubliki audit: --policy: некорректный JSON (позиция $): Use JsonReader.setLenient(true) "
        + "to accept malformed JSON at path $ (/etc/hostname)")).isNotEmpty();
    assertThat(RussianText.english("reason: the answer is not valid JSON")).isNotEmpty();
    assertThat(RussianText.english("gospubliki post: нет ключей доступа: для VK задайте VK_USER_TOKEN, для OK — "
        + "OK_APPLICATION_KEY; --format: допустимые значения table, json, csv, получено «xml»; "
        + "https://vk.com/ds2_romashka — недоступна; /tmp/отчёты/файл.csv; OutOfMemoryError в Arguments.java:12"))
        .isEmpty();
  }

  @Test
  void usageErrorsOfEveryCommand() throws IOException {
    List<Cli> runs = new ArrayList<>(List.of(
        Cli.run(),
        Cli.run("audit", "--page", "vk:1", "--out"),
        Cli.run("audit", "--page", "vk:1", "--out="),
        Cli.run("audit", "--page", "vk:1", "--out", "a", "--out", "b"),
        Cli.run("audit", "--sandbox=yes"),
        Cli.run("audit", "registry.csv"),
        Cli.run("audit", "--page", "vk:1"), // no credentials: exit 3
        Cli.run("post", "--page", "vk:1", "--text", "x", "--link", "ftp://example.ru/a"),
        Cli.run("post", "--page", "vk:1", "--text", "x"), // no credentials
        Cli.run("sandbox", "--port", "70000")));
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      runs.add(Cli.run("sandbox", "--port", String.valueOf(busy.getLocalPort()))); // exit 1
    }
    for (Cli run : runs) {
      assertThat(run.exit).as(run.toString()).isIn(1, 2, 3);
      assertThat(RussianText.english(run.said())).as(run.toString()).isEmpty();
    }
  }

  @Test
  void registriesAndPoliciesThatCannotBeRead() throws IOException {
    Path quote = Files.writeString(dir.resolve("q.csv"), "Наименование;ВКонтакте\n\"Шко\"ла;vk:1\n");
    Path unclosed = Files.writeString(dir.resolve("u.csv"), "Наименование;ВКонтакте\n\"Школа;vk:1\n");
    Path badRows = Files.writeString(dir.resolve("rows.csv"), "Наименование;ИНН;ВКонтакте;Подключено к Госпабликам\n"
        + "Школа 1;2700001999;vk:218400101;да\nШкола 2;;facebook.com/x;да\nШкола 3;;vk:218400103;может быть\n;;vk:4;\n"
        + "Школа 5;;vk:5;да;лишнее\n");
    Path syntax = Files.writeString(dir.resolve("p1.json"), "{\"rules\": {GOV_MARK: 1}}");
    Path type = Files.writeString(dir.resolve("p2.json"), "{\"rules\": {\"GOV_MARK\": {\"enabled\": \"да\"}}}");
    Path unknown = Files.writeString(dir.resolve("p3.json"), "{\"weights\": 1, \"rules\": {\"NOPE\": {}}}");
    Path truncated = Files.writeString(dir.resolve("p4.json"), "{\"rules\": {");
    List<Cli> runs = new ArrayList<>(List.of(
        Cli.run("audit", "--sandbox", "--registry", quote.toString()),
        Cli.run("audit", "--sandbox", "--registry", unclosed.toString()),
        Cli.run("audit", "--sandbox", "--registry", dir.toString()),
        Cli.run("audit", "--sandbox", "--registry", badRows.toString(), "--format", "json"),
        Cli.run("audit", "--sandbox", "--policy", "regional"),
        Cli.run("audit", "--sandbox", "--policy", dir.toString())));
    for (Path policy : List.of(syntax, type, unknown, truncated)) {
      runs.add(Cli.run("audit", "--sandbox", "--policy", policy.toString()));
    }
    for (Cli run : runs) {
      assertThat(run.err).as(run.toString()).isNotEmpty();
      assertThat(RussianText.english(run.said())).as(run.toString()).isEmpty();
    }
  }

  @Test
  void draftsThePlatformsRefuse() throws IOException {
    Path notImage = Files.writeString(dir.resolve("документ.png"), "не картинка");
    Map<String, String> vkServiceOnly = Map.of("VK_SERVICE_TOKEN", SANDBOX.get().vkServiceToken());
    List<Cli> runs = List.of(
        Cli.against(SANDBOX.get(), "post", "--page", VK_PAGE, "--page", OK_PAGE, "--text", "а".repeat(16_400)),
        Cli.against(SANDBOX.get(), "post", "--page", VK_PAGE, "--text", "Документ", "--photo", notImage.toString()),
        // No user token: VK may not post, OK is not connected.
        Cli.run(vkServiceOnly, "post", "--page", VK_PAGE, "--page", OK_PAGE, "--text", "Новости #школа",
            "--vk-api-url", SANDBOX.get().vkApiUrl()));
    for (Cli run : runs) {
      assertThat(run.exit).as(run.toString()).isEqualTo(2);
      assertThat(RussianText.english(run.said())).as(run.toString()).isEmpty();
    }
  }

  @Test
  void theStoreCommandsAndAStoreThatFails() throws IOException {
    String unreachable = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/gospubliki";
    Path file = Files.writeString(dir.resolve("файл"), "не папка");
    Path corrupt = Files.createDirectory(dir.resolve("испорчено"));
    Files.writeString(corrupt.resolve("gospubliki.mv.db"), "не база данных H2, а текст");
    Map<String, String> env = Map.of("GOSPUBLIKI_DB_USER", "gospubliki", "GOSPUBLIKI_DB_PASSWORD", "секрет");
    List<Cli> usage = List.of(
        Cli.run("changes", "--format", "xml"),
        Cli.run("changes", "--since", "вчера"),
        Cli.run("changes", "--store", "jdbc:mysql://db/gp"),
        Cli.run("changes", "--store", file.toString()),
        Cli.run("history", "--store", file.resolve("хранилище").toString()),
        Cli.run("changes"), // an empty store: fewer than two audits
        Cli.run("changes", "--out", dir.toString()),
        Cli.run("history", "--store", "jdbc:postgresql://db/gp?user=a&password=secret"),
        Cli.run("history", "--district"),
        Cli.run("post", "--page", VK_PAGE, "--text", "Новости", "--settle", "может быть"));
    for (Cli run : usage) run.usageError(run.command());
    List<Cli> failed = List.of(
        Cli.run(env, "changes", "--store", unreachable),
        Cli.run(env, "history", "--store", unreachable),
        Cli.run("history", "--store", corrupt.toString()),
        Cli.against(SANDBOX.get(), "audit", "--page", VK_PAGE, "--store", unreachable),
        Cli.against(SANDBOX.get(), "post", "--page", VK_PAGE, "--text", "Новости #школа", "--store", unreachable),
        // Nothing to settle: the JSON line's error is Russian too.
        Cli.against(SANDBOX.get(), "post", "--page", VK_PAGE, "--text", "Новости #школа", "--settle", "sent"));
    for (Cli run : failed) {
      assertThat(run.exit).as(run.toString()).isIn(1, 5);
      assertThat(run.oneRussianLine(run.command())).doesNotContain("секрет");
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort(); // closed again: nothing listens there
    }
  }

  @Test
  void theTableReportOfTheSampleDistrict() {
    // Deleted, private and missing pages, bad registry rows: the report and its warnings are Russian.
    Cli audit = Cli.run("audit", "--sandbox", "--as-of", "2026-11-22T10:00:00Z");
    assertThat(audit.exit).as(audit.toString()).isZero();
    assertThat(RussianText.english(audit.said())).isEmpty();
  }
}
