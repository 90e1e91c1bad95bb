package ru.gospubliki.store;

import java.io.InputStream;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Tables of your own in the store's database, versioned like the store's, so that one database and
 * one migration step serve both: a module that keeps something next to the SDK's memory (the MAX
 * adapter's channel directory, {@code JdbcChannelDirectory.SCHEMA}) ships plain SQL scripts for H2
 * and PostgreSQL, and {@link JdbcStore.Builder#addSchema} applies them with the store's own: the
 * scripts a database lacks, once each, in order, recorded in the schema's own version table, under
 * the same lock (two processes starting on a new database at once both succeed).
 *
 * <pre>{@code
 * StoreSchema news = StoreSchema.builder()
 *     .location("com/example/portal/store")   // h2/ and postgresql/ below it, as for the store
 *     .versionTable("portal_schema_version")
 *     .addScripts("V1__portal_news.sql", "V2__portal_news_author.sql")
 *     .resources(name -> NewsStore.class.getResourceAsStream(name))
 *     .build();
 * JdbcStore store = JdbcStore.builder(dataSource).addSchema(news).build();
 * }</pre>
 *
 * <p>{@link #resources()} is the owning module's own code because on the module path a module
 * reads only its own resources. A schema managed by Flyway instead is applied by a second Flyway
 * over {@code classpath:com/example/portal/store/postgresql} with a history table of its own (the
 * scripts are numbered from {@code V1} like the store's).
 */
@Value.Immutable
public abstract class StoreSchema {
  private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  private static final Pattern LOCATION = Pattern.compile("[A-Za-z0-9_$]+(/[A-Za-z0-9_$]+)*");

  StoreSchema() {}

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The classpath folder of the scripts, without a leading slash: the scripts for H2 are in its
   * {@code h2/} folder, those for PostgreSQL in {@code postgresql/}, under the same names.
   */
  public abstract String location();

  /**
   * The table that records which scripts were applied (version, script name, time); one per
   * schema, never the store's own {@code gp_schema_version}.
   */
  public abstract String versionTable();

  /** The scripts, oldest first; the n-th is named {@code V<n>__<name>.sql}. */
  public abstract List<String> scripts();

  /**
   * Opens a script by its absolute resource name ({@code /<location>/h2/V1__name.sql}); null when
   * there is none. Usually {@code name -> AClassOfTheModule.class.getResourceAsStream(name)}.
   */
  @Value.Auxiliary
  public abstract Function<String, @Nullable InputStream> resources();

  @Value.Check
  void check() {
    if (!LOCATION.matcher(location()).matches()) {
      throw new IllegalArgumentException("location must be a classpath folder such as com/example/store: \""
          + location() + "\"");
    }
    if (!TABLE.matcher(versionTable()).matches()) {
      throw new IllegalArgumentException("versionTable must be a lowercase SQL name: \"" + versionTable() + "\"");
    }
    if (scripts().isEmpty()) throw new IllegalArgumentException("scripts is empty");
    for (int i = 0; i < scripts().size(); i++) {
      String script = scripts().get(i);
      String prefix = "V" + (i + 1) + "__";
      if (!script.startsWith(prefix) || !script.endsWith(".sql") || script.length() <= prefix.length() + 4
          || script.contains("/")) {
        throw new IllegalArgumentException("scripts[" + i + "] must be named " + prefix + "<name>.sql: \"" + script + "\"");
      }
    }
  }

  @Override
  public String toString() {
    return "StoreSchema{" + location() + ", " + versionTable() + ", " + scripts() + "}";
  }

  /** Builds {@link StoreSchema} values. */
  public static final class Builder extends ImmutableStoreSchema.Builder {
    Builder() {}
  }
}
