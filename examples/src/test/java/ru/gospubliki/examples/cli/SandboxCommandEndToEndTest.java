package ru.gospubliki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.examples.cli.Cli.list;
import static ru.gospubliki.examples.cli.Cli.map;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code sandbox --port 0}, then the other commands pointed at it with the flags and credentials it
 * prints: what a user copies from its output works.
 */
final class SandboxCommandEndToEndTest {
  @Test
  void theFlagsAndCredentialsItPrintsWorkForAuditAndPost() throws Exception {
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    CountDownLatch stop = new CountDownLatch(1);
    AtomicInteger code = new AtomicInteger(-1);
    Thread thread = new Thread(() -> code.set(Gospubliki.run(new String[] {"sandbox", "--port", "0"}, Map.of(),
        out, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), stop)));
    thread.start();
    try {
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!outBytes.toString(StandardCharsets.UTF_8).contains("Ctrl+C") && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      String printed = outBytes.toString(StandardCharsets.UTF_8);
      assertThat(printed).contains("Песочница запущена: 35 сообществ VK, 8 групп OK, 5 каналов MAX.");
      Matcher flags = Pattern.compile("--vk-api-url (\\S+) --ok-api-url (\\S+) --max-api-url (\\S+)").matcher(printed);
      assertThat(flags.find()).as(printed).isTrue();
      assertThat(flags.group(1)).matches("http://127\\.0\\.0\\.1:[1-9]\\d*/vk/method/");
      assertThat(flags.group(2)).matches("http://127\\.0\\.0\\.1:[1-9]\\d*/ok/fb\\.do");
      assertThat(printed).contains("VK API: " + flags.group(1)).contains("OK API: " + flags.group(2));
      assertThat(flags.group(3)).matches("http://127\\.0\\.0\\.1:[1-9]\\d*/max/");
      assertThat(printed).contains("MAX API: " + flags.group(3));
      Map<String, String> env = new HashMap<>();
      Matcher variable = Pattern.compile("([A-Z_]+)=(\\S+)").matcher(printed);
      while (variable.find()) env.put(variable.group(1), variable.group(2));
      assertThat(env).containsOnlyKeys("VK_SERVICE_TOKEN", "VK_USER_TOKEN", "OK_APPLICATION_KEY",
          "OK_APPLICATION_SECRET_KEY", "OK_ACCESS_TOKEN", "MAX_BOT_TOKEN");

      Cli audit = Cli.run(env, "audit", "--page", "https://vk.com/school2_zarechny", "--page", "ok:53350000000102",
          "--format", "json", "--vk-api-url", flags.group(1), "--ok-api-url", flags.group(2));
      assertThat(audit.exit).as(audit.toString()).isEqualTo(0);
      List<Object> organizations = list(audit.json().get("organizations"));
      assertThat(organizations).extracting(o -> map(list(map(o).get("pages")).get(0)).get("status"))
          .containsExactly("NON_COMPLIANT", "COMPLIANT");

      Cli post = Cli.run(env, "post", "--page", "https://vk.com/school2_zarechny", "--text", "Новости #школа",
          "--vk-api-url", flags.group(1));
      assertThat(post.exit).as(post.toString()).isEqualTo(0);
      assertThat(post.jsonLines()).singleElement().satisfies(l -> assertThat(l).containsEntry("status", "PUBLISHED"));

      Cli maxAudit = Cli.run(env, "audit", "--page", "https://max.ru/zarechny_adm", "--format", "json",
          "--max-api-url", flags.group(3));
      assertThat(maxAudit.exit).as(maxAudit.toString()).isEqualTo(0);
      assertThat(map(list(map(list(maxAudit.json().get("organizations")).get(0)).get("pages")).get(0)))
          .containsEntry("platform", "max").containsEntry("status", "COMPLIANT");
    } finally {
      stop.countDown();
      thread.join(5_000);
    }
    assertThat(code.get()).isEqualTo(0);
  }
}
