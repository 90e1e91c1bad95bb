package ru.gospubliki.vk.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.http.Answer;
import ru.gospubliki.internal.http.Backoff;
import ru.gospubliki.internal.http.CallFailure;
import ru.gospubliki.internal.http.HttpTransport;
import ru.gospubliki.internal.http.PlatformJson;
import ru.gospubliki.internal.http.Secrets;
import ru.gospubliki.internal.http.Sleeper;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.vk.VkApiException;

/**
 * Calls VK API methods on the shared transport: form-encoded POST, the token in the {@code
 * Authorization} header only, VK's envelope ({@code response}, {@code error}, {@code
 * execute_errors}) read with the typed adapter the caller gives, bounded retries with backoff where
 * VK certainly did not act (errors 6 and, for reads, 1 and 10; network failures before sending;
 * for reads, any network failure), and every other outcome an exception naming the method.
 */
public final class VkClient {
  public static final String VERSION = "5.199";
  private static final Logger LOG = Logger.getLogger(VkClient.class.getName());
  private static final long TOO_MANY_REQUESTS_WAIT_NANOS = 1_000_000_000L;

  private final HttpTransport http;
  private final HttpUrl baseUrl;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private volatile Secrets secrets;
  private final Moshi moshi = PlatformJson.moshi();
  private final JsonAdapter<VkJson.Error> errorAdapter = moshi.adapter(VkJson.Error.class);
  private final JsonAdapter<List<VkJson.ExecuteError>> executeErrorsAdapter =
      moshi.adapter(Types.newParameterizedType(List.class, VkJson.ExecuteError.class));

  public VkClient(HttpTransport http, HttpUrl baseUrl, Backoff backoff, Sleeper sleeper, Secrets secrets) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.secrets = secrets;
  }

  /** Adds a key learnt after construction (a community's own key) to those cut out of messages. */
  public synchronized void addSecret(String secret) {
    secrets = secrets.plus(secret);
  }

  /** The typed adapter for {@code type}, with the platforms' quirks. */
  public <T> JsonAdapter<T> adapter(java.lang.reflect.Type type) {
    return moshi.adapter(type);
  }

  /**
   * A method's {@code response} and any {@code execute_errors}.
   *
   * @param response the typed response; null when VK answered {@code null}.
   */
  public record Reply<T>(@Nullable T response, List<VkJson.ExecuteError> executeErrors) {}

  /**
   * Calls {@code method} with {@code token} and reads its {@code response} with {@code adapter}.
   *
   * @param write true for a method that may create or change something: it is not repeated after
   *     a failure that VK may have acted on.
   * @throws CallFailure when VK could not be reached or no answer came (after retries).
   * @throws VkApiException for VK's errors and answers that are not VK API answers.
   */
  public <T> Reply<T> call(String method, Map<String, String> params, VkToken token, JsonAdapter<T> adapter,
      boolean write) throws CallFailure, InterruptedIOException {
    if (!token.kind().mayCall(method)) {
      // Never sent: VK would answer error 27 or 28. The plan should not have asked for it.
      throw new IllegalStateException(method + " cannot be called with a " + token.kind() + " token");
    }
    Request request = request(method, params, token);
    for (int attempt = 1; ; attempt++) {
      try {
        Answer answer = http.execute(request, method, write ? HttpTransport.Kind.WRITE : HttpTransport.Kind.READ,
            token.api());
        return parse(method, answer, adapter);
      } catch (CallFailure e) {
        boolean nothingSent = e.reason() == FailureReason.NETWORK;
        boolean repeatable = nothingSent || !write && e.reason() != FailureReason.API_ERROR;
        if (!repeatable || attempt >= backoff.maxAttempts()) throw e;
        LOG.log(Level.FINE, "VK {0}: {1}, retrying", new Object[] {method, e.reason()});
        Backoff.sleep(sleeper, backoff.delayNanos(attempt));
      } catch (VkApiException e) {
        boolean repeatable = e.code() == 6 || !write && (e.code() == 1 || e.code() == 10);
        if (!repeatable || attempt >= backoff.maxAttempts()) throw e;
        LOG.log(Level.FINE, "VK {0}: error {1}, retrying", new Object[] {method, e.code()});
        long delay = backoff.delayNanos(attempt);
        Backoff.sleep(sleeper, e.code() == 6 ? Math.max(delay, TOO_MANY_REQUESTS_WAIT_NANOS) : delay);
      }
    }
  }

  /**
   * Uploads a file to an upload server VK named (no token goes there) and reads its raw answer.
   *
   * @throws VkApiException when the server's answer is not the documented one.
   */
  public VkJson.Uploaded upload(String method, HttpUrl uploadUrl, String field, String fileName,
      String mediaType, byte[] content) throws CallFailure, InterruptedIOException {
    RequestBody file = RequestBody.create(content, MediaType.parse(mediaType));
    MultipartBody body = new MultipartBody.Builder()
        .setType(MultipartBody.FORM)
        .addFormDataPart(field, fileName, file)
        .build();
    Request request = new Request.Builder().url(uploadUrl).post(body).build();
    Answer answer = http.execute(request, method, HttpTransport.Kind.WRITE, null);
    if (!answer.successful() || answer.looksLikeHtml()) {
      throw VkErrors.malformed(method, "сервер загрузки ответил HTTP " + answer.code(), null);
    }
    try {
      VkJson.Uploaded uploaded = moshi.adapter(VkJson.Uploaded.class).fromJson(answer.body());
      if (uploaded == null) throw VkErrors.malformed(method, "сервер загрузки ответил null", null);
      return uploaded;
    } catch (JsonDataException e) {
      throw VkErrors.malformed(method, PlatformJson.describe(e), e);
    } catch (IOException e) {
      throw VkErrors.malformed(method, "ответ сервера загрузки — не JSON", e);
    }
  }

  private Request request(String method, Map<String, String> params, VkToken token) {
    FormBody.Builder form = new FormBody.Builder();
    params.forEach(form::add);
    form.add("v", VERSION);
    HttpUrl url = baseUrl.resolve(method);
    if (url == null) throw new IllegalArgumentException("bad method name: " + method);
    return new Request.Builder()
        .url(url)
        .header("Authorization", "Bearer " + token.api().secret())
        .post(form.build())
        .build();
  }

  private <T> Reply<T> parse(String method, Answer answer, JsonAdapter<T> adapter) {
    if (answer.looksLikeHtml()) {
      throw VkErrors.malformed(method, "VK ответил страницей HTML (HTTP " + answer.code() + ") вместо ответа API", null);
    }
    if (!answer.successful()) {
      throw VkErrors.malformed(method, "VK ответил HTTP " + answer.code() + " вместо ответа API", null);
    }
    if (answer.body().isBlank()) throw VkErrors.malformed(method, "пустой ответ", null);
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(answer.body()));
    try {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw VkErrors.malformed(method, "ответ — не объект JSON", null);
      }
      T response = null;
      boolean hasResponse = false;
      VkJson.Error error = null;
      List<VkJson.ExecuteError> executeErrors = List.of();
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.nextName()) {
          case "response" -> {
            response = adapter.fromJson(reader);
            hasResponse = true;
          }
          case "error" -> error = errorAdapter.fromJson(reader);
          case "execute_errors" -> {
            List<VkJson.ExecuteError> errors = executeErrorsAdapter.fromJson(reader);
            executeErrors = errors == null ? List.of() : errors;
          }
          default -> reader.skipValue();
        }
      }
      reader.endObject();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw VkErrors.malformed(method, "после ответа JSON идут лишние данные", null);
      }
      if (error != null) throw VkErrors.from(method, error, secrets);
      if (!hasResponse) throw VkErrors.malformed(method, "в ответе нет ни «response», ни «error»", null);
      return new Reply<>(response, executeErrors);
    } catch (JsonDataException e) {
      throw VkErrors.malformed(method, PlatformJson.describe(e), e);
    } catch (JsonEncodingException e) {
      throw VkErrors.malformed(method, "ответ — не JSON", e);
    } catch (EOFException e) {
      throw VkErrors.malformed(method, "ответ JSON оборван", e);
    } catch (IOException e) {
      throw VkErrors.malformed(method, "ответ не прочитан: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "VkClient";
  }
}
