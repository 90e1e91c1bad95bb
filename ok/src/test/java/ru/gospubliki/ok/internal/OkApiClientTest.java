package ru.gospubliki.ok.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.gospubliki.ok.OkApiException;
import ru.gospubliki.ok.OkContentException;
import ru.gospubliki.ok.OkMalformedResponseException;
import ru.gospubliki.ok.OkRateLimitException;
import ru.gospubliki.ok.OkRequestException;
import ru.gospubliki.ok.OkServiceException;
import ru.gospubliki.ok.OkSessionException;
import ru.gospubliki.ok.OkSignatureException;
import ru.gospubliki.platform.FailureReason;

final class OkApiClientTest {
  private static final String TOKEN = "tkn-SECRET-access-token";
  private static final String SECRET_KEY = "SECRETKEY123";

  @StartStop final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime(Instant.parse("2026-11-20T09:00:00Z"));
  private final OkSigner signer = OkSigner.forSession(TOKEN, SECRET_KEY, null);
  private OkApiClient client;

  @BeforeEach
  void setUp() {
    client = new OkApiClient(new OkHttpClient(), server.url("/fb.do"), "APPKEY", TOKEN, signer,
        new RateLimiter(3, time, time), time, 3, Duration.ofSeconds(1), List.of(TOKEN, SECRET_KEY));
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "application/json;charset=utf-8").body(body).build();
  }

  private static MockResponse error(int code, String message) {
    return json("{\"error_code\":" + code + ",\"error_msg\":\"" + message + "\",\"error_data\":null}");
  }

  @Test
  void sendsSignedUtf8FormPost() throws Exception {
    server.enqueue(json("{\"type\":\"GROUP\",\"objectId\":53350000000001}"));
    Object answer = client.call("url.getInfo", Map.of("url", "https://ok.ru/школа9"));
    assertThat(OkJson.longValue(OkJson.asMap(answer), "objectId")).isEqualTo(53350000000001L);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/fb.do");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    Map<String, String> form = Forms.decode(request);
    assertThat(form).containsEntry("application_key", "APPKEY").containsEntry("method", "url.getInfo")
        .containsEntry("format", "json").containsEntry("access_token", TOKEN)
        .containsEntry("url", "https://ok.ru/школа9");
    assertThat(form.get("sig")).isEqualTo(signer.sign(without(form, "sig")));
  }

  @Test
  void jsonParameterIsSignedExactlyAsSent() throws Exception {
    String attachment = "{\"media\":[{\"type\":\"text\",\"text\":\"Привет, \\\"мир\\\" & всё #школа\"}],"
        + "\"onBehalfOfGroup\":\"true\"}";
    server.enqueue(json("\"70102413183763\""));
    Object answer = client.callOnce("mediatopic.post", Map.of("gid", "1", "type", "GROUP_THEME", "attachment", attachment));
    assertThat(answer).isEqualTo("70102413183763");

    Map<String, String> form = Forms.decode(server.takeRequest());
    assertThat(form.get("attachment")).isEqualTo(attachment);
    assertThat(form.get("sig")).isEqualTo(signer.sign(without(form, "sig")));
    Map<String, String> reformatted = without(form, "sig");
    reformatted.put("attachment", attachment.replace("\",\"", "\", \""));
    assertThat(form.get("sig")).isNotEqualTo(signer.sign(reformatted));
  }

  @ParameterizedTest
  @CsvSource({
      "8, OkRateLimitException, RATE_LIMITED",
      "11, OkRateLimitException, RATE_LIMITED",
      "102, OkSessionException, AUTHORIZATION",
      "103, OkSessionException, AUTHORIZATION",
      "104, OkSignatureException, AUTHORIZATION",
      "105, OkSignatureException, AUTHORIZATION",
      "3, OkRequestException, API_ERROR",
      "4, OkRequestException, API_ERROR",
      "10, OkRequestException, ACCESS_DENIED",
      "100, OkRequestException, API_ERROR",
      "200, OkRequestException, ACCESS_DENIED",
      "300, OkRequestException, NOT_FOUND",
      "453, OkRequestException, API_ERROR",
      "454, OkContentException, API_ERROR",
      "456, OkContentException, API_ERROR",
      "507, OkContentException, API_ERROR",
      "601, OkContentException, API_ERROR",
      "777, OkRequestException, API_ERROR",
  })
  void errorCodesMapToTypedExceptionsWithoutRetry(int code, String type, FailureReason reason) {
    server.enqueue(error(code, "SOME_ERROR : details"));
    assertThatThrownBy(() -> client.call("group.getInfo", Map.of()))
        .isInstanceOfSatisfying(OkApiException.class, e -> {
          assertThat(e.getClass().getSimpleName()).isEqualTo(type);
          assertThat(e.errorCode()).isEqualTo(code);
          assertThat(e.method()).isEqualTo("group.getInfo");
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.getMessage()).contains("group.getInfo", Integer.toString(code), "SOME_ERROR");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"1", "2", "30", "31", "5000", "9999"})
  void serviceErrorsAreRetriedWithBackoff(int code) throws Exception {
    server.enqueue(error(code, "SERVICE : down"));
    server.enqueue(error(code, "SERVICE : down"));
    server.enqueue(json("[]"));
    assertThat(client.call("group.getInfo", Map.of())).isEqualTo(List.of());
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void retriesAreBounded() {
    for (int i = 0; i < 4; i++) server.enqueue(error(2, "SERVICE : down"));
    assertThatThrownBy(() -> client.call("group.getInfo", Map.of())).isInstanceOf(OkServiceException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void readsAreRetriedAfterADroppedConnection() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(json("[]"));
    assertThat(client.call("group.getInfo", Map.of())).isEqualTo(List.of());
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void callOnceDoesNotRetryADroppedConnection() {
    server.enqueue(new MockResponse.Builder().onResponseStart(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(json("\"1\""));
    assertThatThrownBy(() -> client.callOnce("mediatopic.post", Map.of())).isInstanceOf(IOException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void callOnceNeverRetries() {
    server.enqueue(error(2, "SERVICE : down"));
    server.enqueue(json("\"1\""));
    assertThatThrownBy(() -> client.callOnce("mediatopic.post", Map.of())).isInstanceOf(OkServiceException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void invocationErrorHeaderIsAnError() {
    server.enqueue(new MockResponse.Builder().addHeader("invocation-error", "102").body("").build());
    assertThatThrownBy(() -> client.call("group.getInfo", Map.of()))
        .isInstanceOfSatisfying(OkSessionException.class, e -> assertThat(e.errorCode()).isEqualTo(102));
  }

  @Test
  void invocationErrorHeaderWithGarbageBody() {
    server.enqueue(new MockResponse.Builder().addHeader("invocation-error", "10").body("<html>").build());
    assertThatThrownBy(() -> client.call("group.getInfo", Map.of()))
        .isInstanceOfSatisfying(OkRequestException.class, e -> assertThat(e.errorCode()).isEqualTo(10));
  }

  @Test
  void garbageBodyIsMalformedResponseNamingTheMethod() {
    server.enqueue(json("<html><body>502 Bad Gateway</body></html>"));
    assertThatThrownBy(() -> client.call("mediatopic.getTopics", Map.of()))
        .isInstanceOfSatisfying(OkMalformedResponseException.class, e -> {
          assertThat(e.method()).isEqualTo("mediatopic.getTopics");
          assertThat(e.errorCode()).isEqualTo(-1);
          assertThat(e.getMessage()).contains("mediatopic.getTopics");
        });
  }

  @Test
  void truncatedJsonIsMalformed() {
    server.enqueue(json("{\"groups\":[{\"uid\":\"1\""));
    assertThatThrownBy(() -> client.call("group.getInfo", Map.of())).isInstanceOf(OkMalformedResponseException.class);
  }

  @Test
  void emptyBodyIsMalformed() {
    server.enqueue(json(""));
    assertThatThrownBy(() -> client.call("group.getInfo", Map.of())).isInstanceOf(OkMalformedResponseException.class);
  }

  @Test
  void serverErrorsAreRetriedThenSurfaceAsIoException() {
    for (int i = 0; i < 3; i++) server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
    assertThatThrownBy(() -> client.call("group.getInfo", Map.of()))
        .isInstanceOfSatisfying(OkApiClient.HttpStatusException.class, e -> assertThat(e.code()).isEqualTo(503));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void secretsAndSignaturesAreMaskedInMessages() {
    server.enqueue(error(104, "PARAM_SIGNATURE : Invalid signature 0123456789abcdef0123456789abcdef for "
        + TOKEN + " and " + SECRET_KEY));
    assertThatThrownBy(() -> client.call("group.getInfo", Map.of()))
        .isInstanceOf(OkSignatureException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN, SECRET_KEY,
            "0123456789abcdef0123456789abcdef").contains("PARAM_SIGNATURE"));
    assertThat(client.toString()).doesNotContain(TOKEN, SECRET_KEY);
  }

  @Test
  void rateLimiterSpacesCalls() throws IOException {
    for (int i = 0; i < 4; i++) server.enqueue(json("[]"));
    for (int i = 0; i < 4; i++) client.call("group.getInfo", Map.of());
    // The fourth call comes a second (and the clock slack) after the first answer, at 1007 ms.
    assertThat(time.sleeps).containsExactly(Duration.ofMillis(334), Duration.ofMillis(334),
        Duration.ofMillis(334 + RateLimiter.CLOCK_SLACK_MILLIS));
  }

  @Test
  void bigIdsKeepEveryDigit() throws Exception {
    Map<String, Object> map = OkJson.asMap(OkJson.parse("{\"id\":9223372036854775807,\"s\":\"70102413183763\"}"));
    assertThat(OkJson.longValue(map, "id")).isEqualTo(Long.MAX_VALUE);
    assertThat(OkJson.longValue(map, "s")).isEqualTo(70102413183763L);
  }

  private static Map<String, String> without(Map<String, String> form, String key) {
    Map<String, String> copy = new LinkedHashMap<>(form);
    copy.remove(key);
    return copy;
  }
}
