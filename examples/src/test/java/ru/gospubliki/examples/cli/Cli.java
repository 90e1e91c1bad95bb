package ru.gospubliki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import ru.gospubliki.examples.sandbox.Sandbox;

/** Runs the tool in-process and keeps what it printed: one instance per command. */
final class Cli {
  /** The sample district's administration on VK: a compliant community the tests post to. */
  static final String VK_PAGE = "https://vk.com/zarechny_adm";
  static final long VK_GROUP_ID = 218400101L;
  /** The same administration on OK. */
  static final String OK_PAGE = "https://ok.ru/group/53350000000101";

  private static final JsonAdapter<Map<String, Object>> JSON =
      new Moshi.Builder().build().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  final int exit;
  final byte[] outBytes;
  final String out;
  final String err;

  private Cli(int exit, byte[] outBytes, String err) {
    this.exit = exit;
    this.outBytes = outBytes;
    this.out = new String(outBytes, StandardCharsets.UTF_8);
    this.err = err;
  }

  static Cli run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Gospubliki.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new CountDownLatch(0));
    return new Cli(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
  }

  static Cli run(String... args) {
    return run(Map.of(), args);
  }

  /** Runs {@code command} against {@code sandbox}: with its credentials and its API addresses. */
  static Cli against(Sandbox sandbox, String command, String... args) {
    List<String> full = new ArrayList<>(List.of(command));
    full.addAll(List.of(args));
    full.addAll(List.of("--vk-api-url", sandbox.vkApiUrl(), "--ok-api-url", sandbox.okApiUrl()));
    return run(env(sandbox), full.toArray(new String[0]));
  }

  /** The sandbox's credentials as the environment variables the tool reads. */
  static Map<String, String> env(Sandbox sandbox) {
    return Map.of("VK_SERVICE_TOKEN", sandbox.vkServiceToken(), "VK_USER_TOKEN", sandbox.vkUserToken(),
        "OK_APPLICATION_KEY", sandbox.okApplicationKey(),
        "OK_APPLICATION_SECRET_KEY", sandbox.okApplicationSecretKey(), "OK_ACCESS_TOKEN", sandbox.okAccessToken());
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
    return "exit " + exit + "\n--- out:\n" + out + "\n--- err:\n" + err;
  }
}
