package ru.gospubliki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import ru.gospubliki.examples.sandbox.Sandbox;

/**
 * {@code audit --out}: a report never lands on an input, a place it cannot go is refused before the
 * first call to a platform, and a report is written whole or not at all.
 */
final class AuditOutputEndToEndTest {
  static final String OLD_REPORT = "прежний отчёт\n";

  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();
  @TempDir Path dir;

  Path registry() throws IOException {
    return Files.writeString(dir.resolve("реестр.csv"), "Наименование;ВКонтакте\nАдминистрация;" + Cli.VK_PAGE + "\n");
  }

  /** Runs an audit that must be refused before it calls a platform; returns its one Russian line. */
  static String refused(String... args) {
    Sandbox sandbox = SANDBOX.get();
    int before = sandbox.vkRequests() + sandbox.okRequests();
    String line = Cli.against(SANDBOX.get(), "audit", args).usageError("audit");
    assertThat(sandbox.vkRequests() + sandbox.okRequests()).as("calls to the platforms").isEqualTo(before);
    return line;
  }

  @Test
  void theRegistryGivenAsOutputIsRefusedAndKept() throws IOException {
    Path registry = registry();
    byte[] content = Files.readAllBytes(registry);
    Path symbolic = Files.createSymbolicLink(dir.resolve("ссылка.csv"), registry);
    Path hard = Files.createLink(dir.resolve("жёсткая.csv"), registry);
    for (Path out : List.of(registry, symbolic, hard, dir.resolve(".").resolve("реестр.csv"))) {
      assertThat(refused("--registry", registry.toString(), "--out", out.toString()))
          .contains("--out").contains("тот же файл, что и --registry");
      assertThat(Files.readAllBytes(registry)).isEqualTo(content);
    }
  }

  @Test
  void thePolicyFileGivenAsOutputIsRefused() throws IOException {
    Path policy = Files.writeString(dir.resolve("политика.json"), "{\"name\":\"район\"}");
    assertThat(refused("--page", Cli.VK_PAGE, "--policy", policy.toString(), "--out", policy.toString()))
        .contains("тот же файл, что и --policy");
    assertThat(Files.readString(policy)).isEqualTo("{\"name\":\"район\"}");
  }

  @Test
  void anOutputThatCannotBeWrittenIsFoundBeforeTheAudit() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("отчёты"));
    assertThat(refused("--page", Cli.VK_PAGE, "--out", folder.toString())).contains("это папка");
    assertThat(refused("--page", Cli.VK_PAGE, "--out", dir.resolve("нет/отчёт.txt").toString()))
        .contains("не существует");
    if (Files.exists(Path.of("/dev/full"))) { // a device that is always full
      assertThat(refused("--page", Cli.VK_PAGE, "--out", "/dev/full")).contains("не обычный файл");
    }
    assertThat(refused("--page", Cli.VK_PAGE, "--out", readOnlyFolder().resolve("отчёт.txt").toString()))
        .contains("нельзя записать файл в папку");
  }

  @Test
  void aReportReplacesTheOlderOneAndLeavesNothingElse() throws IOException {
    Path out = Files.writeString(dir.resolve("отчёт.json"), OLD_REPORT);
    Cli audit = Cli.against(SANDBOX.get(), "audit", "--page", Cli.VK_PAGE, "--format", "json", "--out", out.toString());
    assertThat(audit.exit).as(audit.toString()).isEqualTo(0);
    assertThat(audit.out).isEmpty();
    assertThat(Files.readString(out)).startsWith("{").contains("\"schema\": \"gospubliki.audit/1\"").endsWith("}");
    assertThat(files()).containsExactly("отчёт.json");
  }

  @Test
  void aReportThroughASymbolicLinkGoesToTheLinkedFile() throws IOException {
    Path real = Files.writeString(dir.resolve("отчёт.txt"), OLD_REPORT);
    Path link = Files.createSymbolicLink(dir.resolve("последний.txt"), real);
    Cli audit = Cli.against(SANDBOX.get(), "audit", "--page", Cli.VK_PAGE, "--out", link.toString());
    assertThat(audit.exit).as(audit.toString()).isEqualTo(0);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).startsWith("Аудит официальных страниц");
  }

  /**
   * The disk fills up in the middle of the report: simulated in a child JVM whose file size limit
   * ({@code ulimit -f}) is smaller than the report. The older report survives and no half report or
   * temporary file is left.
   */
  @Test
  void aWriteThatFailsMidwayLeavesTheOlderReport() throws Exception {
    assumeTrue(new File("/bin/bash").canExecute(), "needs bash for ulimit");
    Path out = Files.writeString(dir.resolve("отчёт.json"), OLD_REPORT);
    Path err = dir.resolve("stderr.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder("/bin/bash", "-c",
        "ulimit -f 16 && exec \"$0\" -XX:-UsePerfData -Xshare:off -cp \"$1\" " + Gospubliki.class.getName()
            + " audit --sandbox --format json --out \"$2\"",
        java, System.getProperty("java.class.path"), out.toString())
        .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
    List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
    assertThat(child.exitValue()).as(String.join("\n", lines)).isEqualTo(2);
    assertThat(lines).allMatch(l -> l.startsWith("gospubliki audit: ")); // the sample's two bad rows, then:
    assertThat(lines).last().asString().startsWith("gospubliki audit: не удалось записать отчёт в «")
        .endsWith("»: файл больше, чем позволяет система; прежний файл не изменён");
    assertThat(Files.readString(out)).isEqualTo(OLD_REPORT);
    assertThat(files()).containsExactlyInAnyOrder("отчёт.json", "stderr.txt");
  }

  private List<String> files() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /**
   * A folder the tool cannot write to: one without write permission, or, for root (who may write
   * anywhere), a folder of the read-only {@code /proc} file system.
   */
  private Path readOnlyFolder() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("только-чтение"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Files.delete(Files.createFile(folder.resolve("проба")));
    } catch (IOException e) {
      return folder; // not writable: what the test wants
    }
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "root without /proc: no read-only folder to try");
    return Path.of("/proc/self");
  }
}
