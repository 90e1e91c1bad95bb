package ru.gospubliki.ok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.PostLookup;
import ru.gospubliki.platform.PostQuery;
import ru.gospubliki.platform.PublishResult;
import ru.gospubliki.platform.SendRequest;
import ru.gospubliki.platform.SendResult;
import ru.gospubliki.publish.CrossPoster;
import ru.gospubliki.testing.MutableClock;

/**
 * Publishing on the SPI the SDK's send-once publishing drives: one {@code mediatopic.post} attempt
 * per {@link OkPlatform#send}, and {@link OkPlatform#findExisting} after an answer was lost.
 */
final class OkPlatformSendTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
  private static final PageRef PAGE = PageRef.parse("ok:77");

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

  private static SendRequest request(PageRef page, PostDraft draft) {
    return SendRequest.builder().page(page).draft(draft).build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> attachment(Map<String, String> form) throws Exception {
    return (Map<String, Object>) FakeOk.JSON.fromJson(form.get("attachment"));
  }

  @Test
  void sendsTextAndLinkOnBehalfOfTheGroupInOneSignedCall() throws Exception {
    server.enqueue(FakeOk.json("\"70102413183763\""));
    PostDraft draft = PostDraft.builder().text("Открыта запись в первый класс").addHashtags("школа9")
        .link("https://school9.example.ru/zapis").build();

    SendResult result = open(platform()).send(request(PAGE, draft));

    assertThat(result).isEqualTo(new SendResult.Sent("70102413183763", "https://ok.ru/group/77/topic/70102413183763", null));
    Map<String, String> form = Forms.decode(server.takeRequest());
    assertThat(form).containsEntry("method", "mediatopic.post").containsEntry("type", "GROUP_THEME")
        .containsEntry("gid", "77").containsEntry("application_key", "APPKEY").containsEntry("format", "json")
        .containsEntry("access_token", "ACCESSTOKEN").containsKey("sig");
    Map<String, Object> attachment = attachment(form);
    assertThat(attachment).containsEntry("onBehalfOfGroup", "true").doesNotContainKey("publishAt");
    assertThat(attachment.get("media")).isEqualTo(List.of(
        Map.of("type", "text", "text", "Открыта запись в первый класс\n\n#школа9"),
        Map.of("type", "link", "url", "https://school9.example.ru/zapis")));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aNumericTopicIdIsAcceptedToo() {
    server.enqueue(FakeOk.json("70102413183763"));
    assertThat(open(platform()).send(request(PAGE, PostDraft.builder().text("Текст").build())))
        .isInstanceOfSatisfying(SendResult.Sent.class, s -> assertThat(s.postId()).isEqualTo("70102413183763"));
  }

  @Test
  void scheduledTopicCarriesMoscowTimeAcrossMidnight() throws Exception {
    server.enqueue(FakeOk.json("\"556\""));
    Instant at = Instant.parse("2026-12-31T22:30:00Z");
    SendResult result = open(platform()).send(request(PAGE, PostDraft.builder().text("С Новым годом").scheduledAt(at).build()));

    assertThat(result).isEqualTo(new SendResult.Sent("556", "https://ok.ru/group/77/topic/556", at));
    assertThat(attachment(Forms.decode(server.takeRequest()))).containsEntry("publishAt", "2027-01-01 01:30:00");
  }

  @Test
  void uploadsPhotosFirstAndPutsTheirTokensInTheTopic() throws Exception {
    server.enqueue(FakeOk.json("{\"upload_url\":\"" + server.url("/upload?sig=x") + "\","
        + "\"photo_ids\":[\"p1\",\"p2\"],\"expires_ms\":1}"));
    server.enqueue(FakeOk.json("{\"photos\":{\"p2\":{\"token\":\"T2\"},\"p1\":{\"token\":\"T1\"}}}"));
    server.enqueue(FakeOk.json("\"900\""));
    PostDraft draft = PostDraft.builder().text("Фото с линейки")
        .addPhotos(DraftPhoto.fromBytes("a.png", image("png")), DraftPhoto.fromBytes("b.jpg", image("jpg")))
        .build();

    assertThat(open(platform()).send(request(PAGE, draft))).isInstanceOf(SendResult.Sent.class);

    assertThat(Forms.decode(server.takeRequest())).containsEntry("method", "photosV2.getUploadUrl")
        .containsEntry("gid", "77").containsEntry("count", "2");
    RecordedRequest upload = server.takeRequest();
    assertThat(upload.getUrl().encodedPath()).isEqualTo("/upload");
    assertThat(upload.getHeaders().get("Content-Type")).startsWith("multipart/form-data");
    String body = upload.getBody().string(StandardCharsets.ISO_8859_1);
    assertThat(body).contains("name=\"pic1\"; filename=\"a.png\"", "name=\"pic2\"; filename=\"b.jpg\"",
        "Content-Type: image/png", "Content-Type: image/jpeg").doesNotContain("ACCESSTOKEN");
    Map<String, Object> attachment = attachment(Forms.decode(server.takeRequest()));
    assertThat(attachment.get("media")).isEqualTo(List.of(
        Map.of("type", "text", "text", "Фото с линейки"),
        Map.of("type", "photo", "list", List.of(Map.of("id", "T1"), Map.of("id", "T2")))));
    assertThat(server.getRequestCount()).isEqualTo(3); // no photosV2.commit
  }

  @Test
  void aFailedUploadMeansNoTopicAndACertainRefusal() {
    FakeOk ok = new FakeOk(time, 77);
    ok.failUpload = true;
    server.setDispatcher(ok);
    PostDraft draft = PostDraft.builder().text("Фото").addPhotos(DraftPhoto.fromBytes("a.png", pngQuietly())).build();

    SendResult result = open(platform()).send(request(PAGE, draft));

    assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class, r -> {
      assertThat(r.reason()).isEqualTo(FailureReason.REFUSED);
      assertThat(r.message()).contains("фото не загружены", "тема не отправлена", "500");
    });
    assertThat(ok.postCalls.get()).isZero();
  }

  @Test
  void anUnreadablePhotoFileIsRefusedBeforeAnyCall(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("a.png");
    Files.write(file, image("png"));
    DraftPhoto photo = DraftPhoto.fromPath(file);
    Files.delete(file);
    // A key of its own: the default one is derived from the photo's bytes, and the file is gone.
    PostDraft draft = PostDraft.builder().text("Фото").addPhotos(photo).idempotencyKey("photo").build();
    SendResult result = open(platform()).send(request(PAGE, draft));
    assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class, r -> {
      assertThat(r.message()).contains("a.png");
      assertThat(r.reason()).isEqualTo(FailureReason.REFUSED);
    });
    assertThat(server.getRequestCount()).isZero();
  }

  /** Success-shaped garbage: {@code true} or {@code "abc"} was once reported as published with that id. */
  @ParameterizedTest
  @ValueSource(strings = {"true", "\"abc\"", "\"0\"", "\"-5\"", "\"\"", "{\"id\":\"5\"}", "null", "[]", "\"99999999999999999999\""})
  void successShapedGarbageIsAmbiguousNotSuccess(String answer) {
    server.enqueue(FakeOk.json(answer));
    SendResult result = open(platform()).send(request(PAGE, PostDraft.builder().text("Текст").build()));
    assertThat(result).isInstanceOfSatisfying(SendResult.Ambiguous.class, a -> {
      assertThat(a.reason()).isEqualTo(FailureReason.API_ERROR);
      assertThat(a.detail()).contains("mediatopic.post", "могла быть создана");
    });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aMalformedAnswerNamesTheJsonPath() {
    server.enqueue(FakeOk.json("{\"id\":true}"));
    SendResult result = open(platform()).send(request(PAGE, PostDraft.builder().text("Текст").build()));
    assertThat(result).isInstanceOfSatisfying(SendResult.Ambiguous.class,
        a -> assertThat(a.detail()).contains("по пути $"));
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 454, 456, 500, 507, 514, 600, 601, 607, 3, 453})
  void definiteRefusalsAreRefused(int code) {
    server.enqueue(FakeOk.error(code, "SOME_ERROR : details"));
    SendResult result = open(platform()).send(request(PAGE, PostDraft.builder().text("Текст").build()));
    assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class, r -> {
      assertThat(r.reason()).isEqualTo(FailureReason.REFUSED);
      assertThat(r.reason().retrySafe()).isTrue();
      assertThat(r.message()).contains(Integer.toString(code), "SOME_ERROR");
    });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 30, 31, 5000, 9999, 777})
  void serviceErrorsMayHaveTakenEffectAndAreNeverRepeated(int code) {
    server.enqueue(FakeOk.error(code, "SYSTEM : internal"));
    server.enqueue(FakeOk.json("\"1\""));
    SendResult result = open(platform()).send(request(PAGE, PostDraft.builder().text("Текст").build()));
    assertThat(result).isInstanceOfSatisfying(SendResult.Ambiguous.class, a -> {
      assertThat(a.reason()).isEqualTo(FailureReason.API_ERROR);
      assertThat(a.detail()).contains(Integer.toString(code));
    });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anErrorGivenOnlyInTheInvocationErrorHeaderIsThatError() {
    server.enqueue(new MockResponse.Builder().addHeader("invocation-error", "601").body("").build());
    SendResult result = open(platform()).send(request(PAGE, PostDraft.builder().text("Текст").build()));
    assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class,
        r -> assertThat(r.message()).contains("601", "содержимое"));
  }

  @Test
  void floodControlIsARefusalAndTheOnlyTokenIsSetAside() {
    server.enqueue(FakeOk.error(8, "FLOOD_BLOCKED"));
    OkPlatform platform = open(platform());
    SendResult first = platform.send(request(PAGE, PostDraft.builder().text("Текст").build()));
    assertThat(first).isInstanceOfSatisfying(SendResult.Refused.class, r -> {
      assertThat(r.reason()).isEqualTo(FailureReason.RATE_LIMITED);
      assertThat(r.message()).contains("accessTokens[0]", "тема не отправлена");
    });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aTokenAtItsCallLimitIsSetAsideAndTheNextOnePosts() throws Exception {
    server.enqueue(FakeOk.error(11, "LIMIT_REACHED : limit"));
    server.enqueue(FakeOk.json("\"42\""));
    OkPlatform platform = open(platform().accessTokens(List.of("FIRSTTOKEN", "SECONDTOKEN")));

    assertThat(platform.send(request(PAGE, PostDraft.builder().text("Текст").build())))
        .isEqualTo(new SendResult.Sent("42", "https://ok.ru/group/77/topic/42", null));
    assertThat(Forms.decode(server.takeRequest())).containsEntry("access_token", "FIRSTTOKEN");
    assertThat(Forms.decode(server.takeRequest())).containsEntry("access_token", "SECONDTOKEN");
  }

  @Test
  void aConnectionLostAfterSendingIsAmbiguousAndNeverResent() {
    FakeOk ok = new FakeOk(time, 77);
    server.setDispatcher(ok);
    ok.drop = FakeOk.Drop.AFTER_RECORDING;
    OkPlatform platform = open(platform());
    // A pooled connection is the one OkHttp would silently retry a failed request on.
    platform.fetchPosts(List.of(PAGE), PostQuery.since(NOW.minusSeconds(60)));

    SendResult result = platform.send(request(PAGE, PostDraft.builder().text("Текст").build()));

    assertThat(result).isInstanceOfSatisfying(SendResult.Ambiguous.class, a -> {
      assertThat(a.reason()).isEqualTo(FailureReason.CONNECTION_LOST);
      assertThat(a.detail()).contains("оборвалось", "mediatopic.post");
    });
    assertThat(ok.postCalls.get()).isEqualTo(1);
  }

  @Test
  void aTimeoutIsAmbiguous() {
    server.enqueue(new MockResponse.Builder().body("\"1\"").throttleBody(1, 1, java.util.concurrent.TimeUnit.SECONDS).build());
    OkPlatform platform = open(platform().callTimeout(Duration.ofMillis(300)));
    SendResult result = platform.send(request(PAGE, PostDraft.builder().text("Текст").build()));
    assertThat(result).isInstanceOfSatisfying(SendResult.Ambiguous.class, a -> {
      assertThat(a.reason()).isEqualTo(FailureReason.TIMEOUT);
      assertThat(a.detail()).contains("не ответил");
    });
  }

  @Test
  void aRedirectIsNotFollowedAndTheSecondHostReceivesNothing() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start(InetAddress.getByName("127.0.0.1"), 0);
      server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", other.url("/fb.do").toString()).build());

      SendResult result = open(platform()).send(request(PAGE, PostDraft.builder().text("Текст").build()));

      assertThat(result).isInstanceOfSatisfying(SendResult.Ambiguous.class,
          a -> assertThat(a.detail()).contains("307", "перенаправлени"));
      assertThat(other.getRequestCount()).isZero();
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void anUnreachableServerIsARefusal() throws Exception {
    MockWebServer gone = new MockWebServer();
    gone.start();
    String url = gone.url("/fb.do").toString();
    gone.close();
    SendResult result = open(platform().baseUrl(url)).send(request(PAGE, PostDraft.builder().text("Текст").build()));
    assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class, r -> {
      assertThat(r.reason()).isEqualTo(FailureReason.NETWORK);
      assertThat(r.message()).contains("не принимает соединения", "не отправлен");
    });
  }

  @Test
  void sendsToAShortNameAfterResolvingIt() throws Exception {
    server.enqueue(FakeOk.json("{\"objectId\":77,\"type\":\"GROUP\"}"));
    server.enqueue(FakeOk.json("\"1001\""));
    PageRef page = PageRef.parse("https://ok.ru/school9");
    assertThat(open(platform()).send(request(page, PostDraft.builder().text("Текст").build())))
        .isEqualTo(new SendResult.Sent("1001", "https://ok.ru/group/77/topic/1001", null));
    assertThat(Forms.decode(server.takeRequest())).containsEntry("method", "url.getInfo")
        .containsEntry("url", "https://ok.ru/school9");
    assertThat(Forms.decode(server.takeRequest())).containsEntry("gid", "77");
  }

  @Test
  void aShortNameThatIsAPersonIsRefusedWithoutPosting() {
    server.enqueue(FakeOk.json("{\"objectId\":5,\"type\":\"PROFILE\"}"));
    assertThat(open(platform()).send(request(PageRef.parse("https://ok.ru/ivanov"), PostDraft.builder().text("Текст").build())))
        .isInstanceOfSatisfying(SendResult.Refused.class, r -> assertThat(r.message()).contains("личная страница"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  // Finding a topic whose answer was lost.

  /**
   * The server recorded the topic and the answer was lost: the send is ambiguous, the lookup finds
   * the topic, and nothing is sent again: exactly one topic.
   */
  @Test
  void droppedConnectionAfterTheTopicWasRecordedLeadsToExactlyOneTopic() {
    FakeOk ok = new FakeOk(time, 77);
    server.setDispatcher(ok);
    ok.drop = FakeOk.Drop.AFTER_RECORDING;
    OkPlatform platform = open(platform());
    PostDraft draft = PostDraft.builder().text("Внимание: отключение воды 21 ноября").build();
    Instant sentAt = time.instant();

    SendResult sent = platform.send(request(PAGE, draft));
    assertThat(sent).isInstanceOf(SendResult.Ambiguous.class);
    time.advance(Duration.ofSeconds(5));
    PostLookup lookup = platform.findExisting(PAGE, draft, sentAt);

    String id = (String) ok.topics.get(0).get("id");
    assertThat(lookup).isEqualTo(new PostLookup.Found(new SendResult.Sent(id, "https://ok.ru/group/77/topic/" + id, null)));
    assertThat(ok.postCalls.get()).isEqualTo(1);
    assertThat(ok.topics).hasSize(1);
  }

  /** The same through the SDK's publishing: the draft sent twice still makes exactly one topic. */
  @Test
  void crossPosterMakesExactlyOneTopicWhenTheAnswerIsLost() {
    FakeOk ok = new FakeOk(time, 77);
    server.setDispatcher(ok);
    ok.drop = FakeOk.Drop.AFTER_RECORDING;
    CrossPoster poster = CrossPoster.builder().addPlatform(open(platform())).clock(time).build();
    PostDraft draft = PostDraft.builder().text("Внимание: отключение воды 21 ноября").build();

    PublishResult first = poster.post(draft, List.of(PAGE)).results().get(0);
    PublishResult again = poster.post(draft, List.of(PAGE)).results().get(0);

    String id = (String) ok.topics.get(0).get("id");
    assertThat(first).isEqualTo(new PublishResult.Published(PAGE, id, "https://ok.ru/group/77/topic/" + id));
    assertThat(again).isEqualTo(first);
    assertThat(ok.postCalls.get()).isEqualTo(1);
    assertThat(ok.topics).hasSize(1);
  }

  @Test
  void garbageAfterRecordingIsFoundToo() {
    FakeOk ok = new FakeOk(time, 77);
    ok.answerAfterRecording = "true";
    server.setDispatcher(ok);
    OkPlatform platform = open(platform());
    PostDraft draft = PostDraft.builder().text("Приём граждан").addPhotos(DraftPhoto.fromBytes("a.png", pngQuietly())).build();

    assertThat(platform.send(request(PAGE, draft))).isInstanceOf(SendResult.Ambiguous.class);
    assertThat(platform.findExisting(PAGE, draft, NOW)).isInstanceOf(PostLookup.Found.class);
    assertThat(ok.topics).hasSize(1);
  }

  @Test
  void droppedBeforeRecordingTheTopicIsAbsent() {
    FakeOk ok = new FakeOk(time, 77);
    server.setDispatcher(ok);
    ok.drop = FakeOk.Drop.BEFORE_RECORDING;
    OkPlatform platform = open(platform());
    PostDraft draft = PostDraft.builder().text("График работы МФЦ").build();

    assertThat(platform.send(request(PAGE, draft))).isInstanceOf(SendResult.Ambiguous.class);
    assertThat(platform.findExisting(PAGE, draft, NOW)).isEqualTo(new PostLookup.Absent());
    assertThat(ok.topics).isEmpty();
  }

  @Test
  void aScheduledTopicNotFoundIsCannotTellNeverAbsent() {
    FakeOk ok = new FakeOk(time, 77);
    server.setDispatcher(ok);
    ok.drop = FakeOk.Drop.AFTER_RECORDING;
    OkPlatform platform = open(platform());
    PostDraft draft = PostDraft.builder().text("Анонс дня открытых дверей").scheduledAt(NOW.plus(Duration.ofDays(2))).build();

    assertThat(platform.send(request(PAGE, draft))).isInstanceOf(SendResult.Ambiguous.class);
    assertThat(ok.topics).hasSize(1); // recorded, but OK lists it only from its time
    assertThat(platform.findExisting(PAGE, draft, NOW)).isInstanceOfSatisfying(PostLookup.CannotTell.class,
        c -> assertThat(c.detail()).contains("отложенн", "вручную"));

    time.advance(Duration.ofDays(2).plusMinutes(1));
    assertThat(platform.findExisting(PAGE, draft, NOW)).isInstanceOfSatisfying(PostLookup.Found.class,
        f -> assertThat(f.post().scheduledAt()).isEqualTo(NOW.plus(Duration.ofDays(2))));
  }

  @Test
  void anOlderTopicWithTheSameTextIsNotTakenForTheLostOne() {
    FakeOk ok = new FakeOk(time, 77);
    server.setDispatcher(ok);
    OkPlatform platform = open(platform());
    PostDraft draft = PostDraft.builder().text("Сводка").build();
    assertThat(platform.send(request(PAGE, draft))).isInstanceOf(SendResult.Sent.class);
    time.advance(Duration.ofMinutes(30));
    assertThat(platform.findExisting(PAGE, draft, time.instant())).isEqualTo(new PostLookup.Absent());
  }

  @Test
  void aTopicWithTheSameTextButOtherPhotosIsNotTheDrafts() {
    FakeOk ok = new FakeOk(time, 77);
    server.setDispatcher(ok);
    OkPlatform platform = open(platform());
    assertThat(platform.send(request(PAGE, PostDraft.builder().text("Сводка").build()))).isInstanceOf(SendResult.Sent.class);
    PostDraft withPhoto = PostDraft.builder().text("Сводка").addPhotos(DraftPhoto.fromBytes("a.png", pngQuietly())).build();
    assertThat(platform.findExisting(PAGE, withPhoto, NOW)).isEqualTo(new PostLookup.Absent());
  }

  @Test
  void aTopicByAPersonWithTheSameTextIsNotTheGroups() {
    server.enqueue(FakeOk.json("{\"media_topics\":[{\"id\":\"5\",\"created_ms\":" + NOW.toEpochMilli()
        + ",\"author_ref\":\"user:42\",\"media\":[{\"type\":\"text\",\"text\":\"Сводка\"}]}],\"has_more\":false}"));
    assertThat(open(platform()).findExisting(PAGE, PostDraft.builder().text("Сводка").build(), NOW))
        .isEqualTo(new PostLookup.Absent());
  }

  @Test
  void unreadableTopicsMeanCannotTell() {
    for (int i = 0; i < 3; i++) server.enqueue(FakeOk.error(2, "SERVICE : unavailable"));
    PostLookup lookup = open(platform()).findExisting(PAGE, PostDraft.builder().text("Текст").build(), NOW);
    assertThat(lookup).isInstanceOfSatisfying(PostLookup.CannotTell.class,
        c -> assertThat(c.detail()).contains("последние темы", "2"));
    assertThat(server.getRequestCount()).isEqualTo(3); // bounded retries of the read
  }

  @Test
  void aDraftWithoutTextCannotBeToldApart() {
    PostDraft photoOnly = PostDraft.builder().addPhotos(DraftPhoto.fromBytes("a.png", pngQuietly())).build();
    assertThat(open(platform()).findExisting(PAGE, photoOnly, NOW)).isInstanceOf(PostLookup.CannotTell.class);
    assertThat(server.getRequestCount()).isZero();
  }

  /** OK's limits reach the SDK's draft validator through the capabilities: nothing is sent. */
  @Test
  void crossPosterRejectsADraftOverOksLimitsBeforeAnyCall() {
    PostDraft draft = PostDraft.builder().text("x".repeat(21) + " #школа")
        .addPhotos(DraftPhoto.fromBytes("a.webp", "RIFF0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)))
        .build();
    PublishResult result = CrossPoster.builder().addPlatform(open(platform().maxTextLength(20))).clock(time).build()
        .post(draft, List.of(PAGE)).results().get(0);
    assertThat(result).isInstanceOfSatisfying(PublishResult.Rejected.class, r -> assertThat(r.reasons())
        .anySatisfy(s -> assertThat(s).contains("20"))
        .anySatisfy(s -> assertThat(s).contains("a.webp")));
    assertThat(server.getRequestCount()).isZero();
  }

  // Configuration.

  @Test
  void capabilitiesCarryEveryOkLimit() {
    OkPlatform platform = open(platform().maxPhotos(5).maxTextLength(3000).maxPhotoBytes(1024));
    assertThat(platform.capabilities().maxMedia()).isEqualTo(5);
    assertThat(platform.capabilities().maxTextLength()).isEqualTo(3000);
    assertThat(platform.capabilities().maxPhotoBytes()).isEqualTo(1024);
    assertThat(platform.capabilities().maxLinks()).isEqualTo(1);
    assertThat(platform.capabilities().photoMediaTypes()).containsExactlyInAnyOrder("image/jpeg", "image/png", "image/gif");
    assertThat(platform.capabilities().dedupWindow()).isZero();
  }

  @Test
  void neitherSecretsNorKeysNorTheUrlAreShown() {
    OkPlatform.Builder builder = platform().baseUrl("https://user:password@proxy.example.ru/fb.do");
    assertThat(builder.toString()).doesNotContain("SECRETKEY", "ACCESSTOKEN", "APPKEY", "password", "proxy");
    try (OkPlatform platform = builder.build()) {
      assertThat(platform.toString()).doesNotContain("SECRETKEY", "ACCESSTOKEN", "APPKEY", "password", "proxy");
    }
  }

  @Test
  void builderRejectsBadInputClearly() {
    assertThatThrownBy(() -> OkPlatform.builder().applicationKey("k").accessToken("t").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("applicationSecretKey");
    assertThatThrownBy(() -> OkPlatform.builder().baseUrl("ftp:/x")).hasMessageContaining("baseUrl");
    assertThatThrownBy(() -> OkPlatform.builder().requestsPerSecond(0)).hasMessageContaining("requestsPerSecond");
    assertThatThrownBy(() -> OkPlatform.builder().accessToken(" ")).hasMessageContaining("accessTokens[0]");
    assertThatThrownBy(() -> OkPlatform.builder().accessTokens(List.of("good", "bad\ntoken")))
        .hasMessageContaining("accessTokens[1]").hasMessageContaining("перевод строки").hasMessageNotContaining("bad");
    assertThatThrownBy(() -> OkPlatform.builder().accessToken("токен")).hasMessageContaining("ASCII");
  }

  private static byte[] pngQuietly() {
    try {
      return image("png");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] image(String format) throws Exception {
    BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }
}
