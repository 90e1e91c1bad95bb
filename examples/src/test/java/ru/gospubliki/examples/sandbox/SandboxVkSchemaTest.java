package ru.gospubliki.examples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.gospubliki.examples.sandbox.SandboxClient.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox answers what VK's official API schema documents: every community of the sample
 * district through {@code groups.getById} with every field the adapter asks for, and every wall
 * through {@code wall.get}. The schema bundle lives beside the repository ({@code
 * shared/data/vk-api-schema.bundle.json} next to an ancestor directory); the test skips when it is
 * absent.
 */
final class SandboxVkSchemaTest {
  private static final String FIELDS = "description,site,phone,contacts,addresses,cover,members_count,wall,"
      + "is_government_organization,trust_mark,activity,verified,status,screen_name,photo_200";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

  private JsonNode bundle;
  private Sandbox sandbox;
  private SandboxClient client;

  @BeforeEach
  void start() throws IOException {
    Path found = null;
    for (Path dir = Path.of("").toAbsolutePath(); dir != null && found == null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/data/vk-api-schema.bundle.json");
      if (Files.isRegularFile(candidate)) found = candidate;
    }
    assumeTrue(found != null, "VK's API schema bundle (shared/data/vk-api-schema.bundle.json) is absent");
    bundle = MAPPER.readTree(Files.readString(found));
    sandbox = Sandbox.startWithSampleData();
    client = new SandboxClient(sandbox);
  }

  @AfterEach
  void stop() {
    if (sandbox != null) sandbox.close();
  }

  /** What the schema at {@code pointer} (e.g. {@code #/definitions/wall_get_response}) finds wrong in {@code value}. */
  private List<Error> errors(String pointer, Object value) {
    ObjectNode root = (ObjectNode) bundle.deepCopy();
    root.put("$ref", pointer);
    Schema schema = SCHEMAS.getSchema(root);
    return schema.validate(MAPPER.valueToTree(value));
  }

  @Test
  void groupsGetByIdAnswersTheDocumentedShape() throws IOException {
    Answer answer = client.vk("groups.getById", Sandbox.VK_SERVICE_TOKEN, "group_ids", allIds(), "fields", FIELDS);

    assertThat(errors("#/definitions/groups_getById_object_response", answer.map())).isEmpty();
    assertThat((List<?>) answer.response().get("groups")).hasSizeGreaterThan(10);
  }

  @Test
  void wallGetAnswersTheDocumentedShape() throws IOException {
    for (Object group : (List<?>) client.vk("groups.getById", Sandbox.VK_SERVICE_TOKEN, "group_ids", allIds())
        .response().get("groups")) {
      Map<?, ?> community = (Map<?, ?>) group;
      if (community.containsKey("deactivated")) continue;
      Answer wall = client.vk("wall.get", Sandbox.VK_USER_TOKEN, "owner_id", "-" + community.get("id"), "count", "100");
      assertThat(errors("#/definitions/wall_get_response", wall.map())).as("wall of " + community.get("id")).isEmpty();
    }
  }

  @Test
  void theSchemaRefusesWhatIsNotDocumented() {
    Map<String, Object> bad = Map.of("response", Map.of("count", "many", "items", List.of(Map.of("id", "x"))));

    assertThat(errors("#/definitions/wall_get_response", bad)).isNotEmpty();
  }

  private String allIds() {
    StringBuilder ids = new StringBuilder();
    Matcher m = Pattern.compile("vk\\.com/([a-z0-9_.]+)").matcher(sandbox.data().registryCsv());
    while (m.find()) ids.append(ids.length() == 0 ? "" : ",").append(m.group(1));
    return ids.toString();
  }
}
