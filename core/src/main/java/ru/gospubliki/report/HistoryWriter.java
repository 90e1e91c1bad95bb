package ru.gospubliki.report;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okio.BufferedSink;
import okio.Okio;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.audit.AuditRun;
import ru.gospubliki.audit.DistrictSummary;
import ru.gospubliki.internal.SummaryJson;

/**
 * Writes the recorded audits' district lines, one per run and district: how «подключено X из Y»
 * moves week by week. JSON (schema {@code gospubliki.history/1}), CSV for Excel or a Russian table.
 *
 * <pre>{@code
 * HistoryWriter.create().writeJson(store.audits().runs(), "Амурский район", System.out);
 * }</pre>
 */
public final class HistoryWriter {
  /** The JSON schema id of the history's JSON form. */
  public static final String SCHEMA = "gospubliki.history/1";

  private HistoryWriter() {}

  public static HistoryWriter create() {
    return new HistoryWriter();
  }

  /** JSON of {@code runs}, only {@code district}'s lines when it is given; flushed, not closed. */
  public void writeJson(List<AuditRun> runs, @Nullable String district, OutputStream out) throws IOException {
    BufferedSink sink = Okio.buffer(Okio.sink(out));
    JsonWriter json = JsonWriter.of(sink);
    json.setIndent("  ");
    json.beginObject();
    json.name("schema").value(SCHEMA);
    json.name("runs").beginArray();
    for (AuditRun run : runs) {
      List<DistrictSummary> lines = lines(run, district);
      if (district != null && lines.isEmpty()) continue;
      json.beginObject();
      json.name("at").value(run.asOf().toString());
      json.name("policy").value(run.policy());
      json.name("byDistrict").beginArray();
      for (DistrictSummary line : lines) SummaryJson.writeDistrict(line, json);
      json.endArray();
      json.endObject();
    }
    json.endArray();
    json.endObject();
    json.flush();
    sink.writeUtf8("\n");
    sink.emit();
    out.flush();
  }

  /** CSV for Excel: {@code ;}, UTF-8 with a BOM, Russian headers; flushed, not closed. */
  public void writeCsv(List<AuditRun> runs, @Nullable String district, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write('\uFEFF');
    CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setDelimiter(';').build());
    csv.printRecord("Дата проверки", "Политика", "Район", "Организаций", "Со страницей", "ВКонтакте",
        "Одноклассники", "С отметкой", "Соответствуют");
    for (AuditRun run : runs) {
      for (DistrictSummary line : lines(run, district)) {
        csv.printRecord(run.asOf().toString(), run.policy(), line.district(), line.organizations(), line.withPage(),
            line.withVk(), line.withOk(), line.withMark(), line.compliant());
      }
    }
    csv.flush();
    writer.flush();
  }

  /** A Russian table; flushed, not closed. */
  public void writeTable(List<AuditRun> runs, @Nullable String district, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write(String.format("%-22s %-30s %12s %14s %11s %14s%n", "Проверка", "Район", "Организаций",
        "Со страницей", "С отметкой", "Соответствуют"));
    for (AuditRun run : runs) {
      for (DistrictSummary line : lines(run, district)) {
        writer.write(String.format("%-22s %-30s %12d %14d %11d %14d%n", run.asOf(), line.district(),
            line.organizations(), line.withPage(), line.withMark(), line.compliant()));
      }
    }
    writer.flush();
  }

  private static List<DistrictSummary> lines(AuditRun run, @Nullable String district) {
    if (district == null) return run.summary().byDistrict();
    List<DistrictSummary> lines = new ArrayList<>();
    for (DistrictSummary line : run.summary().byDistrict()) {
      if (line.district().equals(district)) lines.add(line);
    }
    return lines;
  }
}
