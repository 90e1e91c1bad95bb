package ru.gospubliki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ReportFileTest {
  @TempDir Path dir;

  @Test
  void aFailedWriteKeepsTheOlderReportAndLeavesNoTemporaryFile() throws Exception {
    Path out = Files.writeString(dir.resolve("отчёт.csv"), "прежний");
    Path target = ReportFile.target("--out", out.toString(), Map.of());
    try (ReportFile file = ReportFile.create("--out", target)) {
      assertThat(entries()).hasSize(2); // the report and its temporary file, made before any work
      assertThatThrownBy(() -> file.write(stream -> {
        stream.write("половина отчё".getBytes(StandardCharsets.UTF_8));
        throw new IOException("No space left on device");
      })).hasMessage("не удалось записать отчёт в «" + target + "»: на диске нет места; прежний файл не изменён");
    }
    assertThat(Files.readString(out)).isEqualTo("прежний");
    assertThat(entries()).containsExactly("отчёт.csv");
  }

  @Test
  void aReportIsMovedInPlaceWhole() throws Exception {
    Path out = dir.resolve("отчёт.csv");
    try (ReportFile file = ReportFile.create("--out", ReportFile.target("--out", out.toString(), Map.of()))) {
      file.write(stream -> stream.write("новый".getBytes(StandardCharsets.UTF_8)));
    }
    assertThat(Files.readString(out)).isEqualTo("новый");
    assertThat(entries()).containsExactly("отчёт.csv");
  }

  @Test
  void aFolderWithTooLittleFreeSpaceIsRefusedUpFront() throws Exception {
    Path target = ReportFile.target("--out", dir.resolve("отчёт.csv").toString(), Map.of());
    assertThatThrownBy(() -> ReportFile.create("--out", target, Long.MAX_VALUE))
        .isInstanceOf(UsageException.class).hasMessageContaining("свободно").hasMessageContaining("не поместиться");
    assertThat(entries()).isEmpty();
  }

  @Test
  void closingWithoutWritingRemovesTheTemporaryFile() throws Exception {
    ReportFile.create("--out", dir.resolve("отчёт.csv")).close();
    assertThat(entries()).isEmpty();
  }

  @Test
  void systemMessagesBecomeRussian() {
    assertThat(ReportFile.reason(new java.nio.file.FileSystemException("/r", null, "Read-only file system")))
        .isEqualTo("файловая система доступна только для чтения");
    assertThat(ReportFile.reason(new java.nio.file.AccessDeniedException("/r"))).isEqualTo("нет прав на запись");
    assertThat(ReportFile.reason(new IOException("Disk quota exceeded"))).isEqualTo("превышена дисковая квота");
    assertThat(ReportFile.reason(new IOException("Stale file handle"))).isEqualTo("ошибка ввода-вывода (IOException)");
  }

  private java.util.List<String> entries() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
