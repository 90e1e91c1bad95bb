package ru.gospubliki.ok.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
import okio.BufferedSink;
import okio.Okio;
import okio.Source;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.http.Answer;
import ru.gospubliki.internal.http.Backoff;
import ru.gospubliki.internal.http.CallFailure;
import ru.gospubliki.internal.http.HttpTransport;
import ru.gospubliki.internal.http.PlatformJson;
import ru.gospubliki.internal.http.Secrets;
import ru.gospubliki.internal.http.Sleeper;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.ok.OkApiException;
import ru.gospubliki.platform.FailureReason;

/**
 * Calls OK API methods on the shared transport: a signed UTF-8 form POST to {@code fb.do} ({@code
 * application_key}, {@code method}, {@code format=json}, the method's parameters, {@code
 * access_token}, {@code sig}), OK's errors read from the body ({@code error_code}) or the {@code
 * invocation-error} header, answers read with the typed adapter the caller gives.
 *
 * <p>{@link #read} repeats a call that changes nothing, with backoff, while what went wrong may
 * pass (OK's service errors, flood control, a lost connection, a timeout), at most {@link
 * Backoff#maxAttempts()} times; {@link #once} sends a call exactly once.
 */
public final class OkClient {
  private static final Logger LOG = Logger.getLogger(OkClient.class.getName());
  private static final long FLOOD_WAIT_NANOS = 1_000_000_000L;

  private final HttpTransport http;
  private final HttpUrl endpoint;
  private final String applicationKey;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final Secrets secrets;

  public OkClient(HttpTransport http, HttpUrl endpoint, String applicationKey, Backoff backoff, Sleeper sleeper,
      Secrets secrets) {
    this.http = http;
    this.endpoint = endpoint;
    this.applicationKey = applicationKey;
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.secrets = secrets;
  }

  /**
   * Calls a method that changes nothing (or whose repetition changes nothing more), repeating it
   * with backoff after failures that may pass, and reads its answer with {@code adapter}.
   *
   * @throws OkApiException for OK's errors (after the retries) and answers that are not answers.
   * @throws CallFailure when OK could not be reached or gave no answer (after the retries).
   * @throws InterruptedIOException when the thread was interrupted.
   */
  public <T> T read(OkToken token, String method, Map<String, String> params, JsonAdapter<T> adapter)
      throws CallFailure, InterruptedIOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return parse(method, call(token, method, params, HttpTransport.Kind.READ), adapter);
      } catch (CallFailure e) {
        if (attempt >= backoff.maxAttempts()) throw e;
        LOG.log(Level.FINE, "OK {0}: {1}, retrying", new Object[] {method, e.reason()});
        Backoff.sleep(sleeper, backoff.delayNanos(attempt));
      } catch (OkApiException e) {
        boolean passing = e.reason() == FailureReason.API_ERROR || e.code() == OkErrors.FLOOD_BLOCKED;
        if (!passing || attempt >= backoff.maxAttempts()) throw e;
        LOG.log(Level.FINE, "OK {0}: error {1}, retrying", new Object[] {method, e.code()});
        long delay = backoff.delayNanos(attempt);
        Backoff.sleep(sleeper, e.code() == OkErrors.FLOOD_BLOCKED ? Math.max(delay, FLOOD_WAIT_NANOS) : delay);
      }
    }
  }

  /**
   * Calls a method that may create something, exactly once (neither this client nor OkHttp repeats
   * it), and returns OK's answer body.
   *
   * @throws OkApiException for OK's errors and answers that are not answers.
   * @throws CallFailure when OK could not be reached or gave no answer.
   */
  public String once(OkToken token, String method, Map<String, String> params)
      throws CallFailure, InterruptedIOException {
    return call(token, method, params, HttpTransport.Kind.WRITE);
  }

  /**
   * Uploads {@code photos} as multipart fields {@code pic1..N} to an upload URL from {@code
   * photosV2.getUploadUrl}, streaming each from its file (a photo is never held in memory whole).
   * The URL carries its own signature: no token goes there. Sent once.
   */
  public OkAnswers.Uploaded upload(HttpUrl uploadUrl, List<DraftPhoto> photos)
      throws CallFailure, InterruptedIOException {
    String method = "загрузка фото";
    MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
    for (int i = 0; i < photos.size(); i++) {
      DraftPhoto photo = photos.get(i);
      body.addFormDataPart("pic" + (i + 1), photo.fileName(), new PhotoBody(photo));
    }
    Request request = new Request.Builder().url(uploadUrl).post(body.build()).build();
    Answer answer = http.execute(request, method, HttpTransport.Kind.WRITE, null);
    return parse(method, checked(method, answer), OkAnswers.UPLOADED);
  }

  /** A photo's content, read from its source while it is sent. */
  private static final class PhotoBody extends RequestBody {
    private final DraftPhoto photo;

    PhotoBody(DraftPhoto photo) {
      this.photo = photo;
    }

    @Override
    public @Nullable MediaType contentType() {
      return MediaType.parse(photo.mediaType());
    }

    @Override
    public long contentLength() {
      return photo.size();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      try (InputStream in = photo.open(); Source source = Okio.source(in)) {
        sink.writeAll(source);
      }
    }
  }

  /** Reads {@code body} (an answer to {@code method}) with {@code adapter}. */
  public <T> T parse(String method, String body, JsonAdapter<T> adapter) {
    JsonReader reader = JsonReader.of(new Buffer().writeString(body, StandardCharsets.UTF_8));
    try {
      T value = adapter.fromJson(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw OkErrors.malformed(method, "после ответа JSON идут лишние данные", null);
      }
      if (value == null) throw OkErrors.malformed(method, "ответ — null", null);
      return value;
    } catch (JsonDataException e) {
      throw OkErrors.malformed(method, PlatformJson.describe(e), e);
    } catch (JsonEncodingException e) {
      throw OkErrors.malformed(method, "ответ — не JSON", e);
    } catch (EOFException e) {
      throw OkErrors.malformed(method, body.isBlank() ? "пустой ответ" : "ответ JSON оборван", e);
    } catch (IOException e) {
      throw OkErrors.malformed(method, "ответ не прочитан", e);
    }
  }

  private String call(OkToken token, String method, Map<String, String> params, HttpTransport.Kind kind)
      throws CallFailure, InterruptedIOException {
    Map<String, String> signed = new LinkedHashMap<>();
    signed.put("application_key", applicationKey);
    signed.put("format", "json");
    signed.put("method", method);
    signed.putAll(params);
    FormBody.Builder form = new FormBody.Builder(StandardCharsets.UTF_8);
    signed.forEach(form::add);
    form.add("access_token", token.api().secret());
    form.add("sig", token.signer().sign(signed));
    Request request = new Request.Builder().url(endpoint).post(form.build()).build();
    Answer answer = http.execute(request, method, kind, token.api());
    return checked(method, answer);
  }

  /** The body of {@code answer}, or the error it carries. */
  private String checked(String method, Answer answer) {
    String body = answer.body();
    ErrorSeen error = error(method, body);
    if (error != null) throw OkErrors.of(method, error.code, error.message, secrets);
    String header = answer.header("invocation-error");
    if (header != null) {
      Integer code = number(header);
      if (code == null) throw OkErrors.malformed(method, "заголовок invocation-error без числового кода", null);
      throw OkErrors.of(method, code, null, secrets);
    }
    if (answer.looksLikeHtml()) {
      throw OkErrors.malformed(method, "страница HTML (HTTP " + answer.code() + ") вместо ответа API", null);
    }
    if (!answer.successful()) throw OkErrors.malformed(method, "HTTP " + answer.code() + " вместо ответа API", null);
    if (body.isBlank()) throw OkErrors.malformed(method, "пустой ответ", null);
    return body;
  }

  private record ErrorSeen(int code, @Nullable String message) {}

  /** OK's error in {@code body} ({@code error_code}, {@code error_msg}). */
  private @Nullable ErrorSeen error(String method, String body) {
    if (!body.contains("\"error_code\"")) return null;
    String start = body.stripLeading();
    if (!start.startsWith("{")) return null;
    OkAnswers.ErrorBody error;
    try {
      error = OkAnswers.ERROR.fromJson(body);
    } catch (JsonDataException e) {
      throw OkErrors.malformed(method, "ошибка без числового кода (" + PlatformJson.describe(e) + ")", e);
    } catch (IOException e) {
      return null; // Not JSON: the method's own reading says what is wrong with it.
    }
    if (error == null || error.errorCode() == null) return null;
    return new ErrorSeen(error.errorCode(), error.errorMsg());
  }

  private static @Nullable Integer number(String text) {
    String value = text.strip();
    if (value.isEmpty() || value.length() > 9) return null;
    for (int i = 0; i < value.length(); i++) if (value.charAt(i) < '0' || value.charAt(i) > '9') return null;
    return Integer.parseInt(value);
  }

  @Override
  public String toString() {
    return "OkClient";
  }
}
