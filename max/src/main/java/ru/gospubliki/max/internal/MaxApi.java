package ru.gospubliki.max.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.http.Answer;
import ru.gospubliki.internal.http.ApiToken;
import ru.gospubliki.internal.http.Backoff;
import ru.gospubliki.internal.http.CallFailure;
import ru.gospubliki.internal.http.HttpTransport;
import ru.gospubliki.internal.http.PlatformJson;
import ru.gospubliki.internal.http.Secrets;
import ru.gospubliki.internal.http.Sleeper;
import ru.gospubliki.platform.FailureReason;

/**
 * Makes MAX Bot API calls over the shared transport: the bot's key in the {@code Authorization}
 * header as it is (MAX takes no {@code Bearer} prefix and no longer accepts the key in the URL, so
 * the key never appears in a URL), the answer read into a typed record, MAX's errors ({@code
 * {"code":"...","message":"..."}}) mapped to a {@link FailureReason}, and the call repeated only
 * where that cannot duplicate anything.
 */
public final class MaxApi {
  static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  /**
   * The waits before repeating a message MAX refused with {@code attachment.not.ready} (the file
   * is still being processed): 1, 2 and 4 seconds, as MAX's own TypeScript and Go SDKs wait.
   */
  static final List<Duration> NOT_READY_WAITS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  private static final int MAX_SHOWN = 200;

  /** What a call may be repeated after. */
  public enum Retry {
    /** Reads: any failure that may pass (network, timeout, server error, 429, a broken answer). */
    READ,
    /**
     * Writes that give the same result when repeated (an edit with the same content, a delete, an
     * upload slot): like reads, over a connection that OkHttp never repeats by itself.
     */
    IDEMPOTENT,
    /**
     * Sending a message: only what certainly did not reach MAX (could not connect), was refused
     * before acting (429) or waits for an upload ({@code attachment.not.ready}); a timeout or a
     * server error may have made the message, so it is never repeated here.
     */
    SEND
  }

  /** What a call is about, for the meaning of 403 and 404. */
  public enum Scope {
    /** The bot itself ({@code /me}, {@code /updates}, {@code /uploads}). */
    BOT,
    /** A chat or its messages: 403 means the bot is not an administrator there. */
    CHAT,
    /** One message: 404 means the message is not there. */
    MESSAGE
  }

  private final HttpTransport http;
  private final HttpUrl base;
  private final Secrets secrets;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final Clock clock;

  public MaxApi(HttpTransport http, HttpUrl base, Secrets secrets, Backoff backoff, Sleeper sleeper, Clock clock) {
    this.http = http;
    this.base = base;
    this.secrets = secrets;
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /** A URL under the API base: {@code segments} appended, e.g. {@code "chats", "-7012"}. */
  public HttpUrl.Builder url(String... segments) {
    HttpUrl.Builder url = base.newBuilder();
    for (String segment : segments) url.addPathSegment(segment);
    return url;
  }

  /**
   * Calls {@code method} ({@code "GET /chats/{chatId}"}, for messages) with {@code token} and
   * reads the answer as {@code type}.
   *
   * @param body the JSON body, or null for a body-less call.
   * @throws MaxFailure when no usable answer came after the repeats {@code retry} allows.
   * @throws InterruptedIOException when the thread was interrupted.
   */
  public <T> T call(ApiToken token, String httpMethod, HttpUrl url, @Nullable String body, String method,
      Retry retry, Scope scope, Class<T> type) throws MaxFailure, InterruptedIOException {
    if (!token.budget().available(clock.instant())) {
      throw new MaxFailure(FailureReason.AUTHORIZATION, "MAX: ключ бота (" + token.role() + ") отложен: "
          + token.budget().asideBecause(), 0, null, null);
    }
    Request.Builder request = new Request.Builder().url(url).header("Authorization", token.secret());
    if (body != null) {
      request.method(httpMethod, RequestBody.create(body, JSON));
    } else if (httpMethod.equals("POST") || httpMethod.equals("PUT")) {
      request.method(httpMethod, RequestBody.create("", null));
    } else {
      request.method(httpMethod, null);
    }
    Request built = request.build();
    HttpTransport.Kind kind = httpMethod.equals("GET") ? HttpTransport.Kind.READ : HttpTransport.Kind.WRITE;
    return exchange(built, method, kind, token, retry, scope, type);
  }

  /** A call to the upload host: no key (the upload URL carries its own signature), any answer JSON. */
  public <T> T upload(Request request, String method, Class<T> type) throws MaxFailure, InterruptedIOException {
    // An upload makes no post: repeating one that may have arrived costs only an unused file.
    return exchange(request, method, HttpTransport.Kind.WRITE, null, Retry.IDEMPOTENT, Scope.BOT, type);
  }

  /** Sends {@code request} until it is answered, or fails in a way {@code retry} does not repeat. */
  private <T> T exchange(Request request, String method, HttpTransport.Kind kind, @Nullable ApiToken token,
      Retry retry, Scope scope, Class<T> type) throws MaxFailure, InterruptedIOException {
    int attempt = 0;
    int notReady = 0;
    while (true) {
      attempt++;
      MaxFailure failure;
      try {
        Answer answer = execute(request, method, kind, token);
        if (answer.successful() && !answer.looksLikeHtml()) return parse(answer, method, type);
        failure = classify(answer, method, scope, token);
      } catch (CallFailure e) {
        failure = new MaxFailure(e.reason(), secrets.scrub(String.valueOf(e.getMessage())), 0, null, e);
      } catch (InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        failure = new MaxFailure(FailureReason.CONNECTION_LOST, "MAX: " + method + ": "
            + secrets.scrub(String.valueOf(e.getMessage())), 0, null, null);
      }
      if (failure.attachmentNotReady() && retry == Retry.SEND && notReady < NOT_READY_WAITS.size()) {
        Backoff.sleep(sleeper, NOT_READY_WAITS.get(notReady++).toNanos());
        attempt--; // Waiting for an upload is not a failed attempt.
        continue;
      }
      if (!repeatable(failure, retry) || attempt >= backoff.maxAttempts()) throw failure;
      Backoff.sleep(sleeper, backoff.delayNanos(attempt));
    }
  }

  /** The transport's call, with every failure an {@link IOException} the callers sort out. */
  private Answer execute(Request request, String method, HttpTransport.Kind kind, @Nullable ApiToken token)
      throws IOException {
    return http.execute(request, method, kind, token);
  }

  private static boolean repeatable(MaxFailure failure, Retry retry) {
    return switch (failure.reason()) {
      case RATE_LIMITED, NETWORK -> true;
      case API_ERROR, TIMEOUT, CONNECTION_LOST -> retry != Retry.SEND;
      default -> false;
    };
  }

  private <T> T parse(Answer answer, String method, Class<T> type) throws MaxFailure {
    try {
      T value = MaxJson.read(type, answer.body());
      if (value == null) throw new JsonDataException("Expected an object but was null at path $");
      return value;
    } catch (JsonDataException e) {
      throw new MaxFailure(FailureReason.API_ERROR, "MAX: ответ на " + method + " не разобран: "
          + secrets.scrub(PlatformJson.describe(e)), answer.code(), null, e);
    } catch (JsonEncodingException e) {
      throw new MaxFailure(FailureReason.API_ERROR, "MAX: ответ на " + method + " — не JSON", answer.code(), null, e);
    } catch (IOException e) {
      throw new MaxFailure(FailureReason.API_ERROR, "MAX: ответ на " + method + " оборван или не JSON",
          answer.code(), null, e);
    }
  }

  /** What an answer that is not a success means; sets a refused key aside for good. */
  private MaxFailure classify(Answer answer, String method, Scope scope, @Nullable ApiToken token) {
    int code = answer.code();
    if (answer.looksLikeHtml()) {
      return new MaxFailure(FailureReason.API_ERROR, "MAX вернул страницу HTML вместо ответа API на " + method
          + " (HTTP " + code + ")", code, null, null);
    }
    MaxJson.ApiError error = null;
    try {
      error = MaxJson.read(MaxJson.ApiError.class, answer.body());
    } catch (IOException | RuntimeException e) {
      // Not MAX's error object: described by the status alone.
    }
    String apiCode = error == null ? null : error.code();
    String said = said(error, code);
    if (code == 401) {
      String message = "MAX не принял ключ бота" + (token == null ? "" : " (" + token.role() + ")") + " на " + method
          + ": " + said + ". Выпустите новый ключ на business.max.ru (Чат-боты → Настройки) и задайте его";
      if (token != null) token.budget().setAside(Instant.MAX, "MAX не принял ключ (" + said + ")");
      return new MaxFailure(FailureReason.AUTHORIZATION, message, code, apiCode, null);
    }
    if (code == 403 && scope != Scope.BOT) {
      return new MaxFailure(FailureReason.BOT_NOT_ADMIN, "бот не администратор канала (MAX на " + method + ": " + said
          + "): добавьте бота администратором канала с правами на чтение и публикацию сообщений", code, apiCode, null);
    }
    if (code == 403) {
      return new MaxFailure(FailureReason.ACCESS_DENIED, "MAX отказал в доступе на " + method + ": " + said, code,
          apiCode, null);
    }
    if (code == 404) {
      String what = scope == Scope.MESSAGE ? "сообщение не найдено" : scope == Scope.CHAT ? "канал не найден"
          : "метод не найден";
      return new MaxFailure(FailureReason.NOT_FOUND, "MAX: " + what + " (" + method + ": " + said + ")", code, apiCode,
          null);
    }
    if (code == 429) {
      return new MaxFailure(FailureReason.RATE_LIMITED, "MAX ограничил частоту запросов на " + method + ": " + said,
          code, apiCode, null);
    }
    if (code >= 500) {
      return new MaxFailure(FailureReason.API_ERROR, "MAX ответил ошибкой сервера на " + method + " (" + said + ")",
          code, apiCode, null);
    }
    if (code >= 200 && code < 300) {
      return new MaxFailure(FailureReason.API_ERROR, "MAX: непонятный ответ на " + method, code, apiCode, null);
    }
    if ("attachment.not.ready".equals(apiCode)) {
      return new MaxFailure(FailureReason.REFUSED, "MAX ещё обрабатывает загруженное фото (" + said
          + "); отправьте запись немного позже", code, apiCode, null);
    }
    return new MaxFailure(FailureReason.REFUSED, "MAX отклонил " + method + ": " + said, code, apiCode, null);
  }

  /**
   * The status and MAX's own words, scrubbed and cut, quoted as MAX said them (often in English)
   * after the Russian a caller writes: {@code HTTP 400, ответ MAX: «code: message»}. They are the
   * platform's word, which MAX's support and the integrator search for.
   */
  private String said(MaxJson.@Nullable ApiError error, int code) {
    if (error == null) return "HTTP " + code;
    StringBuilder text = new StringBuilder();
    if (error.code() != null && !error.code().isBlank()) text.append(error.code().strip());
    String message = error.message() != null && !error.message().isBlank() ? error.message() : error.error();
    if (message != null && !message.isBlank()) {
      if (text.length() > 0) text.append(": ");
      text.append(message.strip());
    }
    if (text.length() == 0) return "HTTP " + code;
    String scrubbed = secrets.scrub(text.toString().replace('\n', ' ').replace('\r', ' '));
    return "HTTP " + code + ", ответ MAX: «" + (scrubbed.length() > MAX_SHOWN ? scrubbed.substring(0, MAX_SHOWN) + "…"
        : scrubbed) + "»";
  }
}
