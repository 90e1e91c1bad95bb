package ru.gospubliki.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import ru.gospubliki.store.StoreException;

/** What differs between the databases the store supports: the schema scripts and upserts. */
public enum Dialect {
  H2("h2",
      "MERGE INTO gp_page_snapshot (platform, page_id, taken_at, mark, mark_last_seen, snapshot)"
          + " KEY (platform, page_id) VALUES (?, ?, ?, ?, ?, ?)"),
  POSTGRESQL("postgresql",
      "INSERT INTO gp_page_snapshot (platform, page_id, taken_at, mark, mark_last_seen, snapshot)"
          + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (platform, page_id) DO UPDATE SET taken_at = EXCLUDED.taken_at,"
          + " mark = EXCLUDED.mark, mark_last_seen = EXCLUDED.mark_last_seen, snapshot = EXCLUDED.snapshot");

  /** The folder of this database's schema scripts under {@code ru/gospubliki/store/}. */
  final String folder;
  final String upsertSnapshot;

  Dialect(String folder, String upsertSnapshot) {
    this.folder = folder;
    this.upsertSnapshot = upsertSnapshot;
  }

  /** The dialect of the database behind {@code connection}. */
  public static Dialect of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (name.contains("h2")) return H2;
    if (name.contains("postgresql")) return POSTGRESQL;
    throw new StoreException("unsupported database \"" + product + "\": the store supports H2 and PostgreSQL");
  }

  /** The classpath resource of schema script {@code script}, e.g. {@code V1__gospubliki_store.sql}. */
  public String resource(String script) {
    return "/ru/gospubliki/store/" + folder + "/" + script;
  }
}
