package ru.gospubliki.internal.store;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.audit.AuditSummary;
import ru.gospubliki.audit.DistrictSummary;
import ru.gospubliki.audit.Finding;
import ru.gospubliki.internal.SummaryJson;
import ru.gospubliki.model.Declared;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.OrganizationKind;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PageState;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.ProfileField;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.model.WallAccess;
import ru.gospubliki.registry.RegistryWarning;
import ru.gospubliki.registry.RejectedRow;
import ru.gospubliki.rules.Obligation;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.Severity;

/**
 * The JSON forms the store keeps values in. Written field by field (no reflection), so that a
 * value's Java shape can change while stored documents stay readable; a field that is absent reads
 * as its default.
 */
public final class StoreJson {
  private StoreJson() {}

  interface Body {
    void write(JsonWriter json) throws IOException;
  }

  static String write(Body body) {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      body.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // A Buffer does not fail.
    }
    return buffer.readUtf8();
  }

  static Object read(String text) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text));
      Object value = reader.readJsonValue();
      if (value == null) throw new IllegalStateException("stored document is null");
      return value;
    } catch (IOException e) {
      throw new IllegalStateException("stored document is not JSON: " + e.getMessage(), e);
    }
  }

  // --- Profile snapshots ---

  public static String snapshot(ProfileSnapshot s) {
    return write(json -> {
      json.beginObject();
      json.name("url").value(s.page().url());
      json.name("name").value(s.name());
      json.name("screenName").value(s.screenName());
      json.name("description").value(s.description());
      json.name("postalAddress").value(s.postalAddress());
      json.name("email").value(s.email());
      json.name("phones").beginArray();
      for (String phone : s.phones()) json.value(phone);
      json.endArray();
      json.name("website").value(s.website());
      json.name("workHours").value(s.workHours());
      json.name("hasAvatar").value(s.hasAvatar());
      json.name("hasCover").value(s.hasCover());
      json.name("isCommunity").value(s.isCommunity());
      json.name("state").value(s.state().name());
      json.name("members").value(s.members());
      json.name("mark").value(s.mark().name());
      json.name("wall").value(s.wall().name());
      json.name("commentsOpen").value(s.commentsOpen());
      json.name("unavailableFields").beginArray();
      for (ProfileField field : s.unavailableFields()) json.value(field.name());
      json.endArray();
      json.name("takenAt").value(s.takenAt().toString());
      json.endObject();
    });
  }

  public static ProfileSnapshot snapshot(PlatformId platform, String id, String text) {
    Map<String, Object> o = object(read(text));
    ProfileSnapshot.Builder s = ProfileSnapshot.builder()
        .page(page(platform, id, string(o, "url")))
        .name(string(o, "name"))
        .screenName(string(o, "screenName"))
        .description(string(o, "description"))
        .postalAddress(string(o, "postalAddress"))
        .email(string(o, "email"))
        .phones(strings(o, "phones"))
        .website(string(o, "website"))
        .workHours(string(o, "workHours"))
        .hasAvatar(bool(o, "hasAvatar"))
        .hasCover(bool(o, "hasCover"))
        .isCommunity(bool(o, "isCommunity"))
        .members(longValue(o, "members"))
        .commentsOpen(bool(o, "commentsOpen"))
        .takenAt(Instant.parse(required(o, "takenAt")));
    String state = string(o, "state");
    if (state != null) s.state(PageState.valueOf(state));
    String mark = string(o, "mark");
    if (mark != null) s.mark(MarkStatus.valueOf(mark));
    String wall = string(o, "wall");
    if (wall != null) s.wall(WallAccess.valueOf(wall));
    for (String field : strings(o, "unavailableFields")) s.addUnavailableFields(ProfileField.valueOf(field));
    return s.build();
  }

  // --- Findings ---

  public static String findings(List<Finding> findings) {
    return write(json -> {
      json.beginArray();
      for (Finding f : findings) {
        json.beginObject();
        json.name("rule").value(f.rule());
        json.name("outcome").value(f.outcome().name());
        json.name("severity").value(f.severity().name());
        json.name("obligation").value(f.obligation().name());
        json.name("basis").value(f.basis());
        json.name("message").value(f.message());
        if (!f.details().isEmpty()) {
          json.name("details").beginObject();
          for (Map.Entry<String, String> detail : f.details().entrySet()) json.name(detail.getKey()).value(detail.getValue());
          json.endObject();
        }
        json.endObject();
      }
      json.endArray();
    });
  }

  public static List<Finding> findings(String text) {
    List<Finding> result = new ArrayList<>();
    for (Object item : list(read(text))) {
      Map<String, Object> o = object(item);
      Finding.Builder f = Finding.builder()
          .rule(required(o, "rule"))
          .outcome(Outcome.valueOf(required(o, "outcome")))
          .severity(Severity.valueOf(required(o, "severity")))
          .obligation(Obligation.valueOf(required(o, "obligation")))
          .basis(required(o, "basis"))
          .message(string(o, "message"));
      Object details = o.get("details");
      if (details != null) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Object> detail : object(details).entrySet()) {
          values.put(detail.getKey(), String.valueOf(detail.getValue()));
        }
        f.details(values);
      }
      result.add(f.build());
    }
    return result;
  }

  // --- Organisations ---

  public static String organization(Organization org) {
    return write(json -> {
      json.beginObject();
      json.name("name").value(org.name());
      OrganizationKind kind = org.kind();
      json.name("kind").value(kind == null ? null : kind.name());
      json.name("district").value(org.district());
      json.name("inn").value(org.inn());
      json.name("ogrn").value(org.ogrn());
      json.name("email").value(org.email());
      json.name("site").value(org.site());
      json.name("responsible").value(org.responsible());
      json.name("responsibleContact").value(org.responsibleContact());
      json.name("pages").beginArray();
      for (PageRef page : org.pages()) {
        json.beginObject();
        json.name("platform").value(page.platform().name());
        json.name("id").value(page.id());
        json.name("url").value(page.url());
        json.endObject();
      }
      json.endArray();
      json.name("connected").value(org.connected().name());
      json.name("responsibleOrder").value(org.responsibleOrder().name());
      json.name("accountPolicy").value(org.accountPolicy().name());
      json.name("qrCodesPlaced").value(org.qrCodesPlaced().name());
      json.endObject();
    });
  }

  public static Organization organization(String text) {
    Map<String, Object> o = object(read(text));
    Organization.Builder org = Organization.builder()
        .name(required(o, "name"))
        .district(string(o, "district"))
        .inn(string(o, "inn"))
        .ogrn(string(o, "ogrn"))
        .email(string(o, "email"))
        .site(string(o, "site"))
        .responsible(string(o, "responsible"))
        .responsibleContact(string(o, "responsibleContact"));
    String kind = string(o, "kind");
    if (kind != null) org.kind(OrganizationKind.valueOf(kind));
    Object pages = o.get("pages");
    if (pages != null) {
      for (Object item : list(pages)) {
        Map<String, Object> page = object(item);
        org.addPages(page(PlatformId.of(required(page, "platform")), required(page, "id"), string(page, "url")));
      }
    }
    String connected = string(o, "connected");
    if (connected != null) org.connected(Declared.valueOf(connected));
    String order = string(o, "responsibleOrder");
    if (order != null) org.responsibleOrder(Declared.valueOf(order));
    String policy = string(o, "accountPolicy");
    if (policy != null) org.accountPolicy(Declared.valueOf(policy));
    String qr = string(o, "qrCodesPlaced");
    if (qr != null) org.qrCodesPlaced(Declared.valueOf(qr));
    return org.build();
  }

  // --- Summaries and rejected rows ---

  public static String summary(AuditSummary summary) {
    return write(json -> SummaryJson.write(summary, json));
  }

  public static AuditSummary summary(String text) {
    Map<String, Object> o = object(read(text));
    AuditSummary.Builder summary = AuditSummary.builder()
        .organizations(integer(o, "organizations"))
        .pages(integer(o, "pages"))
        .compliant(integer(o, "compliant"))
        .nonCompliant(integer(o, "nonCompliant"))
        .unverified(integer(o, "unverified"))
        .unreachable(integer(o, "unreachable"));
    Object districts = o.get("byDistrict");
    if (districts != null) {
      for (Object item : list(districts)) {
        Map<String, Object> d = object(item);
        summary.addByDistrict(DistrictSummary.builder()
            .district(required(d, "district"))
            .organizations(integer(d, "organizations"))
            .withPage(integer(d, "withPage"))
            .withVk(integer(d, "withVk"))
            .withOk(integer(d, "withOk"))
            .withMax(integer(d, "withMax"))
            .withMark(integer(d, "withMark"))
            .compliant(integer(d, "compliant"))
            .build());
      }
    }
    return summary.build();
  }

  public static String rejectedRows(List<RejectedRow> rows) {
    return write(json -> {
      json.beginArray();
      for (RejectedRow row : rows) {
        json.beginObject();
        json.name("line").value(row.line());
        json.name("error").value(row.error());
        json.endObject();
      }
      json.endArray();
    });
  }

  public static List<RejectedRow> rejectedRows(String text) {
    List<RejectedRow> rows = new ArrayList<>();
    for (Object item : list(read(text))) {
      Map<String, Object> o = object(item);
      Long line = longValue(o, "line");
      rows.add(RejectedRow.of(line == null ? 0 : line, required(o, "error")));
    }
    return rows;
  }

  public static String warnings(List<RegistryWarning> warnings) {
    return write(json -> {
      json.beginArray();
      for (RegistryWarning warning : warnings) {
        json.beginObject();
        json.name("line").value(warning.line());
        json.name("message").value(warning.message());
        json.endObject();
      }
      json.endArray();
    });
  }

  public static List<RegistryWarning> warnings(String text) {
    List<RegistryWarning> warnings = new ArrayList<>();
    for (Object item : list(read(text))) {
      Map<String, Object> o = object(item);
      Long line = longValue(o, "line");
      warnings.add(RegistryWarning.of(line == null ? 0 : line, required(o, "message")));
    }
    return warnings;
  }

  // --- helpers ---

  static PageRef page(PlatformId platform, String id, @Nullable String url) {
    if (url == null || platform.equals(PlatformId.VK) || platform.equals(PlatformId.OK)) return PageRef.of(platform, id);
    return PageRef.of(platform, id, url);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    if (!(value instanceof Map)) throw new IllegalStateException("stored document: expected an object");
    return (Map<String, Object>) value;
  }

  private static List<?> list(Object value) {
    if (!(value instanceof List)) throw new IllegalStateException("stored document: expected an array");
    return (List<?>) value;
  }

  private static @Nullable String string(Map<String, Object> o, String name) {
    Object value = o.get(name);
    return value == null ? null : value.toString();
  }

  private static String required(Map<String, Object> o, String name) {
    String value = string(o, name);
    if (value == null) throw new IllegalStateException("stored document: no " + name);
    return value;
  }

  private static List<String> strings(Map<String, Object> o, String name) {
    Object value = o.get(name);
    List<String> result = new ArrayList<>();
    if (value != null) for (Object item : list(value)) result.add(String.valueOf(item));
    return result;
  }

  private static @Nullable Boolean bool(Map<String, Object> o, String name) {
    Object value = o.get(name);
    return value instanceof Boolean ? (Boolean) value : null;
  }

  private static @Nullable Long longValue(Map<String, Object> o, String name) {
    Object value = o.get(name);
    return value instanceof Number ? ((Number) value).longValue() : null;
  }

  private static int integer(Map<String, Object> o, String name) {
    Long value = longValue(o, name);
    return value == null ? 0 : value.intValue();
  }
}
