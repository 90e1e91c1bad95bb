package ru.gospubliki.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Another module's tables in the store's database: checked names, applied in order by the store's migration step. */
final class StoreSchemaTest {
  static StoreSchema.Builder news() {
    return StoreSchema.builder().location("ru/gospubliki/store/testschema").versionTable("portal_schema_version")
        .resources(name -> StoreSchemaTest.class.getResourceAsStream(name));
  }

  @Test
  void namesAreCheckedWhenBuilt() {
    assertThatThrownBy(() -> news().location("/ru/x").addScripts("V1__a.sql").build())
        .hasMessageContaining("location").hasMessageContaining("/ru/x");
    assertThatThrownBy(() -> news().versionTable("Portal; DROP TABLE x").addScripts("V1__a.sql").build())
        .hasMessageContaining("versionTable");
    assertThatThrownBy(() -> news().build()).hasMessageContaining("scripts is empty");
    assertThatThrownBy(() -> news().addScripts("V1__a.sql", "V3__c.sql").build())
        .hasMessage("scripts[1] must be named V2__<name>.sql: \"V3__c.sql\"");
    assertThatThrownBy(() -> JdbcStore.builder(Databases.h2()).addSchema(news().versionTable("gp_schema_version")
        .addScripts("V1__portal_news.sql").build())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gp_schema_version is taken");
  }

  @Test
  void aSchemaIsAppliedWithTheStoresAndBroughtUpToDateLater() throws SQLException {
    DataSource dataSource = Databases.h2();
    JdbcStore.builder(dataSource).addSchema(news().addScripts("V1__portal_news.sql").build()).build();
    StoreSchema v2 = news().addScripts("V1__portal_news.sql", "V2__portal_news_author.sql").build();
    assertThatThrownBy(() -> JdbcStore.builder(dataSource).migrate(false).addSchema(v2).build())
        .isInstanceOf(StoreException.class).hasMessageContaining("apply V2__portal_news_author.sql from "
            + "ru/gospubliki/store/testschema/h2");

    JdbcStore.builder(dataSource).addSchema(v2).build();
    JdbcStore.builder(dataSource).migrate(false).addSchema(v2).build();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO portal_news (id, title, author) VALUES (1, 'Новость', 'Мария')");
      try (ResultSet rows = statement.executeQuery("SELECT version FROM portal_schema_version ORDER BY version")) {
        List<Integer> versions = new java.util.ArrayList<>();
        while (rows.next()) versions.add(rows.getInt(1));
        assertThat(versions).containsExactly(1, 2);
      }
    }
  }

  @Test
  void aScriptMissingFromTheJarIsNamed() {
    StoreSchema missing = news().addScripts("V1__not_shipped.sql").build();
    assertThatThrownBy(() -> JdbcStore.builder(Databases.h2()).addSchema(missing).build())
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("/ru/gospubliki/store/testschema/h2/V1__not_shipped.sql");
  }
}
