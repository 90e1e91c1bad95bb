package ru.gospubliki.report;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import okio.BufferedSink;
import okio.Okio;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.audit.AuditChange;
import ru.gospubliki.audit.AuditChanges;
import ru.gospubliki.audit.ChangeKind;
import ru.gospubliki.model.PageRef;

/**
 * Writes {@link AuditChanges} for people and for other systems: JSON (schema {@code
 * gospubliki.changes/1}), CSV for Excel, or a Russian table.
 *
 * <pre>{@code
 * ChangesWriter.create().writeJson(AuditChanges.latest(store.audits(), null), System.out);
 * }</pre>
 */
public final class ChangesWriter {
  static final Map<ChangeKind, String> KINDS = new EnumMap<>(ChangeKind.class);

  static {
    KINDS.put(ChangeKind.MARK_LOST, "пропала отметка");
    KINDS.put(ChangeKind.MARK_GAINED, "появилась отметка");
    KINDS.put(ChangeKind.BECAME_NON_COMPLIANT, "перестала соответствовать");
    KINDS.put(ChangeKind.BECAME_COMPLIANT, "стала соответствовать");
    KINDS.put(ChangeKind.FINDING_NEW, "новое нарушение");
    KINDS.put(ChangeKind.FINDING_FIXED, "исправлено");
    KINDS.put(ChangeKind.PAGE_GONE, "страница недоступна");
    KINDS.put(ChangeKind.PAGE_RENAMED, "страница переименована");
    KINDS.put(ChangeKind.ORGANIZATION_ADDED, "организация добавлена");
    KINDS.put(ChangeKind.ORGANIZATION_REMOVED, "организация удалена");
  }

  private ChangesWriter() {}

  public static ChangesWriter create() {
    return new ChangesWriter();
  }

  /** JSON, UTF-8; {@code out} is flushed, not closed. */
  public void writeJson(AuditChanges changes, OutputStream out) throws IOException {
    BufferedSink sink = Okio.buffer(Okio.sink(out));
    JsonWriter json = JsonWriter.of(sink);
    json.setIndent("  ");
    json.setSerializeNulls(true);
    json.beginObject();
    json.name("schema").value(AuditChanges.SCHEMA);
    json.name("from").value(changes.from().toString());
    json.name("to").value(changes.to().toString());
    json.name("changes").beginArray();
    for (AuditChange change : changes.changes()) {
      PageRef page = change.page();
      json.beginObject();
      json.name("organization").value(change.organization());
      json.name("district").value(change.district());
      json.name("platform").value(page == null ? null : page.platform().name());
      json.name("id").value(page == null ? null : page.id());
      json.name("url").value(page == null ? null : page.url());
      json.name("kind").value(change.kind().name());
      if (change.rule() != null) json.name("rule").value(change.rule());
      json.name("before").value(change.before());
      json.name("after").value(change.after());
      json.name("message").value(change.message());
      json.endObject();
    }
    json.endArray();
    json.endObject();
    json.flush();
    sink.writeUtf8("\n");
    sink.emit();
    out.flush();
  }

  /** CSV for Excel: {@code ;}, UTF-8 with a BOM, Russian headers; {@code out} is flushed, not closed. */
  public void writeCsv(AuditChanges changes, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write('\uFEFF');
    CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setDelimiter(';').build());
    csv.printRecord("Изменение", "Организация", "Район", "Платформа", "Страница", "Правило", "Было", "Стало", "Что произошло");
    for (AuditChange change : changes.changes()) {
      PageRef page = change.page();
      csv.printRecord(KINDS.get(change.kind()), change.organization(), orEmpty(change.district()),
          page == null ? "" : page.platform().name(), page == null ? "" : page.url(), orEmpty(change.rule()),
          orEmpty(change.before()), orEmpty(change.after()), change.message());
    }
    csv.flush();
    writer.flush();
  }

  /** A Russian table, one change per line, lost marks first; {@code out} is flushed, not closed. */
  public void writeTable(AuditChanges changes, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write("Изменения между проверками " + changes.from() + " и " + changes.to() + ": "
        + changes.changes().size() + "\n");
    for (AuditChange change : changes.changes()) {
      PageRef page = change.page();
      writer.write("\n" + KINDS.get(change.kind()) + " — " + change.organization()
          + (change.district() == null ? "" : " (" + change.district() + ")")
          + (page == null ? "" : ", " + page.url()) + "\n  " + change.message() + "\n");
    }
    writer.flush();
  }

  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }
}
