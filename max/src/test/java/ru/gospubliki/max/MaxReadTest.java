package ru.gospubliki.max;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.max.MaxServer.BOT;
import static ru.gospubliki.max.MaxServer.OTHER_BOT;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.MediaKind;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PageState;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.ProfileField;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.platform.PostQuery;

class MaxReadTest {
  static final long CHAT = MaxServer.CHAT;
  @RegisterExtension final MaxServer server = new MaxServer();
  private final FakeMax max = server.max;

  private static <T> T value(FetchResult<T> result) {
    assertThat(result).isInstanceOf(FetchResult.Success.class);
    return ((FetchResult.Success<T>) result).value();
  }

  private static FetchResult.Failure<?> failure(FetchResult<?> result) {
    assertThat(result).isInstanceOf(FetchResult.Failure.class);
    return (FetchResult.Failure<?>) result;
  }

  @Test
  void readsAChannelAsAProfileAndListsWhatMaxNeverShows() {
    PageRef page = PageRef.parse("max:" + CHAT);
    try (MaxPlatform platform = server.platform().build()) {
      ProfileSnapshot profile = value(platform.fetchProfiles(List.of(page)).get(page));

      assertThat(profile.page()).isEqualTo(page);
      assertThat(profile.name()).isEqualTo("Администрация Заречного района");
      assertThat(profile.screenName()).isEqualTo("zarechny_adm");
      assertThat(profile.description()).contains("+7 (4212) 42-60-93", "adm@zarechny.ru");
      assertThat(profile.hasAvatar()).isTrue();
      assertThat(profile.isCommunity()).isTrue();
      assertThat(profile.state()).isEqualTo(PageState.OPEN);
      assertThat(profile.members()).isEqualTo(1523L);
      assertThat(profile.mark()).isEqualTo(MarkStatus.UNKNOWN);
      // MAX has no contact fields, cover, wall settings or state mark: rules read the description or do not apply.
      assertThat(profile.unavailableFields()).containsExactlyInAnyOrder(ProfileField.POSTAL_ADDRESS,
          ProfileField.EMAIL, ProfileField.PHONES, ProfileField.WEBSITE, ProfileField.WORK_HOURS, ProfileField.COVER,
          ProfileField.WALL, ProfileField.MARK);
      assertThat(profile.takenAt()).isEqualTo(server.time.instant());
    }
    RecordedRequest request = max.requests("GET /chats/{id}").get(0);
    assertThat(request.getUrl().encodedPath()).isEqualTo("/chats/" + CHAT);
    assertThat(request.getHeaders().get("Authorization")).isEqualTo(MaxServer.TOKEN); // raw, no "Bearer"
  }

  @Test
  void privateRemovedAndSuspendedChannels() {
    max.channel(-702L, "private_one", "Закрытый", BOT).put("is_public", false);
    max.chats.get(-702L).put("link", "https://max.ru/join/AbCdEf123");
    max.channel(-703L, "removed_one", "Удалённый", BOT).put("status", "removed");
    max.channel(-704L, "suspended_one", "Заблокированный", BOT).put("status", "suspended");
    max.channel(-705L, "left_one", "Бот вышел", BOT).put("status", "left");
    List<PageRef> pages = List.of(PageRef.parse("max:-702"), PageRef.parse("max:-703"), PageRef.parse("max:-704"),
        PageRef.parse("max:-705"));
    try (MaxPlatform platform = server.platform().build()) {
      Map<PageRef, FetchResult<ProfileSnapshot>> profiles = platform.fetchProfiles(pages);

      assertThat(profiles.keySet()).containsExactlyElementsOf(pages);
      ProfileSnapshot hidden = value(profiles.get(pages.get(0)));
      assertThat(hidden.state()).isEqualTo(PageState.PRIVATE);
      assertThat(hidden.screenName()).isNull(); // an invitation link names no channel
      assertThat(value(profiles.get(pages.get(1))).state()).isEqualTo(PageState.DELETED);
      assertThat(value(profiles.get(pages.get(2))).state()).isEqualTo(PageState.BANNED);
      assertThat(failure(profiles.get(pages.get(3))).reason()).isEqualTo(FailureReason.BOT_NOT_ADMIN);
    }
  }

  @Test
  void aChannelTheBotDoesNotAdministerIsBotNotAdminWithWhatToDo() {
    max.channel(-709L, "foreign", "Чужой канал", OTHER_BOT);
    PageRef byId = PageRef.parse("max:-709");
    PageRef byName = PageRef.parse("https://max.ru/foreign");
    try (MaxPlatform platform = server.platform().build()) {
      Map<PageRef, FetchResult<ProfileSnapshot>> profiles = platform.fetchProfiles(List.of(byId, byName));

      FetchResult.Failure<?> denied = failure(profiles.get(byId));
      assertThat(denied.reason()).isEqualTo(FailureReason.BOT_NOT_ADMIN);
      assertThat(denied.reportReason()).isEqualTo("bot_not_admin");
      assertThat(denied.detail()).contains("добавьте бота администратором канала");
      FetchResult.Failure<?> unknown = failure(profiles.get(byName));
      assertThat(unknown.reason()).isEqualTo(FailureReason.BOT_NOT_ADMIN);
      assertThat(unknown.detail()).contains("https://max.ru/foreign", "добавьте бота администратором канала");
      // The posts of a channel the bot cannot read are not asked for either.
      assertThat(failure(platform.fetchPosts(List.of(byName), PostQuery.since(Instant.EPOCH)).get(byName)).reason())
          .isEqualTo(FailureReason.BOT_NOT_ADMIN);
    }
    // The name was looked up among the known channels, never sent to MAX.
    assertThat(max.requests).extracting(r -> r.getUrl().encodedPath()).noneMatch(path -> path.contains("foreign"));
    assertThat(max.requests("GET /messages")).isEmpty();
  }

  @Test
  void aChannelNameIsResolvedByTheLinksOfTheChannelsTheBotWasAddedTo() {
    max.update(BOT, "bot_added", CHAT);
    PageRef byName = PageRef.parse("https://max.ru/Zarechny_Adm");
    try (MaxPlatform platform = server.platform().build()) {
      assertThat(failure(platform.resolve(List.of(byName)).get(byName)).reason()).isEqualTo(FailureReason.BOT_NOT_ADMIN);

      ChannelUpdates updates = platform.pollUpdates();

      assertThat(updates.added()).singleElement().satisfies(channel -> {
        assertThat(channel.chatId()).isEqualTo(CHAT);
        assertThat(channel.botId()).isEqualTo(BOT);
        assertThat(channel.link()).isEqualTo("https://max.ru/zarechny_adm");
        assertThat(channel.title()).isEqualTo("Администрация Заречного района");
      });
      assertThat(value(platform.resolve(List.of(byName)).get(byName))).isEqualTo(PageRef.parse("max:" + CHAT));
      ProfileSnapshot profile = value(platform.fetchProfiles(List.of(byName)).get(byName));
      assertThat(profile.page()).isEqualTo(PageRef.parse("max:" + CHAT));
    }
  }

  @Test
  void aChatIdNoUpdateToldOfIsAskedOfMaxAndRemembered() {
    PageRef page = PageRef.parse("max:" + CHAT);
    try (MaxPlatform platform = server.platform().build()) {
      assertThat(value(platform.resolve(List.of(page)).get(page))).isEqualTo(page);
    }
    assertThat(server.directory.channels()).singleElement().satisfies(channel -> {
      assertThat(channel.chatId()).isEqualTo(CHAT);
      assertThat(channel.link()).isEqualTo("https://max.ru/zarechny_adm");
    });
  }

  @Test
  void pagesBackOverTheWindowFromTheOldestTimestampLessOne() {
    Instant now = server.time.instant();
    // 250 posts, one every 4 hours: about 41 days.
    for (int i = 0; i < 250; i++) {
      max.message(CHAT, now.minus(Duration.ofHours(4L * i)).toEpochMilli(), "Новость " + i + " #заречный", 0, i % 2);
    }
    PageRef page = PageRef.parse("max:" + CHAT);
    try (MaxPlatform platform = server.platform().build()) {
      PostHistory history = value(platform.fetchPosts(List.of(page),
          PostQuery.since(now.minus(Duration.ofDays(28)))).get(page));

      // 28 days at 6 posts a day = 168 posts: two pages of 100 cover them; the second goes below the window.
      assertThat(history.posts()).hasSize(200);
      assertThat(history.reachedStart()).isFalse();
      assertThat(history.posts()).extracting(Post::id).doesNotHaveDuplicates();
    }
    List<RecordedRequest> pages = max.requests("GET /messages");
    assertThat(pages).hasSize(2);
    assertThat(pages.get(0).getUrl().queryParameter("count")).isEqualTo("100");
    assertThat(pages.get(0).getUrl().queryParameter("from")).isNull();
    long oldestOfFirst = now.minus(Duration.ofHours(4L * 99)).toEpochMilli();
    assertThat(pages.get(1).getUrl().queryParameter("from")).isEqualTo(Long.toString(oldestOfFirst - 1));
    assertThat(pages.get(1).getUrl().queryParameter("chat_id")).isEqualTo(Long.toString(CHAT));
  }

  @Test
  void readsPastTheWindowForTheMinimumOfOwnPostsAndKnowsWhenItReachedTheStart() {
    Instant now = server.time.instant();
    max.message(CHAT, now.minus(Duration.ofDays(40)).toEpochMilli(), "Старая новость", 0, 0);
    max.message(CHAT, now.minus(Duration.ofDays(35)).toEpochMilli(), "Подпись администратора", 612345678L, 0);
    max.message(CHAT, now.minus(Duration.ofDays(1)).toEpochMilli(), "Свежая новость", 0, 1);
    PageRef page = PageRef.parse("max:" + CHAT);
    try (MaxPlatform platform = server.platform().postsPageSize(2).build()) {
      PostHistory history = value(platform.fetchPosts(List.of(page), PostQuery.builder()
          .since(now.minus(Duration.ofDays(28))).minOwnPosts(2).build()).get(page));

      assertThat(history.posts()).extracting(Post::text)
          .containsExactly("Свежая новость", "Подпись администратора", "Старая новость");
      assertThat(history.reachedStart()).isFalse(); // two own posts found: no need to read further

      PostHistory whole = value(platform.fetchPosts(List.of(page), PostQuery.builder()
          .since(now.minus(Duration.ofDays(28))).minOwnPosts(5).build()).get(page));
      assertThat(whole.posts()).hasSize(3);
      assertThat(whole.reachedStart()).isTrue(); // MAX returned an empty page: nothing older
    }
  }

  @Test
  void mapsPostsAuthorsMediaAndViews() {
    Instant now = server.time.instant();
    max.message(CHAT, now.minusSeconds(60).toEpochMilli(), "Как канал #новости", 0, 2);
    max.message(CHAT, now.minusSeconds(120).toEpochMilli(), "Через бота", BOT, 0);
    max.message(CHAT, now.minusSeconds(180).toEpochMilli(), "С подписью", 612345678L, 0);
    PageRef page = PageRef.parse("max:" + CHAT);
    try (MaxPlatform platform = server.platform().build()) {
      List<Post> posts = value(platform.fetchPosts(List.of(page), PostQuery.since(now.minusSeconds(3600))).get(page))
          .posts();

      assertThat(posts).hasSize(3);
      Post own = posts.get(0);
      assertThat(own.authorKind()).isEqualTo(AuthorKind.COMMUNITY); // no sender: posted as the channel
      assertThat(own.authorId()).isEqualTo(Long.toString(CHAT));
      assertThat(own.media()).containsExactly(MediaKind.PHOTO);
      assertThat(own.hashtags()).containsExactly("новости");
      assertThat(own.views()).isEqualTo(120L);
      assertThat(own.url()).startsWith("https://max.ru/c/");
      assertThat(own.publishedAt()).isEqualTo(Instant.ofEpochMilli(now.minusSeconds(60).toEpochMilli()));
      assertThat(posts.get(1).authorKind()).isEqualTo(AuthorKind.COMMUNITY); // a bot posts as the channel
      assertThat(posts.get(2).authorKind()).isEqualTo(AuthorKind.PERSON);
      assertThat(posts.get(2).authorId()).isEqualTo("612345678");
    }
  }

  @Test
  void aPageThatBringsNothingNewStopsAndSoDoesTheHardBound() {
    Instant now = server.time.instant();
    // A MAX that ignores "from" answers the same page again.
    String same = "{\"messages\":[{\"recipient\":{\"chat_id\":" + CHAT + ",\"chat_type\":\"channel\"},\"timestamp\":"
        + now.minus(Duration.ofDays(60)).toEpochMilli() + ",\"body\":{\"mid\":\"mid.1\",\"seq\":1,\"text\":\"x\"}}]}";
    max.script("GET /messages", jsonBody(same), jsonBody(same));
    PageRef page = PageRef.parse("max:" + CHAT);
    try (MaxPlatform platform = server.platform().build()) {
      PostHistory history = value(platform.fetchPosts(List.of(page), PostQuery.builder()
          .since(now.minus(Duration.ofDays(28))).minOwnPosts(10).build()).get(page));
      assertThat(history.posts()).hasSize(1);
      assertThat(history.reachedStart()).isFalse();
    }
    assertThat(max.requests("GET /messages")).hasSize(2);

    for (int i = 0; i < 30; i++) max.message(CHAT, now.minus(Duration.ofDays(100 + i)).toEpochMilli(), "Старое " + i, 0, 0);
    try (MaxPlatform platform = server.platform().postsPageSize(5).maxPostPages(3).build()) {
      PostHistory bounded = value(platform.fetchPosts(List.of(page), PostQuery.builder()
          .since(now.minus(Duration.ofDays(28))).minOwnPosts(100).build()).get(page));
      assertThat(bounded.posts()).hasSize(15);
      assertThat(bounded.reachedStart()).isFalse();
    }
  }

  @Test
  void brokenAnswersAreApiErrorsAndOneBadMessageDoesNotSpoilItsNeighbours() {
    Instant now = server.time.instant();
    PageRef page = PageRef.parse("max:" + CHAT);
    String oneBroken = "{\"messages\":[{\"timestamp\":\"вчера\",\"body\":{\"mid\":\"mid.bad\"}},"
        + "{\"timestamp\":" + now.toEpochMilli() + ",\"body\":{\"mid\":\"mid.good\",\"text\":\"Новость\"}}]}";
    max.script("GET /messages", jsonBody(oneBroken), jsonBody("{\"messages\":[]}"));
    try (MaxPlatform platform = server.platform().build()) {
      assertThat(value(platform.fetchPosts(List.of(page), PostQuery.since(now.minusSeconds(60))).get(page)).posts())
          .extracting(Post::id).containsExactly("mid.good");

      MockResponse html = new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
          .body("<html><body>Технические работы</body></html>").build();
      max.script("GET /chats/{id}", html, html, html);
      FetchResult.Failure<?> failure = failure(platform.fetchProfiles(List.of(page)).get(page));
      assertThat(failure.reason()).isEqualTo(FailureReason.API_ERROR);
      assertThat(failure.detail()).contains("HTML");

      max.script("GET /chats/{id}", jsonBody("{\"chat_id\":\"не число\"}"), jsonBody("{\"chat_id\":"),
          jsonBody("[]"));
      failure = failure(platform.fetchProfiles(List.of(page)).get(page));
      assertThat(failure.reason()).isEqualTo(FailureReason.API_ERROR);

      max.script("GET /messages", jsonBody("{\"marker\":null}"), jsonBody("{\"marker\":null}"),
          jsonBody("{\"marker\":null}"));
      assertThat(failure(platform.fetchPosts(List.of(page), PostQuery.since(now)).get(page)).detail())
          .contains("messages");
    }
  }

  @Test
  void aServerErrorOnAReadIsRetriedAndAnUnreachableMaxIsNetwork() throws Exception {
    PageRef page = PageRef.parse("max:" + CHAT);
    max.script("GET /chats/{id}", FakeMax.error(502, "internal.error", "Bad gateway"));
    try (MaxPlatform platform = server.platform().build()) {
      assertThat(value(platform.fetchProfiles(List.of(page)).get(page)).name())
          .isEqualTo("Администрация Заречного района");
    }
    assertThat(max.requests("GET /chats/{id}")).hasSize(2);
    assertThat(server.sleeps).isNotEmpty(); // backed off before the repeat

    int port = server.server.getPort();
    server.close();
    try (MaxPlatform platform = server.platform().baseUrl("http://127.0.0.1:" + port + "/").maxAttempts(2).build()) {
      FetchResult.Failure<?> down = failure(platform.fetchProfiles(List.of(page)).get(page));
      assertThat(down.reason()).isEqualTo(FailureReason.NETWORK);
      assertThat(down.detail()).contains("127.0.0.1");
    }
  }

  static MockResponse jsonBody(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json; charset=utf-8")
        .body(body).build();
  }
}
