package ru.gospubliki.vk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
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
    server = new MockWebServer();
    server.setDispatcher(vk);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
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
    assertThat(FakeVk.form(vk.requests.get(0)).get("group_ids")).isEqualTo("school9_amur,mfc_amur,no_such_page");
  }

  static String post(long gid, long id, Instant date, long fromId, String extra) {
    return "{\"id\":" + id + ",\"owner_id\":-" + gid + ",\"from_id\":" + fromId + ",\"date\":" + date.getEpochSecond()
        + ",\"text\":\"Пост " + id + " #школа\",\"views\":{\"count\":100},\"likes\":{\"count\":5,\"user_likes\":0},"
        + "\"reposts\":{\"count\":1},\"comments\":{\"count\":2,\"can_post\":1}" + extra + "}";
  }

  @Test
  void readsWallsThroughExecuteWithPinnedPostsPersonsPostsAndTheWindow() {
    Instant since = NOW.minus(Duration.ofDays(28));
    vk.walls.put(123L, List.of(
        post(123, 1, NOW.minus(Duration.ofDays(400)), -123, ",\"is_pinned\":1"),
        post(123, 50, NOW.minus(Duration.ofDays(1)), -123,
            ",\"attachments\":[{\"type\":\"photo\",\"photo\":{}},{\"type\":\"link\",\"link\":{}},{\"type\":\"market\"}]"),
        post(123, 49, NOW.minus(Duration.ofDays(2)), 987654, ",\"marked_as_ads\":1"),
        post(123, 48, NOW.minus(Duration.ofDays(40)), -123, "")));
    PageRef page = PageRef.parse("vk:123");

    List<Post> posts = success(posts(platform, List.of(page), since).get(page));

    assertThat(posts).extracting(Post::id).containsExactlyInAnyOrder("1", "50", "49");
    Post pinned = posts.stream().filter(p -> p.id().equals("1")).findFirst().orElseThrow();
    assertThat(pinned.pinned()).isTrue();
    Post newest = posts.stream().filter(p -> p.id().equals("50")).findFirst().orElseThrow();
    assertThat(newest.url()).isEqualTo("https://vk.com/wall-123_50");
    assertThat(newest.authorKind()).isEqualTo(AuthorKind.COMMUNITY);
    assertThat(newest.authorId()).isEqualTo("123");
    assertThat(newest.media()).containsExactlyInAnyOrder(MediaKind.PHOTO, MediaKind.LINK, MediaKind.OTHER);
    assertThat(newest.hashtags()).containsExactly("школа");
    assertThat(newest.views()).isEqualTo(100L);
    assertThat(newest.likes()).isEqualTo(5L);
    assertThat(newest.reposts()).isEqualTo(1L);
    assertThat(newest.comments()).isEqualTo(2L);
    assertThat(newest.publishedAt()).isEqualTo(NOW.minus(Duration.ofDays(1)));
    Post byPerson = posts.stream().filter(p -> p.id().equals("49")).findFirst().orElseThrow();
    assertThat(byPerson.authorKind()).isEqualTo(AuthorKind.PERSON);
    assertThat(byPerson.authorId()).isEqualTo("987654");
    assertThat(byPerson.markedAsAd()).isTrue();

    assertThat(vk.count("execute")).isEqualTo(1);
    String code = FakeVk.form(vk.requestsTo("execute").get(0)).get("code");
    assertThat(code).contains("\"owner_id\":-123", "\"filter\":\"all\"", "\"count\":100").startsWith("return [");
  }

  @Test
  void pagesThroughAWallUntilTheWindowIsCovered() {
    Instant since = NOW.minus(Duration.ofDays(28));
    List<String> wall = new ArrayList<>();
    wall.add(post(7, 9999, NOW.minus(Duration.ofDays(900)), -7, ",\"is_pinned\":true"));
    for (int i = 0; i < 250; i++) wall.add(post(7, 5000 - i, NOW.minus(Duration.ofHours(2L * i + 1)), -7, ""));
    vk.walls.put(7L, wall);
    vk.walls.put(8L, List.of(post(8, 1, NOW.minus(Duration.ofDays(1)), -8, "")));
    PageRef seven = PageRef.parse("vk:7");
    PageRef eight = PageRef.parse("vk:8");

    Map<PageRef, FetchResult<List<Post>>> results = posts(platform, List.of(seven, eight), since);

    // 250 posts two hours apart: all within 28 days; the pinned one too.
    assertThat(success(results.get(seven))).hasSize(251);
    assertThat(success(results.get(eight))).hasSize(1);
    assertThat(vk.count("execute")).isEqualTo(3);
    String second = FakeVk.form(vk.requestsTo("execute").get(1)).get("code");
    assertThat(second).contains("\"owner_id\":-7,\"offset\":100").doesNotContain("-8,");
  }

  @Test
  void aFailedSubCallFailsOnlyItsPage() {
    Instant since = NOW.minus(Duration.ofDays(28));
    List<PageRef> pages = new ArrayList<>();
    for (long gid = 1; gid <= 30; gid++) {
      vk.walls.put(gid, List.of(post(gid, 1, NOW.minus(Duration.ofDays(1)), -gid, "")));
      pages.add(PageRef.parse("vk:" + gid));
    }
    vk.wallErrors.put(3L, new Object[] {15, "Access denied: this wall available only for community members"});
    vk.wallErrors.put(26L, new Object[] {18, "User was deleted or banned"});

    Map<PageRef, FetchResult<List<Post>>> results = posts(platform, pages, since);

    assertThat(vk.count("execute")).isEqualTo(2);
    assertThat(results.get(pages.get(2))).isInstanceOfSatisfying(FetchResult.Failure.class, failure -> {
      assertThat(failure.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
      assertThat(failure.detail()).contains("15", "Access denied");
    });
    assertThat(results.get(pages.get(25))).isInstanceOfSatisfying(FetchResult.Failure.class,
        failure -> assertThat(failure.reason()).isEqualTo(FailureReason.DELETED));
    assertThat(results.entrySet().stream().filter(e -> e.getValue() instanceof FetchResult.Success)).hasSize(28);
  }

  @Test
  void aFailedBatchFailsItsPagesWithTheReasonNotTheWholeAudit() {
    vk.can("execute", FakeVk.error(29, "Rate limit reached"));
    List<PageRef> pages = new ArrayList<>();
    for (long gid = 1; gid <= 26; gid++) {
      vk.walls.put(gid, List.of(post(gid, 1, NOW.minus(Duration.ofDays(1)), -gid, "")));
      pages.add(PageRef.parse("vk:" + gid));
    }

    Map<PageRef, FetchResult<List<Post>>> results = posts(platform, pages, NOW.minus(Duration.ofDays(28)));

    assertThat(results.get(pages.get(0))).isInstanceOfSatisfying(FetchResult.Failure.class, failure -> {
      assertThat(failure.reason()).isEqualTo(FailureReason.RATE_LIMITED);
      assertThat(failure.reportReason()).startsWith("rate_limited: ").contains("29");
    });
    assertThat(results.get(pages.get(25))).isInstanceOf(FetchResult.Success.class);
  }

  @Test
  void bulkAuditStaysWithinTheRequestBudget() {
    int n = 1700;
    List<PageRef> pages = new ArrayList<>();
    Instant since = NOW.minus(Duration.ofDays(28));
    for (long gid = 1; gid <= n; gid++) {
      vk.groups.put(gid, "{\"id\":" + gid + ",\"name\":\"g\",\"screen_name\":\"club" + gid + "\",\"is_government_organization\":1}");
      List<String> wall = new ArrayList<>();
      wall.add(post(gid, 1, NOW.minus(Duration.ofDays(300)), -gid, ",\"is_pinned\":1"));
      // A community with 100 posts in the window needs a second page to see that it is covered.
      int count = gid % 500 == 0 ? 100 : 12;
      for (int i = 0; i < count; i++) wall.add(post(gid, 1000 - i, NOW.minus(Duration.ofHours(6L * i + 1)), -gid, ""));
      wall.add(post(gid, 2, NOW.minus(Duration.ofDays(60)), -gid, ""));
      vk.walls.put(gid, wall);
      pages.add(PageRef.parse("vk:" + gid));
    }

    Map<PageRef, FetchResult<ProfileSnapshot>> profiles = platform.fetchProfiles(pages);
    Map<PageRef, FetchResult<List<Post>>> posts = posts(platform, pages, since);

    assertThat(profiles.values()).allMatch(r -> r instanceof FetchResult.Success);
    assertThat(posts.values()).allMatch(r -> r instanceof FetchResult.Success);
    assertThat(success(posts.get(pages.get(0)))).hasSize(13);
    assertThat(success(posts.get(pages.get(499)))).hasSize(101);
    int budget = (n + 499) / 500 + (n + 24) / 25 + 2;
    assertThat(vk.total()).isLessThanOrEqualTo(budget).isEqualTo(4 + 68 + 1);
  }

  @Test
  void slowResponsesBecomeNetworkFailuresPerPage() {
    VkPlatform impatient = VkPlatform.builder()
        .serviceToken(SERVICE_TOKEN)
        .baseUrl(server.url("/method/").toString())
        .timeout(Duration.ofMillis(300))
        .maxAttempts(2)
        .sleeper(nanos -> {})
        .build();
    MockResponse slow = new MockResponse.Builder().body("{\"response\":{\"groups\":[]}}")
        .headersDelay(2, TimeUnit.SECONDS).build();
    vk.can("groups.getById", slow);
    vk.can("groups.getById", slow);
    PageRef page = PageRef.parse("vk:1");

    long started = System.nanoTime();
    FetchResult<ProfileSnapshot> result = impatient.fetchProfiles(List.of(page)).get(page);

    assertThat(result).isInstanceOfSatisfying(FetchResult.Failure.class,
        failure -> assertThat(failure.reason()).isEqualTo(FailureReason.NETWORK));
    assertThat(vk.count("groups.getById")).isEqualTo(2);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1900));
  }

  @Test
  void garbageAnswersBecomeApiErrorsNamingTheMethod() {
    vk.can("groups.getById", new MockResponse.Builder().code(502)
        .addHeader("Content-Type", "text/html").body("<html><body>502 Bad Gateway</body></html>").build());
    PageRef page = PageRef.parse("vk:1");

    FetchResult<ProfileSnapshot> result = platform.fetchProfiles(List.of(page)).get(page);

    assertThat(result).isInstanceOfSatisfying(FetchResult.Failure.class, failure -> {
      assertThat(failure.reason()).isEqualTo(FailureReason.API_ERROR);
      assertThat(failure.detail()).contains("groups.getById", "HTML");
    });
  }

  @Test
  void oddlyShapedJsonNeverThrows() {
    vk.can("groups.getById", "{\"response\":{\"groups\":[1,\"a\",null,{\"id\":\"x\"},"
        + "{\"id\":9,\"name\":5,\"contacts\":\"none\",\"addresses\":[],\"cover\":true,\"wall\":\"2\","
        + "\"members_count\":1.5,\"is_government_organization\":\"yes\"}]}}");
    vk.can("execute", "{\"response\":[{\"count\":\"many\",\"items\":{\"id\":1}},"
        + "{\"items\":[1,null,{\"id\":2},{\"id\":3,\"date\":1795000000,\"attachments\":\"x\",\"likes\":7}]}]}");
    PageRef nine = PageRef.parse("vk:9");
    PageRef ten = PageRef.parse("vk:10");

    ProfileSnapshot snapshot = success(platform.fetchProfiles(List.of(nine, ten)).get(nine));
    Map<PageRef, FetchResult<List<Post>>> posts = posts(platform, List.of(nine, ten), NOW.minus(Duration.ofDays(400)));

    assertThat(snapshot.name()).isEqualTo("5");
    assertThat(snapshot.mark()).isEqualTo(MarkStatus.UNKNOWN);
    assertThat(snapshot.wall()).isEqualTo(WallAccess.LIMITED);
    assertThat(snapshot.members()).isNull();
    assertThat(success(posts.get(nine))).isEmpty();
    assertThat(success(posts.get(ten))).singleElement().satisfies(post -> {
      assertThat(post.id()).isEqualTo("3");
      assertThat(post.likes()).isEqualTo(7L);
      assertThat(post.media()).isEmpty();
    });
  }

  @Test
  void capabilitiesFollowTheConfiguredTokens() {
    assertThat(platform.capabilities().operations())
        .containsExactlyInAnyOrder(Operation.READ_PROFILES, Operation.READ_POSTS);
    VkPlatform community = VkPlatform.builder().communityToken("community-token-1").build();
    assertThat(community.capabilities().operations()).containsExactly(Operation.READ_PROFILES);
    VkPlatform user = VkPlatform.builder().userToken("user-token-1").maxTextLength(4000).build();
    assertThat(user.capabilities().operations()).contains(Operation.READ_POSTS, Operation.PUBLISH,
        Operation.SCHEDULE, Operation.UPLOAD_PHOTOS, Operation.EDIT, Operation.DELETE);
    assertThat(user.capabilities().maxTextLength()).isEqualTo(4000);
    assertThat(user.capabilities().maxMedia()).isEqualTo(10);
    assertThat(user.capabilities().photoMediaTypes()).containsExactlyInAnyOrder("image/jpeg", "image/png", "image/gif");
    assertThat(user.toString()).doesNotContain("user-token-1");
  }

  @Test
  void aCommunityTokenAloneCannotReadWalls() {
    VkPlatform community = VkPlatform.builder().communityToken("community-token-1")
        .baseUrl(server.url("/method/").toString()).build();
    PageRef page = PageRef.parse("vk:1");

    FetchResult<List<Post>> result = posts(community, List.of(page), NOW).get(page);

    assertThat(result).isInstanceOfSatisfying(FetchResult.Failure.class, failure -> {
      assertThat(failure.reason()).isEqualTo(FailureReason.AUTHORIZATION);
      assertThat(failure.detail()).contains("сервисный ключ");
    });
    assertThat(vk.total()).isZero();
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
