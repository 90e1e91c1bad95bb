package ru.gospubliki.ok;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.gospubliki.audit.Auditor;
import ru.gospubliki.audit.PageObservation;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.MediaKind;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PageState;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.ProfileField;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.platform.PostQuery;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.testing.MutableClock;

final class OkPlatformReadTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

  @StartStop final MockWebServer server = new MockWebServer();
  private final MutableClock time = MutableClock.at(NOW);
  private final List<Duration> backoffs = new CopyOnWriteArrayList<>();
  @RegisterExtension final BuiltPlatforms built = new BuiltPlatforms();

  private OkPlatform.Builder platform() {
    return FakeOk.platform(server, time, backoffs);
  }

  private OkPlatform open(OkPlatform.Builder builder) {
    return built.open(builder);
  }

  private static MockResponse json(String body) {
    return FakeOk.json(body);
  }

  private static final String SCHOOL = "{\"uid\":\"53350000000001\",\"name\":\"МБОУ СОШ № 9\","
      + "\"description\":\"Официальная группа школы. Почта: school9@example.ru.\","
      + "\"shortname\":\"School9\",\"address\":{\"city\":\"Благовещенск\",\"street\":\"ул. Ленина\",\"house\":\"1\"},"
      + "\"phone\":\"+7 4162 00-00-00; +7 4162 11-11-11\",\"homepage_url\":\"https://school9.example.ru\","
      + "\"members_count\":1234,\"access_type\":\"OPEN\",\"pic_avatar\":\"https://i.mycdn.me/i?r=abc\","
      + "\"gos_org\":true}";
  private static final String LIBRARY = "{\"uid\":\"53350000000002\",\"name\":\"Библиотека\","
      + "\"description\":\"Без почты\",\"address\":\"г. Тында, ул. Мира, 5\",\"access_type\":\"SECRET\","
      + "\"pic_avatar\":\"https://api.ok.ru/res/stub_group_128x128.gif\"}";

  @Test
  void profilesFromTheBareArrayForm() throws Exception {
    server.enqueue(json("[" + SCHOOL + "," + LIBRARY + "]"));
    PageRef school = PageRef.parse("https://ok.ru/group/53350000000001");
    PageRef library = PageRef.parse("ok:53350000000002");
    Map<PageRef, FetchResult<ProfileSnapshot>> result = open(platform()).fetchProfiles(List.of(school, library));

    assertThat(result.keySet()).containsExactly(school, library);
    ProfileSnapshot s = success(result.get(school));
    assertThat(s.page()).isEqualTo(school);
    assertThat(s.name()).isEqualTo("МБОУ СОШ № 9");
    assertThat(s.screenName()).isEqualTo("school9");
    // OK has no email field; the email in the description is read by the profile rules, one place for every platform.
    assertThat(s.email()).isNull();
    assertThat(s.isUnavailable(ProfileField.EMAIL)).isTrue();
    assertThat(s.description()).contains("school9@example.ru");
    assertThat(s.isUnavailable(ProfileField.WORK_HOURS)).isTrue();
    assertThat(s.postalAddress()).isEqualTo("Благовещенск, ул. Ленина, 1");
    assertThat(s.phones()).containsExactly("+7 4162 00-00-00", "+7 4162 11-11-11");
    assertThat(s.website()).isEqualTo("https://school9.example.ru");
    assertThat(s.members()).isEqualTo(1234L);
    assertThat(s.state()).isEqualTo(PageState.OPEN);
    assertThat(s.mark()).isEqualTo(MarkStatus.CONFIRMED);
    assertThat(s.hasAvatar()).isTrue();
    assertThat(s.isCommunity()).isTrue();
    assertThat(s.takenAt()).isEqualTo(NOW);

    ProfileSnapshot l = success(result.get(library));
    assertThat(l.email()).isNull();
    assertThat(l.isUnavailable(ProfileField.EMAIL)).isTrue();
    assertThat(l.postalAddress()).isEqualTo("г. Тында, ул. Мира, 5");
    assertThat(l.state()).isEqualTo(PageState.PRIVATE);
    assertThat(l.mark()).isEqualTo(MarkStatus.UNKNOWN); // gos_org absent
    assertThat(l.hasAvatar()).isFalse(); // OK's stub picture

    Auditor auditor = Auditor.builder().clock(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC)).build();
    assertThat(auditor.auditPage(PageObservation.builder().page(school).profile(result.get(school)).build(), null)
        .findings()).noneSatisfy(f -> assertThat(f.rule()).isEqualTo("PROFILE_EMAIL")); // passed
    assertThat(auditor.auditPage(PageObservation.builder().page(library).profile(result.get(library)).build(), null)
        .findings()).anySatisfy(f -> {
          assertThat(f.rule()).isEqualTo("PROFILE_EMAIL");
          assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN); // OK shows none, and the description has none
        });

    Map<String, String> form = Forms.decode(server.takeRequest());
    assertThat(form).containsEntry("method", "group.getInfo").containsEntry("uids", "53350000000001,53350000000002");
    assertThat(form.get("fields")).contains("gos_org", "access_type", "description", "phone", "address");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void profilesFromTheGroupsObjectFormWithNumericIdsAndTheMarkAbsent() {
    server.enqueue(json("{\"groups\":[{\"uid\":53350000000003,\"name\":\"ДК\",\"gos_org\":\"0\","
        + "\"access_type\":\"CLOSED\",\"main_photo\":[]}]}"));
    PageRef page = PageRef.parse("ok:53350000000003");
    ProfileSnapshot s = success(open(platform()).fetchProfiles(List.of(page)).get(page));
    assertThat(s.name()).isEqualTo("ДК");
    assertThat(s.mark()).isEqualTo(MarkStatus.ABSENT);
    assertThat(s.state()).isEqualTo(PageState.CLOSED);
    assertThat(s.hasAvatar()).isNull();
  }

  @Test
  void namesMadeOfNonBreakingSpacesAreEmpty() {
    server.enqueue(json("[{\"uid\":\"1\",\"name\":\"\u00a0\u2007 \",\"description\":\"\u00a0\"}]"));
    PageRef page = PageRef.parse("ok:1");
    ProfileSnapshot s = success(open(platform()).fetchProfiles(List.of(page)).get(page));
    assertThat(s.name()).isNull();
    assertThat(s.description()).isNull();
  }

  @Test
  void batchesAndMissingGroups() throws Exception {
    server.enqueue(json("[{\"uid\":\"11\",\"name\":\"A\"},{\"uid\":\"12\",\"name\":\"B\"}]"));
    server.enqueue(json("[]"));
    List<PageRef> pages = List.of(PageRef.parse("ok:11"), PageRef.parse("ok:12"), PageRef.parse("ok:13"));
    Map<PageRef, FetchResult<ProfileSnapshot>> result = open(platform().groupInfoBatchSize(2)).fetchProfiles(pages);
    assertThat(success(result.get(pages.get(0))).name()).isEqualTo("A");
    assertThat(success(result.get(pages.get(1))).name()).isEqualTo("B");
    assertThat(result.get(pages.get(2))).isInstanceOfSatisfying(FetchResult.Failure.class,
        f -> assertThat(f.reason()).isEqualTo(FailureReason.NOT_FOUND));
    List<String> batches = List.of(Forms.decode(server.takeRequest()).get("uids"), Forms.decode(server.takeRequest()).get("uids"));
    assertThat(batches).containsExactlyInAnyOrder("11,12", "13");
  }

  @Test
  void aMalformedGroupFailsOnlyItselfNotItsNeighbours() {
    server.enqueue(json("[{\"uid\":\"11\",\"name\":\"A\"},{\"uid\":\"12\",\"members_count\":\"много\"},"
        + "{\"uid\":\"13\",\"name\":\"C\"}]"));
    List<PageRef> pages = List.of(PageRef.parse("ok:11"), PageRef.parse("ok:12"), PageRef.parse("ok:13"));
    Map<PageRef, FetchResult<ProfileSnapshot>> result = open(platform()).fetchProfiles(pages);
    assertThat(success(result.get(pages.get(0))).name()).isEqualTo("A");
    assertThat(success(result.get(pages.get(2))).name()).isEqualTo("C");
    assertThat(result.get(pages.get(1))).isInstanceOfSatisfying(FetchResult.Failure.class, f -> {
      assertThat(f.reason()).isEqualTo(FailureReason.API_ERROR);
      assertThat(f.detail()).contains("$[1].members_count", "group.getInfo");
    });
  }

  /** A ЦУР employee reads the detail: what was expected and what came is said in Russian, never in Moshi's English. */
  @Test
  void whatIsWrongInAnAnswerIsSaidInRussian() {
    Map<String, String> groups = Map.of(
        "{\"uid\":\"11\",\"members_count\":\"много\"}", "$[0].members_count: ожидалось: целое число, пришло: «много»",
        "{\"uid\":\"11\",\"address\":[\"ул. Ленина\"]}",
        "$[0].address: ожидалось: объект, пришло: непустой массив",
        "{\"uid\":\"11\",\"address\":true}", "$[0].address: ожидалось: адрес (строка или объект), пришло: true или false");
    for (Map.Entry<String, String> group : groups.entrySet()) {
      server.enqueue(json("[" + group.getKey() + "]"));
      PageRef page = PageRef.parse("ok:11");
      FetchResult<ProfileSnapshot> result = open(platform()).fetchProfiles(List.of(page)).get(page);

      assertThat(result).isInstanceOfSatisfying(FetchResult.Failure.class, failure -> assertThat(failure.detail())
          .contains(group.getValue()).doesNotContainPattern("Expected|but was|at path"));
    }
  }

  @Test
  void shortNamesAreResolvedAndAPersonsProfileIsAProfileThatIsNoCommunity() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        Map<String, String> form = Forms.decode(request);
        switch (form.get("method")) {
          case "url.getInfo":
            switch (form.get("url")) {
              case "https://ok.ru/school9": return json("{\"objectId\":53350000000001,\"type\":\"GROUP\"}");
              case "https://ok.ru/ivan.petrov": return json("{\"objectId\":561104947330,\"type\":\"PROFILE\"}");
              case "https://ok.ru/findcat": return json("{\"objectId\":193795584,\"type\":\"APP\"}");
              default: return FakeOk.error(300, "NOT_FOUND : Object not found");
            }
          case "group.getInfo":
            return json("[" + SCHOOL + "]");
          default:
            return FakeOk.error(3, "METHOD");
        }
      }
    });
    PageRef school = PageRef.parse("https://ok.ru/school9");
    PageRef person = PageRef.parse("https://ok.ru/ivan.petrov");
    PageRef app = PageRef.parse("https://ok.ru/findcat");
    PageRef gone = PageRef.parse("https://ok.ru/nosuchgroup");
    Map<PageRef, FetchResult<ProfileSnapshot>> result = open(platform()).fetchProfiles(List.of(school, person, app, gone));

    assertThat(success(result.get(school)).page()).isEqualTo(PageRef.parse("ok:53350000000001"));
    ProfileSnapshot personal = success(result.get(person));
    assertThat(personal.isCommunity()).isFalse();
    // The short name is a person's profile: the page is that profile, ok.ru/profile/<id>.
    assertThat(personal.page()).isEqualTo(PageRef.parse("https://ok.ru/profile/561104947330"));
    assertThat(personal.page().isPerson()).isTrue();
    assertThat(result.get(app)).isInstanceOfSatisfying(FetchResult.Failure.class, f -> {
      assertThat(f.reason()).isEqualTo(FailureReason.NOT_FOUND);
      assertThat(f.detail()).contains("findcat", "не группа");
    });
    assertThat(result.get(gone)).isInstanceOfSatisfying(FetchResult.Failure.class,
        f -> assertThat(f.reason()).isEqualTo(FailureReason.NOT_FOUND));
    List<String> methods = new ArrayList<>();
    for (int i = 0; i < server.getRequestCount(); i++) methods.add(Forms.decode(server.takeRequest()).get("method"));
    assertThat(methods).containsOnly("url.getInfo", "group.getInfo").containsOnlyOnce("group.getInfo");
  }

  /**
   * A person's profile ({@code ok.ru/profile/N}) is a page that is no community, and no
   * group method is called for it.
   */
  @Test
  void aPersonsProfileLinkNeverCallsGroupMethods() {
    PageRef person = PageRef.parse("https://ok.ru/profile/561104947330");
    assertThat(person.isPerson()).isTrue();
    assertThat(person).isEqualTo(PageRef.person(PlatformId.OK, 561104947330L));
    OkPlatform platform = open(platform());
    ProfileSnapshot profile = success(platform.fetchProfiles(List.of(person)).get(person));
    assertThat(profile.isCommunity()).isFalse();
    assertThat(profile.page()).isEqualTo(person);
    assertThat(platform.fetchPosts(List.of(person), PostQuery.since(NOW)).get(person))
        .isInstanceOf(FetchResult.Failure.class);
    assertThat(platform.resolve(List.of(person)).get(person)).isEqualTo(FetchResult.success(person));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anExpiredSessionFailsEveryPageWithOneCall() {
    server.enqueue(FakeOk.error(102, "PARAM_SESSION_EXPIRED : Session expired"));
    List<PageRef> pages = List.of(PageRef.parse("ok:11"), PageRef.parse("ok:12"), PageRef.parse("ok:13"));
    Map<PageRef, FetchResult<ProfileSnapshot>> result = open(platform().groupInfoBatchSize(1)).fetchProfiles(pages);
    assertThat(result.values()).allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(FetchResult.Failure.class, f -> {
      assertThat(f.reason()).isEqualTo(FailureReason.AUTHORIZATION);
      assertThat(f.detail()).contains("accessTokens[0]", "истёк").doesNotContain("ACCESSTOKEN");
    }));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void garbageFailsThatBatchOnlyAfterBoundedRetries() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/html").body("<html>502</html>").build());
    }
    server.enqueue(json("[{\"uid\":\"12\",\"name\":\"B\"}]"));
    List<PageRef> pages = List.of(PageRef.parse("ok:11"), PageRef.parse("ok:12"));
    Map<PageRef, FetchResult<ProfileSnapshot>> result = open(platform().groupInfoBatchSize(1)).fetchProfiles(pages);
    assertThat(result.get(pages.get(0))).isInstanceOfSatisfying(FetchResult.Failure.class, f -> {
      assertThat(f.reason()).isEqualTo(FailureReason.API_ERROR);
      assertThat(f.detail()).contains("group.getInfo", "HTML");
    });
    assertThat(success(result.get(pages.get(1))).name()).isEqualTo("B");
    assertThat(backoffs).hasSize(2); // backed off between the three attempts
  }

  @Test
  void aServiceErrorIsRetriedAndThenRead() {
    server.enqueue(FakeOk.error(2, "SERVICE : Service temporary unavailable"));
    server.enqueue(json("[{\"uid\":\"11\",\"name\":\"A\"}]"));
    PageRef page = PageRef.parse("ok:11");
    assertThat(success(open(platform()).fetchProfiles(List.of(page)).get(page)).name()).isEqualTo("A");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aTimeoutIsUnreachableWithReasonTimeout() {
    server.enqueue(json("[{\"uid\":\"11\"}]").newBuilder().throttleBody(1, 1, TimeUnit.SECONDS).build());
    PageRef page = PageRef.parse("ok:11");
    FetchResult<ProfileSnapshot> result = open(platform().maxAttempts(1).callTimeout(Duration.ofMillis(300)))
        .fetchProfiles(List.of(page)).get(page);
    assertThat(result).isInstanceOfSatisfying(FetchResult.Failure.class, f -> {
      assertThat(f.reason()).isEqualTo(FailureReason.TIMEOUT);
      assertThat(f.detail()).contains("ОК", "group.getInfo", "не ответил");
    });
  }

  @Test
  void anAnswerOverTheBodyLimitIsAClearFailureWithBoundedMemory() {
    server.enqueue(json("[{\"uid\":\"11\",\"description\":\"" + "я".repeat(10_000) + "\"}]"));
    PageRef page = PageRef.parse("ok:11");
    FetchResult<ProfileSnapshot> result = open(platform().maxAttempts(1).maxBodyBytes(4096))
        .fetchProfiles(List.of(page)).get(page);
    assertThat(result).isInstanceOfSatisfying(FetchResult.Failure.class, f -> {
      assertThat(f.reason()).isEqualTo(FailureReason.API_ERROR);
      assertThat(f.detail()).contains("group.getInfo", "больше");
    });
  }

  @Test
  void anUnreachableOkIsANetworkFailureSaidInRussian() throws Exception {
    MockWebServer gone = new MockWebServer();
    gone.start();
    String url = gone.url("/fb.do").toString();
    gone.close();
    PageRef page = PageRef.parse("ok:11");
    FetchResult<ProfileSnapshot> result = open(platform().baseUrl(url)).fetchProfiles(List.of(page)).get(page);
    assertThat(result).isInstanceOfSatisfying(FetchResult.Failure.class, f -> {
      assertThat(f.reason()).isEqualTo(FailureReason.NETWORK);
      assertThat(f.detail()).contains("ОК", "не принимает соединения", "group.getInfo");
    });
  }

  private static String topic(String id, Instant created, String author, String mediaJson, String extra) {
    return "{\"id\":\"" + id + "\",\"created_ms\":" + created.toEpochMilli() + ",\"author_ref\":\"" + author
        + "\",\"owner_ref\":\"group:77\",\"media\":[" + mediaJson + "]" + extra + "}";
  }

  private static String own(String id, Instant created) {
    return topic(id, created, "group:77", "{\"type\":\"text\",\"text\":\"Тема " + id + "\"}", "");
  }

  @Test
  void topicsArePagedUntilTheWindowIsCovered() throws Exception {
    Instant since = NOW.minusSeconds(7 * 86400);
    server.enqueue(json("{\"media_topics\":["
        + topic("901", NOW.minusSeconds(3600), "group:77",
            "{\"type\":\"text\",\"text\":\"Открыта запись #Школа9 #запись\"},{\"type\":\"photo\",\"photo_refs\":[\"group_photo:1\"]}",
            ",\"like_summary\":{\"count\":15},\"discussion_summary\":{\"comments_count\":4},"
                + "\"reshare_summary\":{\"count\":2},\"views_count\":300")
        + "," + topic("900", NOW.minusSeconds(7200), "user:555", "{\"type\":\"text\",\"text\":\"Я админ\"}", "")
        + "],\"anchor\":\"A1\",\"has_more\":true}"));
    server.enqueue(json("{\"media_topics\":["
        + topic("899", NOW.minusSeconds(86400), "group:77", "{\"type\":\"movie\"},{\"type\":\"link\",\"url\":\"https://x.ru\"}", "")
        + "," + topic("800", NOW.minusSeconds(30 * 86400), "group:77", "{\"type\":\"text\",\"text\":\"old\"}", "")
        + "],\"anchor\":\"A2\",\"has_more\":true}"));
    PageRef page = PageRef.parse("ok:77");
    PostHistory history = success(open(platform()).fetchPosts(List.of(page), PostQuery.since(since)).get(page));
    List<Post> posts = history.posts();

    assertThat(posts).extracting(Post::id).containsExactly("901", "900", "899");
    assertThat(history.reachedStart()).isFalse();
    Post mine = posts.get(0);
    assertThat(mine.url()).isEqualTo("https://ok.ru/group/77/topic/901");
    assertThat(mine.authorKind()).isEqualTo(AuthorKind.COMMUNITY);
    assertThat(mine.authorId()).isEqualTo("77");
    assertThat(mine.publishedAt()).isEqualTo(NOW.minusSeconds(3600));
    assertThat(mine.text()).isEqualTo("Открыта запись #Школа9 #запись");
    assertThat(mine.hashtags()).containsExactly("школа9", "запись");
    assertThat(mine.media()).containsExactly(MediaKind.PHOTO);
    assertThat(mine.likes()).isEqualTo(15L);
    assertThat(mine.comments()).isEqualTo(4L);
    assertThat(mine.reposts()).isEqualTo(2L);
    assertThat(mine.views()).isEqualTo(300L);
    Post person = posts.get(1);
    assertThat(person.authorKind()).isEqualTo(AuthorKind.PERSON);
    assertThat(person.authorId()).isEqualTo("555");
    assertThat(person.likes()).isNull();
    assertThat(posts.get(2).media()).containsExactlyInAnyOrder(MediaKind.VIDEO, MediaKind.LINK);

    Map<String, String> first = Forms.decode(server.takeRequest());
    assertThat(first).containsEntry("method", "mediatopic.getTopics").containsEntry("gid", "77")
        .containsEntry("count", "50").doesNotContainKey("anchor");
    assertThat(Forms.decode(server.takeRequest())).containsEntry("anchor", "A1").containsEntry("direction", "FORWARD");
    assertThat(server.getRequestCount()).isEqualTo(2); // the old topic ended the paging
  }

  @Test
  void fewerOwnTopicsThanAskedPageBackFurtherUntilThatMany() {
    Instant since = NOW.minusSeconds(86400);
    server.enqueue(json("{\"media_topics\":[" + own("5", NOW.minusSeconds(60)) + ","
        + topic("4", NOW.minusSeconds(40 * 86400), "user:1", "", "") + "],\"anchor\":\"A1\",\"has_more\":true}"));
    server.enqueue(json("{\"media_topics\":[" + own("3", NOW.minusSeconds(50 * 86400)) + ","
        + own("2", NOW.minusSeconds(60 * 86400)) + "],\"anchor\":\"A2\",\"has_more\":true}"));
    PageRef page = PageRef.parse("ok:77");
    PostQuery query = PostQuery.builder().since(since).minOwnPosts(3).build();
    PostHistory history = success(open(platform()).fetchPosts(List.of(page), query).get(page));
    assertThat(history.posts()).extracting(Post::id).containsExactly("5", "4", "3", "2");
    assertThat(history.reachedStart()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void pagingBackStopsAtTheGroupsFirstTopic() {
    server.enqueue(json("{\"media_topics\":[" + own("2", NOW.minusSeconds(90 * 86400)) + "],\"anchor\":\"A1\",\"has_more\":true}"));
    server.enqueue(json("{\"media_topics\":[],\"has_more\":false}"));
    PageRef page = PageRef.parse("ok:77");
    PostQuery query = PostQuery.builder().since(NOW.minusSeconds(86400)).minOwnPosts(2).build();
    PostHistory history = success(open(platform()).fetchPosts(List.of(page), query).get(page));
    assertThat(history.posts()).extracting(Post::id).containsExactly("2");
    assertThat(history.reachedStart()).isTrue();
  }

  @Test
  void anOldPinnedTopicIsKeptAndDoesNotStopPaging() {
    Instant since = NOW.minusSeconds(86400);
    server.enqueue(json("{\"media_topics\":["
        + topic("1", NOW.minusSeconds(400 * 86400), "group:77", "{\"type\":\"text\",\"text\":\"Правила\"}", ",\"is_sticky\":true")
        + "," + own("3", NOW.minusSeconds(60))
        + "],\"anchor\":\"A1\",\"has_more\":true}"));
    server.enqueue(json("{\"media_topics\":[" + own("2", NOW.minusSeconds(120)) + "],\"anchor\":\"A2\",\"has_more\":false}"));
    PageRef page = PageRef.parse("ok:77");
    PostHistory history = success(open(platform()).fetchPosts(List.of(page), PostQuery.since(since)).get(page));
    assertThat(history.posts()).extracting(Post::id).containsExactly("1", "3", "2");
    assertThat(history.posts().get(0).pinned()).isTrue();
    assertThat(history.reachedStart()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  /** A server that repeats a page must not burn the quota. */
  @Test
  void aRepeatedPageStopsThePaging() {
    String page1 = "{\"media_topics\":[" + own("9", NOW.minusSeconds(60)) + "],\"anchor\":\"A1\",\"has_more\":true}";
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return json(page1);
      }
    });
    PageRef page = PageRef.parse("ok:77");
    PostQuery query = PostQuery.builder().since(NOW.minusSeconds(86400)).minOwnPosts(5).build();
    PostHistory history = success(open(platform()).fetchPosts(List.of(page), query).get(page));
    assertThat(history.posts()).extracting(Post::id).containsExactly("9");
    assertThat(history.reachedStart()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void pagingHasAHardBound() {
    server.setDispatcher(new Dispatcher() {
      private int n;

      @Override
      public synchronized MockResponse dispatch(RecordedRequest request) {
        n++;
        // Every page new, every anchor new, every topic old: only the bound ends it.
        return json("{\"media_topics\":[" + topic("p" + n, NOW.minusSeconds(400 * 86400), "user:1", "", "")
            + "],\"anchor\":\"A" + n + "\",\"has_more\":true}");
      }
    });
    PageRef page = PageRef.parse("ok:77");
    PostQuery query = PostQuery.builder().since(NOW.minusSeconds(86400)).minOwnPosts(2).build();
    FetchResult<PostHistory> result = open(platform()).fetchPosts(List.of(page), query).get(page);
    assertThat(success(result).reachedStart()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(100);
  }

  /** One malformed topic must not lose the neighbours' posts. */
  @Test
  void aTopicWhoseCreationTimeIsNoNumberFailsOnlyItsGroup() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String gid = Forms.decode(request).get("gid");
        if (gid.equals("78")) {
          return json("{\"media_topics\":[" + own("1", NOW.minusSeconds(60)) + ",{\"id\":\"2\",\"created_ms\":\"вчера\","
              + "\"author_ref\":\"group:78\"}],\"has_more\":false}");
        }
        return json("{\"media_topics\":[" + own("7", NOW.minusSeconds(60)).replace("group:77", "group:" + gid)
            + "],\"has_more\":false}");
      }
    });
    List<PageRef> pages = List.of(PageRef.parse("ok:77"), PageRef.parse("ok:78"), PageRef.parse("ok:79"));
    Map<PageRef, FetchResult<PostHistory>> result = open(platform()).fetchPosts(pages, PostQuery.since(NOW.minusSeconds(3600)));
    assertThat(success(result.get(pages.get(0))).posts()).hasSize(1);
    assertThat(success(result.get(pages.get(2))).posts()).hasSize(1);
    assertThat(result.get(pages.get(1))).isInstanceOfSatisfying(FetchResult.Failure.class, f -> {
      assertThat(f.reason()).isEqualTo(FailureReason.API_ERROR);
      assertThat(f.detail()).contains("78", "$.media_topics[1].created_ms");
    });
  }

  @Test
  void aTopicWithoutCreationTimeIsMalformedToo() {
    server.enqueue(json("{\"media_topics\":[{\"id\":\"2\",\"author_ref\":\"group:77\"}],\"has_more\":false}"));
    PageRef page = PageRef.parse("ok:77");
    assertThat(open(platform()).fetchPosts(List.of(page), PostQuery.since(NOW)).get(page))
        .isInstanceOfSatisfying(FetchResult.Failure.class, f -> assertThat(f.detail()).contains("created_ms"));
  }

  // Token pools.

  @Test
  void aTokenAtItsCallLimitIsSetAsideAndTheOthersCarryOn() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        Map<String, String> form = Forms.decode(request);
        if (form.get("access_token").equals("TIRED")) return FakeOk.error(11, "LIMIT_REACHED : Limit reached");
        return json("{\"media_topics\":[" + own("1", NOW.minusSeconds(60)).replace("group:77", "group:" + form.get("gid"))
            + "],\"has_more\":false}");
      }
    });
    List<PageRef> pages = new ArrayList<>();
    for (int i = 1; i <= 20; i++) pages.add(PageRef.parse("ok:" + i));
    OkPlatform platform = open(platform().accessTokens(List.of("TIRED", "FRESH")));

    Map<PageRef, FetchResult<PostHistory>> result = platform.fetchPosts(pages, PostQuery.since(NOW.minusSeconds(3600)));

    assertThat(result.values()).allSatisfy(r -> assertThat(r).isInstanceOf(FetchResult.Success.class));
    int tired = 0;
    for (int i = 0; i < server.getRequestCount(); i++) {
      if (Forms.decode(takeQuietly()).get("access_token").equals("TIRED")) tired++;
    }
    assertThat(tired).isBetween(1, 3); // at most one call per worker before the token was set aside
  }

  @Test
  void whenEveryTokenIsSetAsideTheUnreadPagesSayWhy() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return FakeOk.error(11, "LIMIT_REACHED : Limit reached");
      }
    });
    List<PageRef> pages = List.of(PageRef.parse("ok:1"), PageRef.parse("ok:2"), PageRef.parse("ok:3"));
    Map<PageRef, FetchResult<PostHistory>> result = open(platform().accessTokens(List.of("ONE", "TWO")))
        .fetchPosts(pages, PostQuery.since(NOW.minusSeconds(60)));
    assertThat(result.values()).allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(FetchResult.Failure.class, f -> {
      assertThat(f.reason()).isEqualTo(FailureReason.QUOTA);
      assertThat(f.detail()).contains("accessTokens[0]", "accessTokens[1]", "лимит", "полуночи").doesNotContain("ONE", "TWO");
    }));
    assertThat(server.getRequestCount()).isLessThanOrEqualTo(6);
  }

  @Test
  void floodControlOnEveryCallEndsTheReadWithoutRepeatingItPageAfterPage() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return FakeOk.error(8, "FLOOD_BLOCKED : Too many requests");
      }
    });
    List<PageRef> pages = new ArrayList<>();
    for (int i = 1; i <= 10; i++) pages.add(PageRef.parse("ok:" + i));
    Map<PageRef, FetchResult<PostHistory>> result = open(platform()).fetchPosts(pages, PostQuery.since(NOW.minusSeconds(60)));
    assertThat(result.values()).allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(FetchResult.Failure.class,
        f -> assertThat(f.reason()).isEqualTo(FailureReason.RATE_LIMITED)));
    assertThat(server.getRequestCount()).isLessThanOrEqualTo(9); // three workers, three attempts each at most
  }

  private RecordedRequest takeQuietly() {
    try {
      return server.takeRequest();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T success(FetchResult<T> result) {
    assertThat(result).isInstanceOf(FetchResult.Success.class);
    return ((FetchResult.Success<T>) result).value();
  }
}
