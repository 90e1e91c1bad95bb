package ru.gospubliki.store;

import javax.sql.DataSource;

/** The store's contract on a real PostgreSQL 17, started inside the test run. */
final class PostgresStoreTest extends StoreContractTest {
  @Override
  DataSource newDatabase() {
    return Databases.postgres();
  }
}
