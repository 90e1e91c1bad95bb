package ru.gospubliki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gospubliki serve} as a person and a service manager run it. */
class ServeEndToEndTest {
  static final OkHttpClient HTTP = new OkHttpClient();

  @Test
  void sandboxServesTheSampleDistrictPrintsItsUrlFirstAndStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path err = dir.resolve("err.txt");
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        Gospubliki.class.getName(), "serve", "--sandbox", "--port", "0")
        .redirectError(err.toFile());
    builder.environment().remove("GOSPUBLIKI_API_KEYS");
    builder.environment().put("GOSPUBLIKI_HOME", dir.resolve("home").toString());
    Process child = builder.start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String url = out.readLine();
      assertThat(url).matches("http://127\\.0\\.0\\.1:[0-9]+/");
      String keyLine = out.readLine();
      assertThat(keyLine).startsWith("Ключ API песочницы (все районы): sandbox-");
      String key = keyLine.substring(keyLine.lastIndexOf(' ') + 1);
      try (Response report = HTTP.newCall(new Request.Builder().url(url + "api/v1/reports/latest")
          .header("Authorization", "Bearer " + key).build()).execute()) {
        assertThat(report.code()).isEqualTo(200);
        assertThat(report.body().string()).contains("Заречный район", "gospubliki.audit/1");
      }
      try (Response page = HTTP.newCall(new Request.Builder().url(url).build()).execute()) {
        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body().string()).contains("Ключ API");
      }
      child.destroy(); // SIGTERM
      assertThat(child.waitFor(40, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).isZero();
    } finally {
      child.destroyForcibly();
    }
    assertThat(Files.readString(err)).doesNotContain("Exception", "\tat ");
  }

  @Test
  void withoutApiKeysOrWithABadOneItRefusesToStartInOneRussianLine() {
    Cli none = Cli.run(Map.of(), "serve", "--port", "0");
    assertThat(none.exit).isEqualTo(2);
    assertThat(none.err).contains("GOSPUBLIKI_API_KEYS").hasLineCount(1);
    Cli shortKey = Cli.run(Map.of("GOSPUBLIKI_API_KEYS", "secret=*"), "serve", "--port", "0");
    assertThat(shortKey.exit).isEqualTo(2);
    assertThat(shortKey.err).contains("записи 1", "короче 16").doesNotContain("secret");
    Cli noDistrict = Cli.run(Map.of("GOSPUBLIKI_API_KEYS", "a-key-long-enough-0001="), "serve", "--port", "0");
    assertThat(noDistrict.exit).isEqualTo(2);
    assertThat(noDistrict.err).contains("не указан район").doesNotContain("a-key-long-enough-0001");
  }

  @Test
  void aPortThatIsTakenIsOneRussianLine() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      Cli cli = Cli.run(Map.of("GOSPUBLIKI_API_KEYS", "a-key-long-enough-0001=*"), "serve", "--store", "none",
          "--port", Integer.toString(taken.getLocalPort()));
      assertThat(cli.exit).isEqualTo(1);
      assertThat(cli.err).contains("не удалось открыть порт " + taken.getLocalPort()).doesNotContain("Exception");
    }
  }

  @Test
  void helpNamesTheApiTheDashboardAndTheKeys() {
    Cli help = Cli.run("serve", "--help");
    assertThat(help.exit).isZero();
    assertThat(help.out).contains("/api/v1/openapi.json", "GOSPUBLIKI_API_KEYS", "--port", "--host", "SIGTERM");
    assertThat(Cli.run("--help").out).contains("serve");
  }
}
