package ru.gospubliki.vk.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.vk.VkApiException;
import ru.gospubliki.vk.VkMalformedResponseException;

/**
 * Calls VK API methods: form-encoded POST, token in the {@code Authorization} header, the
 * token's rate limiter before every request, bounded retries for the retryable errors, and every
 * answer either a response tree or a typed exception naming the method.
 */
public final class VkClient {
  public static final String VERSION = "5.199";
  private static final Logger LOG = Logger.getLogger(VkClient.class.getName());

  private final OkHttpClient http;
  private final HttpUrl baseUrl;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final Secrets secrets;
  private final AtomicReference<String @Nullable []> captchaAnswer = new AtomicReference<>();

  public VkClient(OkHttpClient http, HttpUrl baseUrl, RetryPolicy retry, Sleeper sleeper, Secrets secrets) {
    // VK posts must not be re-sent behind our back: the publisher decides, with the same guid.
    this.http = http.newBuilder().retryOnConnectionFailure(false).build();
    this.baseUrl = baseUrl;
    this.retry = retry;
    this.sleeper = sleeper;
    this.secrets = secrets;
  }

  /** A method's {@code response} value and any {@code execute_errors}. */
  public record ApiResponse(@Nullable Object response, List<Object> executeErrors) {}

  /** Sends the answer to a captcha with the next call. */
  public void answerCaptcha(String captchaSid, String captchaKey) {
    if (captchaSid.isBlank()) throw new IllegalArgumentException("captchaSid is blank");
    if (captchaKey.isBlank()) throw new IllegalArgumentException("captchaKey is blank");
    captchaAnswer.set(new String[] {captchaSid, captchaKey});
  }

  /**
   * Calls {@code method}. Network failures are retried only when {@code idempotent}; VK errors 1,
   * 6 and 10 always (VK refused them before acting).
   *
   * @throws IOException when VK could not be reached (after retries for idempotent calls).
   * @throws VkApiException for VK's errors and for answers that are not VK API responses.
   */
  public ApiResponse call(String method, Map<String, String> params, Token token, boolean idempotent)
      throws IOException {
    for (int attempt = 1; ; attempt++) {
      long ticket = acquire(token);
      Request request = request(method, params, token);
      String body;
      int status;
      try (Response response = http.newCall(request).execute()) {
        status = response.code();
        ResponseBody responseBody = response.body();
        body = responseBody.string();
      } catch (IOException e) {
        token.limiter().finished(ticket);
        if (!idempotent || attempt >= retry.maxAttempts() || e instanceof InterruptedIOException
            && Thread.currentThread().isInterrupted()) {
          throw e;
        }
        LOG.log(Level.FINE, "VK {0}: network failure, retrying ({1})", new Object[] {method, e.getClass().getSimpleName()});
        pause(retry.delayNanos(attempt, 0));
        continue;
      }
      token.limiter().finished(ticket);
      try {
        return parse(method, status, body);
      } catch (VkApiException e) {
        if (!RetryPolicy.isRetryable(e.errorCode()) || attempt >= retry.maxAttempts()) throw e;
        LOG.log(Level.FINE, "VK {0}: error {1}, retrying", new Object[] {method, e.errorCode()});
        pause(retry.delayNanos(attempt, e.errorCode()));
      }
    }
  }

  /**
   * Uploads a file to an upload server VK named (no token is sent there) and returns its JSON
   * object.
   */
  public Map<String, Object> upload(String method, HttpUrl uploadUrl, String field, String fileName,
      String mediaType, byte[] content) throws IOException {
    RequestBody file = RequestBody.create(content, MediaType.parse(mediaType));
    MultipartBody body = new MultipartBody.Builder()
        .setType(MultipartBody.FORM)
        .addFormDataPart(field, fileName, file)
        .build();
    Request request = new Request.Builder().url(uploadUrl).post(body).build();
    String text;
    int status;
    try (Response response = http.newCall(request).execute()) {
      status = response.code();
      text = response.body().string();
    }
    if (status < 200 || status > 299) {
      throw new VkMalformedResponseException(method, "upload server answered HTTP " + status, null);
    }
    Map<String, Object> result = Json.object(readTree(method, text));
    if (result == null) throw new VkMalformedResponseException(method, "upload answer is not a JSON object", null);
    Map<String, Object> error = Json.object(result, "error");
    if (error != null) throw VkErrors.from(method, error, secrets);
    return result;
  }

  private Request request(String method, Map<String, String> params, Token token) {
    FormBody.Builder form = new FormBody.Builder();
    params.forEach(form::add);
    form.add("v", VERSION);
    String[] answer = captchaAnswer.getAndSet(null);
    if (answer != null) {
      form.add("captcha_sid", answer[0]);
      form.add("captcha_key", answer[1]);
    }
    HttpUrl url = baseUrl.resolve(method);
    if (url == null) throw new IllegalArgumentException("bad method name: " + method);
    return new Request.Builder()
        .url(url)
        .header("Authorization", "Bearer " + token.secret())
        .post(form.build())
        .build();
  }

  private ApiResponse parse(String method, int status, String body) {
    String trimmed = body.stripLeading();
    if (trimmed.startsWith("<")) {
      throw new VkMalformedResponseException(method, "HTTP " + status + " with an HTML page instead of JSON", null);
    }
    if (status < 200 || status > 299) {
      throw new VkMalformedResponseException(method, "HTTP " + status + " instead of a VK API response", null);
    }
    Map<String, Object> root = Json.object(readTree(method, body));
    if (root == null) throw new VkMalformedResponseException(method, "the answer is not a JSON object", null);
    Map<String, Object> error = Json.object(root, "error");
    if (error != null) throw VkErrors.from(method, error, secrets);
    if (!root.containsKey("response")) {
      throw new VkMalformedResponseException(method, "the answer has neither \"response\" nor \"error\"", null);
    }
    return new ApiResponse(root.get("response"), Json.list(root, "execute_errors"));
  }

  private static @Nullable Object readTree(String method, String body) {
    if (body.isBlank()) throw new VkMalformedResponseException(method, "empty answer", null);
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(body));
      Object value = reader.readJsonValue();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new VkMalformedResponseException(method, "trailing data after the JSON value", null);
      }
      return value;
    } catch (JsonDataException | JsonEncodingException e) {
      throw new VkMalformedResponseException(method, "the answer is not valid JSON", null);
    } catch (IOException e) {
      throw new VkMalformedResponseException(method, "the answer is truncated JSON", null);
    }
  }

  private static long acquire(Token token) throws InterruptedIOException {
    try {
      return token.limiter().acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the rate limiter");
    }
  }

  private void pause(long nanos) throws InterruptedIOException {
    try {
      sleeper.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }

  @Override
  public String toString() {
    return "VkClient{" + baseUrl + "}";
  }
}
