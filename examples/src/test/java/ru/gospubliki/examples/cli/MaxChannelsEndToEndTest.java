package ru.gospubliki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.examples.cli.Cli.list;
import static ru.gospubliki.examples.cli.Cli.map;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.gospubliki.examples.sandbox.Sandbox;
import ru.gospubliki.max.MaxPlatform;

/**
 * The MAX channels the bot learns are kept in the store: MAX tells a bot a channel's id only in the
 * {@code bot_added} update and gives each update once, so a registry's {@code https://max.ru/<name>}
 * resolves in a later run only because the store remembers it.
 */
final class MaxChannelsEndToEndTest {
  static final String MAX_PAGE = Cli.MAX_PAGE;
  static final OkHttpClient HTTP = new OkHttpClient();

  @TempDir Path dir;

  static Cli audit(Sandbox sandbox, Map<String, String> env, String store) {
    return Cli.run(env, "audit", "--page", MAX_PAGE, "--format", "json", "--vk-api-url", sandbox.vkApiUrl(),
        "--ok-api-url", sandbox.okApiUrl(), "--max-api-url", sandbox.maxApiUrl(), "--store", store);
  }

  static Map<String, Object> page(Cli audit) {
    assertThat(audit.exit).as(audit.toString()).isZero();
    return map(list(map(list(audit.json().get("organizations")).get(0)).get("pages")).get(0));
  }

  @Test
  void aChannelLearntByOneAuditResolvesInTheNext() {
    try (Sandbox sandbox = Sandbox.builder().build()) {
      Map<String, String> env = Cli.env(sandbox);
      String store = dir.resolve("store").toString();

      Cli first = audit(sandbox, env, store);
      assertThat(first.err).contains("MAX: бот добавлен в канал «Администрация Заречного района» (" + MAX_PAGE + ")");
      assertThat(page(first)).containsEntry("id", Long.toString(Cli.MAX_CHAT_ID)).containsEntry("status", "COMPLIANT");

      // MAX sends no bot_added again (the stored marker acknowledged it): the store knows the channel.
      Cli second = audit(sandbox, env, store);
      assertThat(second.err).doesNotContain("бот добавлен");
      assertThat(page(second)).containsEntry("id", Long.toString(Cli.MAX_CHAT_ID)).containsEntry("status", "COMPLIANT");

      // What the run would be without it: the link is unknown to the bot.
      Map<String, Object> forgotten = page(audit(sandbox, env, "none"));
      assertThat(forgotten).containsEntry("status", "UNREACHABLE");
      assertThat((String) forgotten.get("reason")).startsWith("bot_not_admin");
    }
  }

  /**
   * A spot check none of whose pages could be read, where the store took everything but the MAX
   * channels the bot learnt, lost nothing of the run: exit 0, and one line says what was not kept.
   */
  @Test
  void aSpotCheckThatLostOnlyTheMaxChannelsIsNoStoreFailure() throws Exception {
    Path store = dir.resolve("store");
    Files.createDirectories(store);
    // The channels' table, made before the tool's, refuses every row.
    try (Connection connection = DriverManager.getConnection("jdbc:h2:file:"
            + store.toAbsolutePath().resolve(StoreOption.FILE_NAME) + ";AUTO_SERVER=TRUE", "", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE gp_max_channel (bot_id BIGINT NOT NULL, chat_id BIGINT NOT NULL, "
          + "link CHARACTER VARYING(100000), title CHARACTER VARYING(100000), is_channel BOOLEAN NOT NULL, "
          + "added_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (bot_id, chat_id), CHECK (bot_id < 0))");
    }
    try (Sandbox sandbox = Sandbox.builder().build()) {
      Cli audit = Cli.run(Cli.env(sandbox), "audit", "--page", "https://max.ru/no_such_channel",
          "--page", "https://vk.com/club999999999", "--format", "json", "--vk-api-url", sandbox.vkApiUrl(),
          "--ok-api-url", sandbox.okApiUrl(), "--max-api-url", sandbox.maxApiUrl(), "--store", store.toString());

      assertThat(audit.exit).as(audit.toString()).isZero();
      assertThat(audit.err).contains("MAX: бот добавлен в канал")
          .contains("не сохранено: каналы MAX, о которых бот узнал").doesNotContain("снимки страниц");
      assertThat(list(map(list(audit.json().get("organizations")).get(0)).get("pages")).stream().map(Cli::map))
          .allSatisfy(page -> assertThat(page.get("status")).isEqualTo("UNREACHABLE"));
    }
  }

  @Test
  void aChannelDeliveredToServesWebhookResolvesInALaterAudit() throws Exception {
    String secret = "max-webhook-secret-of-the-test";
    try (Sandbox sandbox = Sandbox.builder().build()) {
      // Every update the sandbox bot had is handled already: the channel is told to the webhook only.
      try (Response acknowledged = HTTP.newCall(new Request.Builder().url(sandbox.maxApiUrl() + "updates?marker=1000")
          .header("Authorization", sandbox.maxBotToken()).build()).execute()) {
        assertThat(acknowledged.code()).isEqualTo(200);
      }
      Map<String, String> env = new HashMap<>(Cli.env(sandbox));
      env.put("GOSPUBLIKI_API_KEYS", "all-districts-key-0001=*");
      env.put("MAX_WEBHOOK_SECRET", secret);
      String store = dir.resolve("store").toString();

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      CountDownLatch stop = new CountDownLatch(1);
      ExecutorService thread = Executors.newSingleThreadExecutor();
      try {
        Future<Integer> serve = thread.submit(() -> Gospubliki.run(new String[] {"serve", "--port", "0", "--store", store,
            "--vk-api-url", sandbox.vkApiUrl(), "--ok-api-url", sandbox.okApiUrl(), "--max-api-url", sandbox.maxApiUrl()},
            env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
            stop));
        String url = firstLine(out, serve);
        long bot = botId(sandbox);
        String added = "{\"timestamp\":1775025604499,\"chat_id\":" + Cli.MAX_CHAT_ID + ",\"user_id\":123456789,"
            + "\"is_channel\":true,\"update_type\":\"bot_added\"}";
        try (Response delivered = HTTP.newCall(new Request.Builder().url(url + "api/v1/max/webhook/" + bot)
            .header(MaxPlatform.SECRET_HEADER, secret)
            .post(RequestBody.create(added, MediaType.get("application/json"))).build()).execute()) {
          assertThat(delivered.code()).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(200);
          assertThat(delivered.body().string()).contains("\"added\":1");
        }
        stop.countDown();
        assertThat(serve.get(60, TimeUnit.SECONDS)).as(err.toString(StandardCharsets.UTF_8)).isZero();
      } finally {
        thread.shutdownNow();
      }

      Cli later = audit(sandbox, env, store);
      assertThat(later.err).doesNotContain("бот добавлен");
      assertThat(page(later)).containsEntry("id", Long.toString(Cli.MAX_CHAT_ID)).containsEntry("status", "COMPLIANT");
      assertThat(page(audit(sandbox, env, "none"))).containsEntry("status", "UNREACHABLE");
    }
  }

  /** The service's first line on stdout (its URL), once it has printed it. */
  static String firstLine(ByteArrayOutputStream out, Future<Integer> serve) throws Exception {
    for (int i = 0; i < 600; i++) {
      String printed = out.toString(StandardCharsets.UTF_8);
      int end = printed.indexOf('\n');
      if (end > 0) return printed.substring(0, end);
      if (serve.isDone()) throw new AssertionError("serve ended with " + serve.get() + " before printing its URL");
      Thread.sleep(100);
    }
    throw new AssertionError("serve printed no URL in 60 s");
  }

  /** The sandbox bot's id, as MAX's {@code GET /me} names it. */
  static long botId(Sandbox sandbox) {
    try (MaxPlatform max = MaxPlatform.builder().baseUrl(sandbox.maxApiUrl()).botToken(sandbox.maxBotToken()).build()) {
      return max.botIds().get(0);
    }
  }
}
