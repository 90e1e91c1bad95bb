package ru.gospubliki.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import ru.gospubliki.audit.AuditHistory;
import ru.gospubliki.audit.SnapshotStore;
import ru.gospubliki.internal.store.Dialect;
import ru.gospubliki.internal.store.JdbcHistory;
import ru.gospubliki.internal.store.JdbcJournal;
import ru.gospubliki.internal.store.JdbcSnapshots;
import ru.gospubliki.internal.store.Migrations;
import ru.gospubliki.publish.PublishJournal;

/**
 * The SDK's memory in your database: H2 (embedded, as the reference tool uses it) or PostgreSQL,
 * through any {@link DataSource} you give it (your pool, your credentials). Needs nothing beyond
 * {@code java.sql} and the database's own JDBC driver.
 *
 * <pre>{@code
 * PGSimpleDataSource dataSource = new PGSimpleDataSource();
 * dataSource.setURL("jdbc:postgresql://db.example.ru/gospubliki");
 * JdbcStore store = JdbcStore.builder(dataSource).build(); // creates or updates its tables
 * }</pre>
 *
 * <p><b>Schema.</b> {@link Builder#build()} brings the schema up to date by itself: plain SQL scripts
 * shipped in this jar, {@code ru/gospubliki/store/postgresql/V1__gospubliki_store.sql} and {@code
 * V2__gospubliki_publish_request.sql} and {@code V3__audit_fidelity.sql} (resolved page ids, score
 * basis, registry warnings) beside it (the same names under {@code ru/gospubliki/store/h2/} for H2),
 * applied once each, in order, and recorded in table
 * {@code gp_schema_version}. Tables are named {@code gp_*}. If your schema is managed by Flyway,
 * add {@code classpath:ru/gospubliki/store/postgresql} to its locations (the scripts follow
 * Flyway's {@code V<n>__name.sql} naming); with Liquibase, include the same files with {@code
 * <sqlFile path="ru/gospubliki/store/postgresql/V1__gospubliki_store.sql"/>} and then the later ones in
 * order; then build the store with {@link Builder#migrate(boolean) migrate(false)}. Future versions add
 * {@code V4__...} scripts.
 *
 * <p>Thread-safe; every operation takes a connection from the data source and gives it back. Many
 * processes may share one database: claims in the publish journal are atomic across them.
 */
public final class JdbcStore implements Store {
  private final SnapshotStore snapshots;
  private final AuditHistory audits;
  private final PublishJournal journal;

  private JdbcStore(DataSource dataSource, Dialect dialect) {
    this.snapshots = new JdbcSnapshots(dataSource, dialect);
    this.audits = new JdbcHistory(dataSource);
    this.journal = new JdbcJournal(dataSource);
  }

  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  @Override
  public SnapshotStore snapshots() {
    return snapshots;
  }

  @Override
  public AuditHistory audits() {
    return audits;
  }

  @Override
  public PublishJournal journal() {
    return journal;
  }

  /** Builds a {@link JdbcStore}. */
  public static final class Builder {
    private final DataSource dataSource;
    private boolean migrate = true;

    Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Whether {@link #build()} applies the schema scripts the database lacks; true by default. Set
     * false when Flyway or Liquibase applies them: {@code build()} then checks that they were.
     */
    public Builder migrate(boolean migrate) {
      this.migrate = migrate;
      return this;
    }

    /**
     * Connects once to learn the database (H2 or PostgreSQL) and brings its schema up to date.
     *
     * @throws StoreException when the database cannot be reached, is neither H2 nor PostgreSQL,
     *     or (with {@code migrate(false)}) lacks the store's tables.
     */
    public JdbcStore build() {
      Dialect dialect;
      try (Connection connection = dataSource.getConnection()) {
        dialect = Dialect.of(connection);
      } catch (SQLException e) {
        throw new StoreException("could not connect to the store's database: " + e.getMessage(), e);
      }
      if (migrate) {
        Migrations.apply(dataSource, dialect);
      } else {
        try (Connection connection = dataSource.getConnection()) {
          if (Migrations.currentVersion(connection) < Migrations.SCRIPTS.size()) {
            throw new StoreException("the store's schema is older than this SDK: apply "
                + String.join(", ", Migrations.SCRIPTS) + " or build with migrate(true)");
          }
        } catch (SQLException e) {
          throw new StoreException("the store's tables are missing (gp_schema_version): apply "
              + dialect.resource(Migrations.SCRIPTS.get(0)) + " or build with migrate(true)", e);
        }
      }
      return new JdbcStore(dataSource, dialect);
    }
  }
}
