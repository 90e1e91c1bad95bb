package ru.gospubliki.report;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import okio.BufferedSink;
import okio.Okio;
import ru.gospubliki.audit.ComplianceReport;
import ru.gospubliki.audit.Finding;
import ru.gospubliki.audit.OrganizationAudit;
import ru.gospubliki.audit.PageAudit;
import ru.gospubliki.audit.PageStatus;
import ru.gospubliki.internal.SummaryJson;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.registry.RegistryWarning;
import ru.gospubliki.registry.RejectedRow;
import ru.gospubliki.rules.Outcome;

/**
 * Writes a {@link ComplianceReport} as the JSON other systems read (schema {@code gospubliki.audit/1}):
 * exactly its fields, in its order. Findings list only {@code FAIL} and
 * {@code UNKNOWN} outcomes; {@code reason}, {@code score}, {@code postsLast28Days}, {@code district}
 * and {@code message} are written as {@code null} when absent, {@code details} only when the rule
 * measured something, a warning's {@code line} only when it has one. The report is streamed,
 * never held as a tree.
 *
 * <p>A page's {@code id} and {@code url} are the page as the platform identifies it (a screen name
 * resolved to the numeric id), {@code ref} the page as the registry refers to it.
 *
 * <pre>{@code
 * JsonReportWriter writer = JsonReportWriter.builder().indent("  ").build();
 * try (OutputStream out = Files.newOutputStream(Path.of("report.json"))) {
 *   writer.write(report, out);
 * }
 * }</pre>
 */
public final class JsonReportWriter {
  private final String indent;

  private JsonReportWriter(Builder builder) {
    this.indent = builder.indent;
  }

  /** A writer that indents by two spaces. */
  public static JsonReportWriter create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Writes {@code report} to {@code out} as UTF-8; {@code out} is flushed, not closed. */
  public void write(ComplianceReport report, OutputStream out) throws IOException {
    BufferedSink sink = Okio.buffer(Okio.sink(out));
    write(report, sink);
    sink.emit();
    out.flush();
  }

  /** Writes {@code report} to {@code out}; {@code out} is flushed, not closed. */
  public void write(ComplianceReport report, Writer out) throws IOException {
    BufferedSink sink = Okio.buffer(new WriterSink(out));
    write(report, sink);
    sink.flush();
  }

  private void write(ComplianceReport report, BufferedSink sink) throws IOException {
    JsonWriter json = JsonWriter.of(sink);
    json.setIndent(indent);
    json.setSerializeNulls(true);
    writeReport(report, json);
    json.flush();
  }

  /** The report's JSON as a string. */
  public String toJson(ComplianceReport report) {
    Buffer buffer = new Buffer();
    try {
      write(report, buffer);
    } catch (IOException e) {
      throw new AssertionError(e); // A Buffer does not fail.
    }
    return buffer.readUtf8();
  }

  private static void writeReport(ComplianceReport report, JsonWriter json) throws IOException {
    json.beginObject();
    json.name("schema").value(ComplianceReport.SCHEMA);
    json.name("asOf").value(DateTimeFormatter.ISO_INSTANT.format(report.asOf()));
    json.name("policy").value(report.policy());
    json.name("summary");
    SummaryJson.write(report.summary(), json);
    json.name("organizations").beginArray();
    for (OrganizationAudit organization : report.organizations()) writeOrganization(organization, json);
    json.endArray();
    json.name("rejectedRows").beginArray();
    for (RejectedRow row : report.rejectedRows()) {
      json.beginObject();
      json.name("line").value(row.line());
      json.name("error").value(row.error());
      json.endObject();
    }
    json.endArray();
    json.name("rejectedRowCount").value(report.rejectedRowCount());
    json.name("warnings").beginArray();
    for (RegistryWarning warning : report.warnings()) {
      json.beginObject();
      if (warning.line() > 0) json.name("line").value(warning.line());
      json.name("message").value(warning.message());
      json.endObject();
    }
    json.endArray();
    json.name("warningCount").value(report.warningCount());
    json.endObject();
  }

  private static void writeOrganization(OrganizationAudit audit, JsonWriter json) throws IOException {
    json.beginObject();
    json.name("name").value(audit.organization().name());
    json.name("district").value(audit.organization().district());
    writeFindings(audit.findings(), json);
    json.name("pages").beginArray();
    for (PageAudit page : audit.pages()) writePage(page, json);
    json.endArray();
    json.endObject();
  }

  private static void writePage(PageAudit page, JsonWriter json) throws IOException {
    json.beginObject();
    PageRef stable = page.stablePage();
    json.name("platform").value(stable.platform().name());
    json.name("id").value(stable.id());
    json.name("url").value(stable.url());
    json.name("ref").value(page.page().url());
    json.name("status").value(page.status().name());
    json.name("reason").value(page.status() == PageStatus.UNREACHABLE ? page.reason() : null);
    json.name("mark").value(page.mark().name());
    json.name("score").value(page.score());
    json.name("scoreRules").value(page.scoreRules());
    json.name("postsLast28Days").value(page.postsLast28Days());
    json.name("engagementRate").value(page.engagementRate());
    writeFindings(page.findings(), json);
    json.endObject();
  }

  private static void writeFindings(List<Finding> findings, JsonWriter json) throws IOException {
    json.name("findings").beginArray();
    for (Finding finding : findings) {
      if (!isProblem(finding)) continue;
      json.beginObject();
      json.name("rule").value(finding.rule());
      json.name("outcome").value(finding.outcome().name());
      json.name("severity").value(finding.severity().name());
      json.name("obligation").value(finding.obligation().name());
      json.name("basis").value(finding.basis());
      json.name("message").value(finding.message());
      Map<String, String> details = finding.details();
      if (!details.isEmpty()) {
        json.name("details").beginObject();
        for (Map.Entry<String, String> detail : details.entrySet()) json.name(detail.getKey()).value(detail.getValue());
        json.endObject();
      }
      json.endObject();
    }
    json.endArray();
  }

  static boolean isProblem(Finding finding) {
    return finding.outcome() == Outcome.FAIL || finding.outcome() == Outcome.UNKNOWN;
  }

  /** Configures a {@link JsonReportWriter}. */
  public static final class Builder {
    private String indent = "  ";

    Builder() {}

    /** Indentation per level: spaces or tabs only; empty writes compact JSON on one line. */
    public Builder indent(String indent) {
      if (!indent.chars().allMatch(c -> c == ' ' || c == '\t')) {
        throw new IllegalArgumentException("indent must be spaces or tabs: \"" + indent + "\"");
      }
      this.indent = indent;
      return this;
    }

    public JsonReportWriter build() {
      return new JsonReportWriter(this);
    }
  }

  @Override
  public String toString() {
    return "JsonReportWriter{indent=\"" + indent + "\"}";
  }
}
