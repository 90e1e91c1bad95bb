package ru.gospubliki.max;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static ru.gospubliki.max.MaxServer.BOT;
import static ru.gospubliki.max.MaxServer.OTHER_BOT;
import static ru.gospubliki.max.MaxServer.TOKEN;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.Operation;
import ru.gospubliki.platform.PlatformException;
import ru.gospubliki.platform.PostLookup;
import ru.gospubliki.platform.PublishResult;
import ru.gospubliki.platform.SendRequest;
import ru.gospubliki.platform.SendResult;
import ru.gospubliki.publish.CrossPoster;

class MaxPublishTest {
  static final long CHAT = MaxServer.CHAT;
  static final PageRef PAGE = PageRef.parse("max:" + CHAT);
  @RegisterExtension final MaxServer server = new MaxServer();
  private final FakeMax max = server.max;

  static DraftPhoto photo(String name) throws Exception {
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return DraftPhoto.fromBytes(name, out.toByteArray());
  }

  private static SendRequest request(PostDraft draft) {
    return SendRequest.builder().page(PAGE).draft(draft).build();
  }

  @Test
  void capabilitiesOfferNoSchedulingAndSayWhy() {
    try (MaxPlatform platform = server.platform().build()) {
      Capabilities capabilities = platform.capabilities();
      assertThat(capabilities.operations()).containsExactlyInAnyOrder(Operation.READ_PROFILES, Operation.READ_POSTS,
          Operation.PUBLISH, Operation.UPLOAD_PHOTOS, Operation.EDIT, Operation.DELETE);
      assertThat(capabilities.unavailableBecause().get(Operation.SCHEDULE))
          .contains("MAX не поддерживает отложенные публикации");
      assertThat(capabilities.credential()).isEqualTo("бот");
      assertThat(capabilities.maxTextLength()).isEqualTo(4000);
      assertThat(capabilities.maxMedia()).isEqualTo(12);
      assertThat(capabilities.dedupWindow()).isEqualTo(Duration.ZERO);

      SendResult scheduled = platform.send(request(PostDraft.builder().text("Завтра")
          .scheduledAt(Instant.parse("2026-12-01T07:00:00Z")).build()));
      assertThat(scheduled).isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
        assertThat(refused.reason()).isEqualTo(FailureReason.REFUSED);
        assertThat(refused.message()).contains("отложенные публикации");
      });
    }
    assertThat(max.requests).isEmpty(); // refused before any call
  }

  @Test
  void publishesMarkdownWithAPhotoUploadedToTheUploadUrl() throws Exception {
    PostDraft draft = PostDraft.builder().text("**Приём граждан** 12.09 — [подробнее](https://example.gov.ru)")
        .addHashtags("заречный").addPhotos(photo("priyom.png")).build();
    try (MaxPlatform platform = server.platform().build()) {
      SendResult result = platform.send(request(draft));

      assertThat(result).isInstanceOfSatisfying(SendResult.Sent.class, sent -> {
        assertThat(sent.postId()).startsWith("mid.");
        assertThat(sent.url()).isEqualTo("https://max.ru/c/" + CHAT + "/" + sent.postId());
        assertThat(sent.scheduledAt()).isNull();
      });
    }
    RecordedRequest slot = max.requests("POST /uploads").get(0);
    assertThat(slot.getUrl().queryParameter("type")).isEqualTo("image");
    RecordedRequest upload = max.requests("POST /upload/image").get(0);
    assertThat(upload.getHeaders().get("Authorization")).isNull(); // the key stays with the API host
    assertThat(upload.getBody().utf8()).contains("name=\"data\"; filename=\"priyom.png\"");
    RecordedRequest post = max.requests("POST /messages").get(0);
    assertThat(post.getUrl().queryParameter("chat_id")).isEqualTo(Long.toString(CHAT));
    assertThat(post.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(post.getBody().utf8()).isEqualTo("{\"text\":\"**Приём граждан** 12.09 — [подробнее](https://example.gov.ru)"
        + "\\n\\n#заречный\",\"format\":\"markdown\",\"attachments\":[{\"type\":\"image\",\"payload\":{\"token\":\""
        + "img-token-" + tokenSeq(post) + "\"}}]}");
    assertThat(max.messageCount(CHAT)).isEqualTo(1);
  }

  private static String tokenSeq(RecordedRequest post) {
    String body = post.getBody().utf8();
    int at = body.indexOf("img-token-") + "img-token-".length();
    return body.substring(at, body.indexOf('"', at));
  }

  @Test
  void readsTheUploadAnswerInBothShapes() throws Exception {
    max.plainTokenUpload = true;
    try (MaxPlatform platform = server.platform().build()) {
      SendResult result = platform.send(request(PostDraft.builder().text("Фото")
          .addPhotos(photo("a.png"), photo("b.png")).build()));
      assertThat(result).isInstanceOf(SendResult.Sent.class);
    }
    assertThat(max.requests("POST /messages").get(0).getBody().utf8())
        .containsPattern("\"attachments\":\\[\\{\"type\":\"image\",\"payload\":\\{\"token\":\"img-token-\\d+\"}},"
            + "\\{\"type\":\"image\",\"payload\":\\{\"token\":\"img-token-\\d+\"}}]");
  }

  @Test
  void anAttachmentStillProcessedIsWaitedForOneTwoAndFourSeconds() throws Exception {
    MockResponse notReady = FakeMax.error(400, "attachment.not.ready",
        "Key: errors.process.attachment.file.not.processed");
    max.script("POST /messages", notReady, notReady, notReady);
    try (MaxPlatform platform = server.platform().build()) {
      SendResult result = platform.send(request(PostDraft.builder().text("Фото").addPhotos(photo("a.png")).build()));
      assertThat(result).isInstanceOf(SendResult.Sent.class);
    }
    assertThat(max.requests("POST /messages")).hasSize(4);
    assertThat(server.sleeps).contains(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(max.messageCount(CHAT)).isEqualTo(1);

    max.script("POST /messages", notReady, notReady, notReady, notReady);
    try (MaxPlatform platform = server.platform().build()) {
      SendResult result = platform.send(request(PostDraft.builder().text("Фото").addPhotos(photo("a.png")).build()));
      assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
        assertThat(refused.reason()).isEqualTo(FailureReason.REFUSED);
        assertThat(refused.message()).contains("обрабатывает загруженное фото");
      });
    }
    assertThat(max.messageCount(CHAT)).isEqualTo(1);
  }

  @Test
  void aConnectionDroppedAfterMaxRecordedTheMessageEndsInExactlyOneMessage() {
    PostDraft draft = PostDraft.builder().text("**Внимание**: отключение воды 12.09 [график](https://example.gov.ru/voda)")
        .build();
    max.dropAfterRecording = true;
    try (MaxPlatform platform = server.platform().build()) {
      Instant firstAttempt = server.time.instant();
      SendResult result = platform.send(request(draft));

      assertThat(result).isInstanceOfSatisfying(SendResult.Ambiguous.class, lost ->
          assertThat(lost.reason()).isIn(FailureReason.CONNECTION_LOST, FailureReason.TIMEOUT));
      assertThat(max.requests("POST /messages")).hasSize(1); // a send is never repeated blindly
      assertThat(max.messageCount(CHAT)).isEqualTo(1);

      PostLookup lookup = platform.findExisting(PAGE, draft, firstAttempt);

      String mid = (String) ((Map<?, ?>) max.messages.get(CHAT).get(0).get("body")).get("mid");
      assertThat(lookup).isInstanceOfSatisfying(PostLookup.Found.class, found -> {
        assertThat(found.post().postId()).isEqualTo(mid);
        assertThat(found.post().url()).isEqualTo("https://max.ru/c/" + CHAT + "/" + mid);
      });
      // The SDK's publishing does the same: send, then look before saying anything; twice, one message.
      max.dropAfterRecording = true;
      CrossPoster poster = CrossPoster.builder().addPlatform(platform).clock(server.time).build();
      PostDraft second = PostDraft.builder().text("Второе объявление").build();
      PublishResult published = poster.post(second, List.of(PAGE)).results().get(0);
      assertThat(published).isInstanceOf(PublishResult.Published.class);
      assertThat(poster.post(second, List.of(PAGE)).results()).containsExactly(published);
      assertThat(max.requests("POST /messages")).hasSize(2);
    }
    assertThat(max.messageCount(CHAT)).isEqualTo(2);
  }

  @Test
  void findExistingMatchesPlainTextImagesSenderAndTime() throws Exception {
    Instant now = server.time.instant();
    PostDraft draft = PostDraft.builder().text("**Субботник** в субботу").build();
    max.message(CHAT, now.minus(Duration.ofHours(2)).toEpochMilli(), "Субботник в субботу", BOT, 0); // too old
    max.message(CHAT, now.plusSeconds(1).toEpochMilli(), "Субботник в субботу", OTHER_BOT, 0); // another bot
    max.message(CHAT, now.plusSeconds(2).toEpochMilli(), "Субботник в субботу", 0, 1); // has an image
    max.message(CHAT, now.plusSeconds(3).toEpochMilli(), "Субботник в воскресенье", 0, 0);
    try (MaxPlatform platform = server.platform().build()) {
      assertThat(platform.findExisting(PAGE, draft, now)).isInstanceOf(PostLookup.Absent.class);

      Map<String, Object> mine = max.message(CHAT, now.plusSeconds(4).toEpochMilli(), "Субботник   в субботу", 0, 0);
      assertThat(platform.findExisting(PAGE, draft, now)).isInstanceOfSatisfying(PostLookup.Found.class, found ->
          assertThat(found.post().postId()).isEqualTo(((Map<?, ?>) mine.get("body")).get("mid")));
      // MAX's clock may be behind ours: a message up to the allowed difference before the send counts.
      assertThat(platform.findExisting(PAGE, draft, now.plus(Duration.ofMinutes(4))))
          .isInstanceOf(PostLookup.Found.class);
      assertThat(platform.findExisting(PAGE, draft, now.plus(Duration.ofMinutes(6))))
          .isInstanceOf(PostLookup.Absent.class);

      max.script("GET /messages", FakeMax.error(503, "service.unavailable", "Try later"),
          FakeMax.error(503, "service.unavailable", "Try later"), FakeMax.error(503, "service.unavailable", "Try later"));
      assertThat(platform.findExisting(PAGE, draft, now)).isInstanceOfSatisfying(PostLookup.CannotTell.class,
          cannot -> assertThat(cannot.detail()).contains("503"));
    }
    RecordedRequest lookup = max.requests("GET /messages").get(0);
    assertThat(lookup.getUrl().queryParameter("chat_id")).isEqualTo(Long.toString(CHAT));
    assertThat(lookup.getUrl().queryParameter("count")).isEqualTo("50");
  }

  @Test
  void everyErrorClassIsMappedAndOnlyUnknownOutcomesAreAmbiguous() {
    PostDraft draft = PostDraft.builder().text("Новость").build();
    try (MaxPlatform platform = server.platform().build()) {
      platform.resolve(List.of(PAGE)); // learn the channel first

      max.script("POST /messages", FakeMax.error(400, "proto.payload", "text: size must be between 0 and 4000"));
      assertRefused(platform.send(request(draft)), FailureReason.REFUSED, "proto.payload");

      max.script("POST /messages", FakeMax.error(403, "chat.denied", "Key: error.dialog.suspended"));
      assertRefused(platform.send(request(draft)), FailureReason.BOT_NOT_ADMIN, "добавьте бота администратором канала");

      max.script("POST /messages", FakeMax.error(404, "chat.not.found", "Chat " + CHAT + " not found"));
      assertRefused(platform.send(request(draft)), FailureReason.NOT_FOUND, "chat.not.found");

      MockResponse tooMany = FakeMax.error(429, "too.many.requests", "Too many requests");
      max.script("POST /messages", tooMany, tooMany, tooMany);
      assertRefused(platform.send(request(draft)), FailureReason.RATE_LIMITED, "too.many.requests");

      max.script("POST /messages", FakeMax.error(500, "internal.error", "Internal error"));
      assertAmbiguous(platform.send(request(draft)), FailureReason.API_ERROR, "500");

      max.script("POST /messages", new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
          .body("<html>502 Bad Gateway</html>").build());
      assertAmbiguous(platform.send(request(draft)), FailureReason.API_ERROR, "HTML");

      max.script("POST /messages", MaxReadTest.jsonBody("{\"message\":{\"body\":{\"mid\":"));
      assertAmbiguous(platform.send(request(draft)), FailureReason.API_ERROR, "POST /messages");

      max.script("POST /messages", MaxReadTest.jsonBody("{\"message\":null}"));
      assertAmbiguous(platform.send(request(draft)), FailureReason.API_ERROR, "без сообщения");

      max.script("POST /messages", FakeMax.error(401, "verify.token", "Invalid access_token"));
      assertRefused(platform.send(request(draft)), FailureReason.AUTHORIZATION, "verify.token");
      int before = max.requests.size();
      // A refused key is set aside: the next call does not reach MAX.
      assertRefused(platform.send(request(draft)), FailureReason.AUTHORIZATION, "botTokens[0]");
      assertThat(max.requests).hasSize(before);
    }
    // 429 was repeated, nothing else that may have acted was.
    assertThat(max.requests("POST /messages")).hasSize(1 + 1 + 1 + 3 + 1 + 1 + 1 + 1 + 1);
    assertThat(max.messageCount(CHAT)).isZero();
  }

  @Test
  void aKeyRefusedByOneServerIsNotSetAsideAgainstAnother() throws Exception {
    ru.gospubliki.internal.http.TokenBudgets budgets = server.budgets();
    try (MaxServer other = new MaxServer().start()) {
      other.max.bots.clear(); // this server refuses every key
      try (MaxPlatform refusing = other.platform().budgets(budgets).build();
          MaxPlatform platform = server.platform().budgets(budgets).build()) {
        assertThat(refusing.pollUpdates().problems()).singleElement().asString().contains("verify.token");
        assertThat(platform.botIds()).containsExactly(BOT);
      }
    }
  }

  @Test
  void aTimeoutIsAmbiguous() {
    max.script("POST /messages", new MockResponse.Builder().code(200).body("{\"message\":{}}")
        .headersDelay(3, TimeUnit.SECONDS).build());
    try (MaxPlatform platform = server.platform().callTimeout(Duration.ofMillis(300)).build()) {
      platform.resolve(List.of(PAGE));
      assertAmbiguous(platform.send(request(PostDraft.builder().text("Новость").build())), FailureReason.TIMEOUT, "");
    }
    assertThat(max.requests("POST /messages")).hasSize(1);
  }

  @Test
  void sendsToOneChannelAtMostTwoMessagesASecond() {
    try (MaxPlatform platform = server.platform().build()) {
      platform.resolve(List.of(PAGE));
      server.sleeps.clear();
      for (int i = 0; i < 4; i++) {
        assertThat(platform.send(request(PostDraft.builder().text("Новость " + i).build())))
            .isInstanceOf(SendResult.Sent.class);
      }
    }
    List<RecordedRequest> posts = max.requests("POST /messages");
    assertThat(posts).hasSize(4);
    List<Long> times = max.messages.get(CHAT).stream().map(m -> (Long) m.get("timestamp")).toList();
    // No second holds more than two of them: the third is at least a second after the first.
    for (int i = 2; i < times.size(); i++) assertThat(times.get(i) - times.get(i - 2)).isGreaterThanOrEqualTo(1000);
    assertThat(times.get(3) - times.get(0)).isGreaterThanOrEqualTo(1500);
  }

  /** Edit fails as delete does, with MAX's reasons, and both throw the SDK's exception. */
  @Test
  void editAndDeleteFailuresAreThrownWithMaxsReason() {
    Map<String, Object> posted = max.message(CHAT, server.time.instant().toEpochMilli(), "Старый текст", BOT, 0);
    String mid = (String) ((Map<?, ?>) posted.get("body")).get("mid");
    PostDraft draft = PostDraft.builder().text("Новый текст").build();
    try (MaxPlatform platform = server.platform().build()) {
      max.script("PUT /messages", FakeMax.error(403, "chat.denied", "Not enough rights"));
      max.script("DELETE /messages", FakeMax.error(403, "chat.denied", "Not enough rights"));
      PlatformException edit = catchThrowableOfType(PlatformException.class,
          () -> platform.edit(PAGE, mid, draft));
      PlatformException delete = catchThrowableOfType(PlatformException.class,
          () -> platform.delete(PAGE, mid));
      assertThat(edit.reason()).isEqualTo(delete.reason()).isEqualTo(FailureReason.BOT_NOT_ADMIN);
      // One API exception, with MAX's own code to act on, as VK's and OK's have.
      assertThat(List.of(edit, delete)).allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(MaxApiException.class,
          api -> {
            assertThat(api.code()).isEqualTo("chat.denied");
            assertThat(api.httpCode()).isEqualTo(403);
          }));
      assertThat(edit.getMessage()).isEqualTo(delete.getMessage().replace("DELETE", "PUT"))
          .contains("бот не администратор канала", "Not enough rights").doesNotContain(MaxServer.TOKEN);

      max.script("PUT /messages", FakeMax.error(404, "not.found", "Message not found"));
      assertThatThrownBy(() -> platform.edit(PAGE, mid, draft)).isInstanceOfSatisfying(PlatformException.class, e -> {
        assertThat(e.reason()).isEqualTo(FailureReason.NOT_FOUND);
        assertThat(e).hasMessageContaining("сообщение не найдено");
      });
    }
    assertThat(((Map<?, ?>) posted.get("body")).get("text")).isEqualTo("Старый текст");

    int port = server.server.getPort();
    server.close();
    try (MaxPlatform platform = server.platform().baseUrl("http://127.0.0.1:" + port + "/").maxAttempts(1).build()) {
      assertThatThrownBy(() -> platform.edit(PAGE, mid, draft)).isInstanceOfSatisfying(PlatformException.class,
          e -> assertThat(e.reason()).isEqualTo(FailureReason.NETWORK));
      assertThatThrownBy(() -> platform.delete(PAGE, mid)).isInstanceOfSatisfying(PlatformException.class,
          e -> assertThat(e.reason()).isEqualTo(FailureReason.NETWORK));
    }
  }

  @Test
  void editsAndDeletes() {
    Map<String, Object> posted = max.message(CHAT, server.time.instant().toEpochMilli(), "Старый текст", BOT, 0);
    String mid = (String) ((Map<?, ?>) posted.get("body")).get("mid");
    try (MaxPlatform platform = server.platform().build()) {
      SendResult.Sent edited = platform.edit(PAGE, mid, PostDraft.builder().text("**Новый** текст").build());
      assertThat(edited).isEqualTo(new SendResult.Sent(mid, "https://max.ru/c/" + CHAT + "/" + mid, null));
      RecordedRequest put = max.requests("PUT /messages").get(0);
      assertThat(put.getUrl().queryParameter("message_id")).isEqualTo(mid);
      assertThat(put.getBody().utf8()).isEqualTo("{\"text\":\"**Новый** текст\",\"format\":\"markdown\",\"attachments\":[]}");
      assertThat(((Map<?, ?>) posted.get("body")).get("text")).isEqualTo("Новый текст");

      max.script("PUT /messages", MaxReadTest.jsonBody("{\"success\":false,\"message\":\"message.too.old\"}"));
      assertThatThrownBy(() -> platform.edit(PAGE, mid, PostDraft.builder().text("Ещё").build()))
          .isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.reason()).isEqualTo(FailureReason.REFUSED);
            assertThat(e).hasMessageContaining("message.too.old");
          });
      int puts = max.requests("PUT /messages").size();
      assertThatThrownBy(() -> platform.edit(PAGE, mid, PostDraft.builder().text("Ещё").scheduledAt(Instant.EPOCH).build()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("отложенные публикации");
      assertThatThrownBy(() -> platform.edit(PAGE, mid, PostDraft.builder().text("x".repeat(4001)).build()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4000");
      assertThatThrownBy(() -> platform.edit(PAGE, "mid 1?x", PostDraft.builder().text("Ещё").build()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(max.requests("PUT /messages")).hasSize(puts); // nothing sent for a bad draft or id

      platform.delete(PAGE, mid);
      assertThat(max.messageCount(CHAT)).isZero();
      platform.delete(PAGE, mid); // 404: already gone
      assertThat(max.requests("DELETE /messages")).hasSize(2);

      max.script("DELETE /messages", FakeMax.error(403, "chat.denied", "no rights"));
      assertThatThrownBy(() -> platform.delete(PAGE, "mid.1"))
          .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.BOT_NOT_ADMIN));
      max.script("DELETE /messages", MaxReadTest.jsonBody("{\"success\":false,\"message\":\"cannot\"}"));
      assertThatThrownBy(() -> platform.delete(PAGE, "mid.1"))
          .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.REFUSED));
      assertThatThrownBy(() -> platform.delete(PAGE, "mid 1?x")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void theKeyNeverLeaksIntoUrlsMessagesOrToString() throws Exception {
    // MAX echoing the key back in an error must not carry it further.
    max.script("POST /messages", FakeMax.error(400, "proto.payload", "bad header Authorization: " + TOKEN));
    max.script("GET /chats/{id}", new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
        .build());
    String detail;
    String platformText;
    try (MaxPlatform platform = server.platform().build()) {
      platformText = platform.toString() + MaxPlatform.builder().botToken(TOKEN);
      platform.fetchProfiles(List.of(PAGE));
      SendResult refused = platform.send(request(PostDraft.builder().text("Текст").addPhotos(photo("a.png")).build()));
      detail = ((SendResult.Refused) refused).message();
    }
    assertThat(detail).contains("██").doesNotContain(TOKEN);
    assertThat(platformText).doesNotContain(TOKEN);
    for (RecordedRequest request : max.requests) {
      assertThat(request.getUrl().toString()).doesNotContain(TOKEN).doesNotContain("access_token");
      if (!request.getUrl().encodedPath().startsWith("/upload/")) {
        assertThat(request.getHeaders().get("Authorization")).isEqualTo(TOKEN);
      }
    }
    assertThatThrownBy(() -> MaxPlatform.builder().botToken("abc def"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("botTokens[0]")
        .hasMessageNotContaining("abc def");
  }

  @Test
  void aPoolOfBotsServesEachChannelWithTheKeyOfTheBotInIt() {
    max.channel(-7002L, "other_channel", "Канал второго бота", OTHER_BOT);
    max.update(OTHER_BOT, "bot_added", -7002L);
    try (MaxPlatform platform = server.platform().botToken(MaxServer.OTHER_TOKEN).build()) {
      assertThat(platform.botIds()).containsExactly(BOT, OTHER_BOT);
      platform.pollUpdates();
      assertThat(platform.send(SendRequest.builder().page(PageRef.parse("https://max.ru/other_channel"))
          .draft(PostDraft.builder().text("Привет").build()).build())).isInstanceOf(SendResult.Sent.class);
      assertThat(platform.send(request(PostDraft.builder().text("Привет").build()))).isInstanceOf(SendResult.Sent.class);
    }
    List<RecordedRequest> posts = max.requests("POST /messages");
    assertThat(posts.get(0).getHeaders().get("Authorization")).isEqualTo(MaxServer.OTHER_TOKEN);
    assertThat(posts.get(1).getHeaders().get("Authorization")).isEqualTo(TOKEN);
  }

  private static void assertRefused(SendResult result, FailureReason reason, String text) {
    assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
      assertThat(refused.reason()).isEqualTo(reason);
      assertThat(refused.message()).contains(text);
    });
  }

  private static void assertAmbiguous(SendResult result, FailureReason reason, String text) {
    assertThat(result).isInstanceOfSatisfying(SendResult.Ambiguous.class, lost -> {
      assertThat(lost.reason()).isEqualTo(reason);
      assertThat(lost.detail()).contains(text);
    });
  }
}
