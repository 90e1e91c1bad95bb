package ru.gospubliki.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import ru.gospubliki.audit.AuditRun;
import ru.gospubliki.audit.AuditSummary;
import ru.gospubliki.audit.DistrictSummary;

class HistoryWriterTest {
  private static DistrictSummary district(String name, int withMax) {
    return DistrictSummary.builder().district(name).organizations(10).withPage(9).withVk(8).withOk(7)
        .withMax(withMax).withMark(6).compliant(5).build();
  }

  private static AuditRun run(DistrictSummary... districts) {
    return AuditRun.builder().id(1).asOf(Instant.parse("2026-11-30T09:00:00Z")).policy("federal")
        .summary(AuditSummary.builder().organizations(20).pages(30).compliant(10).nonCompliant(12).unreachable(8)
            .addByDistrict(districts).build())
        .build();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> lines(String json) throws IOException {
    Map<String, Object> history = (Map<String, Object>) JsonReader.of(new Buffer().writeUtf8(json)).readJsonValue();
    assertThat(history).containsEntry("schema", HistoryWriter.SCHEMA);
    List<Map<String, Object>> runs = (List<Map<String, Object>>) history.get("runs");
    return (List<Map<String, Object>>) runs.get(0).get("byDistrict");
  }

  /** A district's line in the history has every counter of the audit's summary, MAX channels too. */
  @Test
  void aDistrictsLineHasTheSummarysCountersWithMaxToo() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HistoryWriter.create().writeJson(List.of(run(district("Заречный район", 3), district("Озёрский район", 0))),
        "Заречный район", out);

    List<Map<String, Object>> lines = lines(out.toString(StandardCharsets.UTF_8));
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).containsExactlyInAnyOrderEntriesOf(Map.of("district", "Заречный район",
        "organizations", 10.0, "withPage", 9.0, "withVk", 8.0, "withOk", 7.0, "withMax", 3.0, "withMark", 6.0,
        "compliant", 5.0));
  }
}
