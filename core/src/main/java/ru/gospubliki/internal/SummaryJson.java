package ru.gospubliki.internal;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import ru.gospubliki.audit.AuditSummary;
import ru.gospubliki.audit.DistrictSummary;

/**
 * An audit's summary as JSON, the one shape the report and the store both write, and its district
 * lines as the history of audits writes them: a counter added to {@link AuditSummary} or {@link
 * DistrictSummary} is added here once, for all three.
 */
public final class SummaryJson {
  private SummaryJson() {}

  public static void write(AuditSummary summary, JsonWriter json) throws IOException {
    json.beginObject();
    json.name("organizations").value(summary.organizations());
    json.name("pages").value(summary.pages());
    json.name("compliant").value(summary.compliant());
    json.name("nonCompliant").value(summary.nonCompliant());
    json.name("unverified").value(summary.unverified());
    json.name("unreachable").value(summary.unreachable());
    json.name("byDistrict").beginArray();
    for (DistrictSummary district : summary.byDistrict()) writeDistrict(district, json);
    json.endArray();
    json.endObject();
  }

  /** One district's line, as the summary and the history of audits both write it. */
  public static void writeDistrict(DistrictSummary district, JsonWriter json) throws IOException {
    json.beginObject();
    json.name("district").value(district.district());
    json.name("organizations").value(district.organizations());
    json.name("withPage").value(district.withPage());
    json.name("withVk").value(district.withVk());
    json.name("withOk").value(district.withOk());
    json.name("withMax").value(district.withMax());
    json.name("withMark").value(district.withMark());
    json.name("compliant").value(district.compliant());
    json.endObject();
  }
}
