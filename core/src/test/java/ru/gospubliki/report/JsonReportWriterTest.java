package ru.gospubliki.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import ru.gospubliki.audit.AuditSummary;
import ru.gospubliki.audit.ComplianceReport;
import ru.gospubliki.audit.Finding;
import ru.gospubliki.audit.OrganizationAudit;
import ru.gospubliki.audit.PageAudit;
import ru.gospubliki.audit.PageStatus;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.registry.RegistryWarning;
import ru.gospubliki.rules.Obligation;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.Severity;

class JsonReportWriterTest {
  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String json) throws IOException {
    return (Map<String, Object>) JsonReader.of(new Buffer().writeUtf8(json)).readJsonValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return (List<Object>) value;
  }

  @Test
  void writesEveryFieldOfTheAuditSchemaInOrder() throws IOException {
    Map<String, Object> root = parse(JsonReportWriter.create().toJson(Reports.sample()));

    assertThat(root.keySet()).containsExactly("schema", "asOf", "policy", "summary", "organizations", "rejectedRows",
        "rejectedRowCount", "warnings", "warningCount");
    assertThat(root).containsEntry("schema", "gospubliki.audit/1")
        .containsEntry("asOf", "2026-11-22T10:00:00Z")
        .containsEntry("policy", "federal");

    Map<String, Object> summary = object(root.get("summary"));
    assertThat(summary.keySet())
        .containsExactly("organizations", "pages", "compliant", "nonCompliant", "unverified", "unreachable", "byDistrict");
    assertThat(summary).containsEntry("organizations", 2.0).containsEntry("pages", 3.0)
        .containsEntry("compliant", 1.0).containsEntry("nonCompliant", 1.0).containsEntry("unreachable", 1.0);
    List<Object> districts = list(summary.get("byDistrict"));
    assertThat(districts).hasSize(2);
    Map<String, Object> amur = object(districts.get(0));
    assertThat(amur.keySet())
        .containsExactly("district", "organizations", "withPage", "withVk", "withOk", "withMax", "withMark", "compliant");
    assertThat(amur).containsEntry("district", "Амурский район").containsEntry("organizations", 1.0)
        .containsEntry("withPage", 1.0).containsEntry("withVk", 1.0).containsEntry("withOk", 1.0)
        .containsEntry("withMark", 1.0).containsEntry("compliant", 0.0);
    assertThat(object(districts.get(1))).containsEntry("district", "Без района").containsEntry("withOk", 0.0)
        .containsEntry("compliant", 1.0);

    List<Object> organizations = list(root.get("organizations"));
    assertThat(organizations).hasSize(2);
    Map<String, Object> school = object(organizations.get(0));
    assertThat(school.keySet()).containsExactly("name", "district", "findings", "pages");
    assertThat(school).containsEntry("name", "МБОУ СОШ № 9").containsEntry("district", "Амурский район");
    List<Object> orgFindings = list(school.get("findings"));
    assertThat(orgFindings).hasSize(1); // the PASS is left out
    Map<String, Object> responsible = object(orgFindings.get(0));
    assertThat(responsible.keySet())
        .containsExactly("rule", "outcome", "severity", "obligation", "basis", "message");
    assertThat(responsible).containsEntry("rule", "ORG_RESPONSIBLE").containsEntry("outcome", "FAIL")
        .containsEntry("severity", "VIOLATION").containsEntry("obligation", "LAW")
        .containsEntry("basis", Reports.EMAIL_BASIS).containsEntry("message", "не назначен ответственный");

    List<Object> pages = list(school.get("pages"));
    assertThat(pages).hasSize(2);
    Map<String, Object> vk = object(pages.get(0));
    assertThat(vk.keySet()).containsExactly(
        "platform", "id", "url", "ref", "status", "reason", "mark", "score", "scoreRules", "postsLast28Days", "engagementRate", "findings");
    assertThat(vk).containsEntry("platform", "vk").containsEntry("id", "123456")
        .containsEntry("url", "https://vk.com/club123456").containsEntry("status", "NON_COMPLIANT")
        .containsEntry("reason", null) // set on the audit, but the page is reachable
        .containsEntry("ref", "https://vk.com/club123456")
        .containsEntry("mark", "CONFIRMED").containsEntry("score", 85.0).containsEntry("postsLast28Days", 14.0);
    List<Object> vkFindings = list(vk.get("findings"));
    assertThat(vkFindings).extracting(f -> object(f).get("rule")).containsExactly("PROFILE_EMAIL", "GOV_MARK");
    assertThat(object(vkFindings.get(1))).containsEntry("outcome", "UNKNOWN").containsEntry("severity", "WARNING")
        .containsEntry("obligation", "RATING").containsEntry("message", "платформа не сообщила о метке");
    assertThat(object(vkFindings.get(0))).containsEntry("message",
        "не указан адрес электронной почты: добавьте его в раздел «Контакты»");

    Map<String, Object> ok = object(pages.get(1));
    assertThat(ok).containsEntry("platform", "ok").containsEntry("id", "53350000000001")
        .containsEntry("url", "https://ok.ru/group/53350000000001").containsEntry("status", "UNREACHABLE")
        .containsEntry("reason", "deleted").containsEntry("mark", "UNKNOWN")
        .containsEntry("score", null).containsEntry("postsLast28Days", null);
    assertThat(list(ok.get("findings"))).isEmpty();

    Map<String, Object> library = object(organizations.get(1));
    assertThat(library).containsEntry("name", "Библиотека «Книга; и \"точка\"»").containsEntry("district", null);
    assertThat(list(library.get("findings"))).isEmpty();
    Map<String, Object> libraryVk = object(list(library.get("pages")).get(0));
    assertThat(libraryVk).containsEntry("status", "COMPLIANT").containsEntry("mark", "ABSENT")
        .containsEntry("postsLast28Days", 0.0);
    assertThat(object(list(libraryVk.get("findings")).get(0))).containsEntry("message", "мало публикаций;\nпишите чаще");

    List<Object> rejected = list(root.get("rejectedRows"));
    assertThat(rejected).hasSize(1);
    assertThat(object(rejected.get(0)).keySet()).containsExactly("line", "error");
    assertThat(object(rejected.get(0))).containsEntry("line", 7.0)
        .containsEntry("error", "столбец «ИНН»: «123» — неверная контрольная сумма ИНН");
    assertThat(root).containsEntry("rejectedRowCount", 1.0).containsEntry("warningCount", 0.0);
  }

  /** What the additions to the report carry: the page as read and as written, measured values, warnings. */
  @Test
  void writesResolvedIdsReferencesDetailsAndWarnings() throws IOException {
    PageRef written = PageRef.parse("https://vk.com/school9_amur");
    PageAudit page = PageAudit.builder().page(written).resolved(PageRef.parse("vk:218400101"))
        .status(PageStatus.UNVERIFIED).scoreRules(9).score(100)
        .addFindings(Finding.builder().rule("POSTS_CADENCE").outcome(Outcome.FAIL).severity(Severity.WARNING)
            .obligation(Obligation.RATING).basis("b").message("мало").putDetail("weeklyCounts", "0,0,0,12")
            .putDetail("ownPosts", "12").build())
        .build();
    ComplianceReport report = ComplianceReport.builder().from(Reports.sample())
        .organizations(List.of(OrganizationAudit.builder()
            .organization(Organization.builder().name("Школа").addPages(written).build()).addPages(page).build()))
        .warnings(List.of(RegistryWarning.of(4, "столбец «ИНН»: «1,0227E+12» — цифры потеряны"),
            RegistryWarning.of(0, "без строки")))
        .warningCount(1_500)
        .rejectedRowCount(2_000)
        .build();
    Map<String, Object> root = parse(JsonReportWriter.create().toJson(report));
    Map<String, Object> json = object(list(object(list(root.get("organizations")).get(0)).get("pages")).get(0));
    assertThat(json).containsEntry("id", "218400101").containsEntry("url", "https://vk.com/club218400101")
        .containsEntry("ref", "https://vk.com/school9_amur").containsEntry("status", "UNVERIFIED")
        .containsEntry("scoreRules", 9.0);
    Map<String, Object> finding = object(list(json.get("findings")).get(0));
    assertThat(finding.keySet()).containsExactly("rule", "outcome", "severity", "obligation", "basis", "message", "details");
    assertThat(object(finding.get("details"))).containsExactly(Map.entry("weeklyCounts", "0,0,0,12"),
        Map.entry("ownPosts", "12"));
    assertThat(list(root.get("warnings"))).containsExactly(Map.of("line", 4.0, "message",
        "столбец «ИНН»: «1,0227E+12» — цифры потеряны"), Map.of("message", "без строки"));
    assertThat(root).containsEntry("warningCount", 1_500.0).containsEntry("rejectedRowCount", 2_000.0);
  }

  /** A Writer gets the same JSON, characters never split, with no Okio type in sight. */
  @Test
  void writesToAWriter() throws IOException {
    ComplianceReport report = Reports.sample();
    java.io.StringWriter out = new java.io.StringWriter();
    JsonReportWriter.create().write(report, out);
    assertThat(out.toString()).isEqualTo(JsonReportWriter.create().toJson(report));
  }

  @Test
  void nullMessageIsWrittenAsNull() throws IOException {
    ComplianceReport report = ComplianceReport.builder().from(Reports.sample())
        .organizations(new ArrayList<>())
        .addOrganizations(ru.gospubliki.audit.OrganizationAudit.builder()
            .organization(ru.gospubliki.model.Organization.builder().name("X").build())
            .addFindings(ru.gospubliki.audit.Finding.builder().rule("ORG_HAS_PAGE")
                .outcome(ru.gospubliki.rules.Outcome.UNKNOWN).severity(ru.gospubliki.rules.Severity.VIOLATION)
                .obligation(ru.gospubliki.rules.Obligation.LAW).basis("b").build())
            .build())
        .build();
    Map<String, Object> finding = object(list(object(list(parse(JsonReportWriter.create().toJson(report))
        .get("organizations")).get(0)).get("findings")).get(0));
    assertThat(finding).containsEntry("message", null).containsKey("message");
  }

  @Test
  void emptyReportHasEmptyArrays() throws IOException {
    ComplianceReport empty = ComplianceReport.builder()
        .asOf(Instant.parse("2026-01-02T03:04:05.123Z"))
        .policy("amur")
        .summary(AuditSummary.builder().organizations(0).pages(0).compliant(0).nonCompliant(0).unreachable(0).build())
        .build();
    String json = JsonReportWriter.builder().indent("").build().toJson(empty);
    assertThat(json).isEqualTo("{\"schema\":\"gospubliki.audit/1\",\"asOf\":\"2026-01-02T03:04:05.123Z\","
        + "\"policy\":\"amur\",\"summary\":{\"organizations\":0,\"pages\":0,\"compliant\":0,\"nonCompliant\":0,"
        + "\"unverified\":0,\"unreachable\":0,\"byDistrict\":[]},\"organizations\":[],\"rejectedRows\":[],"
        + "\"rejectedRowCount\":0,\"warnings\":[],\"warningCount\":0}");
  }

  @Test
  void indentIsConfigurableAndStreamIsUtf8() throws IOException {
    ComplianceReport report = Reports.sample();
    String indented = JsonReportWriter.builder().indent("\t").build().toJson(report);
    assertThat(indented).startsWith("{\n\t\"schema\": \"gospubliki.audit/1\",\n\t\"asOf\"");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonReportWriter.builder().indent("\t").build().write(report, out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(indented);
    assertThat(indented).contains("МБОУ СОШ № 9"); // not \\u-escaped
    assertThat(parse(indented)).isEqualTo(parse(JsonReportWriter.builder().indent("").build().toJson(report)));
  }

  @Test
  void rejectsIndentThatIsNotWhitespace() {
    assertThatThrownBy(() -> JsonReportWriter.builder().indent("--"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("indent must be spaces or tabs: \"--\"");
  }
}
