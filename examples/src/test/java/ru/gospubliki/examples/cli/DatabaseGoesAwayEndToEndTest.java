package ru.gospubliki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.examples.cli.Cli.list;
import static ru.gospubliki.examples.cli.Cli.map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.gospubliki.examples.sandbox.Sandbox;

/**
 * The store's PostgreSQL stops in the middle of {@code gospubliki audit}: the
 * report is whole and written, one Russian line says what was not kept, the exit code says whether
 * anything was (0) or nothing (5), and the next run with the database back works.
 */
final class DatabaseGoesAwayEndToEndTest {
  @TempDir Path data;
  @TempDir Path dir;
  private EmbeddedPostgres postgres;
  private int port;

  @AfterEach
  void stop() throws IOException {
    if (postgres != null) postgres.close();
  }

  void start() {
    try {
      postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
      port = postgres.getPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the database, as a server that goes away does; the calls under way wait for it. */
  synchronized void stopTheDatabase() {
    try {
      if (postgres != null) postgres.close();
      postgres = null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Cli audit(Sandbox sandbox, Map<String, String> env, Path out) {
    return Cli.run(env, "audit", "--format", "json", "--out", out.toString(), "--vk-api-url", sandbox.vkApiUrl(),
        "--ok-api-url", sandbox.okApiUrl(), "--max-api-url", sandbox.maxApiUrl(),
        "--registry", dir.resolve("реестр.csv").toString(), "--store", "jdbc:postgresql://localhost:" + port + "/postgres");
  }

  /** The report written: every organisation of the sample registry, the MAX channels read. */
  static void assertWhole(Path out) throws IOException {
    Map<String, Object> report = Cli.json(Files.readString(out));
    List<Object> organizations = list(report.get("organizations"));
    assertThat(organizations).hasSize(43);
    Map<String, Object> administration = map(organizations.get(0));
    assertThat(list(administration.get("pages")).stream().map(Cli::map))
        .anySatisfy(page -> assertThat(page).containsEntry("platform", "max").containsEntry("status", "COMPLIANT"))
        .allSatisfy(page -> assertThat(page.get("status")).isNotEqualTo("UNREACHABLE"));
  }

  /** The one line about the store: Russian, naming what was not kept. */
  static String storeLine(Cli audit) {
    List<String> lines = audit.err.lines().filter(line -> line.contains("хранилищ")).toList();
    assertThat(lines).as(audit.toString()).hasSize(1);
    String line = lines.get(0);
    assertThat(line).startsWith("gospubliki audit: в хранилище «jdbc:postgresql://localhost:").contains("не сохранено: ")
        .doesNotContain("Exception").doesNotContainPattern("\\p{Cntrl}");
    assertThat(RussianText.english(line)).isEmpty();
    return line;
  }

  static int vkSnapshotsSince(int port, Instant since) {
    try (Connection connection = java.sql.DriverManager.getConnection(
            "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
        PreparedStatement select = connection.prepareStatement(
            "SELECT COUNT(*) FROM gp_page_snapshot WHERE platform = 'vk' AND taken_at >= ?")) {
      select.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    } catch (SQLException e) {
      return 0;
    }
  }

  @Test
  void theReportIsWholeOneLineSaysWhatWasNotKeptAndTheNextRunWorks() throws Exception {
    start();
    AtomicReference<Consumer<String>> onCall = new AtomicReference<>(call -> { });
    try (Sandbox sandbox = Sandbox.builder().onCall(call -> onCall.get().accept(call)).build()) {
      Files.writeString(dir.resolve("реестр.csv"), sandbox.data().registryCsv());
      Map<String, String> env = new HashMap<>(Cli.env(sandbox));
      env.put("GOSPUBLIKI_DB_USER", "postgres");

      // The store is open when the tool first calls a platform; the database stops then: nothing of
      // this audit can be kept (nor the MAX channels its bot learns), and the audit goes on.
      AtomicBoolean stopped = new AtomicBoolean();
      onCall.set(call -> {
        if (stopped.compareAndSet(false, true)) stopTheDatabase();
      });
      Path first = dir.resolve("first.json");
      Cli nothingKept = audit(sandbox, env, first);
      assertThat(stopped).isTrue();
      assertThat(nothingKept.exit).as(nothingKept.toString()).isEqualTo(5);
      assertWhole(first);
      assertThat(storeLine(nothingKept)).contains("снимки страниц", "запись о проверке", "каналы MAX",
          "нет соединения с базой данных");

      // Back, with its data: the next run keeps everything and says nothing of the store.
      onCall.set(call -> { });
      start();
      Path second = dir.resolve("second.json");
      Cli back = audit(sandbox, env, second);
      assertThat(back.exit).as(back.toString()).isZero();
      assertThat(back.err).doesNotContain("хранилищ");
      assertWhole(second);

      // The database stops once the VK pages' snapshots are kept (OK's first call waits for them):
      // some of the audit was kept, so the exit is 0, and the line says what was not.
      Instant third = Instant.now();
      AtomicBoolean stoppedAgain = new AtomicBoolean();
      int running = port;
      onCall.set(call -> {
        if (!call.startsWith("ok ") || stoppedAgain.get()) return;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (vkSnapshotsSince(running, third) == 0 && System.nanoTime() < deadline) {
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        if (stoppedAgain.compareAndSet(false, true)) stopTheDatabase();
      });
      Path out = dir.resolve("third.json");
      Cli partlyKept = audit(sandbox, env, out);
      assertThat(stoppedAgain).isTrue();
      assertThat(partlyKept.exit).as(partlyKept.toString()).isZero();
      assertWhole(out);
      assertThat(storeLine(partlyKept)).contains("снимки страниц", "запись о проверке");

      onCall.set(call -> { });
      start();
      Cli history = Cli.run(env, "history", "--format", "json", "--store", "jdbc:postgresql://localhost:" + port + "/postgres");
      assertThat(history.exit).as(history.toString()).isZero();
      assertThat(list(history.json().get("runs"))).hasSize(1); // the run with the database back, only
    }
  }
}
