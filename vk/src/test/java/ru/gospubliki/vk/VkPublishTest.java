package ru.gospubliki.vk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import ru.gospubliki.platform.PlatformException;
import ru.gospubliki.platform.PublishResult;
import ru.gospubliki.platform.PublishStatus;
import ru.gospubliki.platform.SendRequest;
import ru.gospubliki.platform.SendResult;
import ru.gospubliki.publish.CrossPoster;
import ru.gospubliki.publish.PublishJournal;
import ru.gospubliki.testing.MutableClock;

/**
 * Publishing to VK: one {@code wall.post} attempt per {@link VkPlatform#send}, the wall searched by
 * {@link VkPlatform#findExisting}, and the SDK's send-once publishing ({@link CrossPoster}) on top,
 * which is what an application calls: VK's {@code guid} makes a resend within its hour safe, the
 * journal and the wall do the rest. Edits and deletions fail alike, with VK's reasons.
 */
class VkPublishTest {
  static final String USER_TOKEN = "vk1.a.user-secret-token-42";
  static final PageRef PAGE = PageRef.parse("vk:123");

  private final FakeVk vk = new FakeVk();
  private final MutableClock clock = MutableClock.at(Instant.ofEpochSecond(1_795_000_000L));
  private MockWebServer server;
  private VkPlatform platform;

  @BeforeEach
  void start() throws IOException {
    server = vk.serve();
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

  private final PublishJournal journal = PublishJournal.inMemory();

  /** The SDK's publishing over {@code vk}, with this test's journal and clock. */
  private CrossPoster poster(VkPlatform vk) {
    return CrossPoster.builder().addPlatform(vk).clock(clock).journal(journal).build();
  }

  private PublishResult post(PostDraft draft) {
    return poster(platform).post(draft, List.of(PAGE)).results().get(0);
  }

  private SendResult send(VkPlatform vk, PageRef page, PostDraft draft) {
    return vk.send(SendRequest.builder().page(page).draft(draft).build());
  }

  private SendResult send(PostDraft draft) {
    return send(platform, PAGE, draft);
  }

  private static PostDraft.Builder draft() {
    return PostDraft.builder().text("Открыта запись в первый класс").addHashtags("школа9").idempotencyKey("draft-1");
  }

  @Test
  void postingWithoutAUserTokenFailsBeforeAnyRequestAndSaysWhichTokenIsNeeded() {
    VkPlatform readOnly = builder().serviceToken("service-token-1").communityToken("community-token-1").build();

    SendResult result = send(readOnly, PAGE, draft().build());

    assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
      assertThat(refused.message()).contains("ключ пользователя", "wall");
      assertThat(refused.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
    });
    assertThatThrownBy(() -> readOnly.edit(PAGE, "5", draft().build())).isInstanceOfSatisfying(PlatformException.class,
        e -> assertThat(e.reason()).isEqualTo(FailureReason.ACCESS_DENIED)).hasMessageContaining("ключ пользователя");
    assertThatThrownBy(() -> readOnly.delete(PAGE, "5")).isInstanceOfSatisfying(PlatformException.class,
        e -> assertThat(e.reason()).isEqualTo(FailureReason.ACCESS_DENIED)).hasMessageContaining("ключ пользователя");
    assertThat(vk.total()).isZero();
  }

  /** VK's limits are its capabilities; the SDK's one draft validator checks them, whoever sends. */
  @Test
  void aDraftBreakingTheLimitsIsRejectedWithEveryProblemBeforeAnyUpload() throws IOException {
    List<DraftPhoto> photos = new ArrayList<>();
    for (int i = 0; i < 10; i++) photos.add(png("p" + i + ".png", 10, 10));
    photos.add(png("wide.png", 2100, 100));
    byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    photos.add(DraftPhoto.fromBytes("pic.webp", webp));
    PostDraft draft = draft().text("я".repeat(16_385)).photos(photos)
        .scheduledAt(clock.instant().minusSeconds(60)).build();

    SendResult sent = send(draft);
    PublishResult posted = post(draft);

    assertThat(sent).isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
      assertThat(refused.reason()).isEqualTo(FailureReason.REFUSED);
      assertThat(refused.message()).contains("16384", "не больше 10", "wide.png", "1:20", "pic.webp", "image/webp",
          "уже прошло");
    });
    assertThat(posted).isInstanceOfSatisfying(PublishResult.Rejected.class, rejected -> assertThat(rejected.reasons())
        .anySatisfy(r -> assertThat(r).contains("16384"))
        .anySatisfy(r -> assertThat(r).contains("не больше 10"))
        .anySatisfy(r -> assertThat(r).contains("wide.png", "1:20"))
        .anySatisfy(r -> assertThat(r).contains("pic.webp", "image/webp"))
        .anySatisfy(r -> assertThat(r).contains("уже прошло")));
    assertThatThrownBy(() -> platform.edit(PAGE, "55", draft)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16384").hasMessageContaining("wide.png").hasMessageContaining("уже прошло");
    assertThat(vk.total()).isZero();
  }

  @Test
  void uploadsEveryPhotoThenPostsAsTheCommunity() throws Exception {
    PostDraft draft = draft().addPhotos(png("a.png", 40, 30), png("b.png", 30, 40))
        .link("https://school9.example.ru/news/1").build();

    SendResult result = send(draft);

    assertThat(result).isEqualTo(new SendResult.Sent("1001", "https://vk.com/wall-123_1001", null));
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

    SendResult result = send(draft().addPhotos(png("a.png", 40, 30)).build());

    assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
      assertThat(refused.message()).contains("a.png");
      assertThat(refused.reason().retrySafe()).isTrue();
    });
    assertThat(vk.count("wall.post")).isZero();
    assertThat(vk.count("photos.saveWallPhoto")).isZero();
  }

  @Test
  void schedulesWithPublishDate() {
    Instant at = clock.instant().plus(Duration.ofDays(2));

    SendResult result = send(draft().scheduledAt(at).build());

    assertThat(result).isEqualTo(new SendResult.Sent("1001", "https://vk.com/wall-123_1001", at));
    assertThat(FakeVk.form(vk.requestsTo("wall.post").get(0)))
        .containsEntry("publish_date", Long.toString(at.getEpochSecond()));
  }

  @Test
  void aConnectionDroppedAfterVkRecordedThePostIsResentWithTheSameGuidAndYieldsOnePost() {
    vk.dropAfterPost.set(1);

    PublishResult result = post(draft().build());

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

    PublishResult result = poster(impatient).post(draft().build(), List.of(PAGE)).results().get(0);

    assertThat(result).isEqualTo(new PublishResult.Published(PAGE, "1001", "https://vk.com/wall-123_1001"));
    assertThat(vk.count("wall.post")).isEqualTo(2);
    assertThat(vk.posted).hasSize(1);
  }

  @Test
  void publishingTheSameDraftAgainDoesNotPostTwice() {
    PostDraft draft = draft().build();

    PublishResult first = post(draft);
    clock.advance(Duration.ofHours(2)); // past VK's guid window: the journal keeps it once
    PublishResult second = post(draft);

    assertThat(second).isEqualTo(first);
    assertThat(vk.count("wall.post")).isEqualTo(1);
    assertThat(vk.posted).hasSize(1);
  }

  @Test
  void whenEveryResendIsCutOffTheWallIsReconciled() {
    vk.dropAfterPost.set(3);

    PublishResult result = post(draft().build());

    assertThat(result).isEqualTo(new PublishResult.Published(PAGE, "1001", "https://vk.com/wall-123_1001"));
    assertThat(vk.count("wall.post")).isEqualTo(3); // the send and two resends within the guid window
    assertThat(vk.posted).hasSize(1);
    assertThat(FakeVk.form(vk.requestsTo("wall.get").get(0))).containsEntry("filter", "owner")
        .containsEntry("owner_id", "-123");
  }

  @Test
  void aScheduledPostIsReconciledAmongPostponedPosts() {
    vk.dropAfterPost.set(3);
    Instant at = clock.instant().plus(Duration.ofHours(5));

    PublishResult result = post(draft().scheduledAt(at).build());

    assertThat(result).isEqualTo(new PublishResult.Scheduled(PAGE, "1001", "https://vk.com/wall-123_1001", at));
    assertThat(FakeVk.form(vk.requestsTo("wall.get").get(0))).containsEntry("filter", "postponed");
  }

  private static MockResponse cutOff() {
    return new MockResponse.Builder().body("{\"response\":{\"post_id\":1}}")
        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  @Test
  void answersCutOffBeforeVkRecordedAnythingAreCheckedOnTheWallAndTheNextRunSends() {
    for (int i = 0; i < 3; i++) vk.can("wall.post", cutOff()); // cut off before VK recorded anything
    PostDraft draft = draft().build();

    PublishResult first = post(draft);

    assertThat(first).isInstanceOfSatisfying(PublishResult.Failed.class, failed -> {
      assertThat(failed.retrySafe()).isFalse(); // the cause was ambiguous; the wall said nothing arrived
      assertThat(failed.error()).contains("на странице её нет");
    });
    assertThat(vk.requests).extracting(r -> r.getUrl().encodedPath())
        .containsExactly("/method/wall.post", "/method/wall.post", "/method/wall.post", "/method/wall.get");
    assertThat(vk.posted).isEmpty();

    clock.advance(Duration.ofHours(2));
    vk.requests.clear();
    PublishResult second = post(draft);

    assertThat(second.status()).isEqualTo(PublishStatus.PUBLISHED);
    assertThat(vk.requests).extracting(r -> r.getUrl().encodedPath()).containsExactly("/method/wall.post");
    assertThat(vk.posted).hasSize(1);
  }

  @Test
  void aWallThatCannotBeReadKeepsTheOutcomeUnknownAndNothingIsSentAgain() {
    for (int i = 0; i < 3; i++) vk.can("wall.post", cutOff());
    for (int i = 0; i < 3; i++) vk.can("wall.get", FakeVk.error(10, "Internal server error"));
    PostDraft draft = draft().build();

    PublishResult first = post(draft);

    assertThat(first).isInstanceOfSatisfying(PublishResult.Unknown.class,
        unknown -> assertThat(unknown.detail()).contains("стену проверить не удалось"));
    clock.advance(Duration.ofHours(2)); // VK's guid no longer protects a re-send
    vk.canned.clear();
    vk.requests.clear();
    assertThat(post(draft)).isEqualTo(first);
    assertThat(vk.requests).isEmpty();
    assertThat(vk.posted).isEmpty();
  }

  @Test
  void anInternalServerErrorOnPostIsResentWithTheSameGuidThenTheWallIsChecked() {
    for (int i = 0; i < 3; i++) vk.can("wall.post", FakeVk.error(10, "Internal server error"));
    PostDraft draft = draft().build();

    PublishResult first = post(draft);

    assertThat(first).isInstanceOfSatisfying(PublishResult.Failed.class, f -> {
      assertThat(f.retrySafe()).isFalse(); // error 10 may come after VK wrote the post
      assertThat(f.error()).contains("10");
    });
    List<RecordedRequest> sends = vk.requestsTo("wall.post");
    assertThat(sends).extracting(r -> FakeVk.form(r).get("guid")).hasSize(3).containsOnly(FakeVk.form(sends.get(0)).get("guid"));
    assertThat(vk.count("wall.get")).isEqualTo(1);

    vk.canned.clear();
    vk.requests.clear();
    assertThat(post(draft).status()).isEqualTo(PublishStatus.PUBLISHED);
    assertThat(vk.posted).hasSize(1);
  }

  @Test
  void aPostThatArrivedAlthoughEveryAnswerWasLostIsFoundInsteadOfSentAgain() {
    // Every send ends without a readable answer: the connection is shut as the request starts.
    for (int i = 0; i < 3; i++) {
      vk.can("wall.post", new MockResponse.Builder().onRequestStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    }
    PostDraft draft = draft().build();
    // Let VK have the post after all, as if the first attempt had arrived.
    vk.walls.put(123L, new java.util.concurrent.CopyOnWriteArrayList<>(List.of("{\"id\":777,\"owner_id\":-123,"
        + "\"from_id\":-123,\"date\":" + clock.instant().getEpochSecond() + ",\"text\":"
        + FakeVk.quote(draft.fullText()) + "}")));

    PublishResult result = post(draft);

    assertThat(result).isEqualTo(new PublishResult.Published(PAGE, "777", "https://vk.com/wall-123_777"));
    assertThat(vk.posted).isEmpty();
    clock.advance(Duration.ofHours(2));
    assertThat(post(draft)).isEqualTo(result);
    assertThat(vk.posted).isEmpty();
  }

  @Test
  void aCaptchaIsAFailureCarryingTheChallengeAndItsAnswerGoesWithItsOwnRequestOnly() {
    vk.can("wall.post", "{\"error\":{\"error_code\":14,\"error_msg\":\"Captcha needed\",\"captcha_sid\":\"548327\","
        + "\"captcha_img\":\"https://api.vk.com/captcha.php?sid=548327\",\"request_params\":[]}}");
    PostDraft draft = draft().build();
    PostDraft other = draft().idempotencyKey("draft-other").text("Другая новость").build();
    CrossPoster poster = poster(platform);

    PublishResult refused = poster.post(draft, List.of(PAGE)).results().get(0);

    assertThat(refused).isInstanceOfSatisfying(PublishResult.Failed.class, failed -> {
      assertThat(failed.reason()).isEqualTo(FailureReason.CAPTCHA);
      assertThat(failed.retrySafe()).isTrue();
      assertThat(failed.error()).contains("капча");
      assertThat(failed.captcha()).isEqualTo(new Captcha("548327", "https://api.vk.com/captcha.php?sid=548327", null));
    });
    Captcha captcha = java.util.Objects.requireNonNull(((PublishResult.Failed) refused).captcha());

    // Another publication at the same time carries no answer; the challenged one carries it.
    PublishResult otherSent = poster.post(other, List.of(PAGE)).results().get(0);
    PublishResult answered = poster.postWithCaptchaAnswer(draft, PAGE, captcha.answer("xk7p"));

    assertThat(otherSent.status()).isEqualTo(PublishStatus.PUBLISHED);
    assertThat(answered.status()).isEqualTo(PublishStatus.PUBLISHED);
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

    SendResult result = send(draft().build());

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

    SendResult result = send(draft);
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

    SendResult result = send(draft().build());

    assertThat(result).isInstanceOf(SendResult.Ambiguous.class);
  }

  @Test
  void aRefusedPostIsARefusalWithTheCode() {
    vk.can("wall.post", FakeVk.error(214, "Access to adding post denied"));

    SendResult result = send(draft().build());

    assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
      assertThat(refused.message()).contains("214", "wall.post");
      assertThat(refused.reason()).isEqualTo(FailureReason.REFUSED);
    });
  }

  @Test
  void anUnreachableVkMeansNothingWasSentEditedOrDeleted() throws IOException {
    MockWebServer closed = new MockWebServer();
    closed.start(InetAddress.getByName("127.0.0.1"), 0);
    String url = closed.url("/method/").toString();
    closed.close();
    VkPlatform offline = VkPlatform.builder().userToken(USER_TOKEN).baseUrl(url).sleeper(n -> {}).build();

    SendResult result = send(offline, PAGE, draft().build());

    assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
      assertThat(refused.reason()).isEqualTo(FailureReason.NETWORK);
      assertThat(refused.reason().retrySafe()).isTrue();
    });
    assertThatThrownBy(() -> offline.edit(PAGE, "55", draft().build())).isInstanceOfSatisfying(PlatformException.class,
        e -> assertThat(e.reason()).isEqualTo(FailureReason.NETWORK)).hasMessageNotContaining(USER_TOKEN);
    assertThatThrownBy(() -> offline.delete(PAGE, "55")).isInstanceOfSatisfying(PlatformException.class,
        e -> assertThat(e.reason()).isEqualTo(FailureReason.NETWORK)).hasMessageNotContaining(USER_TOKEN);
  }

  @Test
  void theGuidIsStablePerDraftAndCommunity() {
    send(draft().build());
    send(platform, PageRef.parse("vk:456"), draft().build());
    send(draft().idempotencyKey("draft-2").build());
    VkPlatform another = builder().userToken(USER_TOKEN).build();
    send(another, PAGE, draft().build());

    List<String> guids = vk.requestsTo("wall.post").stream().map(r -> FakeVk.form(r).get("guid")).toList();
    assertThat(guids).hasSize(4);
    assertThat(guids.get(3)).isEqualTo(guids.get(0));
    assertThat(guids.subList(0, 3)).doesNotHaveDuplicates();
    assertThat(vk.posted).hasSize(3);
  }

  @Test
  void editsAndDeletes() {
    SendResult.Sent edited = platform.edit(PAGE, "55", draft().text("Исправленный текст").build());
    platform.delete(PAGE, "55");

    assertThat(edited).isEqualTo(new SendResult.Sent("55", "https://vk.com/wall-123_55", null));
    assertThat(FakeVk.form(vk.requestsTo("wall.edit").get(0))).containsEntry("owner_id", "-123")
        .containsEntry("post_id", "55").containsEntry("message", "Исправленный текст\n\n#школа9");
    assertThat(FakeVk.form(vk.requestsTo("wall.delete").get(0))).containsEntry("owner_id", "-123")
        .containsEntry("post_id", "55");

    Instant at = clock.instant().plus(Duration.ofDays(1));
    assertThat(platform.edit(PAGE, "56", draft().scheduledAt(at).build()).scheduledAt()).isEqualTo(at);
    assertThat(FakeVk.form(vk.requestsTo("wall.edit").get(1)))
        .containsEntry("publish_date", Long.toString(at.getEpochSecond()));

    assertThatThrownBy(() -> platform.delete(PAGE, "abc")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("abc");
    assertThatThrownBy(() -> platform.edit(PAGE, "-5", draft().build())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-5");
    assertThat(vk.count("wall.edit")).isEqualTo(2);
  }

  /** Edit and delete fail alike, with VK's code and reason, and never show the key. */
  @Test
  void aRefusedEditOrDeleteThrowsTheSameVkExceptionWithTheCode() {
    vk.can("wall.edit", FakeVk.error(15, "Access denied: you can't edit this post"));
    vk.can("wall.delete", FakeVk.error(15, "Access denied: you can't edit this post"));

    VkApiException edit = catchThrowableOfType(VkApiException.class,
        () -> platform.edit(PAGE, "56", draft().build()));
    VkApiException delete = catchThrowableOfType(VkApiException.class,
        () -> platform.delete(PAGE, "56"));

    assertThat(edit.code()).isEqualTo(delete.code()).isEqualTo(15);
    assertThat(edit.reason()).isEqualTo(delete.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
    assertThat(edit.method()).isEqualTo("wall.edit");
    assertThat(edit.getMessage()).isEqualTo(delete.getMessage().replace("wall.delete", "wall.edit"))
        .doesNotContain(USER_TOKEN);
    assertThat(edit.captcha()).isNull();
  }

  @Test
  void aCaptchaOnAnEditIsThrownWithTheChallenge() {
    vk.can("wall.edit", "{\"error\":{\"error_code\":14,\"error_msg\":\"Captcha needed\",\"captcha_sid\":\"77\","
        + "\"captcha_img\":\"https://api.vk.com/captcha.php?sid=77\",\"request_params\":[]}}");

    assertThatThrownBy(() -> platform.edit(PAGE, "55", draft().build()))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e).isInstanceOf(VkCaptchaException.class);
          assertThat(e.reason()).isEqualTo(FailureReason.CAPTCHA);
          assertThat(e.captcha()).isEqualTo(new Captcha("77", "https://api.vk.com/captcha.php?sid=77", null));
        });
  }

  @Test
  void aPhotoThatCannotBeUploadedLeavesThePostAsItWas() throws IOException {
    vk.uploadAnswer = "{\"server\":625831,\"photo\":\"[]\",\"hash\":\"00\"}";

    assertThatThrownBy(() -> platform.edit(PAGE, "55", draft().addPhotos(png("a.png", 40, 30)).build()))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.reason()).isEqualTo(FailureReason.REFUSED);
          assertThat(e).hasMessageContaining("a.png").hasMessageContaining("запись не изменена");
        });
    assertThat(vk.count("wall.edit")).isZero();
  }

  @Test
  void publishesToAScreenNameAfterResolvingIt() {
    vk.groups.put(123L, "{\"id\":123,\"name\":\"x\",\"screen_name\":\"school9_amur\"}");

    SendResult result = send(platform, PageRef.parse("https://vk.com/school9_amur"), draft().build());

    assertThat(result).isInstanceOfSatisfying(SendResult.Sent.class,
        sent -> assertThat(sent.url()).isEqualTo("https://vk.com/wall-123_1001"));
    assertThat(FakeVk.form(vk.requestsTo("wall.post").get(0))).containsEntry("owner_id", "-123");
  }
}
