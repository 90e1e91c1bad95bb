package ru.gospubliki.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import ru.gospubliki.store.StoreException;

/**
 * Brings a database's schema to the current version: the versioned scripts not yet applied, in
 * order, each recorded in {@code gp_schema_version}. The scripts create only what is missing, so
 * two processes starting on a new database at once both succeed; on PostgreSQL an advisory lock
 * also makes them take turns.
 */
public final class Migrations {
  /** Every schema script, oldest first; the number after {@code V} is its version. */
  public static final List<String> SCRIPTS = List.of("V1__gospubliki_store.sql", "V2__gospubliki_publish_request.sql",
      "V3__audit_fidelity.sql");
  /** Serialises migrations within this process (several stores opened at once on one database). */
  private static final Object LOCK = new Object();
  /** PostgreSQL advisory lock key: "gospubl" as a number. */
  private static final long ADVISORY_LOCK = 0x676f737075626cL;

  private Migrations() {}

  /** Applies the scripts {@code dataSource}'s database lacks. */
  public static void apply(DataSource dataSource, Dialect dialect) {
    synchronized (LOCK) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        try {
          if (dialect == Dialect.POSTGRESQL) {
            try (Statement lock = connection.createStatement()) {
              lock.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK + ")");
            }
          }
          try (Statement create = connection.createStatement()) {
            create.execute("CREATE TABLE IF NOT EXISTS gp_schema_version (version INTEGER NOT NULL PRIMARY KEY,"
                + " script VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
          }
          int current = currentVersion(connection);
          for (int i = 0; i < SCRIPTS.size(); i++) {
            int version = i + 1;
            if (version <= current) continue;
            String script = SCRIPTS.get(i);
            for (String sql : statements(read(dialect.resource(script)))) {
              try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
              }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO gp_schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
              insert.setInt(1, version);
              insert.setString(2, script);
              Jdbc.setInstant(insert, 3, Instant.now());
              insert.executeUpdate();
            }
          }
          connection.commit();
        } catch (SQLException e) {
          connection.rollback();
          // Another process recorded the same version first: the schema is there.
          if (!Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) throw e;
        } finally {
          connection.setAutoCommit(true);
        }
      } catch (SQLException e) {
        throw Jdbc.failure("could not bring the store's schema up to date", e);
      }
    }
  }

  /** The schema version recorded, 0 for a new database. */
  public static int currentVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM gp_schema_version")) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }

  static String read(String resource) {
    try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
      if (in == null) throw new StoreException("schema script missing from the jar: " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StoreException("schema script unreadable: " + resource, e);
    }
  }

  /** The script's statements: {@code --} comments dropped, split at a {@code ;} that ends a line. */
  static List<String> statements(String script) {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) continue;
      if (trimmed.endsWith(";")) {
        current.append(trimmed, 0, trimmed.length() - 1);
        result.add(current.toString());
        current.setLength(0);
      } else {
        current.append(trimmed).append('\n');
      }
    }
    if (current.length() > 0) result.add(current.toString().strip());
    return result;
  }
}
