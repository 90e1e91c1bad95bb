package ru.gospubliki.vk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.platform.Captcha;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.PostLookup;
import ru.gospubliki.platform.SendRequest;
import ru.gospubliki.platform.SendResult;
import ru.gospubliki.platform.PlatformException;
import ru.gospubliki.platform.PublishResult;
import ru.gospubliki.testing.MutableClock;

class VkPublishTest {
  static final String USER_TOKEN = "vk1.a.user-secret-token-42";
  static final PageRef PAGE = PageRef.parse("vk:123");

  private final FakeVk vk = new FakeVk();
  private final MutableClock clock = MutableClock.at(Instant.ofEpochSecond(1_795_000_000L));
  private MockWebServer server;
  private VkPlatform platform;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(vk);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    vk.uploadUrl = server.url("/upload").toString();
    platform = builder().userToken(USER_TOKEN).build();
  }

  private VkPlatform.Builder builder() {
    return VkPlatform.builder()
        .baseUrl(server.url("/method/").toString())
        .clock(clock)
        .userRequestsPerSecond(1000)
        .sleeper(nanos -> {});
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static DraftPhoto png(String name, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return DraftPhoto.fromBytes(name, out.toByteArray());
  }

  private static PostDraft.Builder draft() {
    return PostDraft.builder().text("Открыта запись в первый класс").addHashtags("школа9").idempotencyKey("draft-1");
  }

  @Test
  void postingWithoutAUserTokenFailsBeforeAnyRequestAndSaysWhichTokenIsNeeded() {
    VkPlatform readOnly = builder().serviceToken("service-token-1").communityToken("community-token-1").build();

    PublishResult result = readOnly.publish(PAGE, draft().build());

    assertThat(result).isInstanceOfSatisfying(PublishResult.Failed.class, failed -> {
      assertThat(failed.error()).contains("ключ пользователя", "wall");
      assertThat(failed.reason()).isEqualTo(ru.gospubliki.platform.FailureReason.ACCESS_DENIED);
    });
    assertThatThrownBy(() -> readOnly.delete(PAGE, "5"))
        .isInstanceOf(PlatformException.class).hasMessageContaining("ключ пользователя");
    assertThat(vk.total()).isZero();
  }

  @Test
  void aDraftBreakingTheLimitsIsRejectedWithEveryProblemBeforeAnyUpload() throws IOException {
    List<DraftPhoto> photos = new ArrayList<>();
    for (int i = 0; i < 10; i++) photos.add(png("p" + i + ".png", 10, 10));
    photos.add(png("wide.png", 2100, 100));
    byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    photos.add(DraftPhoto.fromBytes("pic.webp", webp));
    PostDraft draft = draft().text("я".repeat(16_385)).photos(photos)
        .scheduledAt(clock.instant().minusSeconds(60)).build();

    PublishResult result = platform.publish(PAGE, draft);

    assertThat(result).isInstanceOfSatisfying(PublishResult.Rejected.class, rejected -> assertThat(rejected.reasons())
        .anySatisfy(r -> assertThat(r).contains("16384"))
        .anySatisfy(r -> assertThat(r).contains("больше 10 фото"))
        .anySatisfy(r -> assertThat(r).contains("wide.png", "1:20"))
        .anySatisfy(r -> assertThat(r).contains("pic.webp", "image/webp"))
        .anySatisfy(r -> assertThat(r).contains("уже прошло")));
    assertThat(vk.total()).isZero();
  }

  @Test
  void uploadsEveryPhotoThenPostsAsTheCommunity() throws Exception {
    PostDraft draft = draft().addPhotos(png("a.png", 40, 30), png("b.png", 30, 40))
        .link("https://school9.example.ru/news/1").build();

    PublishResult result = platform.publish(PAGE, draft);

    assertThat(result).isEqualTo(new PublishResult.Published(PAGE, "1001", "https://vk.com/wall-123_1001"));
    List<String> paths = new ArrayList<>();
    for (RecordedRequest request : vk.requests) paths.add(request.getUrl().encodedPath());
    assertThat(paths).containsExactly("/method/photos.getWallUploadServer", "/upload", "/method/photos.saveWallPhoto",
        "/upload", "/method/photos.saveWallPhoto", "/method/wall.post");
    RecordedRequest upload = vk.requestsTo("upload").get(0);
    assertThat(upload.getHeaders().get("Authorization")).isNull();
    assertThat(upload.getHeaders().get("Content-Type")).startsWith("multipart/form-data");
    assertThat(upload.getBody().utf8()).contains("name=\"photo\"; filename=\"a.png\"");
    assertThat(FakeVk.form(vk.requestsTo("photos.getWallUploadServer").get(0))).containsEntry("group_id", "123");
    assertThat(FakeVk.form(vk.requestsTo("photos.saveWallPhoto").get(0)))
        .containsEntry("group_id", "123").containsEntry("server", "625831").containsEntry("hash", "8954a4da");

    RecordedRequest post = vk.requestsTo("wall.post").get(0);
    assertThat(post.getHeaders().get("Authorization")).isEqualTo("Bearer " + USER_TOKEN);
    Map<String, String> form = FakeVk.form(post);
    assertThat(form).containsEntry("owner_id", "-123").containsEntry("from_group", "1")
        .containsEntry("message", "Открыта запись в первый класс\n\n#школа9")
        .containsEntry("attachments",
            "photo-123_457239017_ak1,photo-123_457239017_ak1,https://school9.example.ru/news/1")
        .containsEntry("v", "5.199").doesNotContainKeys("publish_date", "access_token");
    assertThat(form.get("guid")).isNotBlank().doesNotContain("draft-1");
  }

  @Test
  void aFailedUploadMeansNoPost() throws IOException {
    vk.uploadAnswer = "{\"server\":625831,\"photo\":\"[]\",\"hash\":\"00\"}";

    PublishResult result = platform.publish(PAGE, draft().addPhotos(png("a.png", 40, 30)).build());

    assertThat(result).isInstanceOfSatisfying(PublishResult.Failed.class, failed -> {
      assertThat(failed.error()).contains("a.png");
      assertThat(failed.retrySafe()).isTrue();
    });
    assertThat(vk.count("wall.post")).isZero();
    assertThat(vk.count("photos.saveWallPhoto")).isZero();
  }

  @Test
  void schedulesWithPublishDate() {
    Instant at = clock.instant().plus(Duration.ofDays(2));

    PublishResult result = platform.publish(PAGE, draft().scheduledAt(at).build());

    assertThat(result).isEqualTo(new PublishResult.Scheduled(PAGE, "1001", "https://vk.com/wall-123_1001", at));
    assertThat(FakeVk.form(vk.requestsTo("wall.post").get(0)))
        .containsEntry("publish_date", Long.toString(at.getEpochSecond()));
  }

  @Test
  void aConnectionDroppedAfterVkRecordedThePostLeadsToExactlyOnePost() {
    vk.dropAfterPost.set(1);

    PublishResult result = platform.publish(PAGE, draft().build());

    assertThat(result).isEqualTo(new PublishResult.Published(PAGE, "1001", "https://vk.com/wall-123_1001"));
    assertThat(vk.posted).hasSize(1);
    List<RecordedRequest> sends = vk.requestsTo("wall.post");
    assertThat(sends).hasSize(2);
    assertThat(FakeVk.form(sends.get(1)).get("guid")).isEqualTo(FakeVk.form(sends.get(0)).get("guid"));
  }

  @Test
  void aTimeoutAfterVkRecordedThePostIsResentWithTheSameGuidAndYieldsOnePost() {
    VkPlatform impatient = builder().userToken(USER_TOKEN).callTimeout(Duration.ofMillis(300)).build();
    vk.slowAfterPost.set(1);

    PublishResult result = impatient.publish(PAGE, draft().build());

    assertThat(result).isEqualTo(new PublishResult.Published(PAGE, "1001", "https://vk.com/wall-123_1001"));
    assertThat(vk.count("wall.post")).isEqualTo(2);
    assertThat(vk.posted).hasSize(1);
  }

  @Test
  void publishingTheSameDraftAgainDoesNotPostTwice() {
    PostDraft draft = draft().build();

    PublishResult first = platform.publish(PAGE, draft);
    PublishResult second = platform.publish(PAGE, draft);

    assertThat(second).isEqualTo(first);
    assertThat(vk.count("wall.post")).isEqualTo(1);
    assertThat(vk.posted).hasSize(1);
  }

  @Test
  void whenEveryResendIsCutOffTheWallIsReconciled() {
    vk.dropAfterPost.set(3);

    PublishResult result = platform.publish(PAGE, draft().build());

    assertThat(result).isEqualTo(new PublishResult.Published(PAGE, "1001", "https://vk.com/wall-123_1001"));
    assertThat(vk.count("wall.post")).isEqualTo(3);
    assertThat(vk.posted).hasSize(1);
    assertThat(FakeVk.form(vk.requestsTo("wall.get").get(0))).containsEntry("filter", "owner")
        .containsEntry("owner_id", "-123");
  }

  @Test
  void aScheduledPostIsReconciledAmongPostponedPosts() {
    vk.dropAfterPost.set(3);
    Instant at = clock.instant().plus(Duration.ofHours(5));

    PublishResult result = platform.publish(PAGE, draft().scheduledAt(at).build());

    assertThat(result).isEqualTo(new PublishResult.Scheduled(PAGE, "1001", "https://vk.com/wall-123_1001", at));
    assertThat(FakeVk.form(vk.requestsTo("wall.get").get(0))).containsEntry("filter", "postponed");
  }

  private static MockResponse cutOff() {
    return new MockResponse.Builder().body("{\"response\":{\"post_id\":1}}")
        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  @Test
  void anUnclearOutcomeIsUnknownAndAfterTheGuidWindowTheWallIsCheckedBeforeSendingAgain() {
    for (int i = 0; i < 3; i++) vk.can("wall.post", cutOff()); // cut off before VK recorded anything
    PostDraft draft = draft().build();

    PublishResult first = platform.publish(PAGE, draft);

    assertThat(first).isInstanceOfSatisfying(PublishResult.Unknown.class,
        unknown -> assertThat(unknown.detail()).contains("не создаст дубль"));
    assertThat(vk.posted).isEmpty();

    clock.advance(Duration.ofHours(2));
    vk.requests.clear();
    PublishResult second = platform.publish(PAGE, draft);

    assertThat(second).isInstanceOf(PublishResult.Published.class);
    assertThat(vk.requests).extracting(r -> r.getUrl().encodedPath())
        .containsExactly("/method/wall.get", "/method/wall.post");
    assertThat(vk.posted).hasSize(1);
  }

  @Test
  void afterTheGuidWindowAWallThatCannotBeReadKeepsTheOutcomeUnknownAndSendsNothing() {
    for (int i = 0; i < 3; i++) vk.can("wall.post", cutOff());
    PostDraft draft = draft().build();
    assertThat(platform.publish(PAGE, draft)).isInstanceOf(PublishResult.Unknown.class);

    clock.advance(Duration.ofHours(2)); // VK's guid no longer protects a re-send
    for (int i = 0; i < 3; i++) vk.can("wall.get", FakeVk.error(10, "Internal server error"));
    vk.requests.clear();
    PublishResult second = platform.publish(PAGE, draft);

    assertThat(second).isInstanceOfSatisfying(PublishResult.Unknown.class,
        unknown -> assertThat(unknown.detail()).contains("стену проверить не удалось"));
    assertThat(vk.requestsTo("wall.post")).isEmpty();
    assertThat(vk.posted).isEmpty();
  }

  @Test
  void anInternalServerErrorOnPostIsRetrySafeButLaterSendsCheckTheWallFirst() {
    for (int i = 0; i < 3; i++) vk.can("wall.post", FakeVk.error(10, "Internal server error"));
    PostDraft draft = draft().build();
    PublishResult first = platform.publish(PAGE, draft);
    assertThat(first).isInstanceOfSatisfying(PublishResult.Failed.class, f -> assertThat(f.retrySafe()).isFalse());
    vk.canned.clear();

    clock.advance(Duration.ofHours(2)); // error 10 may come after VK wrote the post
    vk.requests.clear();
    assertThat(platform.publish(PAGE, draft)).isInstanceOf(PublishResult.Published.class);
    assertThat(vk.requests).extracting(r -> r.getUrl().encodedPath())
        .containsExactly("/method/wall.get", "/method/wall.post");
  }

  @Test
  void afterTheGuidWindowAPostThatDidArriveIsFoundInsteadOfSentAgain() {
    vk.can("wall.get", FakeVk.error(10, "Internal server error"));
    vk.can("wall.get", FakeVk.error(10, "Internal server error"));
    vk.can("wall.get", FakeVk.error(10, "Internal server error"));
    // Every send ends without a readable answer, and the wall cannot be read to check.
    vk.can("wall.post", new MockResponse.Builder().onRequestStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    vk.can("wall.post", new MockResponse.Builder().onRequestStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    vk.can("wall.post", new MockResponse.Builder().onRequestStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    PostDraft draft = draft().build();
    assertThat(platform.publish(PAGE, draft)).isInstanceOf(PublishResult.Unknown.class);
    vk.canned.clear();
    // Let VK have the post after all, as if the first attempt had arrived.
    vk.walls.put(123L, new java.util.concurrent.CopyOnWriteArrayList<>(List.of("{\"id\":777,\"owner_id\":-123,"
        + "\"from_id\":-123,\"date\":" + clock.instant().getEpochSecond() + ",\"text\":"
        + FakeVk.quote(draft.fullText()) + "}")));

    clock.advance(Duration.ofHours(2));
    PublishResult second = platform.publish(PAGE, draft);

    assertThat(second).isEqualTo(new PublishResult.Published(PAGE, "777", "https://vk.com/wall-123_777"));
    assertThat(vk.posted).isEmpty();
  }

  @Test
  void aCaptchaIsAFailureCarryingTheChallengeAndItsAnswerGoesWithItsOwnRequestOnly() {
    vk.can("wall.post", "{\"error\":{\"error_code\":14,\"error_msg\":\"Captcha needed\",\"captcha_sid\":\"548327\","
        + "\"captcha_img\":\"https://api.vk.com/captcha.php?sid=548327\",\"request_params\":[]}}");
    PostDraft draft = draft().build();
    PostDraft other = draft().idempotencyKey("draft-other").text("Другая новость").build();

    PublishResult refused = platform.publish(PAGE, draft);

    assertThat(refused).isInstanceOfSatisfying(PublishResult.Failed.class, failed -> {
      assertThat(failed.reason()).isEqualTo(FailureReason.CAPTCHA);
      assertThat(failed.retrySafe()).isTrue();
      assertThat(failed.error()).contains("капча");
      assertThat(failed.captcha()).isEqualTo(new Captcha("548327", "https://api.vk.com/captcha.php?sid=548327", null));
    });
    Captcha captcha = ((PublishResult.Failed) refused).captcha();

    // Another publication at the same time carries no answer; the challenged one carries it.
    SendResult otherSent = platform.send(SendRequest.builder().page(PAGE).draft(other).build());
    SendResult answered = platform.send(SendRequest.builder().page(PAGE).draft(draft)
        .captchaAnswer(captcha.answer("xk7p")).build());

    assertThat(otherSent).isInstanceOf(SendResult.Sent.class);
    assertThat(answered).isInstanceOf(SendResult.Sent.class);
    List<RecordedRequest> sends = vk.requestsTo("wall.post");
    assertThat(FakeVk.form(sends.get(1))).doesNotContainKeys("captcha_sid", "captcha_key");
    assertThat(FakeVk.form(sends.get(2))).containsEntry("captcha_sid", "548327").containsEntry("captcha_key", "xk7p")
        .containsEntry("guid", FakeVk.form(sends.get(0)).get("guid"));
    assertThat(vk.posted).hasSize(2);
  }

  @Test
  void aCaptchaOnASendIsARefusalWithTheChallenge() {
    vk.can("wall.post", "{\"error\":{\"error_code\":14,\"error_msg\":\"Captcha needed\",\"captcha_sid\":\"9\","
        + "\"captcha_img\":\"https://api.vk.com/captcha.php?sid=9\",\"redirect_uri\":\"https://id.vk.com/not_robot\"}}");

    SendResult result = platform.send(SendRequest.builder().page(PAGE).draft(draft().build()).build());

    assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
      assertThat(refused.reason()).isEqualTo(FailureReason.CAPTCHA);
      assertThat(refused.captcha()).isEqualTo(new Captcha("9", "https://api.vk.com/captcha.php?sid=9",
          "https://id.vk.com/not_robot"));
      assertThat(refused.message()).contains("капча");
    });
  }

  @Test
  void aSendCutOffAfterVkRecordedThePostIsAmbiguousAndFoundAfterwards() {
    vk.dropAfterPost.set(1);
    PostDraft draft = draft().build();
    Instant before = clock.instant();

    SendResult result = platform.send(SendRequest.builder().page(PAGE).draft(draft).build());
    PostLookup lookup = platform.findExisting(PAGE, draft, before);
    PostLookup absent = platform.findExisting(PAGE, draft().text("Ничего такого").build(), before);

    assertThat(result).isInstanceOfSatisfying(SendResult.Ambiguous.class,
        ambiguous -> assertThat(ambiguous.reason().retrySafe()).isFalse());
    assertThat(lookup).isInstanceOfSatisfying(PostLookup.Found.class,
        found -> assertThat(found.post().url()).startsWith("https://vk.com/wall-123_"));
    assertThat(absent).isInstanceOf(PostLookup.Absent.class);
    assertThat(vk.posted).hasSize(1);
  }

  @Test
  void aSendAnsweredWithAPostIdThatIsNoneIsAmbiguous() {
    vk.can("wall.post", "{\"response\":{\"post_id\":0}}");

    SendResult result = platform.send(SendRequest.builder().page(PAGE).draft(draft().build()).build());

    assertThat(result).isInstanceOf(SendResult.Ambiguous.class);
  }

  @Test
  void aRefusedPostIsAFailureWithTheCode() {
    vk.can("wall.post", FakeVk.error(214, "Access to adding post denied"));

    PublishResult result = platform.publish(PAGE, draft().build());

    assertThat(result).isInstanceOfSatisfying(PublishResult.Failed.class, failed -> {
      assertThat(failed.error()).contains("214", "wall.post");
      assertThat(failed.reason()).isEqualTo(FailureReason.REFUSED);
    });
  }

  @Test
  void anUnreachableVkMeansNothingWasSent() throws IOException {
    MockWebServer closed = new MockWebServer();
    closed.start(InetAddress.getByName("127.0.0.1"), 0);
    String url = closed.url("/method/").toString();
    closed.close();
    VkPlatform offline = VkPlatform.builder().userToken(USER_TOKEN).baseUrl(url).sleeper(n -> {}).build();

    PublishResult result = offline.publish(PAGE, draft().build());

    assertThat(result).isInstanceOfSatisfying(PublishResult.Failed.class,
        failed -> assertThat(failed.retrySafe()).isTrue());
  }

  @Test
  void theGuidIsStablePerDraftAndCommunity() {
    platform.publish(PAGE, draft().build());
    platform.publish(PageRef.parse("vk:456"), draft().build());
    platform.publish(PAGE, draft().idempotencyKey("draft-2").build());
    VkPlatform another = builder().userToken(USER_TOKEN).build();
    another.publish(PAGE, draft().build());

    List<String> guids = vk.requestsTo("wall.post").stream().map(r -> FakeVk.form(r).get("guid")).toList();
    assertThat(guids).hasSize(4);
    assertThat(guids.get(3)).isEqualTo(guids.get(0));
    assertThat(guids.subList(0, 3)).doesNotHaveDuplicates();
    assertThat(vk.posted).hasSize(3);
  }

  @Test
  void editsAndDeletes() {
    PublishResult edited = platform.edit(PAGE, "55", draft().text("Исправленный текст").build());
    platform.delete(PAGE, "55");

    assertThat(edited).isEqualTo(new PublishResult.Published(PAGE, "55", "https://vk.com/wall-123_55"));
    assertThat(FakeVk.form(vk.requestsTo("wall.edit").get(0))).containsEntry("owner_id", "-123")
        .containsEntry("post_id", "55").containsEntry("message", "Исправленный текст\n\n#школа9");
    assertThat(FakeVk.form(vk.requestsTo("wall.delete").get(0))).containsEntry("owner_id", "-123")
        .containsEntry("post_id", "55");

    vk.can("wall.delete", FakeVk.error(15, "Access denied"));
    assertThatThrownBy(() -> platform.delete(PAGE, "56"))
        .isInstanceOfSatisfying(VkApiException.class, e -> assertThat(e.code()).isEqualTo(15))
        .hasMessageContaining("wall.delete").hasMessageNotContaining(USER_TOKEN);
    assertThatThrownBy(() -> platform.delete(PAGE, "abc")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("abc");
  }

  @Test
  void publishesToAScreenNameAfterResolvingIt() {
    vk.groups.put(123L, "{\"id\":123,\"name\":\"x\",\"screen_name\":\"school9_amur\"}");

    PublishResult result = platform.publish(PageRef.parse("https://vk.com/school9_amur"), draft().build());

    assertThat(result).isInstanceOfSatisfying(PublishResult.Published.class,
        published -> assertThat(published.url()).isEqualTo("https://vk.com/wall-123_1001"));
    assertThat(FakeVk.form(vk.requestsTo("wall.post").get(0))).containsEntry("owner_id", "-123");
  }
}
