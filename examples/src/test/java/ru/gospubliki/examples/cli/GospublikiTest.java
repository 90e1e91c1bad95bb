package ru.gospubliki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.gospubliki.model.PlatformId;

final class GospublikiTest {
  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
  @TempDir Path dir;

  private int run(String... args) {
    return Gospubliki.run(args, Map.of(), out, err, new CountDownLatch(0));
  }

  private String out() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void toolHelpAndNoArguments() {
    assertThat(run("--help")).isEqualTo(0);
    assertThat(out()).contains("  audit     проверить официальные страницы",
        "  post      опубликовать запись", "  sandbox   запустить встроенную песочницу");
    assertThat(run()).isEqualTo(2);
    assertThat(err()).contains("Использование: gospubliki <команда>");
  }

  /** A stdout whose first write fails with {@code failure}, as a broken tool would. */
  private static PrintStream failingWith(Throwable failure) {
    return new PrintStream(new java.io.OutputStream() {
      @Override
      public void write(int b) {
        if (failure instanceof RuntimeException runtime) throw runtime;
        throw (Error) failure;
      }
    }, true, StandardCharsets.UTF_8);
  }

  @Test
  void anInternalErrorIsOneRussianLineWithoutTheMessageOrATrace() {
    PrintStream broken = failingWith(new IllegalStateException("token=SECRET broke"));
    assertThat(Gospubliki.run(new String[] {"audit", "--help"}, Map.of(), broken, err, new CountDownLatch(0)))
        .isEqualTo(1);
    assertThat(err()).matches("gospubliki: внутренняя ошибка \\(IllegalStateException в GospublikiTest\\.java:\\d+\\)\\. "
        + "Сообщите разработчикам\\.\n").doesNotContain("SECRET");
  }

  @Test
  void runningOutOfMemoryIsOneRussianLineToo() {
    PrintStream exhausted = failingWith(new OutOfMemoryError("Java heap space"));
    assertThat(Gospubliki.run(new String[] {"--help"}, Map.of(), exhausted, err, new CountDownLatch(0))).isEqualTo(1);
    assertThat(err().lines()).singleElement().asString().startsWith("gospubliki: не хватило памяти (OutOfMemoryError")
        .contains("-Xmx");
  }

  @Test
  void unknownCommandIsUsageError() {
    assertThat(run("audti")).isEqualTo(2);
    assertThat(err()).contains("неизвестная команда «audti»").doesNotContain("Exception");
    assertThat(RussianText.english(err())).isEmpty();
  }

  @Test
  void everyCommandHasHelpAndNamesItselfInUsageErrors() {
    for (Command command : Gospubliki.COMMANDS) {
      outBytes.reset();
      errBytes.reset();
      assertThat(run(command.name, "--help")).isEqualTo(0);
      assertThat(out()).startsWith("Использование: gospubliki " + command.name);
      assertThat(run(command.name, "--no-such-flag")).isEqualTo(2);
      assertThat(err()).isEqualTo("gospubliki " + command.name + ": неизвестный параметр «--no-such-flag» для команды "
          + command.name + " (справка: gospubliki " + command.name + " --help)\n");
    }
  }

  @Test
  void auditUsageErrorsExitWith2AndOneRussianLine() {
    assertThat(run("audit")).isEqualTo(2);
    assertThat(run("audit", "--registry", "r.csv", "--page", "vk:1")).isEqualTo(2);
    assertThat(run("audit", "--page", "vk:1", "--format", "xml")).isEqualTo(2);
    assertThat(run("audit", "--page", "vk:1", "--as-of", "вчера")).isEqualTo(2);
    assertThat(run("audit", "--page", "https://school9.example.ru/vk")).isEqualTo(2);
    assertThat(run("audit", "--registry", dir.resolve("нет.csv").toString())).isEqualTo(2);
    assertThat(run("audit", "--page", "vk:1", "--encoding", "koi8-r")).isEqualTo(2);
    assertThat(run("audit", "--sandbox", "--vk-api-url", "http://127.0.0.1:1/vk/method/")).isEqualTo(2);
    assertThat(run("audit", "--page", "vk:1", "--vk-api-url", "not a url")).isEqualTo(2);
    String[] lines = err().split("\n");
    assertThat(lines).hasSize(9).allMatch(l -> l.startsWith("gospubliki audit: "));
    assertThat(RussianText.english(err())).isEmpty();
    assertThat(err()).contains("--format: допустимые значения table, json, csv, получено «xml»")
        .contains("--as-of: ожидается дата и время ISO-8601")
        .contains("«https://school9.example.ru/vk»")
        .contains("не найден")
        .doesNotContain("Exception");
  }

  @Test
  void auditOptionsAreParsedWithDefaults() throws Exception {
    Path registry = Files.writeString(dir.resolve("r.csv"), "Наименование\nШкола\n");
    AuditCommand.Options o = AuditCommand.options(Arguments.parse(AuditCommand.FLAGS,
        java.util.List.of("--registry", registry.toString(), "--as-of", "2026-11-22T13:00:00+03:00",
            "--encoding", "windows-1251", "--format", "JSON")),
        Map.of("VK_SERVICE_TOKEN", "secret-token"));
    assertThat(o.registry).isEqualTo(registry);
    assertThat(o.format).isEqualTo("json");
    assertThat(o.policy).isEqualTo("federal");
    assertThat(o.asOf).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    assertThat(o.encoding.name()).isEqualTo("windows-1251");
    assertThat(o.access.vkApiUrl.toString()).isEqualTo("https://api.vk.com/method/");
    assertThat(o.access.okApiUrl.toString()).isEqualTo("https://api.ok.ru/fb.do");
    assertThat(o.access.credentials.vkServiceTokens).containsExactly("secret-token");
    assertThat(o.access.credentials.toString()).doesNotContain("secret-token");

    AuditCommand.Options pages = AuditCommand.options(Arguments.parse(AuditCommand.FLAGS,
        java.util.List.of("--page", "https://vk.com/club123", "--page", "ok:53350000000001", "--as-of", "2026-11-22")),
        Map.of());
    assertThat(pages.pages).extracting(p -> p.platform()).containsExactly(PlatformId.VK, PlatformId.OK);
    assertThat(pages.asOf).isEqualTo(Instant.parse("2026-11-21T21:00:00Z"));
    assertThat(pages.format).isEqualTo("table");
  }

  @Test
  void postUsageErrors() throws IOException {
    assertThat(run("post", "--text", "x")).isEqualTo(2);
    assertThat(run("post", "--page", "vk:1")).isEqualTo(2);
    Path text = Files.writeString(dir.resolve("t.txt"), "\uFEFFТекст #школа");
    assertThat(run("post", "--page", "vk:1", "--text", "x", "--text-file", text.toString())).isEqualTo(2);
    assertThat(run("post", "--page", "vk:1", "--text", "x", "--photo", dir.resolve("нет.jpg").toString())).isEqualTo(2);
    assertThat(run("post", "--page", "vk:1", "--text", "x", "--at", "завтра")).isEqualTo(2);
    Path latin1 = Files.write(dir.resolve("bad.txt"), new byte[] {(byte) 0xE9, (byte) 0xFF});
    assertThat(run("post", "--page", "vk:1", "--text-file", latin1.toString())).isEqualTo(2);
    assertThat(RussianText.english(err())).isEmpty();
    assertThat(err()).contains("укажите хотя бы одну страницу").contains("укажите текст записи")
        .contains("но не оба").contains("не найден").contains("не в кодировке UTF-8").doesNotContain("Exception");
  }

  @Test
  void postOptionsReadTheTextFileAndMoscowTime() throws Exception {
    Path text = Files.writeString(dir.resolve("t.txt"), "\uFEFFТекст #школа");
    PostCommand.Options o = PostCommand.options(Arguments.parse(PostCommand.FLAGS, java.util.List.of(
        "--page", "vk:1", "--page", "ok:53350000000001", "--text-file", text.toString(),
        "--at", "2026-12-01T10:00", "--link", "https://example.ru/a")), Map.of());
    assertThat(o.text).isEqualTo("Текст #школа");
    assertThat(o.at).isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
    assertThat(o.pages).hasSize(2);
    assertThat(o.link.toString()).isEqualTo("https://example.ru/a");
  }

  @Test
  void sandboxPortErrors() throws IOException {
    assertThat(run("sandbox", "--port", "70000")).isEqualTo(2);
    assertThat(err()).contains("--port: ожидается номер порта 0–65535, получено «70000»");
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThat(run("sandbox", "--port", String.valueOf(busy.getLocalPort()))).isEqualTo(1);
      assertThat(err()).contains("не удалось открыть порт " + busy.getLocalPort());
    }
  }
}
