package ru.gospubliki.vk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.MediaKind;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PageState;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.model.WallAccess;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.Operation;

class VkReadTest {
  static final String SERVICE_TOKEN = "svc-0123456789abcdef";
  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final FakeVk vk = new FakeVk();
  private MockWebServer server;
  private VkPlatform platform;

  @BeforeEach
  void start() throws IOException {
    server = vk.serve();
    platform = VkPlatform.builder()
        .serviceToken(SERVICE_TOKEN)
        .baseUrl(server.url("/method/").toString())
        .clock(CLOCK)
        .serviceRequestsPerSecond(1000)
        .sleeper(nanos -> {})
        .build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static String fullGroup(long id) {
    return "{\"id\":" + id + ",\"name\":\"МБОУ СОШ № 9\",\"screen_name\":\"school9_amur\",\"type\":\"group\","
        + "\"is_closed\":0,\"description\":\"Муниципальное бюджетное общеобразовательное учреждение\","
        + "\"site\":\"https://school9.example.ru\",\"members_count\":1520,\"verified\":0,"
        + "\"phone\":\"+7 (42141) 2-34-56\",\"unknown_future_field\":{\"a\":[1,2]},"
        + "\"contacts\":[{\"user_id\":1,\"desc\":\"Директор\",\"phone\":\"8 914 000-00-01\"},"
        + "{\"user_id\":2,\"desc\":\"Секретарь\",\"email\":\"school9@example.ru\"}],"
        + "\"addresses\":{\"is_enabled\":true,\"main_address_id\":7,\"main_address\":{\"id\":7,\"title\":\"Школа\","
        + "\"address\":\"ул. Ленина, 1\",\"city\":{\"id\":1,\"title\":\"Амурск\"},\"phone\":\"+7 42141 2-00-00\","
        + "\"timetable\":{\"mon\":{\"open_time\":540,\"close_time\":1080},\"tue\":{\"open_time\":540,\"close_time\":1080},"
        + "\"wed\":{\"open_time\":540,\"close_time\":1080},\"thu\":{\"open_time\":540,\"close_time\":1080},"
        + "\"fri\":{\"open_time\":540,\"close_time\":1020,\"break_open_time\":780,\"break_close_time\":840}}}},"
        + "\"cover\":{\"enabled\":1,\"images\":[]},\"photo_200\":\"https://sun9-1.userapi.com/s/v1/abc.jpg\","
        + "\"wall\":2,\"is_government_organization\":true}";
  }

  @Test
  void mapsEveryProfileFieldFromTheDocumentedShape() throws Exception {
    vk.groups.put(123L, fullGroup(123));
    PageRef page = PageRef.parse("https://vk.com/club123");

    FetchResult<ProfileSnapshot> result = platform.fetchProfiles(List.of(page)).get(page);

    assertThat(result).isInstanceOf(FetchResult.Success.class);
    ProfileSnapshot snapshot = ((FetchResult.Success<ProfileSnapshot>) result).value();
    assertThat(snapshot.page()).isEqualTo(PageRef.parse("vk:123"));
    assertThat(snapshot.name()).isEqualTo("МБОУ СОШ № 9");
    assertThat(snapshot.screenName()).isEqualTo("school9_amur");
    assertThat(snapshot.description()).startsWith("Муниципальное");
    assertThat(snapshot.postalAddress()).isEqualTo("Амурск, ул. Ленина, 1");
    assertThat(snapshot.email()).isEqualTo("school9@example.ru");
    assertThat(snapshot.phones()).containsExactly("+7 (42141) 2-34-56", "8 914 000-00-01", "+7 42141 2-00-00");
    assertThat(snapshot.website()).isEqualTo("https://school9.example.ru");
    assertThat(snapshot.workHours()).isEqualTo("пн–чт 09:00–18:00; пт 09:00–17:00 (перерыв 13:00–14:00)");
    assertThat(snapshot.hasAvatar()).isTrue();
    assertThat(snapshot.hasCover()).isTrue();
    assertThat(snapshot.isCommunity()).isTrue();
    assertThat(snapshot.state()).isEqualTo(PageState.OPEN);
    assertThat(snapshot.members()).isEqualTo(1520L);
    assertThat(snapshot.mark()).isEqualTo(MarkStatus.CONFIRMED);
    assertThat(snapshot.wall()).isEqualTo(WallAccess.LIMITED);
    assertThat(snapshot.commentsOpen()).isNull();
    assertThat(snapshot.takenAt()).isEqualTo(NOW);

    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + SERVICE_TOKEN);
    assertThat(request.getUrl().toString()).doesNotContain(SERVICE_TOKEN).endsWith("/method/groups.getById");
    Map<String, String> form = FakeVk.form(request);
    assertThat(form).containsEntry("v", "5.199").containsEntry("group_ids", "123").doesNotContainKey("access_token");
    assertThat(form.get("fields").split(",")).contains("is_government_organization", "trust_mark", "addresses",
        "contacts", "site", "phone", "cover", "photo_200", "wall", "members_count", "description");
  }

  @Test
  void acceptsTheOlderBareArrayFormAndNumbersAsBooleans() {
    vk.can("groups.getById", "{\"response\":[{\"id\":5,\"name\":\"Старый ответ\",\"is_closed\":\"0\","
        + "\"is_government_organization\":1,\"cover\":{\"enabled\":0},"
        + "\"photo_200\":\"https://vk.com/images/community_200.png\",\"addresses\":{\"is_enabled\":false,"
        + "\"main_address\":{\"address\":\"скрыт\"}}}]}");
    PageRef page = PageRef.parse("vk:5");

    ProfileSnapshot snapshot = success(platform.fetchProfiles(List.of(page)).get(page));

    assertThat(snapshot.name()).isEqualTo("Старый ответ");
    assertThat(snapshot.mark()).isEqualTo(MarkStatus.CONFIRMED);
    assertThat(snapshot.hasCover()).isFalse();
    assertThat(snapshot.hasAvatar()).isFalse();
    assertThat(snapshot.postalAddress()).isNull();
    assertThat(snapshot.workHours()).isNull();
    assertThat(snapshot.wall()).isEqualTo(WallAccess.UNKNOWN);
    assertThat(snapshot.phones()).isEmpty();
  }

  @Test
  void governmentMarkIsUnknownWhenTheKeyIsAbsent() {
    vk.groups.put(1L, "{\"id\":1,\"name\":\"a\",\"screen_name\":\"a1\"}");
    vk.groups.put(2L, "{\"id\":2,\"name\":\"b\",\"screen_name\":\"b2\",\"is_government_organization\":false}");
    vk.groups.put(3L, "{\"id\":3,\"name\":\"c\",\"screen_name\":\"c3\",\"trust_mark\":1}");
    vk.groups.put(4L, "{\"id\":4,\"name\":\"d\",\"screen_name\":\"d4\",\"is_government_organization\":0,\"trust_mark\":1}");
    List<PageRef> pages = List.of(PageRef.parse("vk:1"), PageRef.parse("vk:2"), PageRef.parse("vk:3"), PageRef.parse("vk:4"));

    Map<PageRef, FetchResult<ProfileSnapshot>> results = platform.fetchProfiles(pages);

    assertThat(success(results.get(pages.get(0))).mark()).isEqualTo(MarkStatus.UNKNOWN);
    assertThat(success(results.get(pages.get(1))).mark()).isEqualTo(MarkStatus.ABSENT);
    assertThat(success(results.get(pages.get(2))).mark()).isEqualTo(MarkStatus.CONFIRMED);
    assertThat(success(results.get(pages.get(3))).mark()).isEqualTo(MarkStatus.ABSENT);
    assertThat(vk.count("groups.getById")).isEqualTo(1);
  }

  @Test
  void deletedBannedClosedPrivateAndMissingCommunities() {
    vk.groups.put(10L, "{\"id\":10,\"name\":\"DELETED\",\"screen_name\":\"club10\",\"deactivated\":\"deleted\",\"is_closed\":0}");
    vk.groups.put(11L, "{\"id\":11,\"name\":\"x\",\"screen_name\":\"club11\",\"deactivated\":\"banned\"}");
    vk.groups.put(12L, "{\"id\":12,\"name\":\"x\",\"screen_name\":\"club12\",\"is_closed\":1}");
    vk.groups.put(13L, "{\"id\":13,\"name\":\"x\",\"screen_name\":\"club13\",\"is_closed\":2}");
    Map<PageRef, FetchResult<ProfileSnapshot>> results = platform.fetchProfiles(List.of(
        PageRef.parse("vk:10"), PageRef.parse("vk:11"), PageRef.parse("vk:12"), PageRef.parse("vk:13"),
        PageRef.parse("vk:14")));

    assertThat(success(results.get(PageRef.parse("vk:10"))).state()).isEqualTo(PageState.DELETED);
    assertThat(success(results.get(PageRef.parse("vk:11"))).state()).isEqualTo(PageState.BANNED);
    assertThat(success(results.get(PageRef.parse("vk:12"))).state()).isEqualTo(PageState.CLOSED);
    assertThat(success(results.get(PageRef.parse("vk:13"))).state()).isEqualTo(PageState.PRIVATE);
    assertThat(results.get(PageRef.parse("vk:14"))).isInstanceOfSatisfying(FetchResult.Failure.class,
        failure -> assertThat(failure.reason()).isEqualTo(FailureReason.NOT_FOUND));
  }

  @Test
  void readsProfilesInChunksOf500AndKeepsTheCallersOrder() {
    List<PageRef> pages = new ArrayList<>();
    for (long id = 1200; id >= 1; id--) {
      vk.groups.put(id, "{\"id\":" + id + ",\"name\":\"g" + id + "\",\"screen_name\":\"club" + id + "\"}");
      pages.add(PageRef.parse("vk:" + id));
    }

    Map<PageRef, FetchResult<ProfileSnapshot>> results = platform.fetchProfiles(pages);

    assertThat(results.keySet()).containsExactlyElementsOf(pages);
    assertThat(results.values()).allMatch(r -> r instanceof FetchResult.Success);
    assertThat(vk.count("groups.getById")).isEqualTo(3);
    assertThat(vk.requests).allSatisfy(r -> assertThat(FakeVk.form(r).get("group_ids").split(",").length).isLessThanOrEqualTo(500));
  }

  @Test
  void resolvesScreenNamesInBulkAndNumericIdsWithoutRequests() {
    vk.groups.put(123L, fullGroup(123));
    vk.groups.put(77L, "{\"id\":77,\"name\":\"x\",\"screen_name\":\"mfc_amur\"}");
    PageRef school = PageRef.parse("https://vk.com/school9_amur");
    PageRef mfc = PageRef.parse("https://vk.com/mfc_amur");
    PageRef missing = PageRef.parse("https://vk.com/no_such_page");
    PageRef numeric = PageRef.parse("https://vk.com/public555");

    Map<PageRef, FetchResult<PageRef>> resolved = platform.resolve(List.of(school, numeric, mfc, missing));

    assertThat(success(resolved.get(school))).isEqualTo(PageRef.parse("vk:123"));
    assertThat(success(resolved.get(mfc))).isEqualTo(PageRef.parse("vk:77"));
    assertThat(success(resolved.get(numeric))).isEqualTo(numeric);
    assertThat(resolved.get(missing)).isInstanceOfSatisfying(FetchResult.Failure.class,
        failure -> assertThat(failure.reason()).isEqualTo(FailureReason.NOT_FOUND));
    assertThat(vk.count("groups.getById")).isEqualTo(1);
    assertThat(FakeVk.form(vk.requestsTo("groups.getById").get(0)).get("group_ids"))
        .isEqualTo("school9_amur,mfc_amur,no_such_page");
    // A screen name that is no community may be a person's: asked once, it is nobody's.
    assertThat(vk.count("utils.resolveScreenName")).isEqualTo(1);
  }

  @Test
  void aScreenNameComesBackAsTheNumericIdSoARenameDoesNotSplitThePage() {
    vk.groups.put(123L, fullGroup(123));
    PageRef byName = PageRef.parse("https://vk.com/school9_amur");

    ProfileSnapshot snapshot = success(platform.fetchProfiles(List.of(byName)).get(byName));

    assertThat(snapshot.page()).isEqualTo(PageRef.parse("vk:123"));
    assertThat(snapshot.screenName()).isEqualTo("school9_amur");
  }

  @Test
  void aPersonsPageIsReadAsAPersonNotAsABrokenCommunity() {
    vk.users.put(123L, "{\"id\":123,\"first_name\":\"Иван\",\"last_name\":\"Петров\",\"screen_name\":\"ivan.petrov\","
        + "\"photo_200\":\"https://sun9-1.userapi.com/u/abc.jpg\"}");
    vk.users.put(456L, "{\"id\":456,\"first_name\":\"Анна\",\"last_name\":\"Иванова\",\"screen_name\":\"anna_school9\"}");
    vk.groups.put(7L, "{\"id\":7,\"name\":\"Школа\",\"screen_name\":\"school7\"}");
    PageRef byId = PageRef.parse("https://vk.com/id123");
    PageRef byName = PageRef.parse("https://vk.com/anna_school9");
    PageRef community = PageRef.parse("https://vk.com/school7");

    Map<PageRef, FetchResult<ProfileSnapshot>> results = platform.fetchProfiles(List.of(byId, byName, community));

    ProfileSnapshot ivan = success(results.get(byId));
    assertThat(ivan.isCommunity()).isFalse();
    assertThat(ivan.name()).isEqualTo("Иван Петров");
    assertThat(ivan.hasAvatar()).isTrue();
    assertThat(ivan.page()).isEqualTo(PageRef.parse("https://vk.com/id123"));
    ProfileSnapshot anna = success(results.get(byName));
    assertThat(anna.isCommunity()).isFalse();
    assertThat(anna.name()).isEqualTo("Анна Иванова");
    assertThat(anna.hasAvatar()).as("no photo_200: unknown, not absent").isNull();
    assertThat(success(results.get(community)).isCommunity()).isTrue();
    // id123 needs no resolution; the screen name is asked of groups.getById, then resolveScreenName.
    assertThat(vk.count("utils.resolveScreenName")).isEqualTo(1);
    assertThat(vk.count("users.get")).isEqualTo(1);
    assertThat(FakeVk.form(vk.requestsTo("users.get").get(0)).get("user_ids").split(","))
        .containsExactlyInAnyOrder("123", "456");
    // A person's page is no community to resolve to.
    assertThat(platform.resolve(List.of(byName)).get(byName)).isInstanceOfSatisfying(FetchResult.Failure.class,
        failure -> assertThat(failure.detail()).contains("человеку"));
  }

  @Test
  void aMissingPhotoIsUnknownNotAbsent() {
    vk.groups.put(8L, "{\"id\":8,\"name\":\"Без фото\",\"screen_name\":\"club8\"}");
    PageRef page = PageRef.parse("vk:8");

    assertThat(success(platform.fetchProfiles(List.of(page)).get(page)).hasAvatar()).isNull();
  }

  @Test
  void oneMalformedGroupFailsOnlyItsOwnPage() {
    vk.can("groups.getById", "{\"response\":{\"groups\":["
        + "{\"id\":1,\"name\":\"Первая\",\"screen_name\":\"club1\"},"
        + "{\"id\":0,\"name\":\"Ноль\",\"screen_name\":\"club2\"},"
        + "{\"id\":-9223372036854775808,\"name\":\"Минимум\",\"screen_name\":\"club3\"},"
        + "{\"id\":4,\"name\":\"Четвёртая\",\"screen_name\":\"club4\",\"members_count\":\"many\"},"
        + "{\"id\":5,\"name\":\"Пятая\",\"screen_name\":\"club5\"}],\"profiles\":[]}}");
    List<PageRef> pages = List.of(PageRef.parse("vk:1"), PageRef.parse("vk:2"), PageRef.parse("vk:3"),
        PageRef.parse("vk:4"), PageRef.parse("vk:5"));

    Map<PageRef, FetchResult<ProfileSnapshot>> results = platform.fetchProfiles(pages);

    assertThat(success(results.get(pages.get(0))).name()).isEqualTo("Первая");
    assertThat(success(results.get(pages.get(4))).name()).isEqualTo("Пятая");
    for (PageRef bad : List.of(pages.get(1), pages.get(2), pages.get(3))) {
      assertThat(results.get(bad)).as(bad.toString()).isInstanceOfSatisfying(FetchResult.Failure.class, failure -> {
        assertThat(failure.reason()).isEqualTo(FailureReason.API_ERROR);
        assertThat(failure.detail()).contains("некорректное сообщество");
      });
    }
    assertThat(((FetchResult.Failure<?>) results.get(pages.get(3))).detail()).contains("members_count");
  }

  @Test
  void aTokenNoPlatformWouldAcceptIsRefusedUpFrontByItsRole() {
    assertThatThrownBy(() -> VkPlatform.builder().serviceToken("abc\ndef"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("serviceToken: ")
        .hasMessageContaining("перевод строки").hasMessageNotContaining("abc");
    assertThatThrownBy(() -> VkPlatform.builder().userTokens(List.of("good-token-1", "ключ")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("userTokens[1]: ")
        .hasMessageContaining("ASCII");
    assertThatThrownBy(() -> VkPlatform.builder().addCommunityToken("a b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("communityTokens[0]: ");
    assertThatThrownBy(() -> VkPlatform.builder().serviceToken("  "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("пуст");
    assertThat(vk.total()).isZero();
  }

  @Test
  void toStringShowsNeitherTokensNorTheBaseUrl() {
    VkPlatform configured = VkPlatform.builder()
        .baseUrl("https://user:password@api.vk.example/method/")
        .serviceTokens(List.of("service-secret-1", "service-secret-2"))
        .userToken("user-secret-1")
        .build();

    assertThat(configured.toString()).doesNotContain("secret", "password", "api.vk.example")
        .contains("SERVICE=2", "USER=1");
    configured.close();
  }

  @Test
  void capabilitiesFollowTheConfiguredTokens() {
    assertThat(platform.capabilities().operations())
        .containsExactlyInAnyOrder(Operation.READ_PROFILES, Operation.READ_POSTS);
    assertThat(platform.capabilities().unavailableBecause().get(Operation.PUBLISH)).contains("ключ пользователя");
    VkPlatform community = VkPlatform.builder().communityToken("community-token-1").build();
    assertThat(community.capabilities().operations()).containsExactly(Operation.READ_PROFILES);
    assertThat(community.capabilities().unavailableBecause().get(Operation.READ_POSTS))
        .contains("ключ сообщества стены читать не может");
    VkPlatform user = VkPlatform.builder().userToken("user-token-1").maxTextLength(4000).build();
    assertThat(user.capabilities().operations()).contains(Operation.READ_POSTS, Operation.PUBLISH,
        Operation.SCHEDULE, Operation.UPLOAD_PHOTOS, Operation.EDIT, Operation.DELETE);
    assertThat(user.capabilities().maxTextLength()).isEqualTo(4000);
    assertThat(user.capabilities().maxMedia()).isEqualTo(10);
    assertThat(user.capabilities().dedupWindow()).isEqualTo(Duration.ofHours(1));
    assertThat(user.capabilities().photoMediaTypes()).containsExactlyInAnyOrder("image/jpeg", "image/png", "image/gif");
    assertThat(user.toString()).doesNotContain("user-token-1");
  }

  /** The posts each page's history holds, for the assertions that look at posts only. */
  static Map<PageRef, FetchResult<List<Post>>> posts(VkPlatform platform, java.util.Collection<PageRef> pages,
      java.time.Instant since) {
    Map<PageRef, FetchResult<List<Post>>> result = new java.util.LinkedHashMap<>();
    platform.fetchPosts(pages, ru.gospubliki.platform.PostQuery.since(since))
        .forEach((page, read) -> result.put(page, read.map(ru.gospubliki.platform.PostHistory::posts)));
    return result;
  }

  static <T> T success(FetchResult<T> result) {
    assertThat(result).isInstanceOf(FetchResult.Success.class);
    return ((FetchResult.Success<T>) result).value();
  }
}
