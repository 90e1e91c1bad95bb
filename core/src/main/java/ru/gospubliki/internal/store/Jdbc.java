package ru.gospubliki.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.store.StoreException;

/** Connections from the embedder's data source, one per unit of work, and SQL value conversions. */
final class Jdbc {
  /** A statement that violates a unique key, in both H2 and PostgreSQL. */
  static final String UNIQUE_VIOLATION = "23505";
  /** Units of work retried when a concurrent writer inserted the same key first. */
  static final int ATTEMPTS = 5;

  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;

  Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs {@code work} on one connection with auto-commit on. */
  <T> T read(String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      return work.run(connection);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /**
   * Runs {@code work} in one transaction; retried from the start when a concurrent writer made it
   * break a unique key (it inserted the same row first).
   */
  <T> T transaction(String what, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        try {
          T result = work.run(connection);
          connection.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          rollback(connection);
          throw e;
        } finally {
          connection.setAutoCommit(true);
        }
      } catch (SQLException e) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState()) && attempt < ATTEMPTS) continue;
        throw failure(what, e);
      }
    }
  }

  private static void rollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // The connection is broken: the transaction is gone with it.
    }
  }

  static StoreException failure(String what, SQLException e) {
    String message = e.getMessage();
    return new StoreException(what + ": " + (message == null ? e.getClass().getSimpleName() : message)
        + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")"), e);
  }

  static void setInstant(PreparedStatement statement, int index, @Nullable Instant instant) throws SQLException {
    statement.setObject(index, instant == null ? null
        : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
  }

  static @Nullable Instant getInstant(ResultSet rows, String column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static Instant requireInstant(ResultSet rows, String column) throws SQLException {
    Instant value = getInstant(rows, column);
    if (value == null) throw new SQLException("column " + column + " is null");
    return value;
  }

  static void setInteger(PreparedStatement statement, int index, @Nullable Integer value) throws SQLException {
    if (value == null) statement.setNull(index, java.sql.Types.INTEGER);
    else statement.setInt(index, value);
  }

  static @Nullable Integer getInteger(ResultSet rows, String column) throws SQLException {
    int value = rows.getInt(column);
    return rows.wasNull() ? null : value;
  }

  static String requireString(ResultSet rows, String column) throws SQLException {
    String value = rows.getString(column);
    if (value == null) throw new SQLException("column " + column + " is null");
    return value;
  }

  /** {@code ?, ?, ?} for {@code count} parameters. */
  static String placeholders(int count) {
    StringBuilder result = new StringBuilder(count * 3);
    for (int i = 0; i < count; i++) result.append(i == 0 ? "?" : ", ?");
    return result.toString();
  }
}
