package ru.gospubliki.examples.cli;

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

  /** The sandbox's credentials as the environment variables the tool reads. */
  static Map<String, String> env(Sandbox sandbox) {
    return Map.of("VK_SERVICE_TOKEN", sandbox.vkServiceToken(), "VK_USER_TOKEN", sandbox.vkUserToken(),
        "OK_APPLICATION_KEY", sandbox.okApplicationKey(),
        "OK_APPLICATION_SECRET_KEY", sandbox.okApplicationSecretKey(), "OK_ACCESS_TOKEN", sandbox.okAccessToken(),
        "MAX_BOT_TOKEN", sandbox.maxBotToken());
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
