package ru.gospubliki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import ru.gospubliki.examples.sandbox.Sandbox;

/** Runs the tool in-process and keeps what it printed: one instance per command. */
final class Cli {
  /** The sample district's administration on VK: a compliant community the tests post to. */
  static final String VK_PAGE = "https://vk.com/zarechny_adm";
  static final long VK_GROUP_ID = 218400101L;
  /** The same administration on OK. */
  static final String OK_PAGE = "https://ok.ru/group/53350000000101";
  /** The same administration's MAX channel. */
  static final String MAX_PAGE = "https://max.ru/zarechny_adm";
  static final long MAX_CHAT_ID = -70000000000101L;

  private static final JsonAdapter<Map<String, Object>> JSON =
      new Moshi.Builder().build().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  final String[] args;
  final int exit;
  final byte[] outBytes;
  final String out;
  final String err;

  private Cli(String[] args, int exit, byte[] outBytes, String err) {
    this.args = args;
    this.exit = exit;
    this.outBytes = outBytes;
    this.out = new String(outBytes, StandardCharsets.UTF_8);
    this.err = err;
  }

  /**
   * Runs the tool with {@code env}. An env without {@code GOSPUBLIKI_HOME} gets a fresh one: no test
   * ever reads or writes the user's {@code ~/.gospubliki}.
   */
  static Cli run(Map<String, String> env, String... args) {
    if (!env.containsKey("GOSPUBLIKI_HOME")) {
      Map<String, String> withHome = new HashMap<>(env);
      withHome.put("GOSPUBLIKI_HOME", freshHome());
      env = withHome;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Gospubliki.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new CountDownLatch(0));
    return new Cli(args, exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs with no credentials and a store of its own (never the user's {@code ~/.gospubliki}). */
  static Cli run(String... args) {
    return run(Map.of(), args);
  }

  /**
   * Runs {@code command} against {@code sandbox}: with its credentials, its API addresses and a
   * store of this run's own.
   */
  static Cli against(Sandbox sandbox, String command, String... args) {
    List<String> full = new ArrayList<>(List.of(command));
    full.addAll(List.of(args));
    full.addAll(List.of("--vk-api-url", sandbox.vkApiUrl(), "--ok-api-url", sandbox.okApiUrl(),
        "--max-api-url", sandbox.maxApiUrl()));
    return run(env(sandbox), full.toArray(new String[0]));
  }

  /**
   * The sandbox's credentials as the environment variables the tool reads, and a store of this
   * environment's own: commands run with one env share it, as one user's runs share ~/.gospubliki.
   */
  static Map<String, String> env(Sandbox sandbox) {
    return Map.of("VK_SERVICE_TOKEN", sandbox.vkServiceToken(), "VK_USER_TOKEN", sandbox.vkUserToken(),
        "OK_APPLICATION_KEY", sandbox.okApplicationKey(),
        "OK_APPLICATION_SECRET_KEY", sandbox.okApplicationSecretKey(), "OK_ACCESS_TOKEN", sandbox.okAccessToken(),
        "MAX_BOT_TOKEN", sandbox.maxBotToken(), "GOSPUBLIKI_HOME", freshHome());
  }

  /** A new empty folder for a tool's store, removed with everything in it when the tests end. */
  static String freshHome() {
    try {
      Path home = Files.createTempDirectory("gospubliki-home");
      HOMES.add(home);
      return home.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final List<Path> HOMES = new CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      for (Path home : HOMES) {
        try (Stream<Path> files = Files.walk(home)) {
          files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
          // A temporary folder left behind is harmless.
        }
      }
    }, "gospubliki-test-homes"));
  }

  static Map<String, Object> json(String text) {
    try {
      Map<String, Object> value = JSON.fromJson(text);
      if (value == null) throw new AssertionError("null JSON: " + text);
      return value;
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  /** What this run said to a person: stderr, and stdout (for {@code post}, each target's error). */
  String said() {
    StringBuilder text = new StringBuilder(err);
    if (out.startsWith("{\"page\"")) {
      for (Map<String, Object> line : jsonLines()) {
        Object error = line.get("error");
        if (error != null) text.append('\n').append(error);
      }
    } else {
      text.append('\n').append(out);
    }
    return text.toString();
  }

  /** This run's one line on stderr: in Russian, naming {@code command}, with no trace of Java. */
  String oneRussianLine(String command) {
    List<String> lines = err.lines().toList();
    assertThat(lines).as(toString()).hasSize(1);
    String line = lines.get(0);
    assertThat(line).startsWith("gospubliki " + command + ": ").matches(".*[А-Яа-яЁё]{4,}.*")
        .doesNotContain("Exception").doesNotContain("at ru.").doesNotContain("java.")
        .doesNotContainPattern("\\p{Cntrl}");
    assertThat(RussianText.english(said())).as(toString()).isEmpty();
    return line;
  }

  /** This run refused its input: exit 2, nothing on stdout, and one Russian line on stderr, returned. */
  String usageError(String command) {
    assertThat(exit).as(toString()).isEqualTo(2);
    assertThat(out).as(toString()).isEmpty();
    return oneRussianLine(command);
  }

  /** The command this run ran ({@code audit}, {@code post}...). */
  String command() {
    return args.length == 0 ? "" : args[0];
  }

  Map<String, Object> json() {
    return json(out);
  }

  /** Every stdout line parsed as one JSON object (the {@code post} command's output). */
  List<Map<String, Object>> jsonLines() {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) lines.add(json(line));
    }
    return lines;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  @Override
  public String toString() {
    return String.join(" ", args) + "\nexit " + exit + "\n--- out:\n" + out + "\n--- err:\n" + err;
  }
}
