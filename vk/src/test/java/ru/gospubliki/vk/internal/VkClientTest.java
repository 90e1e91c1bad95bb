package ru.gospubliki.vk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import ru.gospubliki.internal.http.ApiToken;
import ru.gospubliki.internal.http.Backoff;
import ru.gospubliki.internal.http.CallFailure;
import ru.gospubliki.internal.http.HttpTransport;
import ru.gospubliki.internal.http.Secrets;
import ru.gospubliki.internal.http.Sleeper;
import ru.gospubliki.internal.http.Ticker;
import ru.gospubliki.internal.http.TokenBudgets;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.vk.VkApiException;
import ru.gospubliki.vk.VkCaptchaException;
import ru.gospubliki.vk.VkValidationException;

class VkClientTest {
  static final String SECRET = "vk1.a.SECRET-token-value-0042";

  private final List<Long> sleeps = new ArrayList<>();
  private MockWebServer server;
  private HttpTransport http;
  private VkClient client;
  private VkToken token;
  private JsonAdapter<Object> any;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    Sleeper recording = sleeps::add;
    token = new VkToken(TokenKind.USER,
        ApiToken.of(new TokenBudgets(Ticker.SYSTEM, recording), "VK", "userTokens[0]", SECRET, 1000));
    http = HttpTransport.builder("VK").build();
    client = new VkClient(http, server.url("/method/"),
        new Backoff(3, Duration.ofMillis(500), Duration.ofSeconds(8), new Random(7)), recording,
        Secrets.of(List.of(SECRET)));
    any = client.adapter(Object.class);
  }

  @AfterEach
  void stop() {
    http.close();
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
      "5, AUTHORIZATION",
      "9, RATE_LIMITED",
      "29, QUOTA",
      "7, ACCESS_DENIED",
      "15, ACCESS_DENIED",
      "27, ACCESS_DENIED",
      "28, ACCESS_DENIED",
      "18, DELETED",
      "30, PRIVATE",
      "100, REFUSED",
      "214, REFUSED",
      "219, REFUSED",
      "13, API_ERROR",
      "3, REFUSED",
      "1051, ACCESS_DENIED",
      "999, API_ERROR"})
  void everyCodeMeansOneReasonFromOneTable(int code, FailureReason reason) {
    enqueue(error(code, "Something failed"));

    assertThatThrownBy(() -> client.call("wall.post", Map.of("owner_id", "-1"), token, any, true))
        .isInstanceOfSatisfying(VkApiException.class, e -> {
          assertThat(e.getClass()).isEqualTo(VkApiException.class);
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.method()).isEqualTo("wall.post");
          assertThat(e.getMessage()).contains("wall.post", Integer.toString(code), "Something failed", "ошибка VK");
          assertThat(e.requestParams()).containsEntry("owner_id", "-1").doesNotContainKey("access_token");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 10})
  void internalErrorsOfReadsAreRetriedWithGrowingJitteredBackoff(int code) throws IOException {
    enqueue(error(code, "Internal server error"));
    enqueue(error(code, "Internal server error"));
    enqueue("{\"response\":{\"ok\":1}}");

    Object response = client.call("groups.getById", Map.of(), token, any, false).response();

    assertThat(response).isEqualTo(Map.of("ok", 1.0));
    assertThat(server.getRequestCount()).isEqualTo(3);
    List<Long> backoffs = sleeps.stream().filter(n -> n >= 100_000_000L).toList();
    assertThat(backoffs).hasSize(2);
    assertThat(backoffs.get(0)).isBetween(250_000_000L, 500_000_000L);
    assertThat(backoffs.get(1)).isBetween(500_000_000L, 1_000_000_000L);
  }

  @Test
  void anInternalErrorOfAWriteIsNotRetried() {
    enqueue(error(10, "Internal server error"));

    assertThatThrownBy(() -> client.call("wall.post", Map.of(), token, any, true))
        .isInstanceOfSatisfying(VkApiException.class, e -> assertThat(e.reason().retrySafe()).isFalse());
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void tooManyRequestsWaitsAtLeastASecondAndGivesUpAfterTheBound() {
    for (int i = 0; i < 3; i++) enqueue(error(6, "Too many requests per second"));

    assertThatThrownBy(() -> client.call("groups.getById", Map.of(), token, any, false))
        .isInstanceOfSatisfying(VkApiException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.RATE_LIMITED));
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps.stream().filter(n -> n >= 1_000_000_000L)).hasSize(2);
  }

  @Test
  void aCaptchaCarriesItsChallengeAndNothingIsRetried() {
    enqueue("{\"error\":{\"error_code\":14,\"error_msg\":\"Captcha needed\",\"captcha_sid\":\"123\","
        + "\"captcha_img\":\"https://api.vk.com/captcha.php?sid=123\",\"redirect_uri\":\"https://id.vk.com/not_robot\"}}");

    assertThatThrownBy(() -> client.call("wall.post", Map.of(), token, any, true))
        .isInstanceOfSatisfying(VkCaptchaException.class, e -> {
          assertThat(e.captcha().sid()).isEqualTo("123");
          assertThat(e.captcha().imageUrl()).isEqualTo("https://api.vk.com/captcha.php?sid=123");
          assertThat(e.captcha().redirectUri()).isEqualTo("https://id.vk.com/not_robot");
          assertThat(e.reason()).isEqualTo(FailureReason.CAPTCHA);
          assertThat(e.getMessage()).contains("капча");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void validationCarriesTheRedirect() {
    enqueue("{\"error\":{\"error_code\":17,\"error_msg\":\"Validation required\",\"redirect_uri\":\"https://vk.com/login?act=validate\"}}");

    assertThatThrownBy(() -> client.call("wall.post", Map.of(), token, any, true))
        .isInstanceOfSatisfying(VkValidationException.class,
            e -> assertThat(e.redirectUri()).isEqualTo("https://vk.com/login?act=validate"));
  }

  /** The captcha's image and page and the validation page are shown and logged: no key in them. */
  @Test
  void theCaptchaAndValidationAddressesCarryNoKey() {
    enqueue("{\"error\":{\"error_code\":14,\"error_msg\":\"Captcha needed\",\"captcha_sid\":\"123\","
        + "\"captcha_img\":\"https://api.vk.com/captcha.php?sid=123&access_token=" + SECRET + "\","
        + "\"redirect_uri\":\"https://id.vk.com/not_robot?token=" + SECRET + "\"}}");
    enqueue("{\"error\":{\"error_code\":17,\"error_msg\":\"Validation required\","
        + "\"redirect_uri\":\"https://vk.com/login?act=validate&access_token=" + SECRET + "\"}}");

    assertThatThrownBy(() -> client.call("wall.post", Map.of(), token, any, true))
        .isInstanceOfSatisfying(VkCaptchaException.class, e -> {
          assertThat(e.captcha().sid()).isEqualTo("123");
          assertThat(e.captcha().imageUrl()).isEqualTo("https://api.vk.com/captcha.php?sid=123&access_token=██");
          assertThat(e.captcha().redirectUri()).isEqualTo("https://id.vk.com/not_robot?token=██");
          assertThat(e.toString()).doesNotContain(SECRET);
        });
    assertThatThrownBy(() -> client.call("wall.post", Map.of(), token, any, true))
        .isInstanceOfSatisfying(VkValidationException.class,
            e -> assertThat(e.redirectUri()).isEqualTo("https://vk.com/login?act=validate&access_token=██"));
  }

  @Test
  void tokenGoesInTheHeaderOnlyAndNeverIntoMessages() throws Exception {
    enqueue("{\"error\":{\"error_code\":5,\"error_msg\":\"User authorization failed: invalid access_token (" + SECRET
        + ").\",\"request_params\":[{\"key\":\"access_token\",\"value\":\"" + SECRET + "\"},{\"key\":\"q\",\"value\":\"x"
        + SECRET + "\"}]}}");

    assertThatThrownBy(() -> client.call("groups.getById", Map.of("group_ids", "1"), token, any, false))
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

  @Test
  void aMethodTheTokenKindCannotCallIsNeverSent() {
    VkToken service = new VkToken(TokenKind.SERVICE,
        ApiToken.of(new TokenBudgets(Ticker.SYSTEM, Sleeper.SYSTEM), "VK", "serviceTokens[0]", "service-1", 3));

    assertThatThrownBy(() -> client.call("execute", Map.of("code", "return 1;"), service, any, false))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> client.call("wall.post", Map.of(), service, any, true))
        .isInstanceOf(IllegalStateException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "<!DOCTYPE html><html><body>Service temporarily unavailable</body></html>|страницей HTML",
      "not json at all|не JSON",
      "{\"response\":{\"groups\":[|оборван",
      "[1,2,3]|не объект JSON",
      "{\"something\":\"else\"}|ни «response», ни «error»",
      "{\"response\":1} trailing|не JSON"})
  void garbageIsAMalformedAnswerNamingTheMethodInRussian(String body, String words) {
    enqueue(body);
    for (int i = 0; i < 2; i++) enqueue(body);

    assertThatThrownBy(() -> client.call("groups.getById", Map.of(), token, any, false))
        .isInstanceOfSatisfying(VkApiException.class, e -> {
          assertThat(e.method()).isEqualTo("groups.getById");
          assertThat(e.code()).isZero();
          assertThat(e.getMessage()).contains("groups.getById", words).doesNotContain("the answer", "instead of");
          assertThat(e.reason()).isEqualTo(FailureReason.API_ERROR);
        });
  }

  @Test
  void aTypedAnswerOfTheWrongShapeNamesThePath() {
    enqueue("{\"response\":{\"count\":\"many\",\"items\":[]}}");

    assertThatThrownBy(() -> client.call("wall.get", Map.of(), token, client.adapter(VkJson.Wall.class), false))
        .isInstanceOfSatisfying(VkApiException.class,
            e -> assertThat(e.getMessage()).contains("wall.get", "$.response.count"));
  }

  @Test
  void anHttpErrorStatusIsMalformedToo() {
    server.enqueue(new MockResponse.Builder().code(503).body("{}").build());
    server.enqueue(new MockResponse.Builder().code(503).body("{}").build());

    assertThatThrownBy(() -> client.call("execute", Map.of(), token, any, true))
        .isInstanceOf(VkApiException.class).hasMessageContaining("503").hasMessageContaining("execute");
  }

  @Test
  void readsRetryNetworkFailuresButWritesDoNot() throws IOException {
    MockResponse cut = new MockResponse.Builder().body("{\"response\":1}")
        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
    server.enqueue(cut);
    enqueue("{\"response\":1}");
    assertThat(client.call("groups.getById", Map.of(), token, any, false).response()).isEqualTo(1.0);
    int afterRead = server.getRequestCount();

    server.enqueue(cut);
    assertThatThrownBy(() -> client.call("wall.post", Map.of(), token, any, true))
        .isInstanceOfSatisfying(CallFailure.class, e -> {
          assertThat(e.reason()).isEqualTo(FailureReason.CONNECTION_LOST);
          assertThat(e.getMessage()).contains("wall.post");
        });
    assertThat(server.getRequestCount()).isEqualTo(afterRead + 1);
  }

  @Test
  void executeErrorsAreReturnedWithTheResponse() throws IOException {
    enqueue("{\"response\":[{\"count\":0,\"items\":[]},false],\"execute_errors\":[{\"method\":\"wall.get\","
        + "\"error_code\":15,\"error_msg\":\"Access denied\"}]}");

    VkClient.Reply<Object> reply = client.call("execute", Map.of("code", "return 1;"), token, any, false);

    assertThat((List<?>) reply.response()).hasSize(2);
    assertThat(reply.executeErrors()).singleElement().satisfies(error -> {
      assertThat(error.code()).isEqualTo(15L);
      assertThat(error.method()).isEqualTo("wall.get");
    });
  }
}
