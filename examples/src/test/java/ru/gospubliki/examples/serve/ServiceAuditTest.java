package ru.gospubliki.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Audits over the API: started, followed, recorded, and seen only by their district's key. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceAuditTest {
  static final String SCHOOL_VK = ServiceApiTest.SCHOOL_VK;
  static final String OZERSKY_OK = ServiceApiTest.OZERSKY_OK;

  Served served;

  @BeforeAll
  void start() throws Exception {
    served = new Served(Service.DEFAULT_MAX_BODY_BYTES, null);
  }

  @AfterAll
  void stop() throws Exception {
    served.close();
  }

  @Test
  void auditsOfPagesAndOfARegistryRunRecordAndScope() throws Exception {
    Served.Answer started = served.post("/api/v1/audits", Served.ZARECHNY, null,
        RequestBody.create("{\"pages\": [\"" + SCHOOL_VK + "\"]}", Served.JSON));
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    Map<String, Object> done = awaitAudit((String) started.json().get("id"), Served.ZARECHNY);
    Map<?, ?> report = (Map<?, ?>) done.get("report");
    assertThat(report.get("schema")).isEqualTo("gospubliki.audit/1");
    assertThat(((Map<?, ?>) done.get("progress")).get("done")).isEqualTo(1.0);
    // A district's key cannot audit pages or registry rows of another district.
    assertThat(served.post("/api/v1/audits", Served.ZARECHNY, null,
        RequestBody.create("{\"pages\": [\"" + OZERSKY_OK + "\"]}", Served.JSON)).status()).isEqualTo(403);
    String registry = served.sandbox.data().registryCsv();
    assertThat(served.post("/api/v1/audits", Served.ZARECHNY, null, RequestBody.create(registry, Served.CSV)).status())
        .isEqualTo(403);
    // Its own rows: audited, recorded; history and changes now have two audits of the district.
    StringBuilder own = new StringBuilder();
    for (String line : registry.split("\n")) {
      if (own.length() == 0 || line.contains(";Заречный район;")) own.append(line).append('\n');
    }
    Served.Answer registryAudit = served.post("/api/v1/audits?asOf=" + Instant.now().plusSeconds(3600), Served.ZARECHNY,
        null, RequestBody.create(own.toString(), Served.CSV));
    assertThat(registryAudit.status()).isEqualTo(202);
    awaitAudit((String) registryAudit.json().get("id"), Served.ZARECHNY);
    // Another key does not see this district's audit job.
    assertThat(served.get("/api/v1/audits/" + registryAudit.json().get("id"), Served.OZERSKY).status()).isEqualTo(404);

    Map<String, Object> history = served.get("/api/v1/history", Served.ZARECHNY).json();
    List<?> runs = (List<?>) history.get("runs");
    assertThat(runs.size()).isGreaterThanOrEqualTo(2);
    for (Object run : runs) {
      for (Object line : (List<?>) ((Map<?, ?>) run).get("byDistrict")) {
        assertThat(((Map<?, ?>) line).get("district")).isEqualTo("Заречный район");
      }
    }
    assertThat(served.get("/api/v1/history?district=Озёрский%20район", Served.ZARECHNY).status()).isEqualTo(403);
    Served.Answer changes = served.get("/api/v1/changes", Served.ZARECHNY);
    assertThat(changes.status()).as(changes.body()).isEqualTo(200);
    assertThat(changes.json().get("schema")).isEqualTo("gospubliki.changes/1");
    assertThat((List<?>) changes.json().get("changes")).allSatisfy(
        c -> assertThat(((Map<?, ?>) c).get("district")).isEqualTo("Заречный район"));
    // Озёрский район was audited once: nothing to compare for its key.
    assertThat(served.get("/api/v1/changes", Served.OZERSKY).status()).isEqualTo(404);
    // The district's latest report is the new audit; the other district's is still the first.
    assertThat(served.get("/api/v1/reports/latest", Served.ZARECHNY).json().get("asOf"))
        .isNotEqualTo(served.get("/api/v1/reports/latest", Served.OZERSKY).json().get("asOf"));
  }

  Map<String, Object> awaitAudit(String id, String key) throws Exception {
    for (int i = 0; i < 600; i++) {
      Served.Answer answer = served.get("/api/v1/audits/" + id, key);
      assertThat(answer.status()).isEqualTo(200);
      Map<String, Object> status = answer.json();
      if (!"RUNNING".equals(status.get("status"))) {
        assertThat(status.get("status")).as(answer.body()).isEqualTo("DONE");
        return status;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("audit " + id + " still running");
  }

}
