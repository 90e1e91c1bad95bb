package ru.gospubliki.max;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.gospubliki.max.MaxServer.BOT;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.store.JdbcStore;
import ru.gospubliki.store.StoreException;

/**
 * The MAX channels kept in the store's database, on H2 and on a real PostgreSQL 17 started inside
 * the test run: a "process" is a directory (and a platform) built anew over the same database.
 */
final class JdbcChannelDirectoryTest {
  static final long CHAT = MaxServer.CHAT;
  static final Instant ADDED = Instant.parse("2026-11-23T09:00:00.123456Z");
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  static Stream<Arguments> databases() {
    return Stream.of(Arguments.of("H2", (Supplier<DataSource>) JdbcChannelDirectoryTest::h2),
        Arguments.of("PostgreSQL", (Supplier<DataSource>) JdbcChannelDirectoryTest::postgres));
  }

  static DataSource h2() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:max" + NEXT.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    return dataSource;
  }

  /** A new schema of one PostgreSQL started for this class. */
  static synchronized DataSource postgres() {
    try {
      if (postgres == null) postgres = EmbeddedPostgres.builder().start();
      String schema = "max" + NEXT.incrementAndGet();
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE SCHEMA " + schema);
      }
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setServerNames(new String[] {"localhost"});
      dataSource.setPortNumbers(new int[] {postgres.getPort()});
      dataSource.setDatabaseName("postgres");
      dataSource.setUser("postgres");
      dataSource.setCurrentSchema(schema);
      return dataSource;
    } catch (IOException | SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    if (postgres != null) postgres.close();
  }

  static MaxChannel channel(String link) {
    return MaxChannel.builder().botId(BOT).chatId(CHAT).link(link).title("Администрация Заречного района")
        .addedAt(ADDED).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void itsTablesComeWithTheStoresInOneStep(String name, Supplier<DataSource> database) throws SQLException {
    DataSource dataSource = database.get();
    JdbcStore.builder(dataSource).build(); // a store made before the directory existed
    assertThatThrownBy(() -> JdbcStore.builder(dataSource).migrate(false).addSchema(JdbcChannelDirectory.SCHEMA).build())
        .isInstanceOf(StoreException.class).hasMessageContaining("gp_max_schema_version")
        .hasMessageContaining("/ru/gospubliki/max/store/");

    JdbcStore.builder(dataSource).addSchema(JdbcChannelDirectory.SCHEMA).build();
    JdbcStore.builder(dataSource).addSchema(JdbcChannelDirectory.SCHEMA).build(); // applied once
    JdbcStore.builder(dataSource).migrate(false).addSchema(JdbcChannelDirectory.SCHEMA).build();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT version, script FROM gp_max_schema_version")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).isEqualTo(1);
        assertThat(rows.getString(2)).isEqualTo("V1__gospubliki_max_channels.sql");
        assertThat(rows.next()).isFalse();
      }
      try (ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM gp_schema_version")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).isEqualTo(3); // the store's own versions are untouched
      }
    }
    assertThatThrownBy(() -> JdbcStore.builder(dataSource).addSchema(JdbcChannelDirectory.SCHEMA)
        .addSchema(JdbcChannelDirectory.SCHEMA)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gp_max_schema_version");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void keepsChannelsAndMarkersAsTheDirectoryContractSays(String name, Supplier<DataSource> database) {
    DataSource dataSource = database.get();
    JdbcStore.builder(dataSource).addSchema(JdbcChannelDirectory.SCHEMA).build();
    JdbcChannelDirectory directory = JdbcChannelDirectory.create(dataSource);
    assertThat(directory.channels()).isEmpty();
    assertThat(directory.marker(BOT)).isEmpty();

    directory.put(channel("https://max.ru/zarechny_adm"));
    directory.put(channel("https://max.ru/zarechny_adm")); // delivered twice: changes nothing
    MaxChannel unread = MaxChannel.builder().botId(BOT).chatId(-702L).channel(false).addedAt(ADDED).build();
    directory.put(unread);
    assertThat(JdbcChannelDirectory.create(dataSource).channels())
        .containsExactly(channel("https://max.ru/zarechny_adm"), unread);

    directory.put(channel("https://max.ru/zarechny_admin")); // renamed: replaced
    directory.remove(BOT, -702L);
    directory.remove(BOT, -703L); // not known: nothing happens
    assertThat(JdbcChannelDirectory.create(dataSource).channels()).containsExactly(channel("https://max.ru/zarechny_admin"));

    directory.marker(BOT, 4);
    directory.marker(BOT, 9);
    directory.marker(MaxServer.OTHER_BOT, 2);
    assertThat(JdbcChannelDirectory.create(dataSource).marker(BOT)).hasValue(9);
    assertThat(directory.marker(MaxServer.OTHER_BOT)).hasValue(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aChannelLearntByOneProcessIsFoundByTheNext(String name, Supplier<DataSource> database) throws Exception {
    DataSource dataSource = database.get();
    JdbcStore.builder(dataSource).addSchema(JdbcChannelDirectory.SCHEMA).build();
    PageRef page = PageRef.parse("https://max.ru/zarechny_adm");
    try (MaxServer server = new MaxServer().start()) {
      server.max.update(BOT, "bot_added", CHAT);
      try (MaxPlatform first = server.platform().channels(JdbcChannelDirectory.create(dataSource)).build()) {
        assertThat(first.pollUpdates().added()).extracting(MaxChannel::chatId).containsExactly(CHAT);
      }

      // The next process polls from the stored marker (MAX no longer sends the bot_added) and still
      // finds the channel by its link.
      try (MaxPlatform next = server.platform().channels(JdbcChannelDirectory.create(dataSource)).build()) {
        assertThat(next.pollUpdates().added()).isEmpty();
        assertThat(next.resolve(List.of(page)).get(page)).isEqualTo(FetchResult.success(PageRef.parse("max:" + CHAT)));
      }
      assertThat(server.max.requests("GET /updates")).extracting(r -> r.getUrl().queryParameter("marker"))
          .containsExactly(null, "2");

      // What a process that kept its channels in memory would see now: nothing.
      try (MaxPlatform forgetful = server.platform().channels(MaxChannelDirectory.inMemory()).build()) {
        assertThat(forgetful.pollUpdates().added()).isEmpty();
        assertThat(forgetful.resolve(List.of(page)).get(page)).isInstanceOfSatisfying(FetchResult.Failure.class,
            failure -> assertThat(failure.reason()).isEqualTo(FailureReason.BOT_NOT_ADMIN));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void twoProcessesLearningTheSameChannelAtOnceKeepOneRow(String name, Supplier<DataSource> database) throws Exception {
    DataSource dataSource = database.get();
    JdbcStore.builder(dataSource).addSchema(JdbcChannelDirectory.SCHEMA).build();
    List<JdbcChannelDirectory> processes = List.of(JdbcChannelDirectory.create(dataSource),
        JdbcChannelDirectory.create(dataSource));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> writes = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        JdbcChannelDirectory directory = processes.get(i % 2);
        long marker = i;
        writes.add(threads.submit(() -> {
          start.await();
          directory.put(channel("https://max.ru/zarechny_adm"));
          directory.marker(BOT, marker);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> write : writes) write.get(60, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }
    assertThat(processes.get(0).channels()).containsExactly(channel("https://max.ru/zarechny_adm"));
    assertThat(processes.get(1).marker(BOT)).isPresent();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aDatabaseWithoutItsTablesFailsWithAStoreException(String name, Supplier<DataSource> database) {
    JdbcChannelDirectory directory = JdbcChannelDirectory.create(database.get());
    assertThatThrownBy(directory::channels).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("could not read the MAX channels: ");
    assertThatThrownBy(() -> directory.put(channel("https://max.ru/zarechny_adm"))).isInstanceOf(StoreException.class)
        .hasMessageContaining("SQLState 42");
    assertThat(directory).hasToString("JdbcChannelDirectory");
  }
}
