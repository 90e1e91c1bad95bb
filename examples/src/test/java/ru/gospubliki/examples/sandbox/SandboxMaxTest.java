package ru.gospubliki.examples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.examples.sandbox.SandboxClient.list;
import static ru.gospubliki.examples.sandbox.SandboxClient.map;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.gospubliki.examples.sandbox.internal.Json;
import ru.gospubliki.testing.MutableClock;

/** The fake MAX Bot API, called the way the MAX adapter calls it. */
final class SandboxMaxTest {
  private static final long ADM = -70000000000101L;
  private static final long RDK = -70000000000104L;
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-20T09:00:00Z"));
  private Sandbox sandbox = Sandbox.builder().clock(clock).build();

  @AfterEach
  void close() {
    sandbox.close();
  }

  /** One call: status and parsed JSON body. */
  private record Call(int code, Map<String, Object> body) {}

  private Call call(String method, String path, String token, String json) throws IOException {
    HttpUrl url = HttpUrl.get(sandbox.maxApiUrl() + path);
    Request.Builder request = new Request.Builder().url(url);
    if (token != null) request.header("Authorization", token);
    RequestBody body = json == null ? (method.equals("GET") || method.equals("DELETE") ? null
        : RequestBody.create(new byte[0], null)) : RequestBody.create(json, MediaType.get("application/json"));
    request.method(method, body);
    try (Response response = SandboxClient.HTTP.newCall(request.build()).execute()) {
      return new Call(response.code(), map(Json.parse(response.body().string())));
    }
  }

  private Call get(String path) throws IOException {
    return call("GET", path, Sandbox.MAX_BOT_TOKEN, null);
  }

  @Test
  void theKeyGoesInTheAuthorizationHeaderAsItIs() throws IOException {
    assertThat(call("GET", "me", null, null)).isEqualTo(new Call(401,
        Map.of("code", "verify.token", "message", "Invalid access_token")));
    assertThat(call("GET", "me", "Bearer " + Sandbox.MAX_BOT_TOKEN, null).code()).isEqualTo(401);
    assertThat(call("GET", "me?access_token=" + Sandbox.MAX_BOT_TOKEN, null, null).code()).isEqualTo(401);
    Call me = get("me");
    assertThat(me.code()).isEqualTo(200);
    assertThat(me.body()).containsEntry("user_id", 910000001L).containsEntry("is_bot", true);
  }

  @Test
  void updatesTellTheChannelsTheBotWasAddedToAndMoveWithTheMarker() throws IOException {
    Call first = get("updates?types=bot_added,bot_removed&timeout=0");
    List<Object> updates = list(first.body().get("updates"));
    assertThat(updates).hasSize(4).allSatisfy(u -> assertThat(map(u))
        .containsEntry("update_type", "bot_added").containsKeys("chat_id", "timestamp", "user", "is_channel"));
    assertThat(updates).extracting(u -> map(u).get("chat_id")).doesNotContain(RDK);
    long marker = (Long) first.body().get("marker");
    assertThat(list(get("updates?marker=" + marker).body().get("updates"))).isEmpty();
    // Without a marker, what was not committed yet: nothing once a marker was passed.
    assertThat(list(get("updates").body().get("updates"))).isEmpty();
  }

  @Test
  void channelsAndMessagesAsTheApiShapesThemAnd403WhereTheBotIsNotAdmin() throws IOException {
    Call chat = get("chats/" + ADM);
    assertThat(chat.body()).containsEntry("chat_id", ADM).containsEntry("type", "channel")
        .containsEntry("link", "https://max.ru/zarechny_adm").containsEntry("is_public", true)
        .containsKeys("title", "description", "participants_count", "icon", "status", "last_event_time");
    assertThat(get("chats/" + RDK)).isEqualTo(new Call(403,
        Map.of("code", "chat.denied", "message", "Bot is not an administrator of the chat")));
    assertThat(get("messages?chat_id=" + RDK + "&count=10").code()).isEqualTo(403);
    assertThat(get("chats/-1").code()).isEqualTo(404);
    assertThat(get("messages?chat_id=" + ADM + "&count=101").code()).isEqualTo(400);

    List<Object> page = list(get("messages?chat_id=" + ADM + "&count=5").body().get("messages"));
    assertThat(page).hasSize(5);
    Map<String, Object> newest = map(page.get(0));
    assertThat(newest).containsKeys("recipient", "timestamp", "body", "stat", "url").doesNotContainKey("sender");
    long oldest = (Long) map(page.get(4)).get("timestamp");
    List<Object> next = list(get("messages?chat_id=" + ADM + "&count=100&from=" + (oldest - 1))
        .body().get("messages"));
    assertThat(next).hasSize(9).allSatisfy(m -> assertThat((Long) map(m).get("timestamp")).isLessThan(oldest));
  }

  @Test
  void postsWithAnUploadedImageAndRefusesWhatMaxRefuses() throws IOException {
    String uploadUrl = (String) call("POST", "uploads?type=image", Sandbox.MAX_BOT_TOKEN, null).body().get("url");
    assertThat(call("POST", "uploads?type=photo", Sandbox.MAX_BOT_TOKEN, null).code()).isEqualTo(400);
    RequestBody file = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("data", "a.png", RequestBody.create(new byte[] {1, 2, 3}, MediaType.get("image/png"))).build();
    String token;
    try (Response upload = SandboxClient.HTTP.newCall(new Request.Builder().url(uploadUrl).post(file).build())
        .execute()) {
      Map<String, Object> photos = map(map(Json.parse(upload.body().string())).get("photos"));
      token = (String) map(photos.values().iterator().next()).get("token");
    }
    String body = "{\"text\":\"**Приём граждан** [подробнее](https://example.gov.ru)\",\"format\":\"markdown\","
        + "\"attachments\":[{\"type\":\"image\",\"payload\":{\"token\":\"" + token + "\"}}]}";
    Call sent = call("POST", "messages?chat_id=" + ADM, Sandbox.MAX_BOT_TOKEN, body);
    assertThat(sent.code()).isEqualTo(200);
    Map<String, Object> message = map(sent.body().get("message"));
    Map<String, Object> stored = map(message.get("body"));
    assertThat(stored).containsEntry("text", "Приём граждан подробнее"); // MAX keeps the plain text
    assertThat(list(stored.get("attachments"))).hasSize(1);
    assertThat((String) message.get("url")).startsWith("https://max.ru/zarechny_adm/");
    assertThat(sandbox.maxMessageCount(ADM)).isEqualTo(15);

    String tooLong = "{\"text\":\"" + "я".repeat(4001) + "\"}";
    assertThat(call("POST", "messages?chat_id=" + ADM, Sandbox.MAX_BOT_TOKEN, tooLong).code()).isEqualTo(400);
    String unknownImage = "{\"text\":\"x\",\"attachments\":[{\"type\":\"image\",\"payload\":{\"token\":\"forged\"}}]}";
    assertThat(call("POST", "messages?chat_id=" + ADM, Sandbox.MAX_BOT_TOKEN, unknownImage).code()).isEqualTo(400);
    assertThat(call("POST", "messages?chat_id=" + RDK, Sandbox.MAX_BOT_TOKEN, "{\"text\":\"x\"}").code()).isEqualTo(403);

    String mid = (String) stored.get("mid");
    assertThat(call("PUT", "messages?message_id=" + mid, Sandbox.MAX_BOT_TOKEN, "{\"text\":\"Новый\"}").body())
        .containsEntry("success", true);
    assertThat(call("DELETE", "messages?message_id=" + mid, Sandbox.MAX_BOT_TOKEN, null).body())
        .containsEntry("success", true);
    assertThat(call("DELETE", "messages?message_id=" + mid, Sandbox.MAX_BOT_TOKEN, null).code()).isEqualTo(404);
    assertThat(sandbox.maxMessageCount(ADM)).isEqualTo(14);
  }

  @Test
  void enforcedLimitsRefuseAThirdMessageToOneChannelInASecondAndTheCallsOverTheRate() throws IOException {
    sandbox.close();
    sandbox = Sandbox.builder().clock(clock).enforceRateLimits(true).maxRps(5).build();
    assertThat(call("POST", "messages?chat_id=" + ADM, Sandbox.MAX_BOT_TOKEN, "{\"text\":\"1\"}").code()).isEqualTo(200);
    assertThat(call("POST", "messages?chat_id=" + ADM, Sandbox.MAX_BOT_TOKEN, "{\"text\":\"2\"}").code()).isEqualTo(200);
    assertThat(call("POST", "messages?chat_id=" + ADM, Sandbox.MAX_BOT_TOKEN, "{\"text\":\"3\"}")).isEqualTo(new Call(429,
        Map.of("code", "too.many.requests", "message", "Too many messages to the chat")));
    assertThat(get("me").code()).isEqualTo(200);
    assertThat(get("me").code()).isEqualTo(200); // fifth call in this second
    assertThat(get("me").code()).isEqualTo(429);
    clock.advance(Duration.ofMillis(1001));
    assertThat(call("POST", "messages?chat_id=" + ADM, Sandbox.MAX_BOT_TOKEN, "{\"text\":\"3\"}").code()).isEqualTo(200);
    assertThat(sandbox.maxRateLimited()).isEqualTo(2);
    assertThat(sandbox.maxRequests()).isEqualTo(7);
  }
}
