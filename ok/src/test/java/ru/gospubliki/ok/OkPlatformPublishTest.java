package ru.gospubliki.ok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.ok.internal.FakeTime;
import ru.gospubliki.ok.internal.Forms;
import ru.gospubliki.ok.internal.OkJson;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.PublishResult;

final class OkPlatformPublishTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
  private static final PageRef PAGE = PageRef.parse("ok:77");

  @StartStop final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime(NOW);

  private OkPlatform.Builder platform() {
    return FakeOk.platform(server, time);
  }

  @Test
  void publishesTextAndLinkOnBehalfOfTheGroup() throws Exception {
    server.enqueue(FakeOk.json("\"70102413183763\""));
    PostDraft draft = PostDraft.builder().text("Открыта запись в первый класс").addHashtags("школа9")
        .link("https://school9.example.ru/zapis").build();
    PublishResult result = platform().build().publish(PAGE, draft);

    assertThat(result).isEqualTo(new PublishResult.Published(PAGE, "70102413183763",
        "https://ok.ru/group/77/topic/70102413183763"));
    Map<String, String> form = Forms.decode(server.takeRequest());
    assertThat(form).containsEntry("method", "mediatopic.post").containsEntry("type", "GROUP_THEME")
        .containsEntry("gid", "77");
    Map<String, Object> attachment = OkJson.asMap(OkJson.parse(form.get("attachment")));
    assertThat(attachment).containsEntry("onBehalfOfGroup", "true").doesNotContainKey("publishAt");
    assertThat(attachment.get("media")).isEqualTo(List.of(
        Map.of("type", "text", "text", "Открыта запись в первый класс\n\n#школа9"),
        Map.of("type", "link", "url", "https://school9.example.ru/zapis")));
  }

  @Test
  void scheduledPostCarriesMoscowTime() throws Exception {
    server.enqueue(FakeOk.json("\"555\""));
    Instant at = Instant.parse("2026-12-01T07:00:00Z");
    PublishResult result = platform().build().publish(PAGE, PostDraft.builder().text("Завтра").scheduledAt(at).build());

    assertThat(result).isEqualTo(new PublishResult.Scheduled(PAGE, "555", "https://ok.ru/group/77/topic/555", at));
    Map<String, Object> attachment = OkJson.asMap(OkJson.parse(Forms.decode(server.takeRequest()).get("attachment")));
    assertThat(attachment).containsEntry("publishAt", "2026-12-01 10:00:00");
  }

  @Test
  void scheduledAcrossMidnightInMoscow() throws Exception {
    server.enqueue(FakeOk.json("\"556\""));
    Instant at = Instant.parse("2026-12-31T22:30:00Z");
    platform().build().publish(PAGE, PostDraft.builder().text("С Новым годом").scheduledAt(at).build());
    Map<String, Object> attachment = OkJson.asMap(OkJson.parse(Forms.decode(server.takeRequest()).get("attachment")));
    assertThat(attachment).containsEntry("publishAt", "2027-01-01 01:30:00");
  }

  @Test
  void uploadsPhotosAndPutsTokensInTheTopic() throws Exception {
    server.enqueue(FakeOk.json("{\"upload_url\":\"" + server.url("/upload?sig=x") + "\","
        + "\"photo_ids\":[\"p1\",\"p2\"],\"expires_ms\":1}"));
    server.enqueue(FakeOk.json("{\"photos\":{\"p2\":{\"token\":\"T2\"},\"p1\":{\"token\":\"T1\"}}}"));
    server.enqueue(FakeOk.json("\"900\""));
    PostDraft draft = PostDraft.builder().text("Фото с линейки")
        .addPhotos(DraftPhoto.fromBytes("a.png", image("png")), DraftPhoto.fromBytes("b.jpg", image("jpg")))
        .build();
    PublishResult result = platform().build().publish(PAGE, draft);
    assertThat(result).isInstanceOf(PublishResult.Published.class);

    Map<String, String> getUrl = Forms.decode(server.takeRequest());
    assertThat(getUrl).containsEntry("method", "photosV2.getUploadUrl").containsEntry("gid", "77").containsEntry("count", "2");
    RecordedRequest upload = server.takeRequest();
    assertThat(upload.getUrl().encodedPath()).isEqualTo("/upload");
    assertThat(upload.getHeaders().get("Content-Type")).startsWith("multipart/form-data");
    String body = upload.getBody().string(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(body).contains("name=\"pic1\"; filename=\"a.png\"", "name=\"pic2\"; filename=\"b.jpg\"",
        "Content-Type: image/png", "Content-Type: image/jpeg");
    assertThat(body).doesNotContain("name=\"pic3\"");
    Map<String, String> post = Forms.decode(server.takeRequest());
    assertThat(post.get("method")).isEqualTo("mediatopic.post");
    Map<String, Object> attachment = OkJson.asMap(OkJson.parse(post.get("attachment")));
    assertThat(attachment.get("media")).isEqualTo(List.of(
        Map.of("type", "text", "text", "Фото с линейки"),
        Map.of("type", "photo", "list", List.of(Map.of("id", "T1"), Map.of("id", "T2")))));
    assertThat(server.getRequestCount()).isEqualTo(3); // no photosV2.commit
  }

  @Test
  void droppedConnectionAfterTheTopicWasRecordedLeadsToExactlyOneTopic() {
    FakeOk ok = new FakeOk(time, 77);
    server.setDispatcher(ok);
    ok.drop = FakeOk.Drop.AFTER_RECORDING;
    OkPlatform platform = platform().build();
    PostDraft draft = PostDraft.builder().text("Внимание: отключение воды 21 ноября").build();
    // A pooled connection is the one OkHttp would silently retry a failed request on.
    platform.fetchPosts(List.of(PAGE), ru.gospubliki.platform.PostQuery.since(NOW.minusSeconds(60)));

    PublishResult first = platform.publish(PAGE, draft);
    String id = (String) ok.topics.get(0).get("id");
    assertThat(first).isEqualTo(new PublishResult.Published(PAGE, id, "https://ok.ru/group/77/topic/" + id));
    assertThat(ok.postCalls.get()).isEqualTo(1); // neither OkHttp nor the adapter re-sent it
    assertThat(ok.topics).hasSize(1);

    PublishResult again = platform.publish(PAGE, draft);
    assertThat(again).isEqualTo(first);
    assertThat(ok.postCalls.get()).isEqualTo(1);
    assertThat(ok.topics).hasSize(1);
  }

  @Test
  void serviceErrorAfterTheTopicWasRecordedIsReconciled() {
    FakeOk ok = new FakeOk(time, 77);
    server.setDispatcher(ok);
    ok.serviceErrorAfterRecording = 1;
    PublishResult result = platform().build().publish(PAGE, PostDraft.builder().text("Приём граждан").build());
    assertThat(result).isInstanceOf(PublishResult.Published.class);
    assertThat(ok.postCalls.get()).isEqualTo(1);
    assertThat(ok.topics).hasSize(1);
  }

  @Test
  void droppedConnectionBeforeRecordingIsUnknownThenReconciledBeforeResending() {
    FakeOk ok = new FakeOk(time, 77);
    server.setDispatcher(ok);
    ok.drop = FakeOk.Drop.BEFORE_RECORDING;
    OkPlatform platform = platform().build();
    PostDraft draft = PostDraft.builder().text("График работы МФЦ").build();

    PublishResult first = platform.publish(PAGE, draft);
    assertThat(first).isInstanceOfSatisfying(PublishResult.Unknown.class,
        u -> assertThat(u.detail()).contains("проверьте группу"));
    assertThat(ok.topics).isEmpty();

    PublishResult second = platform.publish(PAGE, draft);
    assertThat(second).isInstanceOf(PublishResult.Published.class);
    assertThat(ok.postCalls.get()).isEqualTo(2);
    assertThat(ok.topics).hasSize(1);
  }

  @Test
  void aScheduledTopicLostInADropIsNeverSentAgainBlindly() {
    FakeOk ok = new FakeOk(time, 77);
    server.setDispatcher(ok);
    ok.drop = FakeOk.Drop.BEFORE_RECORDING;
    OkPlatform platform = platform().build();
    PostDraft draft = PostDraft.builder().text("Анонс дня открытых дверей")
        .scheduledAt(NOW.plus(java.time.Duration.ofDays(2))).build();

    assertThat(platform.publish(PAGE, draft)).isInstanceOf(PublishResult.Unknown.class);
    PublishResult second = platform.publish(PAGE, draft);

    // A scheduled topic is not among the group's topics until its time: not finding it proves nothing.
    assertThat(second).isInstanceOfSatisfying(PublishResult.Unknown.class,
        u -> assertThat(u.detail()).contains("отложенные темы"));
    assertThat(ok.postCalls.get()).isEqualTo(1);
  }

  @Test
  void differentDraftWithTheSameTextIsNotMistakenForAnEarlierOne() {
    FakeOk ok = new FakeOk(time, 77);
    server.setDispatcher(ok);
    OkPlatform platform = platform().build();
    platform.publish(PAGE, PostDraft.builder().text("Ежедневная сводка").build());
    platform.publish(PAGE, PostDraft.builder().text("Ежедневная сводка").build());
    assertThat(ok.topics).hasSize(2);
  }

  @Test
  void anOlderTopicWithTheSameTextIsNotTakenForTheLostOne() {
    FakeOk ok = new FakeOk(time, 77);
    server.setDispatcher(ok);
    OkPlatform platform = platform().build();
    assertThat(platform.publish(PAGE, PostDraft.builder().text("Сводка").build()))
        .isInstanceOf(PublishResult.Published.class);
    time.advance(java.time.Duration.ofMinutes(30));
    ok.drop = FakeOk.Drop.BEFORE_RECORDING;
    assertThat(platform.publish(PAGE, PostDraft.builder().text("Сводка").build()))
        .isInstanceOf(PublishResult.Unknown.class);
  }

  @Test
  void aTopicKnownAsAnotherDraftsIsNotTakenForTheLostOne() {
    FakeOk ok = new FakeOk(time, 77);
    server.setDispatcher(ok);
    OkPlatform platform = platform().build();
    assertThat(platform.publish(PAGE, PostDraft.builder().text("Сводка").build()))
        .isInstanceOf(PublishResult.Published.class);
    ok.drop = FakeOk.Drop.BEFORE_RECORDING;
    assertThat(platform.publish(PAGE, PostDraft.builder().text("Сводка").build()))
        .isInstanceOf(PublishResult.Unknown.class);
    assertThat(ok.topics).hasSize(1);
  }

  @Test
  void unreadableTopicsAfterADropAreUnknown() {
    server.enqueue(new mockwebserver3.MockResponse.Builder()
        .onResponseStart(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE).build());
    for (int i = 0; i < 3; i++) server.enqueue(FakeOk.json("{\"error_code\":2,\"error_msg\":\"SERVICE\"}"));
    PublishResult result = platform().build().publish(PAGE, PostDraft.builder().text("Текст").build());
    assertThat(result).isInstanceOfSatisfying(PublishResult.Unknown.class,
        u -> assertThat(u.detail()).contains("проверить последние темы"));
    assertThat(server.getRequestCount()).isEqualTo(4); // one post, three reads: never a second post
  }

  @Test
  void unreadablePhotoFileFailsBeforeAnyCall(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("a.png");
    java.nio.file.Files.write(file, image("png"));
    DraftPhoto photo = DraftPhoto.fromPath(file);
    java.nio.file.Files.delete(file);
    PublishResult result = platform().build().publish(PAGE, PostDraft.builder().text("Фото").addPhotos(photo).build());
    assertThat(result).isInstanceOfSatisfying(PublishResult.Failed.class, f -> {
      assertThat(f.error()).contains("a.png");
      assertThat(f.reason()).isEqualTo(FailureReason.REFUSED);
    });
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void publishesToAShortNameAfterResolvingIt() throws Exception {
    server.enqueue(FakeOk.json("{\"type\":\"GROUP\",\"objectId\":77}"));
    server.enqueue(FakeOk.json("\"1001\""));
    PageRef page = PageRef.parse("https://ok.ru/school9");
    PublishResult result = platform().build().publish(page, PostDraft.builder().text("Текст").build());
    assertThat(result).isEqualTo(new PublishResult.Published(page, "1001", "https://ok.ru/group/77/topic/1001"));
    assertThat(Forms.decode(server.takeRequest())).containsEntry("method", "url.getInfo");
    assertThat(Forms.decode(server.takeRequest())).containsEntry("gid", "77");
  }

  @Test
  void contentErrorIsAFailureNotToRetry() {
    server.enqueue(FakeOk.json("{\"error_code\":601,\"error_msg\":\"MEDIA_TOPIC_TEXT_TOO_LONG\"}"));
    PublishResult result = platform().build().publish(PAGE, PostDraft.builder().text("Текст").build());
    assertThat(result).isInstanceOfSatisfying(PublishResult.Failed.class, f -> {
      assertThat(f.retrySafe()).isFalse();
      assertThat(f.error()).contains("601");
    });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void floodIsAFailureSafeToRetryLater() {
    server.enqueue(FakeOk.json("{\"error_code\":8,\"error_msg\":\"FLOOD_BLOCKED\"}"));
    PublishResult result = platform().build().publish(PAGE, PostDraft.builder().text("Текст").build());
    assertThat(result).isInstanceOfSatisfying(PublishResult.Failed.class, f -> assertThat(f.retrySafe()).isTrue());
  }

  @Test
  void draftsOkWouldRefuseAreRejectedBeforeAnyCall() {
    PostDraft draft = PostDraft.builder().text("x".repeat(21))
        .addPhotos(DraftPhoto.fromBytes("a.webp", "RIFF0000WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
        .link("not a url")
        .scheduledAt(NOW.minusSeconds(60))
        .build();
    PublishResult result = platform().maxTextLength(20).build().publish(PAGE, draft);
    assertThat(result).isInstanceOfSatisfying(PublishResult.Rejected.class, r -> assertThat(r.reasons())
        .hasSize(4)
        .anySatisfy(s -> assertThat(s).contains("20 символов"))
        .anySatisfy(s -> assertThat(s).contains("a.webp", "image/webp"))
        .anySatisfy(s -> assertThat(s).contains("not a url"))
        .anySatisfy(s -> assertThat(s).contains("уже прошло")));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void capabilitiesDescribeOk() {
    OkPlatform platform = platform().maxPhotos(5).build();
    assertThat(platform.capabilities().maxMedia()).isEqualTo(5);
    assertThat(platform.capabilities().maxLinks()).isEqualTo(1);
    assertThat(platform.capabilities().photoMediaTypes()).containsExactlyInAnyOrder("image/jpeg", "image/png", "image/gif");
  }

  @Test
  void secretsStayOutOfToString() {
    OkPlatform.Builder builder = platform();
    assertThat(builder.toString()).doesNotContain("SECRETKEY", "ACCESSTOKEN");
    assertThat(builder.build().toString()).doesNotContain("SECRETKEY", "ACCESSTOKEN");
  }

  @Test
  void toStringShowsNeitherTheApplicationKeyNorTheBaseUrl() {
    // A proxy's address may carry a user and password.
    OkPlatform.Builder builder = platform().baseUrl("https://user:pa55word@proxy.example.ru/ok/fb.do?key=k3y");
    for (String shown : List.of(builder.toString(), builder.build().toString())) {
      assertThat(shown).startsWith("OkPlatform").doesNotContain("APPKEY", "pa55word", "user", "proxy", "k3y");
    }
  }

  @Test
  void builderRejectsBadInputClearly() {
    assertThatThrownBy(() -> OkPlatform.builder().applicationKey("k").accessToken("t").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("applicationSecretKey");
    assertThatThrownBy(() -> OkPlatform.builder().baseUrl("ftp:/x")).hasMessageContaining("baseUrl");
    assertThatThrownBy(() -> OkPlatform.builder().requestsPerSecond(0)).hasMessageContaining("requestsPerSecond");
    assertThatThrownBy(() -> OkPlatform.builder().accessToken(" ")).hasMessageContaining("accessToken");
  }

  private static byte[] image(String format) throws Exception {
    BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }
}
