package ru.gospubliki.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as it ships ({@code examples/target/gospubliki.jar}), run in a child JVM as a
 * person runs it. Every unit test passed once while the jar could read no OK answer: without
 * {@code Multi-Release: true} in its manifest, Moshi fell back to classes that cannot read records.
 */
class GospublikiJarIT {
  @TempDir Path dir;

  @Test
  void theJarAuditsTheSandboxReadingVkOkAndMax() throws Exception {
    Path jar = Path.of(System.getProperty("gospubliki.jar", "target/gospubliki.jar"));
    assertThat(jar).as("built by package").isRegularFile();
    try (JarFile file = new JarFile(jar.toFile())) {
      assertThat(file.getManifest().getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
    }
    Path out = dir.resolve("out.json");
    Path err = dir.resolve("err.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString(), "audit", "--sandbox", "--format", "json")
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("GOSPUBLIKI_HOME", dir.resolve("home").toString());
    Process child = builder.start();
    try {
      assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the audit finished").isTrue();
    } finally {
      child.destroyForcibly();
    }
    String errors = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(child.exitValue()).as(errors).isZero();
    assertThat(errors).doesNotContain("Exception", "внутренняя ошибка");

    Map<?, ?> report = new Moshi.Builder().build().adapter(Map.class).fromJson(Files.readString(out, StandardCharsets.UTF_8));
    assertThat(report.get("schema")).isEqualTo("gospubliki.audit/1");
    Set<Object> read = new HashSet<>();
    for (Object organization : (List<?>) report.get("organizations")) {
      for (Object page : (List<?>) ((Map<?, ?>) organization).get("pages")) {
        Map<?, ?> audit = (Map<?, ?>) page;
        if (!"UNREACHABLE".equals(audit.get("status")) && audit.get("postsLast28Days") != null) read.add(audit.get("platform"));
      }
    }
    // Pages whose profile and posts were read, on every platform.
    assertThat(read).as(errors).contains("vk", "ok", "max");
  }
}
