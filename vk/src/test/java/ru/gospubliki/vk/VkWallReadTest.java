package ru.gospubliki.vk;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.vk.VkReadTest.success;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.MediaKind;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.Post;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.platform.PostQuery;

/** Reading walls: planned by the token kinds at hand, batched, paged, split, spread over the pool. */
class VkWallReadTest {
  static final String USER = "vk1.a.user-token-0001";
  static final String USER_2 = "vk1.a.user-token-0002";
  static final String SERVICE = "service-token-0001";
  static final String COMMUNITY = "vk1.a.community-token-0001";
  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  static final Instant SINCE = NOW.minus(Duration.ofDays(28));

  private final FakeVk vk = new FakeVk();
  private MockWebServer server;
  private final List<VkPlatform> platforms = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    vk.tokenKinds.put(USER, "user");
    vk.tokenKinds.put(USER_2, "user");
    vk.tokenKinds.put(SERVICE, "service");
    vk.tokenKinds.put(COMMUNITY, "community");
    server = vk.serve();
  }

  @AfterEach
  void stop() {
    platforms.forEach(VkPlatform::close);
    server.close();
  }

  private VkPlatform.Builder builder() {
    return VkPlatform.builder()
        .baseUrl(server.url("/method/").toString())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .serviceRequestsPerSecond(1000)
        .userRequestsPerSecond(1000)
        .communityRequestsPerSecond(1000)
        .sleeper(nanos -> {});
  }

  private VkPlatform platform(VkPlatform.Builder builder) {
    VkPlatform platform = builder.build();
    platforms.add(platform);
    return platform;
  }

  static String post(long gid, long id, Instant date, long fromId, String extra) {
    return "{\"id\":" + id + ",\"owner_id\":-" + gid + ",\"from_id\":" + fromId + ",\"date\":" + date.getEpochSecond()
        + ",\"text\":\"Пост " + id + " #школа\",\"views\":{\"count\":100},\"likes\":{\"count\":5,\"user_likes\":0},"
        + "\"reposts\":{\"count\":1},\"comments\":{\"count\":2,\"can_post\":1}" + extra + "}";
  }

  private static final String PHOTO = ",\"attachments\":[{\"type\":\"photo\",\"photo\":{\"id\":1,\"owner_id\":-1,"
      + "\"sizes\":[{\"type\":\"x\",\"url\":\"https://sun9-1.userapi.com/x.jpg\",\"width\":604,\"height\":403}]}}]";

  private List<PageRef> communities(int n, int postsEach) {
    List<PageRef> pages = new ArrayList<>();
    for (long gid = 1; gid <= n; gid++) {
      List<String> wall = new ArrayList<>();
      for (int i = 0; i < postsEach; i++) {
        wall.add(post(gid, 100 - i, NOW.minus(Duration.ofHours(20L * i + 1)), -gid, i % 2 == 0 ? PHOTO : ""));
      }
      vk.walls.put(gid, wall);
      pages.add(PageRef.parse("vk:" + gid));
    }
    return pages;
  }

  private static List<Post> posts(FetchResult<PostHistory> result) {
    return success(result).posts();
  }

  @Test
  void aUserTokenReadsWalls25PerExecuteWithOnlyTheFieldsTheRulesRead() {
    VkPlatform platform = platform(builder().userToken(USER));
    List<PageRef> pages = communities(60, 3);

    Map<PageRef, FetchResult<PostHistory>> results = platform.fetchPosts(pages, PostQuery.since(SINCE));

    assertThat(results.values()).allMatch(r -> r instanceof FetchResult.Success);
    assertThat(vk.count("execute")).isEqualTo(3);
    assertThat(vk.count("wall.get")).isZero();
    List<Integer> perCall = new ArrayList<>();
    for (RecordedRequest request : vk.requestsTo("execute")) {
      String code = FakeVk.form(request).get("code");
      perCall.add(code.split("API\\.wall\\.get").length - 1);
      assertThat(code).contains("items@.date", "items@.attachments@.type", "\"filter\":\"all\"", "\"count\":100")
          .doesNotContain("return [API.wall.get");
    }
    assertThat(perCall).containsExactlyInAnyOrder(25, 25, 10);
    Post first = posts(results.get(pages.get(0))).get(0);
    assertThat(first.media()).containsExactly(MediaKind.PHOTO);
    assertThat(first.views()).isEqualTo(100L);
    assertThat(first.comments()).isEqualTo(2L);
    assertThat(success(results.get(pages.get(0))).totalPosts()).isEqualTo(3L);
    assertThat(success(results.get(pages.get(0))).reachedStart()).isTrue();
  }

  @Test
  void aServiceTokenNeverCallsExecuteNorWritesAndReadsOneWallPerCall() {
    VkPlatform platform = platform(builder().serviceToken(SERVICE));
    List<PageRef> pages = communities(7, 2);

    Map<PageRef, FetchResult<PostHistory>> results = platform.fetchPosts(pages, PostQuery.since(SINCE));
    platform.send(ru.gospubliki.platform.SendRequest.builder().page(pages.get(0))
        .draft(ru.gospubliki.model.PostDraft.builder().text("Текст").idempotencyKey("k").build()).build());

    assertThat(results.values()).allMatch(r -> r instanceof FetchResult.Success);
    assertThat(vk.count("wall.get")).isEqualTo(7);
    assertThat(vk.count("execute")).isZero();
    assertThat(vk.count("wall.post")).isZero();
    assertThat(vk.wrongKind.get()).isZero();
    assertThat(posts(results.get(pages.get(3)))).hasSize(2);
  }

  @Test
  void withBothKindsWallsGoThroughTheUserTokenAndProfilesAreSpreadOverAll() {
    VkPlatform platform = platform(builder().serviceToken(SERVICE).userToken(USER).communityToken(COMMUNITY));
    List<PageRef> pages = communities(30, 1);
    for (long gid = 1; gid <= 1500; gid++) vk.groups.put(gid, "{\"id\":" + gid + ",\"name\":\"g\",\"screen_name\":\"c" + gid + "\"}");
    List<PageRef> many = new ArrayList<>();
    for (long gid = 1; gid <= 1500; gid++) many.add(PageRef.parse("vk:" + gid));

    platform.fetchPosts(pages, PostQuery.since(SINCE));
    platform.fetchProfiles(many);

    assertThat(vk.count(USER, "execute")).isEqualTo(2);
    assertThat(vk.count(SERVICE, "wall.get")).isZero();
    assertThat(vk.count(COMMUNITY, "wall.get") + vk.count(COMMUNITY, "execute")).isZero();
    assertThat(vk.count("groups.getById")).isEqualTo(3);
    assertThat(vk.wrongKind.get()).isZero();
  }

  @Test
  void withOnlyACommunityTokenWallsAreNotReadAndTheAnswerSaysWhyWithoutARequest() {
    VkPlatform platform = platform(builder().communityToken(COMMUNITY));
    List<PageRef> pages = communities(3, 1);

    Map<PageRef, FetchResult<PostHistory>> results = platform.fetchPosts(pages, PostQuery.since(SINCE));

    assertThat(results.values()).allSatisfy(result -> assertThat(result).isInstanceOfSatisfying(FetchResult.Failure.class,
        failure -> {
          assertThat(failure.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
          assertThat(failure.detail()).contains("ключ пользователя", "сервисный ключ", "ключ сообщества стены читать не может");
        }));
    assertThat(vk.total()).isZero();
  }

  @Test
  void readsPinnedPostsPersonsPostsAndTheWindow() {
    VkPlatform platform = platform(builder().userToken(USER));
    vk.walls.put(123L, List.of(
        post(123, 1, NOW.minus(Duration.ofDays(400)), -123, ",\"is_pinned\":1"),
        post(123, 50, NOW.minus(Duration.ofDays(1)), -123,
            ",\"attachments\":[{\"type\":\"photo\",\"photo\":{}},{\"type\":\"link\",\"link\":{}},{\"type\":\"market\"}]"),
        post(123, 49, NOW.minus(Duration.ofDays(2)), 987654, ",\"marked_as_ads\":1"),
        post(123, 48, NOW.minus(Duration.ofDays(40)), -123, "")));
    PageRef page = PageRef.parse("vk:123");

    PostHistory history = success(platform.fetchPosts(List.of(page), PostQuery.since(SINCE)).get(page));

    assertThat(history.posts()).extracting(Post::id).containsExactlyInAnyOrder("1", "50", "49");
    Post pinned = history.posts().stream().filter(p -> p.id().equals("1")).findFirst().orElseThrow();
    assertThat(pinned.pinned()).isTrue();
    Post newest = history.posts().stream().filter(p -> p.id().equals("50")).findFirst().orElseThrow();
    assertThat(newest.url()).isEqualTo("https://vk.com/wall-123_50");
    assertThat(newest.authorKind()).isEqualTo(AuthorKind.COMMUNITY);
    assertThat(newest.media()).containsExactlyInAnyOrder(MediaKind.PHOTO, MediaKind.LINK, MediaKind.OTHER);
    assertThat(newest.hashtags()).containsExactly("школа");
    assertThat(newest.likes()).isEqualTo(5L);
    assertThat(newest.publishedAt()).isEqualTo(NOW.minus(Duration.ofDays(1)));
    Post byPerson = history.posts().stream().filter(p -> p.id().equals("49")).findFirst().orElseThrow();
    assertThat(byPerson.authorKind()).isEqualTo(AuthorKind.PERSON);
    assertThat(byPerson.authorId()).isEqualTo("987654");
    assertThat(byPerson.markedAsAd()).isTrue();
    assertThat(history.totalPosts()).isEqualTo(4L);
    assertThat(history.reachedStart()).isTrue();
  }

  @Test
  void pagesBackUntilTheWindowIsCoveredAndThenForTheMinimumOfOwnPosts() {
    VkPlatform platform = platform(builder().userToken(USER));
    List<String> wall = new ArrayList<>();
    wall.add(post(7, 9999, NOW.minus(Duration.ofDays(900)), -7, ",\"is_pinned\":true"));
    for (int i = 0; i < 250; i++) wall.add(post(7, 5000 - i, NOW.minus(Duration.ofHours(2L * i + 1)), -7, ""));
    vk.walls.put(7L, wall);
    // A quiet wall: nothing in the window, one person's post, own posts far back.
    List<String> quiet = new ArrayList<>();
    quiet.add(post(8, 300, NOW.minus(Duration.ofDays(40)), 55, ""));
    for (int i = 0; i < 150; i++) quiet.add(post(8, 299 - i, NOW.minus(Duration.ofDays(60L + i)), -8, ""));
    vk.walls.put(8L, quiet);
    PageRef seven = PageRef.parse("vk:7");
    PageRef eight = PageRef.parse("vk:8");

    Map<PageRef, FetchResult<PostHistory>> results = platform.fetchPosts(List.of(seven, eight),
        PostQuery.builder().since(SINCE).minOwnPosts(2).build());

    PostHistory busy = success(results.get(seven));
    assertThat(busy.posts()).hasSize(251); // 250 posts two hours apart, all in the window, and the pinned one
    assertThat(busy.reachedStart()).isTrue();
    PostHistory calm = success(results.get(eight));
    assertThat(calm.posts()).extracting(Post::id).containsExactlyInAnyOrder("299", "298");
    assertThat(calm.reachedStart()).isFalse();
    assertThat(calm.totalPosts()).isEqualTo(151L);
    // 7: offsets 0, 100, 200 (the last page ends the wall); 8: one page had both own posts.
    assertThat(vk.count("execute")).isEqualTo(3);
  }

  @Test
  void aWallWithoutEnoughOwnPostsIsReadToItsStart() {
    VkPlatform platform = platform(builder().serviceToken(SERVICE));
    vk.walls.put(9L, List.of(post(9, 2, NOW.minus(Duration.ofDays(100)), -9, "")));
    PageRef page = PageRef.parse("vk:9");

    PostHistory history = success(platform.fetchPosts(List.of(page),
        PostQuery.builder().since(SINCE).minOwnPosts(2).build()).get(page));

    assertThat(history.posts()).hasSize(1);
    assertThat(history.reachedStart()).isTrue();
    assertThat(history.totalPosts()).isEqualTo(1L);
  }

  @Test
  void aServerThatRepeatsAPageStopsThePaging() {
    VkPlatform platform = platform(builder().serviceToken(SERVICE));
    List<String> page = new ArrayList<>();
    for (int i = 0; i < 100; i++) page.add(post(5, 1000 - i, NOW.minus(Duration.ofHours(i + 1)), -5, ""));
    String body = "{\"response\":{\"count\":100000,\"items\":[" + String.join(",", page) + "]}}";
    for (int i = 0; i < 400; i++) vk.can("wall.get", body); // whatever the offset, the same page

    PostHistory history = success(platform.fetchPosts(List.of(PageRef.parse("vk:5")), PostQuery.since(SINCE))
        .get(PageRef.parse("vk:5")));

    assertThat(history.posts()).hasSize(100);
    assertThat(history.reachedStart()).isFalse();
    assertThat(vk.count("wall.get")).isEqualTo(2);
  }

  @Test
  void pagingHasAHardBound() {
    VkPlatform platform = platform(builder().serviceToken(SERVICE));
    List<String> endless = new ArrayList<>();
    for (int i = 0; i < 6000; i++) endless.add(post(6, 100_000 - i, NOW.minus(Duration.ofMinutes(i + 1)), -6, ""));
    vk.walls.put(6L, endless);

    PostHistory history = success(platform.fetchPosts(List.of(PageRef.parse("vk:6")), PostQuery.since(SINCE))
        .get(PageRef.parse("vk:6")));

    assertThat(vk.count("wall.get")).isEqualTo(ru.gospubliki.vk.internal.Reader.MAX_PAGES_PER_WALL);
    assertThat(history.posts()).hasSize(5000);
    assertThat(history.reachedStart()).isFalse();
  }

  @Test
  void errorThirteenSplitsTheBatchUntilTheAnswersFit() {
    VkPlatform platform = platform(builder().userToken(USER));
    List<PageRef> pages = communities(25, 20);
    vk.maxExecuteBytes = 20_000;

    Map<PageRef, FetchResult<PostHistory>> results = platform.fetchPosts(pages, PostQuery.since(SINCE));

    assertThat(results.values()).allMatch(r -> r instanceof FetchResult.Success);
    assertThat(results.values()).allSatisfy(r -> assertThat(posts(r)).hasSize(20));
    List<Integer> sizes = new ArrayList<>();
    for (RecordedRequest request : vk.requestsTo("execute")) {
      sizes.add(FakeVk.form(request).get("code").split("API\\.wall\\.get").length - 1);
    }
    assertThat(sizes.get(0)).isEqualTo(25);
    assertThat(sizes).contains(12, 13);
    assertThat(sizes.stream().mapToInt(Integer::intValue).max().orElse(0)).isEqualTo(25);
    assertThat(sizes.subList(1, sizes.size())).allMatch(size -> size <= 13);
  }

  @Test
  void errorTwentyNineSetsTheTokenAsideAndTheOtherCarriesOn() {
    VkPlatform platform = platform(builder().userTokens(List.of(USER, USER_2)));
    vk.wallQuota.put(USER, new java.util.concurrent.atomic.AtomicInteger(0));
    List<PageRef> pages = communities(60, 2);

    Map<PageRef, FetchResult<PostHistory>> results = platform.fetchPosts(pages, PostQuery.since(SINCE));

    assertThat(results.values()).allMatch(r -> r instanceof FetchResult.Success);
    // Met the quota on what it had taken (up to every batch at once), then set aside: the other read all.
    assertThat(vk.count(USER, "execute")).isBetween(1, 3);
    assertThat(vk.count(USER_2, "execute")).isEqualTo(3);
  }

  @Test
  void whenEveryTokenIsOutOfQuotaTheUnreadPagesSayQuota() {
    VkPlatform platform = platform(builder().userToken(USER).serviceToken(SERVICE));
    vk.wallQuota.put(USER, new java.util.concurrent.atomic.AtomicInteger(25));
    vk.wallQuota.put(SERVICE, new java.util.concurrent.atomic.AtomicInteger(5));
    List<PageRef> pages = communities(40, 1);

    Map<PageRef, FetchResult<PostHistory>> results = platform.fetchPosts(pages, PostQuery.since(SINCE));

    long read = results.values().stream().filter(r -> r instanceof FetchResult.Success).count();
    assertThat(read).isEqualTo(30); // 25 through execute, then 5 one by one with the service key
    results.values().stream().filter(r -> r instanceof FetchResult.Failure).forEach(result ->
        assertThat(result).isInstanceOfSatisfying(FetchResult.Failure.class, failure -> {
          assertThat(failure.reason()).isEqualTo(FailureReason.QUOTA);
          assertThat(failure.reportReason()).isEqualTo("quota");
          assertThat(failure.detail()).contains("ошибка 29", "userTokens[0]", "serviceTokens[0]");
        }));
    // The quota holds for the process until midnight in Moscow: a second read sends nothing.
    int before = vk.total();
    assertThat(platform.fetchPosts(pages.subList(0, 1), PostQuery.since(SINCE)).get(pages.get(0)))
        .isInstanceOf(FetchResult.Failure.class);
    assertThat(vk.total()).isEqualTo(before);
  }

  @Test
  void aFailedSubCallFailsOnlyItsPage() {
    VkPlatform platform = platform(builder().userToken(USER));
    List<PageRef> pages = communities(30, 1);
    vk.wallErrors.put(3L, new Object[] {15, "Access denied: this wall available only for community members"});
    vk.wallErrors.put(26L, new Object[] {18, "User was deleted or banned"});

    Map<PageRef, FetchResult<PostHistory>> results = platform.fetchPosts(pages, PostQuery.since(SINCE));

    assertThat(vk.count("execute")).isEqualTo(2);
    assertThat(results.get(pages.get(2))).isInstanceOfSatisfying(FetchResult.Failure.class, failure -> {
      assertThat(failure.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
      assertThat(failure.detail()).contains("15", "Access denied");
    });
    assertThat(results.get(pages.get(25))).isInstanceOfSatisfying(FetchResult.Failure.class,
        failure -> assertThat(failure.reason()).isEqualTo(FailureReason.DELETED));
    assertThat(results.values().stream().filter(r -> r instanceof FetchResult.Success)).hasSize(28);
  }

  @Test
  void oneMalformedPostFailsOnlyItsOwnWall() {
    VkPlatform platform = platform(builder().userToken(USER));
    List<PageRef> pages = communities(5, 2);
    vk.walls.put(2L, List.of(post(2, 10, NOW.minus(Duration.ofDays(1)), -2, ""),
        "{\"id\":11,\"owner_id\":-2,\"from_id\":-2,\"date\":1e17,\"text\":\"из будущего\"}"));
    vk.walls.put(4L, List.of("{\"id\":12,\"owner_id\":-4,\"from_id\":-4,\"date\":\"вчера\",\"text\":\"x\"}"));

    Map<PageRef, FetchResult<PostHistory>> results = platform.fetchPosts(pages, PostQuery.since(SINCE));

    assertThat(vk.count("execute")).isEqualTo(1);
    for (int good : new int[] {0, 2, 4}) assertThat(posts(results.get(pages.get(good)))).hasSize(2);
    assertThat(results.get(pages.get(1))).isInstanceOfSatisfying(FetchResult.Failure.class, failure -> {
      assertThat(failure.reason()).isEqualTo(FailureReason.API_ERROR);
      assertThat(failure.detail()).contains("запись", "11", "невозможная дата");
    });
    assertThat(results.get(pages.get(3))).isInstanceOfSatisfying(FetchResult.Failure.class, failure -> {
      assertThat(failure.reason()).isEqualTo(FailureReason.API_ERROR);
      assertThat(failure.detail()).contains("$.response[3].date[0]");
    });
  }

  @Test
  void whenTheNestedProjectionGivesNothingWholeAttachmentsAreReadInstead() {
    VkPlatform platform = platform(builder().userToken(USER));
    vk.nestedProjectionGivesNull = true;
    List<PageRef> pages = communities(30, 2);

    Map<PageRef, FetchResult<PostHistory>> results = platform.fetchPosts(pages, PostQuery.since(SINCE));

    assertThat(results.values()).allMatch(r -> r instanceof FetchResult.Success);
    assertThat(posts(results.get(pages.get(0))).stream().filter(p -> p.id().equals("100")).findFirst().orElseThrow()
        .media()).containsExactly(MediaKind.PHOTO);
    List<String> codes = new ArrayList<>();
    for (RecordedRequest request : vk.requestsTo("execute")) codes.add(FakeVk.form(request).get("code"));
    assertThat(codes.get(0)).contains("@.attachments@.type");
    // The batches read with the nested projection (one, or two taken at once) are read again whole.
    assertThat(codes.stream().filter(code -> code.contains("@.attachments@.type")).count()).isBetween(1L, 2L);
    assertThat(codes.stream().filter(code -> !code.contains("@.attachments@.type")).count()).isEqualTo(2);
  }

  @Test
  void bulkReadStaysWithinTheRequestBudget() {
    VkPlatform platform = platform(builder().userToken(USER));
    int n = 1700;
    List<PageRef> pages = new ArrayList<>();
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

    var profiles = platform.fetchProfiles(pages);
    var posts = platform.fetchPosts(pages, PostQuery.since(SINCE));

    assertThat(profiles.values()).allMatch(r -> r instanceof FetchResult.Success);
    assertThat(posts.values()).allMatch(r -> r instanceof FetchResult.Success);
    assertThat(posts(posts.get(pages.get(0)))).hasSize(13);
    assertThat(posts(posts.get(pages.get(499)))).hasSize(101);
    int budget = (n + 499) / 500 + (n + 24) / 25 + 2;
    assertThat(vk.count("groups.getById")).isEqualTo(4);
    assertThat(vk.total()).isLessThanOrEqualTo(budget);
  }
}
