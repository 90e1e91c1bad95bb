package ru.gospubliki.vk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.Operation;
import ru.gospubliki.platform.PublishResult;
import ru.gospubliki.platform.PublishStatus;
import ru.gospubliki.platform.SendRequest;
import ru.gospubliki.platform.SendResult;
import ru.gospubliki.publish.CrossPostResult;
import ru.gospubliki.publish.CrossPoster;
import ru.gospubliki.testing.MutableClock;

/** Which key posts to each community: user keys, communities' own keys, and VK's refusals of a key's kind. */
class VkCredentialsTest {
  static final String SERVICE = "service-secret-key-1";
  static final String USER = "vk1.a.user-secret-key-2";
  static final String VK_ID = "vk2.a.vk-id-secret-key-3";
  static final String OWN_3 = "vk1.a.own-key-of-club3";
  static final String OWN_4 = "vk1.a.own-key-of-club4";
  static final String NO_PHOTOS = "загрузка фото на стену требует ключа пользователя; "
      + "опубликуйте без фото или добавьте ключ пользователя-администратора";

  private final FakeVk vk = new FakeVk();
  private final MutableClock clock = MutableClock.at(Instant.ofEpochSecond(1_795_000_000L));
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = vk.serve();
    vk.tokenKinds.put(SERVICE, "service");
    vk.tokenKinds.put(VK_ID, "vkid");
    vk.tokenKinds.put(OWN_3, "own");
    vk.tokenKinds.put(OWN_4, "own");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private VkPlatform.Builder builder() {
    return VkPlatform.builder()
        .baseUrl(server.url("/method/").toString())
        .clock(clock)
        .userRequestsPerSecond(1000)
        .serviceRequestsPerSecond(1000)
        .communityRequestsPerSecond(1000)
        .sleeper(nanos -> {});
  }

  private static PostDraft.Builder text(String key) {
    return PostDraft.builder().text("Открыта запись в первый класс").addHashtags("школа9").idempotencyKey(key);
  }

  private static PageRef page(long gid) {
    return PageRef.parse("vk:" + gid);
  }

  private String tokenOf(RecordedRequest request) {
    return FakeVk.token(request);
  }

  @Test
  void aCommunitysOwnKeyPostsTextToItAsTheCommunity() {
    VkPlatform platform = builder().serviceToken(SERVICE).ownCommunityToken(3, OWN_3).build();

    Capabilities can = platform.capabilities(page(3));
    assertThat(can.credential()).isEqualTo("ключ сообщества");
    assertThat(can.operations()).contains(Operation.PUBLISH, Operation.SCHEDULE)
        .doesNotContain(Operation.UPLOAD_PHOTOS, Operation.EDIT, Operation.DELETE);
    assertThat(can.unavailableBecause().get(Operation.UPLOAD_PHOTOS)).isEqualTo(NO_PHOTOS);

    SendResult result = platform.send(SendRequest.builder().page(page(3)).draft(text("own-1").build()).build());

    assertThat(result).isEqualTo(new SendResult.Sent("1001", "https://vk.com/wall-3_1001", null));
    RecordedRequest post = vk.requestsTo("wall.post").get(0);
    assertThat(tokenOf(post)).isEqualTo(OWN_3);
    assertThat(FakeVk.form(post)).containsEntry("owner_id", "-3").containsEntry("from_group", "1");
    assertThat(vk.wrongKind).hasValue(0);

    // VK takes only user keys to delete or edit: refused before anything is sent.
    int sent = vk.total();
    assertThatThrownBy(() -> platform.delete(page(3), "1001"))
        .isInstanceOfSatisfying(ru.gospubliki.platform.PlatformException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.ACCESS_DENIED))
        .hasMessageContaining("ключом пользователя");
    assertThat(vk.total()).isEqualTo(sent);

    // A community without a key of its own has no credential that posts: refused, nothing sent.
    int before = vk.total();
    assertThat(platform.capabilities(page(5)).allows(Operation.PUBLISH)).isFalse();
    assertThat(platform.send(SendRequest.builder().page(page(5)).draft(text("own-1").build()).build()))
        .isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
          assertThat(refused.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
          assertThat(refused.message()).contains("ключ пользователя", "собственный ключ этого сообщества");
        });
    assertThat(vk.total()).isEqualTo(before);
  }

  @Test
  void aBrokenKeyFromTheEmbeddersStoreIsNoKeyAndSendStillNeverThrows() {
    VkPlatform platform = builder().serviceToken(SERVICE)
        .ownCommunityTokens(gid -> gid == 3 ? "vk1.a.broken\nkey" : null).build(); // as a secret store may answer

    SendResult result = platform.send(SendRequest.builder().page(page(3)).draft(text("broken-1").build()).build());

    assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class,
        refused -> assertThat(refused.reason()).isEqualTo(FailureReason.ACCESS_DENIED));
    assertThat(platform.capabilities(page(3)).allows(Operation.PUBLISH)).isFalse();
    assertThat(vk.requestsTo("wall.post")).isEmpty();
  }

  @Test
  void aScheduledPostIsLookedForOnlyWithAnAdministratorsKey() {
    // Postponed posts are shown to a community's administrators only: a service key sees none.
    VkPlatform platform = builder().serviceToken(SERVICE).ownCommunityToken(3, OWN_3).build();
    PostDraft scheduled = text("later-1").scheduledAt(clock.instant().plusSeconds(86_400)).build();

    assertThat(platform.findExisting(page(3), scheduled, clock.instant()))
        .isInstanceOfSatisfying(ru.gospubliki.platform.PostLookup.CannotTell.class,
            cannot -> assertThat(cannot.detail()).contains("администратор"));
    assertThat(vk.requestsTo("wall.get")).isEmpty();
  }

  @Test
  void anEditWithADraftOverTheLimitsSendsNothingNotEvenAResolve() {
    VkPlatform platform = builder().userToken(USER).build();
    PostDraft tooLong = PostDraft.builder().text("я".repeat(16_385)).build();

    assertThatThrownBy(() -> platform.edit(PageRef.parse("https://vk.com/school9_amur"), "10", tooLong))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(vk.total()).isZero();
  }

  @Test
  void aPhotoDraftForAPageWithOnlyItsOwnKeyIsRefusedBeforeAnythingIsSent() throws IOException {
    VkPlatform platform = builder().serviceToken(SERVICE).ownCommunityToken(3, OWN_3).build();
    PostDraft draft = text("photo-1").addPhotos(VkPublishTest.png("a.png", 40, 30)).build();
    CrossPoster poster = CrossPoster.builder().addPlatform(platform).clock(clock).build();

    CrossPostResult result = poster.post(draft, List.of(page(3)));

    assertThat(result.results()).singleElement().isInstanceOfSatisfying(PublishResult.Rejected.class,
        rejected -> assertThat(String.join("\n", rejected.reasons())).contains(NO_PHOTOS));
    assertThat(vk.total()).isZero();

    // The adapter itself refuses it too, before any upload.
    SendResult direct = platform.send(SendRequest.builder().page(page(3)).draft(draft).build());
    assertThat(direct).isEqualTo(new SendResult.Refused(FailureReason.ACCESS_DENIED, NO_PHOTOS));
    assertThat(vk.total()).isZero();
  }

  @Test
  void error1051OnAVkIdKeyIsARetrySafeFailureSayingToGrantWallOrUseTheCommunitysKey() {
    VkPlatform platform = builder().userToken(VK_ID).build();
    CrossPoster poster = CrossPoster.builder().addPlatform(platform).clock(clock).build();

    PublishResult result = poster.post(text("vkid-1").build(), List.of(page(5))).results().get(0);

    assertThat(result).isInstanceOfSatisfying(PublishResult.Failed.class, failed -> {
      assertThat(failed.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
      assertThat(failed.retrySafe()).isTrue();
      assertThat(failed.error()).contains("1051", "ключ пользователя", "VK ID", "доступ wall", "ключом сообщества")
          .doesNotContain(VK_ID);
    });
    assertThat(vk.count("wall.post")).isEqualTo(1);
    // VK said this key cannot post: the page now has no credential that may, and says why.
    Capabilities can = platform.capabilities(page(5));
    assertThat(can.allows(Operation.PUBLISH)).isFalse();
    assertThat(can.unavailableBecause().get(Operation.PUBLISH)).contains("1051");
    assertThat(platform.send(SendRequest.builder().page(page(5)).draft(text("vkid-2").build()).build()))
        .isInstanceOf(SendResult.Refused.class);
    assertThat(vk.count("wall.post")).isEqualTo(1);
  }

  @Test
  void error27OnAPostWithACommunitysKeyIsARetrySafeFailureNamingTheKey() {
    VkPlatform platform = builder().serviceToken(SERVICE).ownCommunityToken(3, OWN_3).build();
    vk.can("wall.post", FakeVk.error(27, "Group authorization failed: method is unavailable with group auth."));
    CrossPoster poster = CrossPoster.builder().addPlatform(platform).clock(clock).build();

    PublishResult result = poster.post(text("g27").build(), List.of(page(3))).results().get(0);

    assertThat(result).isInstanceOfSatisfying(PublishResult.Failed.class, failed -> {
      assertThat(failed.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
      assertThat(failed.retrySafe()).isTrue();
      assertThat(failed.error()).contains("ошибка 27", "ключ сообщества", "ключ пользователя").doesNotContain(OWN_3);
    });
  }

  @Test
  void error27OnAPhotoUploadWithAKeyGivenAsAUserKeyIsARetrySafeFailure() throws IOException {
    String communityKey = "vk1.a.given-as-user-key";
    vk.tokenKinds.put(communityKey, "community");
    VkPlatform platform = builder().userToken(communityKey).build();
    PostDraft draft = text("g27-photo").addPhotos(VkPublishTest.png("a.png", 40, 30)).build();

    SendResult result = platform.send(SendRequest.builder().page(page(5)).draft(draft).build());

    assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
      assertThat(refused.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
      assertThat(refused.reason().retrySafe()).isTrue();
      assertThat(refused.message()).contains("ошибка 27", NO_PHOTOS).doesNotContain(communityKey);
    });
    assertThat(vk.count("wall.post")).isZero();
  }

  @Test
  void error28OnAPostWithAServiceKeyGivenAsAUserKeyIsARetrySafeFailure() {
    String serviceKey = "service-key-given-as-user-key";
    vk.tokenKinds.put(serviceKey, "service");
    VkPlatform platform = builder().userToken(serviceKey).build();
    CrossPoster poster = CrossPoster.builder().addPlatform(platform).clock(clock).build();

    PublishResult result = poster.post(text("a28").build(), List.of(page(5))).results().get(0);

    assertThat(result.status()).isEqualTo(PublishStatus.FAILED);
    assertThat(result).isInstanceOfSatisfying(PublishResult.Failed.class, failed -> {
      assertThat(failed.retrySafe()).isTrue();
      assertThat(failed.error()).contains("ошибка 28", "сервисный ключ", "ключ сообщества").doesNotContain(serviceKey);
    });
  }

  @Test
  void thePlatformWideCapabilitiesSayWhenVkRefusedEveryUserKey() {
    try (VkPlatform userOnly = builder().userToken(VK_ID).build();
        VkPlatform withOwn = builder().userToken(VK_ID).ownCommunityToken(3, OWN_3).build()) {
      assertThat(userOnly.capabilities().allows(Operation.PUBLISH)).isTrue();

      userOnly.send(SendRequest.builder().page(page(5)).draft(text("wide-1").build()).build());

      Capabilities left = userOnly.capabilities();
      assertThat(left.allows(Operation.PUBLISH)).isFalse();
      assertThat(left.allows(Operation.UPLOAD_PHOTOS)).isFalse();
      assertThat(left.allows(Operation.READ_POSTS)).isTrue();
      assertThat(left.unavailableBecause().get(Operation.PUBLISH)).contains("1051").doesNotContain(VK_ID);

      // With communities' own keys, what is left is their text.
      assertThat(withOwn.capabilities().credential()).isEqualTo("ключ пользователя");
      withOwn.send(SendRequest.builder().page(page(3)).draft(text("wide-2").build()).build());
      Capabilities text = withOwn.capabilities();
      assertThat(text.credential()).isEqualTo("ключ сообщества");
      assertThat(text.allows(Operation.PUBLISH)).isTrue();
      assertThat(text.allows(Operation.UPLOAD_PHOTOS)).isFalse();
    }
  }

  @Test
  void aVkIdKeyRefusedWith1051FallsBackToTheCommunitysOwnKeyInTheSameSend() {
    VkPlatform platform = builder().userToken(VK_ID).ownCommunityToken(3, OWN_3).build();
    assertThat(platform.capabilities(page(3)).credential()).isEqualTo("ключ пользователя");

    SendResult result = platform.send(SendRequest.builder().page(page(3)).draft(text("fallback").build()).build());

    assertThat(result).isEqualTo(new SendResult.Sent("1001", "https://vk.com/wall-3_1001", null));
    List<String> keys = new ArrayList<>();
    for (RecordedRequest post : vk.requestsTo("wall.post")) keys.add(tokenOf(post));
    assertThat(keys).containsExactly(VK_ID, OWN_3);
    assertThat(vk.posted).hasSize(1);
    assertThat(platform.capabilities(page(3)).credential()).isEqualTo("ключ сообщества");
  }

  @Test
  void whenTheCommunitysKeyIsRefusedTooBothRefusalsAreSaid() {
    VkPlatform platform = builder().userToken(VK_ID).ownCommunityToken(3, OWN_3).build();
    // The VK ID key is refused with 1051 by the fake itself; then the community's key with 27.
    vk.can("wall.post", FakeVk.json(FakeVk.error(27, "Group authorization failed: method is unavailable with group auth.")));

    SendResult result = platform.send(SendRequest.builder().page(page(3)).draft(text("both").build()).build());

    assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
      assertThat(refused.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
      assertThat(refused.message()).contains("1051", "ключ сообщества: ", "ошибка 27").doesNotContain(VK_ID, OWN_3);
    });
    assertThat(vk.posted).isEmpty();
  }

  @Test
  void aMixedCampaignPostsEachPageWithItsKeyAndNothingTwice() {
    // The user administers 1, 2 and 4, not 3; 3 and 4 have keys of their own.
    vk.groups.put(3L, "{\"id\":3,\"name\":\"Школа 3\",\"screen_name\":\"club3\",\"is_admin\":0}");
    vk.groups.put(4L, "{\"id\":4,\"name\":\"Школа 4\",\"screen_name\":\"club4\",\"is_admin\":1,\"admin_level\":3}");
    AtomicInteger asked = new AtomicInteger();
    Map<Long, String> vault = Map.of(3L, OWN_3, 4L, OWN_4);
    VkPlatform platform = builder().userToken(USER)
        .ownCommunityTokens(gid -> {
          asked.incrementAndGet();
          return vault.get(gid);
        })
        .build();
    List<PageRef> pages = List.of(page(1), page(2), page(3), page(4));
    assertThat(pages.stream().map(p -> platform.capabilities(p).credential()).toList())
        .containsExactly("ключ пользователя", "ключ пользователя", "ключ сообщества", "ключ пользователя");
    CrossPoster poster = CrossPoster.builder().addPlatform(platform).clock(clock).build();

    CrossPostResult first = poster.post(text("campaign").build(), pages);
    CrossPostResult again = poster.post(text("campaign").build(), pages);

    assertThat(first.allSucceeded()).isTrue();
    assertThat(again.results()).isEqualTo(first.results());
    assertThat(vk.count("wall.post")).isEqualTo(4);
    Map<String, String> keyByOwner = new java.util.TreeMap<>();
    for (RecordedRequest post : vk.requestsTo("wall.post")) {
      assertThat(keyByOwner.put(FakeVk.form(post).get("owner_id"), tokenOf(post))).isNull();
    }
    assertThat(keyByOwner).containsExactly(Map.entry("-1", USER), Map.entry("-2", USER), Map.entry("-3", OWN_3),
        Map.entry("-4", USER));
    assertThat(asked.get()).isPositive();
    // Whether the user administers a community is asked once per community.
    assertThat(vk.count("groups.getById")).isEqualTo(2);
  }

  @Test
  void withTextOnlyFallbackAPhotoDraftGoesWithoutPhotosWhereTheKeyCannotUploadAndSaysSo() throws IOException {
    vk.groups.put(3L, "{\"id\":3,\"name\":\"Школа 3\",\"screen_name\":\"club3\",\"is_admin\":0}");
    VkPlatform platform = builder().userToken(USER).ownCommunityToken(3, OWN_3).build();
    PostDraft draft = text("photos-1").addPhotos(VkPublishTest.png("a.png", 40, 30)).build();
    List<PageRef> pages = List.of(page(1), page(3));

    // Not asked for: nothing is sent anywhere.
    CrossPostResult refused = CrossPoster.builder().addPlatform(platform).clock(clock).build().post(draft, pages);
    assertThat(refused.results()).allSatisfy(r -> assertThat(r.status()).isEqualTo(PublishStatus.REJECTED));
    assertThat(vk.count("wall.post")).isZero();

    CrossPoster poster = CrossPoster.builder().addPlatform(platform).clock(clock).textOnlyFallback(true).build();
    CrossPostResult result = poster.post(draft, pages);
    CrossPostResult again = poster.post(draft, pages);

    assertThat(result.allSucceeded()).isTrue();
    assertThat(again.results()).isEqualTo(result.results());
    assertThat(result.problems()).anySatisfy(problem -> {
      assertThat(problem.blocking()).isFalse();
      assertThat(problem.pages()).containsExactly(page(3));
      assertThat(problem.message()).contains("без фото", NO_PHOTOS);
    });
    assertThat(vk.count("wall.post")).isEqualTo(2);
    Map<String, Map<String, String>> byOwner = new java.util.TreeMap<>();
    for (RecordedRequest post : vk.requestsTo("wall.post")) byOwner.put(FakeVk.form(post).get("owner_id"), FakeVk.form(post));
    assertThat(byOwner.get("-1")).containsKey("attachments");
    assertThat(byOwner.get("-3")).doesNotContainKey("attachments").containsEntry("message",
        "Открыта запись в первый класс\n\n#школа9");
    assertThat(vk.requestsTo("photos.getWallUploadServer")).singleElement()
        .satisfies(request -> assertThat(tokenOf(request)).isEqualTo(USER));
    // The journal keeps the draft's key for both pages: the same publication, never sent twice.
    assertThat(poster.journal().lookup(draft.idempotencyKey(), page(3))).isNotNull();
  }

  @Test
  void keysNeverShowInToStringOrCapabilities() {
    VkPlatform.Builder builder = builder().serviceToken(SERVICE).ownCommunityToken(3, OWN_3);
    VkPlatform platform = builder.build();
    String shown = builder + " " + platform + " " + platform.capabilities(page(3))
        + " " + VkCommunityTokens.of(Map.of(3L, OWN_3));
    assertThat(shown).doesNotContain(OWN_3, SERVICE).contains("3");
    assertThatThrownBy(() -> builder().ownCommunityToken(0, OWN_3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("groupId");
    assertThatThrownBy(() -> builder().ownCommunityToken(3, "two words"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("communityToken[3]")
        .hasMessageNotContaining("two words");
    assertThatThrownBy(() -> builder().ownCommunityToken(3, OWN_3).build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("to read with");
  }
}
