package ru.gospubliki.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGConnectionPoolDataSource;
import ru.gospubliki.store.JdbcStore;
import ru.gospubliki.store.Store;
import ru.gospubliki.store.StoreException;

/**
 * Where the tool remembers things between runs ({@code --store URL|PATH|none}): a JDBC URL
 * ({@code jdbc:postgresql:...}, {@code jdbc:h2:...}), a directory holding an embedded H2 database,
 * or {@code none}. Default: the H2 database in {@code ~/.gospubliki/} ({@code GOSPUBLIKI_HOME} if
 * set); {@code --sandbox} runs use a temporary one. Database credentials come only from {@code
 * GOSPUBLIKI_DB_USER} and {@code GOSPUBLIKI_DB_PASSWORD}: never in the URL, never printed.
 */
final class StoreOption implements AutoCloseable {
  static final String FILE_NAME = "gospubliki";
  /** Remembers nothing; the placeholder until {@code --store} is read. */
  static final StoreOption NONE = new StoreOption("без хранилища", null, null, false, new Properties());

  /** What the user asked for, as said back to them (never a password). */
  final String description;
  private final @Nullable String url;
  private final @Nullable Path databaseFile;
  /** A sandbox run's store: a database in a temporary folder made by {@link #open}, gone at {@link #close}. */
  private final boolean temporary;
  private final Properties credentials;
  private @Nullable Path temporaryFolder;
  private @Nullable SingleConnection connection;
  private @Nullable JdbcConnectionPool pool;

  private StoreOption(String description, @Nullable String url, @Nullable Path databaseFile, boolean temporary,
      Properties credentials) {
    this.description = description;
    this.url = url;
    this.databaseFile = databaseFile;
    this.temporary = temporary;
    this.credentials = credentials;
  }

  /** The help lines of {@code --store}, for every command that takes it. */
  static final String USAGE = String.join("\n",
      "  --store           где хранить проверки, снимки страниц и журнал публикаций между запусками:",
      "                    адрес jdbc:postgresql:... или jdbc:h2:..., папка (база H2 в ней) или none;",
      "                    по умолчанию ~/.gospubliki (или папка из GOSPUBLIKI_HOME); с --sandbox — временное",
      "                    хранилище. Пользователь и пароль базы — только в GOSPUBLIKI_DB_USER, GOSPUBLIKI_DB_PASSWORD");

  /** Reads {@code --store} and the environment; nothing is created and no database is touched yet. */
  static StoreOption parse(@Nullable String value, Map<String, String> env, boolean sandbox) throws UsageException {
    Properties credentials = new Properties();
    String user = env.get("GOSPUBLIKI_DB_USER");
    String password = env.get("GOSPUBLIKI_DB_PASSWORD");
    if (user != null && !user.isBlank()) credentials.setProperty("user", user.trim());
    if (password != null && !password.isEmpty()) credentials.setProperty("password", password);
    if (value == null) {
      if (sandbox) return new StoreOption("временное хранилище песочницы", null, null, true, credentials);
      String home = env.get("GOSPUBLIKI_HOME");
      Path dir;
      try {
        dir = home != null && !home.isBlank() ? Path.of(home.trim()) : Path.of(System.getProperty("user.home"), ".gospubliki");
      } catch (InvalidPathException e) {
        throw new UsageException("GOSPUBLIKI_HOME: «" + home + "» — не имя папки");
      }
      return directory(dir, credentials);
    }
    if (value.equals("none")) return new StoreOption("без хранилища", null, null, false, credentials);
    if (value.regionMatches(true, 0, "jdbc:", 0, 5)) {
      String lower = value.toLowerCase(Locale.ROOT);
      if (!lower.startsWith("jdbc:postgresql:") && !lower.startsWith("jdbc:h2:")) {
        throw new UsageException("--store: поддерживаются jdbc:postgresql: и jdbc:h2:, а не «" + scrub(value) + "»");
      }
      if (lower.matches(".*[?&;](user|password)=.*") || lower.matches("jdbc:postgresql://[^/]*@.*")) {
        throw new UsageException("--store: не указывайте имя пользователя и пароль в адресе базы данных: "
            + "задайте их в переменных окружения GOSPUBLIKI_DB_USER и GOSPUBLIKI_DB_PASSWORD");
      }
      return new StoreOption(scrub(value), value, h2File(value), false, credentials);
    }
    try {
      return directory(Path.of(value), credentials);
    } catch (InvalidPathException e) {
      throw new UsageException("--store: «" + value + "» — не адрес jdbc:, не папка и не none");
    }
  }

  private static StoreOption directory(Path dir, Properties credentials) throws UsageException {
    // The folder, or the nearest of its parents that exists (the folder is made when first used).
    for (Path existing = dir.toAbsolutePath(); existing != null; existing = existing.getParent()) {
      if (!Files.exists(existing)) continue;
      if (!Files.isDirectory(existing)) {
        throw new UsageException("--store: «" + existing + "» — файл, а нужна папка (или адрес jdbc:, или none)");
      }
      break;
    }
    String url = h2(dir);
    return new StoreOption(dir.toString(), url, h2File(url), false, credentials);
  }

  /** An H2 file database in {@code dir}; several processes may open it at once (H2's automatic mixed mode). */
  private static String h2(Path dir) {
    return "jdbc:h2:file:" + dir.toAbsolutePath().resolve(FILE_NAME) + ";AUTO_SERVER=TRUE";
  }

  /** The file an H2 file database keeps its data in ({@code NAME.mv.db}), or null for any other store. */
  private static @Nullable Path h2File(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    String name;
    if (lower.startsWith("jdbc:h2:file:")) {
      name = url.substring("jdbc:h2:file:".length());
    } else if (lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:") && !lower.startsWith("jdbc:h2:tcp:")
        && !lower.startsWith("jdbc:h2:ssl:") && !lower.startsWith("jdbc:h2:zip:")) {
      name = url.substring("jdbc:h2:".length());
    } else {
      return null;
    }
    int options = name.indexOf(';');
    if (options >= 0) name = name.substring(0, options);
    if (name.startsWith("~/")) name = System.getProperty("user.home") + name.substring(1);
    try {
      return Path.of(name + ".mv.db");
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /**
   * The file this store keeps its data in, when it is a file of this machine (an H2 database): an
   * input of the commands that read the store, so no report may be written over it.
   */
  @Nullable Path databaseFile() {
    return databaseFile;
  }

  /**
   * Opens the store: a database, or memory for {@code none}.
   *
   * @throws StoreException when the database cannot be reached or its schema updated; {@link
   *     #reason} says why in Russian.
   */
  Store open() {
    String jdbcUrl = prepare();
    if (jdbcUrl == null) return Store.inMemory();
    SingleConnection single = new SingleConnection(jdbcUrl, credentials);
    connection = single;
    return JdbcStore.builder(single).build();
  }

  /**
   * Opens the store for a service that answers many requests at once ({@code serve}): a pool of
   * up to {@code connections} connections (H2's own pool, over the PostgreSQL driver's pooled
   * connections for a PostgreSQL store), so that requests do not queue behind one connection.
   *
   * @throws StoreException as {@link #open()}.
   */
  Store openPooled(int connections) {
    String jdbcUrl = prepare();
    if (jdbcUrl == null) return Store.inMemory();
    JdbcConnectionPool created;
    if (jdbcUrl.regionMatches(true, 0, "jdbc:postgresql:", 0, 16)) {
      PGConnectionPoolDataSource postgres = new PGConnectionPoolDataSource();
      try {
        postgres.setURL(jdbcUrl);
      } catch (IllegalArgumentException e) {
        throw new StoreException("адрес базы данных не разобран", e);
      }
      String user = credentials.getProperty("user");
      String password = credentials.getProperty("password");
      if (user != null) postgres.setUser(user);
      if (password != null) postgres.setPassword(password);
      created = JdbcConnectionPool.create(postgres);
    } else {
      created = JdbcConnectionPool.create(jdbcUrl, credentials.getProperty("user", ""),
          credentials.getProperty("password", ""));
    }
    created.setMaxConnections(connections);
    pool = created;
    try {
      return JdbcStore.builder(created).build();
    } catch (StoreException e) {
      created.dispose();
      pool = null;
      throw e;
    }
  }

  /** The JDBC URL to open, its folder made (a temporary one for the sandbox); null for {@code none}. */
  private @Nullable String prepare() {
    String jdbcUrl = url;
    if (temporary) {
      try {
        Path folder = Files.createTempDirectory("gospubliki-sandbox-store");
        temporaryFolder = folder;
        jdbcUrl = h2(folder);
      } catch (IOException e) {
        throw new StoreException("не удалось создать временную папку: " + ReportFile.reason(e), e);
      }
    }
    if (jdbcUrl == null) return null;
    Path file = databaseFile;
    Path folder = file == null ? null : file.toAbsolutePath().getParent();
    if (folder != null) {
      try {
        Files.createDirectories(folder);
      } catch (IOException e) {
        throw new StoreException("не удалось создать папку «" + folder + "»: " + ReportFile.reason(e), e);
      }
    }
    return jdbcUrl;
  }

  @Override
  public void close() {
    SingleConnection single = connection;
    if (single != null) single.closeReally();
    JdbcConnectionPool shared = pool;
    if (shared != null) shared.dispose();
    Path dir = temporaryFolder;
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException ignored) {
        // A temporary folder left behind is harmless.
      }
    }
  }

  /**
   * Why the store failed, in Russian, for the one line a person reads: the database's own message
   * is English (and may quote the URL). The SQLSTATE, when there is one, stays for an administrator.
   */
  static String reason(RuntimeException e) {
    SQLException sql = null;
    for (Throwable cause = e; cause != null && sql == null; cause = cause.getCause()) {
      if (cause instanceof SQLException found) sql = found;
    }
    if (sql == null) {
      // The tool's own failures (a folder it could not create) are Russian already.
      String message = e.getMessage();
      if (message != null && message.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC)) {
        return message;
      }
      if (message != null && message.contains("schema is older")) {
        return "схема базы данных старее этой версии программы, а обновлять её запрещено";
      }
      if (message != null && message.contains("unsupported database")) {
        return "база данных не H2 и не PostgreSQL";
      }
      return "ошибка хранилища (" + e.getClass().getSimpleName() + ")";
    }
    String state = sql.getSQLState();
    String code = state == null ? "" : " (SQLSTATE " + state + ")";
    if (state == null) return "ошибка базы данных (" + sql.getClass().getSimpleName() + ")";
    if (state.startsWith("08")) return "нет соединения с базой данных" + code;
    if (state.startsWith("28")) {
      return "база данных не приняла имя пользователя или пароль (GOSPUBLIKI_DB_USER, GOSPUBLIKI_DB_PASSWORD)" + code;
    }
    if (state.startsWith("3D")) return "такой базы данных нет" + code;
    if (state.startsWith("42")) return "в базе данных нет нужных таблиц или прав на них" + code;
    if (state.startsWith("53")) return "у сервера базы данных кончились ресурсы (место, память, соединения)" + code;
    if (state.startsWith("57")) return "сервер базы данных остановлен или прервал запрос" + code;
    if (state.equals("90020") || state.equals("HYT00")) return "база данных занята другой программой" + code;
    return "ошибка базы данных" + code;
  }

  /** The URL with any query string dropped: it may name parameters the user would rather not see printed. */
  private static String scrub(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  /**
   * One connection for the whole run, reopened if it breaks: the tool runs one command on one
   * thread, and H2 closes a file database when its last connection closes.
   */
  static final class SingleConnection implements DataSource {
    private final String url;
    private final Properties credentials;
    private @Nullable Connection connection;

    SingleConnection(String url, Properties credentials) {
      this.url = url;
      this.credentials = credentials;
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
      Connection current = connection;
      if (current == null || current.isClosed() || !current.isValid(2)) {
        if (current != null) closeQuietly(current);
        current = DriverManager.getConnection(url, credentials);
        connection = current;
      }
      Connection shared = current;
      InvocationHandler handler = (proxy, method, args) -> {
        if (method.getName().equals("close")) {
          if (!shared.isClosed() && !shared.getAutoCommit()) shared.setAutoCommit(true);
          return null;
        }
        try {
          return method.invoke(shared, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      };
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      throw new SQLFeatureNotSupportedException("credentials come from the environment");
    }

    synchronized void closeReally() {
      Connection current = connection;
      if (current != null) closeQuietly(current);
      connection = null;
    }

    private static void closeQuietly(Connection connection) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // Already broken.
      }
    }

    @Override public @Nullable PrintWriter getLogWriter() { return null; }
    @Override public void setLogWriter(@Nullable PrintWriter out) {}
    @Override public void setLoginTimeout(int seconds) {}
    @Override public int getLoginTimeout() { return 0; }
    @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }
    @Override public <T> T unwrap(Class<T> type) throws SQLException { throw new SQLException("not a wrapper"); }
    @Override public boolean isWrapperFor(Class<?> type) { return false; }
  }
}
