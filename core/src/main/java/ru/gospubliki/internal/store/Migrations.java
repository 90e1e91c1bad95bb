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
import ru.gospubliki.store.StoreSchema;

/**
 * Brings a database's schemas to their current versions: for each {@link StoreSchema} (the store's
 * own first), the versioned scripts not yet applied, in order, each recorded in the schema's version
 * table. The scripts create only what is missing, so two processes starting on a new database at
 * once both succeed; on PostgreSQL an advisory lock also makes them take turns.
 */
public final class Migrations {
  /** The store's own schema: its tables {@code gp_*}, its versions in {@code gp_schema_version}. */
  public static final StoreSchema STORE = StoreSchema.builder()
      .location("ru/gospubliki/store")
      .versionTable("gp_schema_version")
      .addScripts("V1__gospubliki_store.sql", "V2__gospubliki_publish_request.sql", "V3__audit_fidelity.sql")
      .resources(Migrations.class::getResourceAsStream)
      .build();
  /** Serialises migrations within this process (several stores opened at once on one database). */
  private static final Object LOCK = new Object();
  /** PostgreSQL advisory lock key: "gospubl" as a number. */
  private static final long ADVISORY_LOCK = 0x676f737075626cL;

  private Migrations() {}

  /** Applies the scripts of {@code schemas} that {@code dataSource}'s database lacks, in one transaction. */
  public static void apply(DataSource dataSource, Dialect dialect, List<StoreSchema> schemas) {
    synchronized (LOCK) {
      // Another process may record a version first (H2 has no advisory lock): its step is then kept
      // and ours rolled back whole, other schemas' scripts included, so look again.
      for (int attempt = 1; !applyOnce(dataSource, dialect, schemas); attempt++) {
        if (attempt == 3) {
          throw new StoreException("could not bring the store's schema up to date: another process kept "
              + "changing it at the same time; try again");
        }
      }
    }
  }

  /** One attempt in one transaction: false when another process recorded one of the versions first. */
  private static boolean applyOnce(DataSource dataSource, Dialect dialect, List<StoreSchema> schemas) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        if (dialect == Dialect.POSTGRESQL) {
          try (Statement lock = connection.createStatement()) {
            lock.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK + ")");
          }
        }
        for (StoreSchema schema : schemas) apply(connection, dialect, schema);
        connection.commit();
        return true;
      } catch (StoreException e) {
        connection.rollback(); // a script missing from the jar: nothing of this step is kept
        throw e;
      } catch (SQLException e) {
        connection.rollback();
        if (!Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) throw e;
        return false;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw Jdbc.failure("could not bring the store's schema up to date", e);
    }
  }

  private static void apply(Connection connection, Dialect dialect, StoreSchema schema) throws SQLException {
    try (Statement create = connection.createStatement()) {
      create.execute("CREATE TABLE IF NOT EXISTS " + schema.versionTable() + " (version INTEGER NOT NULL PRIMARY KEY,"
          + " script VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
    }
    int current = currentVersion(connection, schema);
    List<String> scripts = schema.scripts();
    for (int i = current; i < scripts.size(); i++) {
      String script = scripts.get(i);
      for (String sql : statements(read(schema, resource(schema, dialect, script)))) {
        try (Statement statement = connection.createStatement()) {
          statement.execute(sql);
        }
      }
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO " + schema.versionTable() + " (version, script, applied_at) VALUES (?, ?, ?)")) {
        insert.setInt(1, i + 1);
        insert.setString(2, script);
        Jdbc.setInstant(insert, 3, Instant.now());
        insert.executeUpdate();
      }
    }
  }

  /**
   * Checks that every script of {@code schemas} was applied (by Flyway, Liquibase or a person).
   *
   * @throws StoreException naming what to apply when a schema is missing or older than this SDK.
   */
  public static void check(DataSource dataSource, Dialect dialect, List<StoreSchema> schemas) {
    for (StoreSchema schema : schemas) {
      int current;
      try (Connection connection = dataSource.getConnection()) {
        current = currentVersion(connection, schema);
      } catch (SQLException e) {
        throw new StoreException("the store's tables are missing (" + schema.versionTable() + "): apply "
            + resource(schema, dialect, schema.scripts().get(0)) + " or build with migrate(true)", e);
      }
      if (current < schema.scripts().size()) {
        throw new StoreException("the store's schema is older than this SDK: apply "
            + String.join(", ", schema.scripts().subList(current, schema.scripts().size())) + " from "
            + schema.location() + "/" + dialect.folder + " or build with migrate(true)");
      }
    }
  }

  /** The version of {@code schema} recorded, 0 for a new database. */
  static int currentVersion(Connection connection, StoreSchema schema) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM " + schema.versionTable())) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }

  /** The classpath resource of {@code script} of {@code schema} for the database of {@code dialect}. */
  public static String resource(StoreSchema schema, Dialect dialect, String script) {
    return "/" + schema.location() + "/" + dialect.folder + "/" + script;
  }

  static String read(StoreSchema schema, String resource) {
    try (InputStream in = schema.resources().apply(resource)) {
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
