package ru.gospubliki.ok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.ok.internal.OkSigner;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.Operation;
import ru.gospubliki.platform.PlatformException;
import ru.gospubliki.platform.SendResult;
import ru.gospubliki.testing.MutableClock;

/**
 * Editing ({@code mediatopic.edit}) and deleting ({@code mediatopic.deleteTopic}) group topics. The
 * answers follow what OK's clients read: {@code {"success":true}} for an edit, {@code
 * {"success":true,"restore_id":"..."}} for a deletion.
 */
final class OkPlatformEditDeleteTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
  private static final PageRef PAGE = PageRef.parse("ok:77");
  private static final String TOPIC = "70102413183763";

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

  @Test
  void capabilitiesIncludeEditAndDelete() {
    assertThat(open(platform()).capabilities().operations()).contains(Operation.EDIT, Operation.DELETE);
  }

  // Editing.

  @Test
  void editReplacesTheTopicsMediaWithTheDraftInASignedCall() throws Exception {
    server.enqueue(FakeOk.json("{\"success\":true}"));
    PostDraft draft = PostDraft.builder().text("Приём переносится на 25 ноября").addHashtags("школа9")
        .link("https://school9.example.ru/priem").build();

    SendResult.Sent result = open(platform()).edit(PAGE, TOPIC, draft);

    assertThat(result).isEqualTo(new SendResult.Sent(TOPIC, "https://ok.ru/group/77/topic/" + TOPIC, null));
    Map<String, String> form = Forms.decode(server.takeRequest());
    assertThat(form).containsEntry("method", "mediatopic.edit").containsEntry("gid", "77")
        .containsEntry("topic_id", TOPIC).containsEntry("application_key", "APPKEY")
        .containsEntry("access_token", "ACCESSTOKEN").doesNotContainKey("type");
    Map<String, String> signed = new LinkedHashMap<>(form);
    signed.remove("sig");
    assertThat(form.get("sig")).isEqualTo(OkSigner.forSession("ACCESSTOKEN", "SECRETKEY").sign(signed));
    Map<String, Object> attachment = attachment(form);
    assertThat(attachment).containsEntry("onBehalfOfGroup", "true").doesNotContainKey("publishAt");
    assertThat(attachment.get("media")).isEqualTo(List.of(
        Map.of("type", "text", "text", "Приём переносится на 25 ноября\n\n#школа9"),
        Map.of("type", "link", "url", "https://school9.example.ru/priem")));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void editUploadsNewPhotosFirst() throws Exception {
    server.enqueue(FakeOk.json("{\"upload_url\":\"" + server.url("/upload") + "\",\"photo_ids\":[\"p1\"]}"));
    server.enqueue(FakeOk.json("{\"photos\":{\"p1\":{\"token\":\"T1\"}}}"));
    server.enqueue(FakeOk.json("{\"success\":true}"));
    PostDraft draft = PostDraft.builder().text("Новое фото").addPhotos(DraftPhoto.fromBytes("a.png", png())).build();

    assertThat(open(platform()).edit(PAGE, TOPIC, draft).postId()).isEqualTo(TOPIC);

    assertThat(Forms.decode(server.takeRequest())).containsEntry("method", "photosV2.getUploadUrl");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/upload");
    Map<String, String> edit = Forms.decode(server.takeRequest());
    assertThat(edit).containsEntry("method", "mediatopic.edit");
    assertThat(attachment(edit).get("media")).isEqualTo(List.of(
        Map.of("type", "text", "text", "Новое фото"),
        Map.of("type", "photo", "list", List.of(Map.of("id", "T1")))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "{\"success\":true}", "{\"success\":\"true\"}"})
  void editConfirmedInEitherForm(String answer) {
    server.enqueue(FakeOk.json(answer));
    assertThat(open(platform()).edit(PAGE, TOPIC, PostDraft.builder().text("Текст").build()).postId())
        .isEqualTo(TOPIC);
  }

  @Test
  void editNotConfirmedThrowsSayingTheTopicMayHaveChanged() {
    server.enqueue(FakeOk.json("{\"success\":false}"));
    assertThatThrownBy(() -> open(platform()).edit(PAGE, TOPIC, PostDraft.builder().text("Текст").build()))
        .isInstanceOfSatisfying(OkApiException.class, e -> {
          assertThat(e.reason()).isEqualTo(FailureReason.API_ERROR);
          assertThat(e.reason().retrySafe()).isFalse();
          assertThat(e).hasMessageContaining(TOPIC).hasMessageContaining("неизвестно");
        });
  }

  @Test
  void editIsRetriedAfterAServiceErrorBecauseRepeatingItChangesNothing() {
    server.enqueue(FakeOk.error(9999, "SYSTEM : internal"));
    server.enqueue(FakeOk.json("{\"success\":true}"));
    SendResult.Sent result = open(platform()).edit(PAGE, TOPIC, PostDraft.builder().text("Текст").build());
    assertThat(result.postId()).isEqualTo(TOPIC);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(backoffs).isNotEmpty(); // backed off, on the fake clock
  }

  @Test
  void editRefusedByOkThrowsTheOkExceptionThatSaysWhy() {
    server.enqueue(FakeOk.error(300, "NOT_FOUND : topic"));
    server.enqueue(FakeOk.error(601, "MEDIA_TOPIC_TEXT_TOO_LONG"));
    server.enqueue(FakeOk.error(8, "FLOOD_BLOCKED"));
    OkPlatform platform = open(platform().maxAttempts(1));
    PostDraft draft = PostDraft.builder().text("Текст").build();

    assertThatThrownBy(() -> platform.edit(PAGE, TOPIC, draft)).isInstanceOfSatisfying(OkApiException.class, e -> {
      assertThat(e.reason()).isEqualTo(FailureReason.NOT_FOUND);
      assertThat(e.code()).isEqualTo(300);
      assertThat(e).hasMessageContaining("не найдено").hasMessageContaining("mediatopic.edit");
    });
    assertThatThrownBy(() -> platform.edit(PAGE, TOPIC, draft)).isInstanceOfSatisfying(OkApiException.class, e -> {
      assertThat(e.reason()).isEqualTo(FailureReason.REFUSED);
      assertThat(e.reason().retrySafe()).isTrue();
      assertThat(e).hasMessageContaining("601").hasMessageContaining("содержимое");
    });
    assertThatThrownBy(() -> platform.edit(PAGE, TOPIC, draft)).isInstanceOfSatisfying(OkApiException.class, e -> {
      assertThat(e.reason()).isEqualTo(FailureReason.RATE_LIMITED);
      assertThat(e.captcha()).isNull();
    });
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void editOfAScheduledOrBrokenDraftIsAnIllegalArgumentBeforeAnyCall() {
    PostDraft scheduled = PostDraft.builder().text("Текст").scheduledAt(NOW.plusSeconds(3600)).build();
    assertThatThrownBy(() -> open(platform()).edit(PAGE, TOPIC, scheduled))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("время публикации");
    // Every problem at once, from the SDK's draft validator.
    PostDraft broken = PostDraft.builder().text("x".repeat(21))
        .addPhotos(DraftPhoto.fromBytes("a.webp", "RIFF0000WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
        .build();
    assertThatThrownBy(() -> open(platform().maxTextLength(20)).edit(PAGE, TOPIC, broken))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ограничении 20").hasMessageContaining("a.webp");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void editOnAnUnreachableServerThrowsSayingNothingChanged() throws Exception {
    MockWebServer gone = new MockWebServer();
    gone.start();
    String url = gone.url("/fb.do").toString();
    gone.close();
    OkPlatform platform = open(platform().baseUrl(url).maxAttempts(1));
    assertThatThrownBy(() -> platform.edit(PAGE, TOPIC, PostDraft.builder().text("Текст").build()))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.reason()).isEqualTo(FailureReason.NETWORK);
          assertThat(e).hasMessageContaining("тема не изменена");
        });
    assertThatThrownBy(() -> platform.delete(PAGE, TOPIC)).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.reason()).isEqualTo(FailureReason.NETWORK);
      assertThat(e).hasMessageContaining("тема не удалена");
    });
  }

  @Test
  void topicIdMustBeAPositiveNumber() {
    OkPlatform platform = open(platform());
    PostDraft draft = PostDraft.builder().text("Текст").build();
    for (String bad : List.of("", " ", "abc", "-5", "0", "12a", "https://ok.ru/group/77/topic/1")) {
      assertThatThrownBy(() -> platform.edit(PAGE, bad, draft))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("«" + bad + "»");
      assertThatThrownBy(() -> platform.delete(PAGE, bad))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("идентификатор темы");
    }
    assertThat(server.getRequestCount()).isZero();
  }

  // Deleting.

  @Test
  void deleteSendsGroupAndTopicOnce() throws Exception {
    server.enqueue(FakeOk.json("{\"success\":true,\"restore_id\":\"R1\"}"));
    open(platform()).delete(PAGE, " " + TOPIC + " ");

    Map<String, String> form = Forms.decode(server.takeRequest());
    assertThat(form).containsEntry("method", "mediatopic.deleteTopic").containsEntry("gid", "77")
        .containsEntry("topic_id", TOPIC).containsKey("sig");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void deleteInAGroupGivenByShortNameResolvesItFirst() throws Exception {
    server.enqueue(FakeOk.json("{\"type\":\"GROUP\",\"objectId\":77}"));
    server.enqueue(FakeOk.json("true"));
    open(platform()).delete(PageRef.parse("https://ok.ru/school9"), TOPIC);

    assertThat(Forms.decode(server.takeRequest())).containsEntry("method", "url.getInfo");
    assertThat(Forms.decode(server.takeRequest())).containsEntry("method", "mediatopic.deleteTopic")
        .containsEntry("gid", "77");
  }

  @Test
  void deleteRefusedByOkThrowsTheOneOkExceptionWithItsCode() {
    server.enqueue(FakeOk.error(300, "NOT_FOUND : topic"));
    server.enqueue(FakeOk.error(210, "PERMISSION_DENIED"));
    server.enqueue(FakeOk.error(102, "PARAM_SESSION_EXPIRED : ACCESSTOKEN"));
    OkPlatform platform = open(platform());

    assertThatThrownBy(() -> platform.delete(PAGE, TOPIC)).isInstanceOfSatisfying(OkApiException.class, e -> {
      assertThat(e.reason()).isEqualTo(FailureReason.NOT_FOUND);
      assertThat(e.method()).isEqualTo("mediatopic.deleteTopic");
      assertThat(e.code()).isEqualTo(300);
    });
    assertThatThrownBy(() -> platform.delete(PAGE, TOPIC)).isInstanceOfSatisfying(OkApiException.class,
        e -> assertThat(e.reason()).isEqualTo(FailureReason.ACCESS_DENIED));
    assertThatThrownBy(() -> platform.delete(PAGE, TOPIC)).isInstanceOfSatisfying(OkApiException.class, e -> {
      assertThat(e.reason()).isEqualTo(FailureReason.AUTHORIZATION);
      assertThat(e).hasMessageNotContaining("ACCESSTOKEN").hasMessageContaining("██");
    });
  }

  /** Edit and delete report the same failure the same way: one exception, one reason, one message. */
  @Test
  void editAndDeleteReportTheSameFailureTheSameWay() {
    server.enqueue(FakeOk.error(300, "NOT_FOUND : topic"));
    server.enqueue(FakeOk.error(300, "NOT_FOUND : topic"));
    OkPlatform platform = open(platform());
    OkApiException edit = catchThrowableOfType(OkApiException.class,
        () -> platform.edit(PAGE, TOPIC, PostDraft.builder().text("Текст").build()));
    OkApiException delete = catchThrowableOfType(OkApiException.class, () -> platform.delete(PAGE, TOPIC));
    assertThat(edit.reason()).isEqualTo(delete.reason());
    assertThat(edit.code()).isEqualTo(delete.code());
    assertThat(edit.getMessage()).isEqualTo(delete.getMessage().replace("deleteTopic", "edit"));
  }

  @Test
  void deleteNotConfirmedOrUnreadableThrows() {
    server.enqueue(FakeOk.json("{\"success\":false}"));
    server.enqueue(FakeOk.json("{\"restore_id\":\"R1\"}"));
    OkPlatform platform = open(platform());

    assertThatThrownBy(() -> platform.delete(PAGE, TOPIC)).isInstanceOfSatisfying(OkApiException.class, e -> {
      assertThat(e.reason()).isEqualTo(FailureReason.API_ERROR);
      assertThat(e).hasMessageContaining(TOPIC).hasMessageContaining("неизвестно");
    });
    assertThatThrownBy(() -> platform.delete(PAGE, TOPIC)).isInstanceOfSatisfying(OkApiException.class, e -> {
      assertThat(e.code()).isZero();
      assertThat(e).hasMessageContaining("$.success");
    });
  }

  @Test
  void deleteIsNotRetriedAfterAServiceError() {
    server.enqueue(FakeOk.error(9999, "SYSTEM : internal"));
    server.enqueue(FakeOk.json("{\"success\":true}"));
    assertThatThrownBy(() -> open(platform()).delete(PAGE, TOPIC)).isInstanceOfSatisfying(OkApiException.class, e -> {
      assertThat(e.code()).isEqualTo(9999);
      assertThat(e.reason().retrySafe()).isFalse();
    });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void droppedConnectionAfterSendingDeleteIsReportedAsUnknownAndNotResent() {
    server.enqueue(FakeOk.json("{\"media_topics\":[],\"has_more\":false}"));
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(FakeOk.json("{\"success\":true}")); // what a silent re-send would get
    OkPlatform platform = open(platform());
    // A pooled connection is the one OkHttp would silently retry a failed request on.
    platform.fetchPosts(List.of(PAGE), ru.gospubliki.platform.PostQuery.since(NOW.minusSeconds(60)));

    assertThatThrownBy(() -> platform.delete(PAGE, TOPIC)).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.reason()).isEqualTo(FailureReason.CONNECTION_LOST);
      assertThat(e).hasMessageContaining("неизвестно");
    });
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void deleteOnAPageThatIsNotAGroupThrowsWithoutDeleting() {
    server.enqueue(FakeOk.json("{\"type\":\"APP\",\"objectId\":5}"));
    assertThatThrownBy(() -> open(platform()).delete(PageRef.parse("https://ok.ru/ivanov"), TOPIC))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.reason()).isEqualTo(FailureReason.NOT_FOUND);
          assertThat(e).hasMessageContaining("не группа").hasMessageContaining("тема не удалена");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> attachment(Map<String, String> form) throws Exception {
    return (Map<String, Object>) FakeOk.JSON.fromJson(form.get("attachment"));
  }

  private static byte[] png() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }
}
