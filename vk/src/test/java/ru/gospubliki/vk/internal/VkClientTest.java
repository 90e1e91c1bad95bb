package ru.gospubliki.vk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.vk.VkApiException;
import ru.gospubliki.vk.VkCaptchaException;
import ru.gospubliki.vk.VkMalformedResponseException;
import ru.gospubliki.vk.VkValidationException;

class VkClientTest {
  static final String SECRET = "vk1.a.SECRET-token-value-0042";

  private final List<Long> sleeps = new ArrayList<>();
  private MockWebServer server;
  private VkClient client;
  private Token token;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    Sleeper recording = sleeps::add;
    token = new Token(TokenKind.USER, SECRET, new RateLimiter(1000, Ticker.SYSTEM, recording));
    client = new VkClient(new OkHttpClient(), server.url("/method/"), new RetryPolicy(3, 500_000_000L, new Random(7)),
        recording, new Secrets(List.of(token)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void enqueue(String body) {
    server.enqueue(new MockResponse.Builder().body(body).build());
  }

  static String error(int code, String message) {
    return "{\"error\":{\"error_code\":" + code + ",\"error_msg\":\"" + message + "\",\"request_params\":["
        + "{\"key\":\"method\",\"value\":\"wall.post\"},{\"key\":\"access_token\",\"value\":\"" + SECRET + "\"},"
        + "{\"key\":\"owner_id\",\"value\":\"-1\"}]}}";
  }

  @ParameterizedTest
  @CsvSource({
      "5, VkAuthorizationException, AUTHORIZATION",
      "9, VkFloodException, RATE_LIMITED",
      "29, VkQuotaException, RATE_LIMITED",
      "7, VkPermissionException, ACCESS_DENIED",
      "15, VkPermissionException, ACCESS_DENIED",
      "27, VkPermissionException, ACCESS_DENIED",
      "214, VkPermissionException, ACCESS_DENIED",
      "100, VkParameterException, API_ERROR",
      "129, VkParameterException, API_ERROR",
      "219, VkContentException, API_ERROR",
      "222, VkContentException, API_ERROR",
      "3, VkApiException, API_ERROR"})
  void errorsMapToTypedExceptionsWithoutRetry(int code, String type, FailureReason reason) {
    enqueue(error(code, "Something failed"));

    assertThatThrownBy(() -> client.call("wall.post", Map.of("owner_id", "-1"), token, true))
        .isInstanceOfSatisfying(VkApiException.class, e -> {
          assertThat(e.getClass().getSimpleName()).isEqualTo(type);
          assertThat(e.errorCode()).isEqualTo(code);
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.method()).isEqualTo("wall.post");
          assertThat(e.getMessage()).contains("wall.post", Integer.toString(code), "Something failed");
          assertThat(e.requestParams()).containsEntry("owner_id", "-1").doesNotContainKey("access_token");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 10})
  void internalErrorsAreRetriedWithGrowingJitteredBackoff(int code) throws IOException {
    enqueue(error(code, "Internal server error"));
    enqueue(error(code, "Internal server error"));
    enqueue("{\"response\":{\"ok\":1}}");

    VkClient.ApiResponse response = client.call("groups.getById", Map.of(), token, true);

    assertThat(Json.longValue(Json.object(response.response()), "ok")).isEqualTo(1L);
    assertThat(server.getRequestCount()).isEqualTo(3);
    List<Long> backoffs = sleeps.stream().filter(n -> n >= 100_000_000L).toList();
    assertThat(backoffs).hasSize(2);
    assertThat(backoffs.get(0)).isBetween(250_000_000L, 500_000_000L);
    assertThat(backoffs.get(1)).isBetween(500_000_000L, 1_000_000_000L);
  }

  @Test
  void tooManyRequestsWaitsAtLeastASecondAndGivesUpAfterTheBound() {
    for (int i = 0; i < 3; i++) enqueue(error(6, "Too many requests per second"));

    assertThatThrownBy(() -> client.call("groups.getById", Map.of(), token, true))
        .isInstanceOf(ru.gospubliki.vk.VkRateLimitException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps.stream().filter(n -> n >= 1_000_000_000L)).hasSize(2);
  }

  @Test
  void captchaCarriesItsDetailsAndTheAnswerGoesWithTheNextCall() throws Exception {
    enqueue("{\"error\":{\"error_code\":14,\"error_msg\":\"Captcha needed\",\"captcha_sid\":\"123\","
        + "\"captcha_img\":\"https://api.vk.com/captcha.php?sid=123\",\"redirect_uri\":\"https://id.vk.com/not_robot\"}}");
    enqueue("{\"response\":1}");
    enqueue("{\"response\":1}");

    VkCaptchaException captcha = org.junit.jupiter.api.Assertions.assertThrows(VkCaptchaException.class,
        () -> client.call("wall.post", Map.of(), token, true));
    assertThat(captcha.captchaSid()).isEqualTo("123");
    assertThat(captcha.captchaImg()).isEqualTo("https://api.vk.com/captcha.php?sid=123");
    assertThat(captcha.redirectUri()).isEqualTo("https://id.vk.com/not_robot");
    assertThat(server.getRequestCount()).isEqualTo(1);

    client.answerCaptcha("123", "k9x");
    client.call("wall.post", Map.of(), token, true);
    client.call("wall.post", Map.of(), token, true);

    server.takeRequest();
    assertThat(server.takeRequest().getBody().utf8()).contains("captcha_sid=123", "captcha_key=k9x");
    assertThat(server.takeRequest().getBody().utf8()).doesNotContain("captcha");
  }

  @Test
  void validationCarriesTheRedirect() {
    enqueue("{\"error\":{\"error_code\":17,\"error_msg\":\"Validation required\",\"redirect_uri\":\"https://vk.com/login?act=validate\"}}");

    assertThatThrownBy(() -> client.call("wall.post", Map.of(), token, true))
        .isInstanceOfSatisfying(VkValidationException.class,
            e -> assertThat(e.redirectUri()).isEqualTo("https://vk.com/login?act=validate"));
  }

  @Test
  void tokenGoesInTheHeaderOnlyAndNeverIntoMessages() throws Exception {
    enqueue("{\"error\":{\"error_code\":5,\"error_msg\":\"User authorization failed: invalid access_token (" + SECRET
        + ").\",\"request_params\":[{\"key\":\"access_token\",\"value\":\"" + SECRET + "\"},{\"key\":\"q\",\"value\":\"x"
        + SECRET + "\"}]}}");

    assertThatThrownBy(() -> client.call("groups.getById", Map.of("group_ids", "1"), token, true))
        .isInstanceOfSatisfying(VkApiException.class, e -> {
          assertThat(e.getMessage()).doesNotContain(SECRET).contains("██");
          assertThat(e.toString()).doesNotContain(SECRET);
          assertThat(e.requestParams().toString()).doesNotContain(SECRET);
          assertThat(e.requestParams()).containsEntry("q", "x██");
        });
    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getUrl().toString()).doesNotContain(SECRET);
    assertThat(request.getBody().utf8()).doesNotContain(SECRET).contains("v=5.199");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + SECRET);
    assertThat(token.toString()).doesNotContain(SECRET);
    assertThat(client.toString()).doesNotContain(SECRET);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<!DOCTYPE html><html><body>Service temporarily unavailable</body></html>",
      "not json at all",
      "{\"response\":{\"groups\":[",
      "",
      "[1,2,3]",
      "{\"something\":\"else\"}",
      "{\"response\":1} trailing",
      "\u0000\u0001binary"})
  void garbageIsAMalformedResponseNamingTheMethod(String body) {
    enqueue(body);

    assertThatThrownBy(() -> client.call("groups.getById", Map.of(), token, true))
        .isInstanceOfSatisfying(VkMalformedResponseException.class, e -> {
          assertThat(e.method()).isEqualTo("groups.getById");
          assertThat(e.errorCode()).isZero();
          assertThat(e.getMessage()).contains("groups.getById");
          assertThat(e.reason()).isEqualTo(FailureReason.API_ERROR);
        });
  }

  @Test
  void anHttpErrorStatusIsMalformedToo() {
    server.enqueue(new MockResponse.Builder().code(503).body("{}").build());

    assertThatThrownBy(() -> client.call("execute", Map.of(), token, true))
        .isInstanceOf(VkMalformedResponseException.class).hasMessageContaining("503").hasMessageContaining("execute");
  }

  @Test
  void readsRetryNetworkFailuresButWritesDoNot() throws IOException {
    MockResponse cut = new MockResponse.Builder().body("{\"response\":1}")
        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
    server.enqueue(cut);
    enqueue("{\"response\":1}");
    assertThat(client.call("groups.getById", Map.of(), token, true).response()).isEqualTo(1.0);
    assertThat(server.getRequestCount()).isEqualTo(2);

    server.enqueue(cut);
    assertThatThrownBy(() -> client.call("wall.post", Map.of(), token, false)).isInstanceOf(IOException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void executeErrorsAreReturnedWithTheResponse() throws IOException {
    enqueue("{\"response\":[{\"count\":0,\"items\":[]},false],\"execute_errors\":[{\"method\":\"wall.get\","
        + "\"error_code\":15,\"error_msg\":\"Access denied\"}]}");

    VkClient.ApiResponse response = client.call("execute", Map.of("code", "return 1;"), token, true);

    assertThat(Json.list(response.response())).hasSize(2);
    assertThat(response.executeErrors()).hasSize(1);
  }
}
