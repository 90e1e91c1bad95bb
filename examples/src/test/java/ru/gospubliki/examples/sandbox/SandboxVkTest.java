package ru.gospubliki.examples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.examples.sandbox.SandboxClient.list;
import static ru.gospubliki.examples.sandbox.SandboxClient.map;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.gospubliki.examples.sandbox.SandboxClient.Answer;
import ru.gospubliki.testing.MutableClock;

final class SandboxVkTest {
  private static final String SERVICE = Sandbox.VK_SERVICE_TOKEN;
  private static final String USER = Sandbox.VK_USER_TOKEN;

  private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-20T09:00:00Z"));
  private Sandbox sandbox = Sandbox.builder().clock(clock).build();
  private SandboxClient client = new SandboxClient(sandbox);

  @AfterEach
  void close() {
    sandbox.close();
  }

  private long gid(String screenName) throws IOException {
    Answer a = client.vk("groups.getById", SERVICE, "group_ids", screenName);
    return ((Number) map(list(a.response().get("groups")).get(0)).get("id")).longValue();
  }

  @Test
  void missingTokenIsError5WithRequestParams() throws IOException {
    Answer a = client.vk("groups.getById", null, "group_ids", "zarechny_adm");
    assertThat(a.errorCode()).isEqualTo(5);
    assertThat((String) a.error().get("error_msg")).contains("no access_token");
    assertThat(list(a.error().get("request_params")))
        .contains(Map.of("key", "method", "value", "groups.getById"), Map.of("key", "v", "value", "5.199"));
  }

  @Test
  void wrongTokenIsError5AndTokenNeverEchoed() throws IOException {
    Answer a = client.vk("groups.getById", null, "group_ids", "zarechny_adm", "access_token", "stolen-secret");
    assertThat(a.errorCode()).isEqualTo(5);
    assertThat(a.error().toString()).doesNotContain("stolen-secret");
  }

  @Test
  void versionIsRequiredAndMustBe5199() throws IOException {
    assertThat(client.vk("groups.getById", SERVICE, "group_ids", "1", "v", "").errorCode()).isEqualTo(8);
    assertThat(client.vk("groups.getById", SERVICE, "group_ids", "1", "v", "5.131").errorCode()).isEqualTo(8);
  }

  @Test
  void getAndJsonBodiesAreRefused() throws IOException {
    Answer get = client.execute(new Request.Builder()
        .url(sandbox.vkApiUrl() + "groups.getById?v=5.199&group_ids=1")
        .header("Authorization", "Bearer " + SERVICE).build());
    assertThat(get.errorCode()).isEqualTo(8);
    Answer json = client.execute(new Request.Builder().url(sandbox.vkApiUrl() + "groups.getById")
        .header("Authorization", "Bearer " + SERVICE)
        .post(RequestBody.create("{\"v\":\"5.199\"}", MediaType.get("application/json"))).build());
    assertThat(json.errorCode()).isEqualTo(8);
  }

  @Test
  void unknownMethodIsError3() throws IOException {
    assertThat(client.vk("wall.getFoo", SERVICE).errorCode()).isEqualTo(3);
  }

  @Test
  void getByIdAcceptsIdsScreenNamesAndClubFormsAndReturnsObjectForm() throws IOException {
    long id = gid("zarechny_adm");
    Answer a = client.vk("groups.getById", SERVICE,
        "group_ids", id + ",school1_zarechny,club" + id + ",no_such_group_xyz",
        "fields", "is_government_organization,site,contacts,addresses,cover,wall,description,phone");
    assertThat(a.response()).containsKeys("groups", "profiles");
    List<Object> groups = list(a.response().get("groups"));
    assertThat(groups).hasSize(2);
    Map<String, Object> adm = map(groups.get(0));
    assertThat(adm).containsEntry("screen_name", "zarechny_adm").containsEntry("is_government_organization", true)
        .containsKeys("site", "contacts", "addresses", "cover", "wall", "photo_200", "is_closed", "phone");
    assertThat(map(adm.get("addresses"))).containsKey("main_address");
  }

  @Test
  void optionalFieldsOnlyWhenRequestedAndMissingMarkStaysMissing() throws IOException {
    Map<String, Object> bare = map(list(client.vk("groups.getById", SERVICE, "group_ids", "zarechny_adm")
        .response().get("groups")).get(0));
    assertThat(bare).containsKeys("id", "name", "screen_name", "is_closed", "type", "photo_200")
        .doesNotContainKeys("site", "is_government_organization", "description");
    Map<String, Object> lyceum = map(list(client.vk("groups.getById", SERVICE, "group_ids", "lyceum7_zarechny",
        "fields", "is_government_organization,site").response().get("groups")).get(0));
    assertThat(lyceum).containsKey("site").doesNotContainKey("is_government_organization");
  }

  @Test
  void deletedCommunityAnswersDeactivatedOnly() throws IOException {
    Map<String, Object> deleted = map(list(client.vk("groups.getById", SERVICE, "group_ids", "ds2_romashka",
        "fields", "description,site").response().get("groups")).get(0));
    assertThat(deleted).containsEntry("deactivated", "deleted").doesNotContainKeys("description", "site");
    assertThat(client.vk("wall.get", SERVICE, "owner_id", "-" + deleted.get("id")).errorCode()).isEqualTo(15);
  }

  @Test
  void getByIdLimits() throws IOException {
    StringBuilder ids = new StringBuilder();
    for (int i = 1; i <= 501; i++) ids.append(i).append(',');
    assertThat(client.vk("groups.getById", SERVICE, "group_ids", ids.toString()).errorCode()).isEqualTo(100);
    assertThat(client.vk("groups.getById", SERVICE, "group_ids", "no_such_group_xyz").errorCode()).isEqualTo(100);
    assertThat(client.vk("groups.getById", SERVICE).errorCode()).isEqualTo(100);
  }

  @Test
  void wallGetPutsPinnedFirstThenNewestAndPages() throws IOException {
    long id = gid("school15_kamenka");
    Answer a = client.vk("wall.get", SERVICE, "owner_id", "-" + id, "count", "5", "filter", "all");
    List<Object> items = list(a.response().get("items"));
    assertThat(((Number) a.response().get("count")).intValue()).isEqualTo(14);
    assertThat(items).hasSize(5);
    assertThat(map(items.get(0))).containsEntry("is_pinned", 1L);
    long pinnedDate = ((Number) map(items.get(0)).get("date")).longValue();
    long newest = ((Number) map(items.get(1)).get("date")).longValue();
    assertThat(pinnedDate).isLessThan(newest);
    assertThat(newest).isGreaterThan(clock.instant().getEpochSecond() - 86400);
    assertThat(list(map(items.get(1)).get("attachments"))).singleElement()
        .satisfies(x -> assertThat(map(x)).containsEntry("type", "photo"));
    for (int i = 2; i < items.size(); i++) {
      assertThat(((Number) map(items.get(i)).get("date")).longValue())
          .isLessThanOrEqualTo(((Number) map(items.get(i - 1)).get("date")).longValue());
    }
    List<Object> ids = new ArrayList<>();
    for (int offset = 0; offset < 14; offset += 5) {
      for (Object item : list(client.vk("wall.get", SERVICE, "owner_id", "-" + id, "count", "5",
          "offset", String.valueOf(offset)).response().get("items"))) {
        ids.add(map(item).get("id"));
      }
    }
    assertThat(ids).hasSize(14).doesNotHaveDuplicates();
    assertThat(client.vk("wall.get", SERVICE, "owner_id", "-" + id, "count", "101").errorCode()).isEqualTo(100);
  }

  @Test
  void ownerFilterDropsPersonsPosts() throws IOException {
    long id = gid("school8_otradnoe");
    Answer all = client.vk("wall.get", SERVICE, "owner_id", "-" + id, "count", "100", "filter", "all");
    Answer own = client.vk("wall.get", SERVICE, "owner_id", "-" + id, "count", "100", "filter", "owner");
    assertThat(((Number) all.response().get("count")).intValue()).isEqualTo(16);
    assertThat(((Number) own.response().get("count")).intValue()).isEqualTo(13);
    long persons = list(all.response().get("items")).stream()
        .filter(p -> ((Number) map(p).get("from_id")).longValue() > 0).count();
    assertThat(persons).isEqualTo(3);
  }

  @Test
  void closedGroupWallNeedsMembership() throws IOException {
    long id = gid("ds1_solnyshko");
    Answer service = client.vk("wall.get", SERVICE, "owner_id", "-" + id);
    assertThat(service.errorCode()).isEqualTo(15);
    assertThat(client.vk("wall.get", USER, "owner_id", "-" + id).response()).containsKey("items");
  }

  @Test
  void executeRunsWallGetsAndReportsFailedSubCalls() throws IOException {
    long open = gid("zarechny_adm");
    long deleted = gid("ds2_romashka");
    String code = "return [API.wall.get({\"owner_id\": -" + open + ", \"count\": 2, \"filter\": \"all\"}),\n"
        + "  API.wall.get({owner_id: -" + deleted + ", count: 100, filter: \"all\"})];";
    Answer a = client.vk("execute", USER, "code", code);
    List<Object> response = list(a.map().get("response"));
    assertThat(response).hasSize(2);
    assertThat(list(map(response.get(0)).get("items"))).hasSize(2);
    assertThat(response.get(1)).isEqualTo(false);
    List<Object> errors = list(a.map().get("execute_errors"));
    assertThat(errors).hasSize(1);
    assertThat(map(errors.get(0))).containsEntry("method", "wall.get").containsEntry("error_code", 15L);
  }

  @Test
  void executeProjectsFieldsAsVkScriptDoes() throws IOException {
    long open = gid("zarechny_adm");
    String code = "var w0=API.wall.get({\"owner_id\":-" + open + ",\"offset\":0,\"count\":3,\"filter\":\"all\"});"
        + "var gone=API.wall.get({\"owner_id\":-" + gid("ds2_romashka") + ",\"count\":3});"
        + "return [{\"count\":w0.count,\"id\":w0.items@.id,\"date\":w0.items@.date,"
        + "\"att\":w0.items@.attachments@.type,\"views\":w0.items@.views@.count,\"pin\":w0.items@.is_pinned,"
        + "\"a0\":w0.items[0].attachments@.type},{\"count\":gone.count,\"id\":gone.items@.id}];";
    Answer a = client.vk("execute", USER, "code", code);

    Map<String, Object> wall = map(list(a.map().get("response")).get(0));
    List<Object> ids = list(wall.get("id"));
    assertThat(ids).hasSize(3);
    assertThat(list(wall.get("date"))).hasSize(3).allMatch(date -> date instanceof Number);
    assertThat(list(wall.get("att"))).hasSize(3).allMatch(types -> types instanceof List);
    assertThat(list(wall.get("views"))).hasSize(3);
    assertThat(list(wall.get("pin"))).hasSize(3); // null where a post is not pinned
    assertThat(wall.get("count")).isInstanceOf(Number.class);
    assertThat(wall.get("a0")).isEqualTo(list(wall.get("att")).get(0));
    Map<String, Object> failed = map(list(a.map().get("response")).get(1));
    assertThat(failed).containsEntry("count", null).containsEntry("id", null);
    assertThat(list(a.map().get("execute_errors"))).hasSize(1);
  }

  @Test
  void executeWithoutFailuresHasNoExecuteErrorsAndSingleCallForm() throws IOException {
    Answer a = client.vk("execute", USER, "code",
        "return API.groups.getById({\"group_ids\": \"zarechny_adm\"});");
    assertThat(a.map()).doesNotContainKey("execute_errors");
    assertThat(map(a.map().get("response"))).containsKey("groups");
  }

  @Test
  void executeOutsideTheSubsetOrOverLimitIsRefused() throws IOException {
    assertThat(client.vk("execute", USER, "code", "var a = 1; while (a < 2) { a = a + 1; } return a;").errorCode())
        .isEqualTo(12);
    StringBuilder code = new StringBuilder("return [");
    for (int i = 0; i < 26; i++) code.append(i == 0 ? "" : ",").append("API.wall.get({\"owner_id\":-1})");
    assertThat(client.vk("execute", USER, "code", code + "];").errorCode()).isEqualTo(13);
  }

  @Test
  void aServiceTokenIsRefusedExecuteAndWritesAsVkRefusesThem() throws IOException {
    Answer execute = client.vk("execute", SERVICE, "code", "return API.groups.getById({\"group_ids\": \"zarechny_adm\"});");
    assertThat(execute.errorCode()).isEqualTo(28);
    assertThat(execute.error()).containsEntry("error_msg",
        "Application authorization failed: method is unavailable with service token.");
    for (String write : List.of("wall.post", "wall.edit", "wall.delete", "photos.getWallUploadServer", "photos.saveWallPhoto")) {
      assertThat(client.vk(write, SERVICE, "owner_id", "-" + gid("zarechny_adm")).errorCode()).as(write).isEqualTo(28);
    }
    // What a service token may do: profiles and walls one at a time.
    assertThat(client.vk("wall.get", SERVICE, "owner_id", "-" + gid("zarechny_adm")).response()).containsKey("items");
  }

  @Test
  void aCommunityTokenIsRefusedWallsAsVkRefusesThem() throws IOException {
    String community = Sandbox.VK_COMMUNITY_TOKEN;
    Answer wall = client.vk("wall.get", community, "owner_id", "-" + gid("zarechny_adm"));
    assertThat(wall.errorCode()).isEqualTo(27);
    assertThat(wall.error()).containsEntry("error_msg", "Group authorization failed: method is unavailable with group auth.");
    Answer inside = client.vk("execute", community, "code",
        "return [API.wall.get({\"owner_id\": -" + gid("zarechny_adm") + "})];");
    assertThat(list(inside.map().get("response"))).containsExactly(false);
    assertThat(map(list(inside.map().get("execute_errors")).get(0))).containsEntry("error_code", 27L);
    assertThat(client.vk("photos.getWallUploadServer", community, "group_id", "1").errorCode()).isEqualTo(27);
    assertThat(map(client.vk("groups.getById", community, "group_ids", "zarechny_adm").map().get("response")))
        .containsKey("groups");
  }

  @Test
  void eachTokenHasADailyQuotaOfWallGetsCountedInsideExecuteToo() throws IOException {
    sandbox.close();
    sandbox = Sandbox.builder().clock(clock).vkDailyWallGets(3).build();
    client = new SandboxClient(sandbox);
    String wall = "API.wall.get({\"owner_id\": -" + gid("zarechny_adm") + "})";

    assertThat(client.vk("wall.get", USER, "owner_id", "-" + gid("zarechny_adm")).response()).containsKey("items");
    Answer batch = client.vk("execute", USER, "code", "return [" + wall + "," + wall + "," + wall + "];");
    assertThat(list(batch.map().get("response")).get(2)).isEqualTo(false);
    assertThat(map(list(batch.map().get("execute_errors")).get(0))).containsEntry("error_code", 29L)
        .containsEntry("error_msg", "Rate limit reached");
    assertThat(client.vk("wall.get", USER, "owner_id", "-" + gid("zarechny_adm")).errorCode()).isEqualTo(29);
    // Another token has its own quota; the next day (Moscow) the quota is back.
    assertThat(client.vk("wall.get", SERVICE, "owner_id", "-" + gid("zarechny_adm")).response()).containsKey("items");
    clock.advance(Duration.ofDays(1));
    assertThat(client.vk("wall.get", USER, "owner_id", "-" + gid("zarechny_adm")).response()).containsKey("items");
  }

  @Test
  void anExecuteAnswerOverTheSizeLimitIsErrorThirteen() throws IOException {
    sandbox.close();
    sandbox = Sandbox.builder().clock(clock).vkMaxExecuteBytes(2_000).build();
    client = new SandboxClient(sandbox);
    String wall = "API.wall.get({\"owner_id\": -" + gid("zarechny_adm") + ", \"count\": 100})";

    Answer big = client.vk("execute", USER, "code", "return [" + wall + "," + wall + "];");

    assertThat(big.errorCode()).isEqualTo(13);
    assertThat(big.error().get("error_msg").toString()).contains("response size is too big");
  }

  @Test
  void serviceTokenCannotPost() throws IOException {
    long id = gid("zarechny_adm");
    Answer a = client.vk("wall.post", SERVICE, "owner_id", "-" + id, "from_group", "1", "message", "Тест");
    assertThat(a.errorCode()).isEqualTo(28);
  }

  @Test
  void postIsRecordedAndGuidDeduplicatesForOneHour() throws IOException {
    long id = gid("zarechny_uo");
    int before = sandbox.vkPostCount(id);
    Answer first = client.vk("wall.post", USER, "owner_id", "-" + id, "from_group", "1",
        "message", "Новость #образование", "guid", "g-1");
    Object postId = first.response().get("post_id");
    clock.advance(Duration.ofMinutes(59));
    Answer again = client.vk("wall.post", USER, "owner_id", "-" + id, "from_group", "1",
        "message", "Новость #образование", "guid", "g-1");
    assertThat(again.response().get("post_id")).isEqualTo(postId);
    assertThat(sandbox.vkPostCount(id)).isEqualTo(before + 1);
    Map<String, Object> newest = map(list(client.vk("wall.get", SERVICE, "owner_id", "-" + id, "count", "1")
        .response().get("items")).get(0));
    assertThat(newest).containsEntry("id", postId).containsEntry("from_id", -id)
        .containsEntry("text", "Новость #образование");
    clock.advance(Duration.ofMinutes(2));
    Answer afterHour = client.vk("wall.post", USER, "owner_id", "-" + id, "from_group", "1",
        "message", "Новость #образование", "guid", "g-1");
    assertThat(afterHour.response().get("post_id")).isNotEqualTo(postId);
  }

  @Test
  void emptyPostIsRefused() throws IOException {
    long id = gid("zarechny_uo");
    assertThat(client.vk("wall.post", USER, "owner_id", "-" + id, "from_group", "1").errorCode()).isEqualTo(100);
  }

  @Test
  void publishDateMakesAPostponedPostThatAppearsLater() throws IOException {
    long id = gid("zarechny_uo");
    long at = clock.instant().plus(Duration.ofHours(3)).getEpochSecond();
    Object postId = client.vk("wall.post", USER, "owner_id", "-" + id, "from_group", "1",
        "message", "Позже", "publish_date", String.valueOf(at)).response().get("post_id");
    List<Object> postponed = list(client.vk("wall.get", USER, "owner_id", "-" + id, "filter", "postponed")
        .response().get("items"));
    assertThat(postponed).hasSize(1);
    assertThat(map(postponed.get(0))).containsEntry("id", postId).containsEntry("post_type", "postpone")
        .containsEntry("date", at);
    assertThat(idsOf(client.vk("wall.get", SERVICE, "owner_id", "-" + id, "count", "100"))).doesNotContain(postId);
    assertThat(client.vk("wall.get", SERVICE, "owner_id", "-" + id, "filter", "postponed").errorCode()).isEqualTo(15);
    clock.advance(Duration.ofHours(4));
    assertThat(idsOf(client.vk("wall.get", SERVICE, "owner_id", "-" + id, "count", "100"))).contains(postId);
    long past = clock.instant().minusSeconds(60).getEpochSecond();
    assertThat(client.vk("wall.post", USER, "owner_id", "-" + id, "message", "x",
        "publish_date", String.valueOf(past)).errorCode()).isEqualTo(214);
  }

  @Test
  void editAndDelete() throws IOException {
    long id = gid("zarechny_uo");
    Object postId = client.vk("wall.post", USER, "owner_id", "-" + id, "from_group", "1", "message", "Черновик")
        .response().get("post_id");
    assertThat(client.vk("wall.edit", USER, "owner_id", "-" + id, "post_id", postId.toString(), "message", "Итог")
        .response()).containsEntry("post_id", postId);
    Map<String, Object> newest = map(list(client.vk("wall.get", SERVICE, "owner_id", "-" + id, "count", "1")
        .response().get("items")).get(0));
    assertThat(newest).containsEntry("text", "Итог");
    assertThat(client.vk("wall.delete", USER, "owner_id", "-" + id, "post_id", postId.toString()).map())
        .containsEntry("response", 1L);
    assertThat(idsOf(client.vk("wall.get", SERVICE, "owner_id", "-" + id, "count", "100"))).doesNotContain(postId);
    assertThat(client.vk("wall.delete", USER, "owner_id", "-" + id, "post_id", postId.toString()).errorCode())
        .isEqualTo(100);
  }

  @Test
  void wallPhotoUploadFlow() throws IOException {
    long id = gid("zarechny_uo");
    Answer server = client.vk("photos.getWallUploadServer", USER, "group_id", String.valueOf(id));
    String uploadUrl = (String) server.response().get("upload_url");
    assertThat(uploadUrl).startsWith("http://127.0.0.1:" + sandbox.port() + "/");
    Map<String, Object> uploaded = client.upload(uploadUrl, "photo", 1).map();
    assertThat(uploaded).containsKeys("server", "photo", "hash");
    assertThat((String) uploaded.get("photo")).isNotEqualTo("[]");
    Answer saved = client.vk("photos.saveWallPhoto", USER, "group_id", String.valueOf(id),
        "photo", (String) uploaded.get("photo"), "server", uploaded.get("server").toString(),
        "hash", (String) uploaded.get("hash"));
    Map<String, Object> photo = map(list(saved.map().get("response")).get(0));
    assertThat(photo).containsEntry("owner_id", -id).containsKeys("id", "access_key");
    String attachment = "photo-" + id + "_" + photo.get("id");
    Object postId = client.vk("wall.post", USER, "owner_id", "-" + id, "from_group", "1",
        "message", "С фото", "attachments", attachment + ",https://example.ru/news").response().get("post_id");
    Map<String, Object> post = map(list(client.vk("wall.get", SERVICE, "owner_id", "-" + id, "count", "1")
        .response().get("items")).get(0));
    assertThat(post).containsEntry("id", postId);
    assertThat(list(post.get("attachments"))).extracting(x -> map(x).get("type")).containsExactly("photo", "link");
    // The same hash cannot be saved twice; a failed upload has photo "[]".
    assertThat(client.vk("photos.saveWallPhoto", USER, "group_id", String.valueOf(id),
        "photo", (String) uploaded.get("photo"), "server", "625831", "hash", (String) uploaded.get("hash"))
        .errorCode()).isEqualTo(121);
    assertThat(client.upload(uploadUrl, "photo", 0).map()).containsEntry("photo", "[]");
    assertThat(client.vk("wall.post", USER, "owner_id", "-" + id, "attachments", "photo-" + id + "_1")
        .errorCode()).isEqualTo(100);
    assertThat(client.vk("photos.getWallUploadServer", SERVICE, "group_id", String.valueOf(id)).errorCode())
        .isEqualTo(28);
  }

  @Test
  void rateLimitIsPerTokenPerSecondAndExecuteCountsOnce() throws IOException {
    sandbox.close();
    sandbox = Sandbox.builder().clock(clock).enforceRateLimits(true).vkServiceRps(5).build();
    client = new SandboxClient(sandbox);
    for (int i = 0; i < 3; i++) {
      assertThat(client.vk("groups.getById", USER, "group_ids", "zarechny_adm").map()).containsKey("response");
    }
    Answer fourth = client.vk("groups.getById", USER, "group_ids", "zarechny_adm");
    assertThat(fourth.errorCode()).isEqualTo(6);
    // Another token has its own window.
    assertThat(client.vk("groups.getById", SERVICE, "group_ids", "zarechny_adm").map()).containsKey("response");
    clock.advance(Duration.ofMillis(1001));
    assertThat(client.vk("execute", USER, "code",
        "return [API.groups.getById({\"group_ids\":\"zarechny_adm\"}),API.groups.getById({\"group_ids\":\"zarechny_uo\"}),"
            + "API.groups.getById({\"group_ids\":\"school1_zarechny\"}),API.groups.getById({\"group_ids\":\"zarechny_fin\"})];")
        .map()).containsKey("response");
    assertThat(client.vk("groups.getById", USER, "group_ids", "zarechny_adm").map()).containsKey("response");
    assertThat(client.vk("groups.getById", USER, "group_ids", "zarechny_adm").map()).containsKey("response");
    assertThat(client.vk("groups.getById", USER, "group_ids", "zarechny_adm").errorCode()).isEqualTo(6);
  }

  private static List<Object> idsOf(Answer a) {
    List<Object> ids = new ArrayList<>();
    for (Object item : list(a.response().get("items"))) ids.add(map(item).get("id"));
    return ids;
  }
}
