package ru.gospubliki.examples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.gospubliki.examples.sandbox.SandboxClient.Answer;

/**
 * The sandbox answers what VK's official API schema documents: every community of the sample
 * district through {@code groups.getById} with every field the adapter asks for, and every wall
 * through {@code wall.get}. Skips when the schema bundle is not beside the repository.
 */
final class SandboxVkSchemaTest {
  private static final String FIELDS = "description,site,phone,contacts,addresses,cover,members_count,wall,"
      + "is_government_organization,trust_mark,activity,verified,status,screen_name,photo_200";

  private Sandbox sandbox;
  private SandboxClient client;
  private SchemaCheck schema;

  @BeforeEach
  void start() throws IOException {
    schema = SchemaCheck.find();
    assumeTrue(schema != null, "VK's API schema bundle (shared/data/vk-api-schema.bundle.json) is absent");
    sandbox = Sandbox.startWithSampleData();
    client = new SandboxClient(sandbox);
  }

  @AfterEach
  void stop() {
    if (sandbox != null) sandbox.close();
  }

  @Test
  void groupsGetByIdAnswersTheDocumentedShape() throws IOException {
    Answer answer = client.vk("groups.getById", Sandbox.VK_SERVICE_TOKEN, "group_ids", allIds(), "fields", FIELDS);

    assertThat(schema.violations(answer.map(), "#/definitions/groups_getById_object_response")).isEmpty();
    assertThat((List<?>) answer.response().get("groups")).hasSizeGreaterThan(10);
  }

  @Test
  void wallGetAnswersTheDocumentedShape() throws IOException {
    for (Object group : (List<?>) client.vk("groups.getById", Sandbox.VK_SERVICE_TOKEN, "group_ids", allIds())
        .response().get("groups")) {
      Map<?, ?> community = (Map<?, ?>) group;
      if (community.containsKey("deactivated")) continue;
      Answer wall = client.vk("wall.get", Sandbox.VK_USER_TOKEN, "owner_id", "-" + community.get("id"), "count", "100");
      assertThat(schema.violations(wall.map(), "#/definitions/wall_get_response")).as("wall of " + community.get("id"))
          .isEmpty();
    }
  }

  @Test
  void theCheckFindsWhatIsNotDocumented() {
    Map<String, Object> bad = Map.of("response", Map.of("count", "many", "items", List.of(Map.of("id", "x"))));

    assertThat(schema.violations(bad, "#/definitions/wall_get_response")).isNotEmpty();
  }

  private String allIds() {
    StringBuilder ids = new StringBuilder();
    for (String line : sandbox.data().registryCsv().split("\r?\n")) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("vk\\.com/([a-z0-9_.]+)").matcher(line);
      while (m.find()) ids.append(ids.length() == 0 ? "" : ",").append(m.group(1));
    }
    return ids.toString();
  }
}
