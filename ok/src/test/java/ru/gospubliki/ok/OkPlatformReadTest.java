package ru.gospubliki.ok;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.MediaKind;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PageState;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.ProfileField;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.ok.internal.FakeTime;
import ru.gospubliki.ok.internal.Forms;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.platform.PostQuery;

final class OkPlatformReadTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

  @StartStop final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime(NOW);

  private OkPlatform.Builder platform() {
    return FakeOk.platform(server, time);
  }

  private static MockResponse json(String body) {
    return FakeOk.json(body);
  }

  private static final String SCHOOL = "{\"uid\":\"53350000000001\",\"name\":\"МБОУ СОШ № 9\","
      + "\"description\":\"Официальная группа школы. Почта: school9@example.ru\","
      + "\"shortname\":\"School9\",\"address\":{\"city\":\"Благовещенск\",\"street\":\"ул. Ленина\",\"house\":\"1\"},"
      + "\"phone\":\"+7 4162 00-00-00; +7 4162 11-11-11\",\"homepage_url\":\"https://school9.example.ru\","
      + "\"members_count\":1234,\"access_type\":\"OPEN\",\"pic_avatar\":\"https://i.mycdn.me/i?r=abc\","
      + "\"gos_org\":true}";
  private static final String LIBRARY = "{\"uid\":\"53350000000002\",\"name\":\"Библиотека\","
      + "\"description\":\"Без почты\",\"address\":\"г. Тында, ул. Мира, 5\",\"access_type\":\"SECRET\","
      + "\"pic_avatar\":\"https://api.ok.ru/res/stub_group_128x128.gif\"}";

  @Test
  void profilesFromBareArray() throws Exception {
    server.enqueue(json("[" + SCHOOL + "," + LIBRARY + "]"));
    PageRef school = PageRef.parse("https://ok.ru/group/53350000000001");
    PageRef library = PageRef.parse("ok:53350000000002");
    Map<PageRef, FetchResult<ProfileSnapshot>> result = platform().build().fetchProfiles(List.of(school, library));

    assertThat(result.keySet()).containsExactly(school, library);
    ProfileSnapshot s = success(result.get(school));
    assertThat(s.page()).isEqualTo(school);
    assertThat(s.name()).isEqualTo("МБОУ СОШ № 9");
    assertThat(s.screenName()).isEqualTo("school9");
    assertThat(s.email()).isEqualTo("school9@example.ru");
    assertThat(s.isUnavailable(ProfileField.EMAIL)).isFalse();
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

    Map<String, String> form = Forms.decode(server.takeRequest());
    assertThat(form).containsEntry("method", "group.getInfo").containsEntry("uids", "53350000000001,53350000000002");
    assertThat(form.get("fields")).contains("gos_org", "access_type", "description", "phone", "address");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void profilesFromGroupsObjectAndMarkAbsent() {
    server.enqueue(json("{\"groups\":[{\"uid\":53350000000003,\"name\":\"ДК\",\"gos_org\":false,"
        + "\"access_type\":\"CLOSED\"}]}"));
    PageRef page = PageRef.parse("ok:53350000000003");
    ProfileSnapshot s = success(platform().build().fetchProfiles(List.of(page)).get(page));
    assertThat(s.name()).isEqualTo("ДК");
    assertThat(s.mark()).isEqualTo(MarkStatus.ABSENT);
    assertThat(s.state()).isEqualTo(PageState.CLOSED);
    assertThat(s.hasAvatar()).isNull();
  }

  @Test
  void batchesAndMissingGroups() throws Exception {
    server.enqueue(json("[{\"uid\":\"11\",\"name\":\"A\"},{\"uid\":\"12\",\"name\":\"B\"}]"));
    server.enqueue(json("[]"));
    List<PageRef> pages = List.of(PageRef.parse("ok:11"), PageRef.parse("ok:12"), PageRef.parse("ok:13"));
    Map<PageRef, FetchResult<ProfileSnapshot>> result = platform().groupInfoBatchSize(2).build().fetchProfiles(pages);
    assertThat(success(result.get(pages.get(0))).name()).isEqualTo("A");
    assertThat(success(result.get(pages.get(1))).name()).isEqualTo("B");
    assertThat(result.get(pages.get(2))).isInstanceOfSatisfying(FetchResult.Failure.class,
        f -> assertThat(f.reason()).isEqualTo(FailureReason.NOT_FOUND));
    assertThat(Forms.decode(server.takeRequest()).get("uids")).isEqualTo("11,12");
    assertThat(Forms.decode(server.takeRequest()).get("uids")).isEqualTo("13");
  }

  @Test
  void shortNamesAreResolvedWithUrlGetInfo() throws Exception {
    server.enqueue(json("{\"type\":\"GROUP\",\"objectId\":53350000000001}"));
    server.enqueue(json("{\"type\":\"USER\",\"objectId\":42}"));
    server.enqueue(json("[" + SCHOOL + "]"));
    PageRef school = PageRef.parse("https://ok.ru/school9");
    PageRef person = PageRef.parse("https://ok.ru/ivan.petrov");
    Map<PageRef, FetchResult<ProfileSnapshot>> result = platform().build().fetchProfiles(List.of(school, person));

    assertThat(success(result.get(school)).page()).isEqualTo(PageRef.parse("ok:53350000000001"));
    assertThat(result.get(person)).isInstanceOfSatisfying(FetchResult.Failure.class, f -> {
      assertThat(f.reason()).isEqualTo(FailureReason.NOT_FOUND);
      assertThat(f.detail()).contains("ivan.petrov", "не группа");
    });
    Map<String, String> first = Forms.decode(server.takeRequest());
    assertThat(first).containsEntry("method", "url.getInfo").containsEntry("url", "https://ok.ru/school9");
  }

  @Test
  void expiredSessionFailsEveryPageWithOneCall() {
    server.enqueue(json("{\"error_code\":102,\"error_msg\":\"PARAM_SESSION_EXPIRED : Session expired\"}"));
    List<PageRef> pages = List.of(PageRef.parse("ok:11"), PageRef.parse("ok:12"), PageRef.parse("ok:13"));
    Map<PageRef, FetchResult<ProfileSnapshot>> result = platform().groupInfoBatchSize(1).build().fetchProfiles(pages);
    assertThat(result.values()).allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(FetchResult.Failure.class, f -> {
      assertThat(f.reason()).isEqualTo(FailureReason.AUTHORIZATION);
      assertThat(f.detail()).contains("авторизация").doesNotContain("ACCESSTOKEN");
    }));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void garbageProfileBodyFailsThatBatchOnly() {
    server.enqueue(json("Service Temporarily Unavailable"));
    server.enqueue(json("[{\"uid\":\"12\",\"name\":\"B\"}]"));
    List<PageRef> pages = List.of(PageRef.parse("ok:11"), PageRef.parse("ok:12"));
    Map<PageRef, FetchResult<ProfileSnapshot>> result = platform().groupInfoBatchSize(1).build().fetchProfiles(pages);
    assertThat(result.get(pages.get(0))).isInstanceOfSatisfying(FetchResult.Failure.class, f -> {
      assertThat(f.reason()).isEqualTo(FailureReason.API_ERROR);
      assertThat(f.detail()).contains("group.getInfo");
    });
    assertThat(success(result.get(pages.get(1))).name()).isEqualTo("B");
  }

  private static String topic(String id, Instant created, String author, String mediaJson, String extra) {
    return "{\"id\":\"" + id + "\",\"created_ms\":" + created.toEpochMilli() + ",\"author_ref\":\"" + author
        + "\",\"owner_ref\":\"group:77\",\"media\":[" + mediaJson + "]" + extra + "}";
  }

  @Test
  void topicsArePagedUntilTheWindowIsCovered() throws Exception {
    Instant since = NOW.minusSeconds(7 * 86400);
    server.enqueue(json("{\"media_topics\":["
        + topic("901", NOW.minusSeconds(3600), "group:77",
            "{\"type\":\"text\",\"text\":\"Открыта запись #Школа9 #запись\"},{\"type\":\"photo\",\"list\":[]}",
            ",\"like_summary\":{\"count\":15},\"discussion_summary\":{\"comments_count\":4},"
                + "\"reshare_summary\":{\"count\":2},\"views_count\":300")
        + "," + topic("900", NOW.minusSeconds(7200), "user:555", "{\"type\":\"text\",\"text\":\"Я админ\"}", "")
        + "],\"anchor\":\"A1\",\"has_more\":true}"));
    server.enqueue(json("{\"media_topics\":["
        + topic("899", NOW.minusSeconds(86400), "group:77", "{\"type\":\"movie\"},{\"type\":\"link\",\"url\":\"https://x.ru\"}", "")
        + "," + topic("800", NOW.minusSeconds(30 * 86400), "group:77", "{\"type\":\"text\",\"text\":\"old\"}", "")
        + "],\"anchor\":\"A2\",\"has_more\":true}"));
    PageRef page = PageRef.parse("ok:77");
    List<Post> posts = success(platform().build().fetchPosts(List.of(page), PostQuery.since(since)).get(page)).posts();

    assertThat(posts).extracting(Post::id).containsExactly("901", "900", "899");
    Post own = posts.get(0);
    assertThat(own.url()).isEqualTo("https://ok.ru/group/77/topic/901");
    assertThat(own.authorKind()).isEqualTo(AuthorKind.COMMUNITY);
    assertThat(own.authorId()).isEqualTo("77");
    assertThat(own.publishedAt()).isEqualTo(NOW.minusSeconds(3600));
    assertThat(own.text()).isEqualTo("Открыта запись #Школа9 #запись");
    assertThat(own.hashtags()).containsExactly("школа9", "запись");
    assertThat(own.media()).containsExactly(MediaKind.PHOTO);
    assertThat(own.likes()).isEqualTo(15L);
    assertThat(own.comments()).isEqualTo(4L);
    assertThat(own.reposts()).isEqualTo(2L);
    assertThat(own.views()).isEqualTo(300L);
    Post person = posts.get(1);
    assertThat(person.authorKind()).isEqualTo(AuthorKind.PERSON);
    assertThat(person.authorId()).isEqualTo("555");
    assertThat(person.likes()).isNull();
    assertThat(posts.get(2).media()).containsExactlyInAnyOrder(MediaKind.VIDEO, MediaKind.LINK);

    Map<String, String> first = Forms.decode(server.takeRequest());
    assertThat(first).containsEntry("method", "mediatopic.getTopics").containsEntry("gid", "77").doesNotContainKey("anchor");
    assertThat(Forms.decode(server.takeRequest())).containsEntry("anchor", "A1");
    assertThat(server.getRequestCount()).isEqualTo(2); // the old topic ended the paging
  }

  @Test
  void oldPinnedTopicIsKeptAndDoesNotStopPaging() {
    Instant since = NOW.minusSeconds(86400);
    server.enqueue(json("{\"media_topics\":["
        + topic("1", NOW.minusSeconds(400 * 86400), "group:77", "{\"type\":\"text\",\"text\":\"Правила\"}", ",\"is_sticky\":true")
        + "," + topic("3", NOW.minusSeconds(60), "group:77", "", "")
        + "],\"anchor\":\"A1\",\"has_more\":true}"));
    server.enqueue(json("{\"media_topics\":[" + topic("2", NOW.minusSeconds(120), "group:77", "", "")
        + "],\"anchor\":\"A2\",\"has_more\":false}"));
    PageRef page = PageRef.parse("ok:77");
    List<Post> posts = success(platform().build().fetchPosts(List.of(page), PostQuery.since(since)).get(page)).posts();
    assertThat(posts).extracting(Post::id).containsExactly("1", "3", "2");
    assertThat(posts.get(0).pinned()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void floodStopsFurtherCallsInABulkRead() {
    server.enqueue(json("{\"error_code\":8,\"error_msg\":\"FLOOD_BLOCKED\"}"));
    List<PageRef> pages = List.of(PageRef.parse("ok:1"), PageRef.parse("ok:2"));
    Map<PageRef, FetchResult<PostHistory>> result = platform().build().fetchPosts(pages, PostQuery.since(NOW.minusSeconds(60)));
    assertThat(result.values()).allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(FetchResult.Failure.class,
        f -> assertThat(f.reason()).isEqualTo(FailureReason.RATE_LIMITED)));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @SuppressWarnings("unchecked")
  private static <T> T success(FetchResult<T> result) {
    assertThat(result).isInstanceOf(FetchResult.Success.class);
    return ((FetchResult.Success<T>) result).value();
  }
}
