package ru.gospubliki.store;

import javax.sql.DataSource;

/** The store's contract on H2, the reference tool's embedded database. */
final class H2StoreTest extends StoreContractTest {
  @Override
  DataSource newDatabase() {
    return Databases.h2();
  }
}
