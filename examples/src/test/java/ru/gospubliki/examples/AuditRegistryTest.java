package ru.gospubliki.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.gospubliki.examples.sandbox.SandboxData;

final class AuditRegistryTest {
  @TempDir Path dir;

  @Test
  @SuppressWarnings("unchecked")
  void writesTheJsonReportOfTheWholeRegistry() throws Exception {
    Path registry = dir.resolve("reestr.csv");
    Files.writeString(registry, SandboxData.sample().registryCsv(), StandardCharsets.UTF_8);
    Path json = dir.resolve("report.json");

    AuditRegistry.main(new String[] {registry.toString(), json.toString()});

    Map<String, Object> report = (Map<String, Object>) Objects.requireNonNull(
        new Moshi.Builder().build().adapter(Object.class).fromJson(Files.readString(json)));
    // 44 rows in the sample registry, 1 of them a bad row (sample-README.md).
    List<Map<String, Object>> organizations = (List<Map<String, Object>>) report.get("organizations");
    assertThat(organizations).hasSize(43);
    assertThat((List<Object>) report.get("rejectedRows")).hasSize(1);
    assertThat((Map<String, Object>) report.get("summary")).containsEntry("organizations", 43.0);
    Map<String, Object> school2 = organizations.stream()
        .filter(o -> o.get("name").equals("МБОУ СОШ № 2 с. Заречное")).findFirst().orElseThrow();
    assertThat((List<Map<String, Object>>) school2.get("pages"))
        .singleElement().satisfies(page -> assertThat(page).containsEntry("status", "NON_COMPLIANT"));
    Map<String, Object> library = organizations.stream()
        .filter(o -> o.get("name").toString().startsWith("МБУК «Централизованная")).findFirst().orElseThrow();
    assertThat((List<Map<String, Object>>) library.get("pages")).extracting(p -> p.get("platform") + " " + p.get("status"))
        .containsExactlyInAnyOrder("vk COMPLIANT", "ok COMPLIANT");
  }
}
