package ru.gospubliki.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ru.gospubliki.max.MaxPlatform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** The OpenAPI document names every API route the service serves, and real answers validate against it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiTest {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  static final String SECRET = "openapi-test-max-secret";

  Served served;
  JsonNode document;

  @BeforeAll
  void start() throws Exception {
    served = new Served(64 * 1024, SECRET);
    Served.Answer answer = served.get("/api/v1/openapi.json", null);
    assertThat(answer.status()).isEqualTo(200);
    document = MAPPER.readTree(answer.body());
  }

  @AfterAll
  void stop() throws Exception {
    served.close();
  }

  @Test
  void theDocumentIsOpenApi31AndNamesExactlyTheRoutesServed() {
    assertThat(document.get("openapi").asString()).isEqualTo("3.1.0");
    List<String> served = new ArrayList<>();
    for (String route : this.served.service.routes()) {
      if (route.split(" ", 2)[1].startsWith("/api/")) served.add(route);
    }
    List<String> documented = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
      }
    }
    assertThat(served).hasSize(10);
    assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
  }

  @Test
  void realAnswersValidateAgainstTheDocument() throws Exception {
    String school = ServiceApiTest.SCHOOL_OK;
    check("/api/v1/reports/latest", "get", served.get("/api/v1/reports/latest", Served.ALL));
    check("/api/v1/reports/latest", "get", served.get("/api/v1/reports/latest", Served.ZARECHNY));
    check("/api/v1/reports/latest", "get", served.get("/api/v1/reports/latest", null));
    check("/api/v1/history", "get", served.get("/api/v1/history", Served.ALL));
    check("/api/v1/history", "get", served.get("/api/v1/history?district=Озёрский%20район", Served.ZARECHNY));
    check("/api/v1/changes", "get", served.get("/api/v1/changes", Served.ALL)); // 404: one audit so far

    Served.Answer started = served.post("/api/v1/audits", Served.ALL, null,
        RequestBody.create(served.sandbox.data().registryCsv(), Served.CSV));
    check("/api/v1/audits", "post", started);
    String id = (String) started.json().get("id");
    Served.Answer status = served.get("/api/v1/audits/" + id, Served.ALL);
    check("/api/v1/audits/{id}", "get", status);
    for (int i = 0; i < 600 && "RUNNING".equals(status.json().get("status")); i++) {
      Thread.sleep(100);
      status = served.get("/api/v1/audits/" + id, Served.ALL);
    }
    assertThat(status.json().get("status")).isEqualTo("DONE");
    check("/api/v1/audits/{id}", "get", status);
    check("/api/v1/audits/{id}", "get", served.get("/api/v1/audits/nope", Served.ALL));
    check("/api/v1/changes", "get", served.get("/api/v1/changes", Served.ALL));
    check("/api/v1/changes", "get", served.get("/api/v1/changes", Served.ZARECHNY));
    check("/api/v1/audits", "post", served.post("/api/v1/audits", Served.ALL, null,
        RequestBody.create("%PDF", okhttp3.MediaType.get("application/pdf"))));
    check("/api/v1/audits", "post", served.post("/api/v1/audits", Served.ZARECHNY, null,
        RequestBody.create("{\"pages\": [\"" + ServiceApiTest.OZERSKY_OK + "\"]}", Served.JSON)));

    String body = ServiceApiTest.news("Новости для OpenAPI #школа", school);
    check("/api/v1/posts", "post", served.postJson("/api/v1/posts", Served.ALL, "openapi-1", body));
    check("/api/v1/posts", "post", served.postJson("/api/v1/posts", Served.ALL, "openapi-1", body));
    check("/api/v1/posts", "post", served.postJson("/api/v1/posts", Served.ALL, "openapi-1",
        ServiceApiTest.news("Другая #школа", school)));
    check("/api/v1/posts", "post", served.postJson("/api/v1/posts", Served.ALL, "openapi-2",
        "{\"text\": \"Анонс #школа\", \"at\": \"2030-01-01T10:00:00Z\", \"pages\": [\"" + ServiceApiTest.SCHOOL_MAX + "\"]}"));
    check("/api/v1/posts", "post", served.postJson("/api/v1/posts", Served.ALL, "openapi-3",
        ServiceApiTest.news("а".repeat(70_000), school)));
    check("/api/v1/posts", "post", served.postJson("/api/v1/posts", Served.ALL, "openapi-4", "{"));
    check("/api/v1/posts", "post", served.postJson("/api/v1/posts", Served.ZARECHNY, "openapi-5",
        ServiceApiTest.news("Чужой район #школа", ServiceApiTest.OZERSKY_OK)));
    check("/api/v1/posts/{idempotencyKey}", "get", served.get("/api/v1/posts/openapi-1", Served.ALL));
    check("/api/v1/posts/{idempotencyKey}", "get", served.get("/api/v1/posts/never-used", Served.ALL));
    check("/api/v1/posts/settle", "post", served.postJson("/api/v1/posts/settle", Served.ALL, null,
        "{\"idempotencyKey\": \"openapi-1\", \"pages\": [\"" + school + "\"], \"outcome\": \"not-sent\"}"));
    check("/api/v1/posts/settle", "post", served.postJson("/api/v1/posts/settle", Served.ALL, null,
        "{\"idempotencyKey\": \"openapi-1\", \"outcome\": \"later\"}"));

    long bot = ((MaxPlatform) served.platforms.get(2)).botIds().get(0);
    okhttp3.Request.Builder webhook = new okhttp3.Request.Builder()
        .url(served.service.url() + "api/v1/max/webhook/" + bot)
        .post(RequestBody.create("{\"update_type\": \"bot_removed\", \"chat_id\": -70000000000101}", Served.JSON));
    check("/api/v1/max/webhook/{botId}", "post", Served.call(webhook.header(MaxPlatform.SECRET_HEADER, SECRET).build()));
    check("/api/v1/max/webhook/{botId}", "post", Served.call(webhook.header(MaxPlatform.SECRET_HEADER, "x").build()));
    check("/api/v1/openapi.json", "get", served.get("/api/v1/openapi.json", null));
  }

  /** The answer's status is documented for the operation, and its body validates against that status's schema. */
  void check(String path, String method, Served.Answer answer) throws Exception {
    String pointer = "#/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method + "/responses/"
        + answer.status() + "/content/application~1json/schema";
    JsonNode operation = document.get("paths").get(path).get(method);
    assertThat(operation.get("responses").has(Integer.toString(answer.status())))
        .as(method + " " + path + " answered " + answer.status() + " " + answer.body()).isTrue();
    assertThat(errors(pointer, answer.body())).as(method + " " + path + " " + answer.status() + ": " + answer.body())
        .isEmpty();
  }

  List<Error> errors(String pointer, String json) throws Exception {
    ObjectNode root = ((ObjectNode) document.deepCopy());
    root.put("$ref", pointer);
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    Schema schema = SCHEMAS.getSchema(root);
    return schema.validate(MAPPER.readTree(json));
  }

  @Test
  void theSchemasRefuseWhatTheServiceMustNotAnswer() throws Exception {
    String report = "#/paths/~1api~1v1~1reports~1latest/get/responses/200/content/application~1json/schema";
    assertThat(errors(report, served.get("/api/v1/reports/latest", Served.ALL).body())).isEmpty();
    assertThat(errors(report, "{\"schema\": \"gospubliki.audit/1\"}")).isNotEmpty();
    assertThat(errors(report, served.get("/api/v1/reports/latest", Served.ALL).body()
        .replace("\"mark\":\"CONFIRMED\"", "\"mark\":\"MAYBE\""))).isNotEmpty();
    String results = "#/paths/~1api~1v1~1posts/post/responses/200/content/application~1json/schema";
    assertThat(errors(results, "{\"idempotencyKey\": \"k\", \"results\": [{\"page\": \"x\"}]}")).isNotEmpty();
  }

}
