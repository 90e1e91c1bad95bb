package ru.gospubliki.max;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.store.JdbcStore;
import ru.gospubliki.store.StoreException;
import ru.gospubliki.store.StoreSchema;

/**
 * The channels the MAX bots know, kept in the store's database, so that a registry's {@code
 * https://max.ru/<name>} is still found by the next process: MAX tells a bot a channel's id only in
 * the {@code bot_added} update, and keeps a bot's updates for a limited time. Needs nothing beyond
 * {@code java.sql}: H2 or PostgreSQL through the same {@link DataSource} as the {@link JdbcStore}.
 *
 * <pre>{@code
 * JdbcStore store = JdbcStore.builder(dataSource).addSchema(JdbcChannelDirectory.SCHEMA).build();
 * MaxPlatform max = MaxPlatform.builder()
 *     .botToken(System.getenv("MAX_BOT_TOKEN"))
 *     .channels(JdbcChannelDirectory.create(dataSource))
 *     .build();
 * }</pre>
 *
 * <p>Its tables ({@code gp_max_channel}, {@code gp_max_update_marker}) come from {@link #SCHEMA},
 * which {@link JdbcStore.Builder#addSchema} applies with the store's own tables: scripts {@code
 * ru/gospubliki/max/store/h2/V1__gospubliki_max_channels.sql} (and the same under {@code
 * postgresql/}), versions recorded in {@code gp_max_schema_version}.
 *
 * <p>Thread-safe, and safe for several processes on one database: every call takes a connection
 * from the data source and gives it back, and every write is idempotent. A database that fails
 * throws {@link StoreException}.
 */
public final class JdbcChannelDirectory implements MaxChannelDirectory {
  /** The directory's tables, for {@link JdbcStore.Builder#addSchema}. */
  public static final StoreSchema SCHEMA = StoreSchema.builder()
      .location("ru/gospubliki/max/store")
      .versionTable("gp_max_schema_version")
      .addScripts("V1__gospubliki_max_channels.sql")
      // On the module path only this module may read its resources: the lookup is made here.
      .resources(name -> JdbcChannelDirectory.class.getResourceAsStream(name))
      .build();

  /** A statement that violates a unique key, in both H2 and PostgreSQL. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;

  private JdbcChannelDirectory(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The directory in {@code dataSource}'s database, whose tables {@link #SCHEMA} has made (build
   * the {@link JdbcStore} with {@code addSchema(JdbcChannelDirectory.SCHEMA)} first). Connects to
   * nothing until used.
   */
  public static JdbcChannelDirectory create(DataSource dataSource) {
    return new JdbcChannelDirectory(Objects.requireNonNull(dataSource, "dataSource"));
  }

  @Override
  public List<MaxChannel> channels() {
    return run("could not read the MAX channels", connection -> {
      List<MaxChannel> channels = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement("SELECT bot_id, chat_id, link, title, is_channel,"
          + " added_at FROM gp_max_channel ORDER BY bot_id, chat_id");
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          OffsetDateTime added = rows.getObject("added_at", OffsetDateTime.class);
          if (added == null) throw new SQLException("column added_at is null");
          channels.add(MaxChannel.builder().botId(rows.getLong("bot_id")).chatId(rows.getLong("chat_id"))
              .link(rows.getString("link")).title(rows.getString("title")).channel(rows.getBoolean("is_channel"))
              .addedAt(added.toInstant()).build());
        }
      }
      return channels;
    });
  }

  @Override
  public void put(MaxChannel channel) {
    Objects.requireNonNull(channel, "channel");
    run("could not keep MAX channel " + channel.chatId(), connection -> upsert(connection,
        "UPDATE gp_max_channel SET link = ?, title = ?, is_channel = ?, added_at = ? WHERE bot_id = ? AND chat_id = ?",
        "INSERT INTO gp_max_channel (link, title, is_channel, added_at, bot_id, chat_id) VALUES (?, ?, ?, ?, ?, ?)",
        statement -> {
          setText(statement, 1, channel.link());
          setText(statement, 2, channel.title());
          statement.setBoolean(3, channel.channel());
          statement.setObject(4, OffsetDateTime.ofInstant(channel.addedAt().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
          statement.setLong(5, channel.botId());
          statement.setLong(6, channel.chatId());
        }));
  }

  @Override
  public void remove(long botId, long chatId) {
    run("could not forget MAX channel " + chatId, connection -> {
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM gp_max_channel WHERE bot_id = ? AND chat_id = ?")) {
        delete.setLong(1, botId);
        delete.setLong(2, chatId);
        return delete.executeUpdate();
      }
    });
  }

  @Override
  public OptionalLong marker(long botId) {
    return run("could not read the MAX updates marker of bot " + botId, connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT marker FROM gp_max_update_marker WHERE bot_id = ?")) {
        select.setLong(1, botId);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
        }
      }
    });
  }

  @Override
  public void marker(long botId, long marker) {
    run("could not keep the MAX updates marker of bot " + botId, connection -> upsert(connection,
        "UPDATE gp_max_update_marker SET marker = ? WHERE bot_id = ?",
        "INSERT INTO gp_max_update_marker (marker, bot_id) VALUES (?, ?)",
        statement -> {
          statement.setLong(1, marker);
          statement.setLong(2, botId);
        }));
  }

  @Override
  public String toString() {
    return "JdbcChannelDirectory";
  }

  /**
   * Updates the row, or inserts it when there is none; when another writer inserted it in between
   * (a unique key broken), updates it again. Both statements take the same parameters.
   */
  private static int upsert(Connection connection, String update, String insert, Parameters parameters)
      throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try (PreparedStatement statement = connection.prepareStatement(update)) {
        parameters.set(statement);
        if (statement.executeUpdate() > 0) return 1;
      }
      try (PreparedStatement statement = connection.prepareStatement(insert)) {
        parameters.set(statement);
        return statement.executeUpdate();
      } catch (SQLException e) {
        if (!UNIQUE_VIOLATION.equals(e.getSQLState()) || attempt == 3) throw e;
      }
    }
  }

  private static void setText(PreparedStatement statement, int index, @Nullable String value) throws SQLException {
    if (value == null) statement.setNull(index, Types.VARCHAR);
    else statement.setString(index, value);
  }

  private <T> T run(String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      return work.run(connection);
    } catch (SQLException e) {
      String message = e.getMessage();
      throw new StoreException(what + ": " + (message == null ? e.getClass().getSimpleName() : message)
          + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")"), e);
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  @FunctionalInterface
  private interface Parameters {
    void set(PreparedStatement statement) throws SQLException;
  }
}
