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
import org.jspecify.annotations.Nullable;
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
  static final StoreOption NONE = new StoreOption("без хранилища", null, null, new Properties());

  /** What the user asked for, as said back to them (never a password). */
  final String description;
  private final @Nullable String url;
  private final @Nullable Path temporary;
  private final Properties credentials;
  private @Nullable SingleConnection connection;

  private StoreOption(String description, @Nullable String url, @Nullable Path temporary, Properties credentials) {
    this.description = description;
    this.url = url;
    this.temporary = temporary;
    this.credentials = credentials;
  }

  /** Reads {@code --store} and the environment; no database is touched yet. */
  static StoreOption parse(@Nullable String value, Map<String, String> env, boolean sandbox) throws UsageException {
    Properties credentials = new Properties();
    String user = env.get("GOSPUBLIKI_DB_USER");
    String password = env.get("GOSPUBLIKI_DB_PASSWORD");
    if (user != null && !user.isBlank()) credentials.setProperty("user", user.trim());
    if (password != null && !password.isEmpty()) credentials.setProperty("password", password);
    if (value == null) {
      if (sandbox) {
        try {
          Path dir = Files.createTempDirectory("gospubliki-sandbox-store");
          return new StoreOption("временное хранилище песочницы", h2(dir), dir, credentials);
        } catch (IOException e) {
          throw new UsageException("не удалось создать временное хранилище: " + e.getMessage());
        }
      }
      String home = env.get("GOSPUBLIKI_HOME");
      Path dir = home != null && !home.isBlank() ? Path.of(home.trim())
          : Path.of(System.getProperty("user.home"), ".gospubliki");
      return directory(dir, credentials);
    }
    if (value.equals("none")) return new StoreOption("без хранилища", null, null, credentials);
    if (value.regionMatches(true, 0, "jdbc:", 0, 5)) {
      String lower = value.toLowerCase(Locale.ROOT);
      if (!lower.startsWith("jdbc:postgresql:") && !lower.startsWith("jdbc:h2:")) {
        throw new UsageException("--store: поддерживаются jdbc:postgresql: и jdbc:h2:, а не «" + scrub(value) + "»");
      }
      if (lower.matches(".*[?&;](user|password)=.*") || lower.matches("jdbc:postgresql://[^/]*@.*")) {
        throw new UsageException("--store: не указывайте имя пользователя и пароль в адресе базы данных: "
            + "задайте их в переменных окружения GOSPUBLIKI_DB_USER и GOSPUBLIKI_DB_PASSWORD");
      }
      return new StoreOption(scrub(value), value, null, credentials);
    }
    try {
      return directory(Path.of(value), credentials);
    } catch (InvalidPathException e) {
      throw new UsageException("--store: «" + value + "» — не адрес jdbc:, не папка и не none");
    }
  }

  private static StoreOption directory(Path dir, Properties credentials) throws UsageException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UsageException("--store: «" + dir + "» — файл, а нужна папка (или адрес jdbc:, или none)");
    }
    return new StoreOption(dir.toString(), h2(dir), null, credentials);
  }

  /** An H2 file database in {@code dir}; several processes may open it at once (H2's automatic mixed mode). */
  private static String h2(Path dir) {
    return "jdbc:h2:file:" + dir.toAbsolutePath().resolve(FILE_NAME) + ";AUTO_SERVER=TRUE";
  }

  /** True for {@code --store none}: nothing is kept after the run. */
  boolean none() {
    return url == null;
  }

  /**
   * Opens the store: a database, or memory for {@code none}.
   *
   * @throws StoreException when the database cannot be reached or its schema updated.
   */
  Store open() {
    String jdbcUrl = url;
    if (jdbcUrl == null) return Store.inMemory();
    if (jdbcUrl.startsWith("jdbc:h2:file:")) {
      try {
        Files.createDirectories(Path.of(jdbcUrl.substring("jdbc:h2:file:".length(), jdbcUrl.indexOf(';'))).getParent());
      } catch (IOException e) {
        throw new StoreException("could not create the folder " + description + ": " + e.getMessage(), e);
      }
    }
    SingleConnection single = new SingleConnection(jdbcUrl, credentials);
    connection = single;
    return JdbcStore.builder(single).build();
  }

  @Override
  public void close() {
    SingleConnection single = connection;
    if (single != null) single.closeReally();
    Path dir = temporary;
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException ignored) {
        // A temporary folder left behind is harmless.
      }
    }
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
