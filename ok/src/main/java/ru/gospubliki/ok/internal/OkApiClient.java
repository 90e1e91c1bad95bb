package ru.gospubliki.ok.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.ok.OkApiException;
import ru.gospubliki.ok.OkMalformedResponseException;
import ru.gospubliki.ok.OkServiceException;

/**
 * Calls OK API methods: signs each call, sends it as a UTF-8 form POST, turns error bodies and the
 * {@code invocation-error} header into typed exceptions, spaces calls with the rate limiter and retries
 * service errors and network failures with exponential backoff, for idempotent calls only.
 */
public final class OkApiClient {
  private final OkHttpClient http;
  private final OkHttpClient noRetryHttp;
  private final HttpUrl endpoint;
  private final String applicationKey;
  private final String accessToken;
  private final OkSigner signer;
  private final RateLimiter limiter;
  private final Sleeper sleeper;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final List<String> secrets;

  public OkApiClient(OkHttpClient http, HttpUrl endpoint, String applicationKey, String accessToken,
      OkSigner signer, RateLimiter limiter, Sleeper sleeper, int maxAttempts, Duration initialBackoff,
      List<String> secrets) {
    this.http = http;
    // A POST that may create something must never be re-sent by OkHttp on its own.
    this.noRetryHttp = http.newBuilder().retryOnConnectionFailure(false).build();
    this.endpoint = endpoint;
    this.applicationKey = applicationKey;
    this.accessToken = accessToken;
    this.signer = signer;
    this.limiter = limiter;
    this.sleeper = sleeper;
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.secrets = List.copyOf(secrets);
  }

  /** An HTTP status other than 2xx with no OK error in it. */
  public static final class HttpStatusException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int code;

    HttpStatusException(String method, int code) {
      super("OK API " + method + " answered HTTP " + code);
      this.code = code;
    }

    public int code() {
      return code;
    }

    boolean retryable() {
      return code >= 500 || code == 429 || code == 408;
    }
  }

  /**
   * Calls a reading (idempotent) method, retrying service errors and network failures with backoff.
   *
   * @throws OkApiException for OK's errors and unreadable bodies.
   * @throws IOException when OK could not be reached after the retries.
   */
  public @Nullable Object call(String method, Map<String, String> params) throws IOException {
    return withRetries(method, () -> execute(http, method, params));
  }

  /**
   * Calls a method that changes something, exactly once: no retry here or in OkHttp. A failure after
   * the request was sent leaves the outcome unknown to the caller.
   */
  public @Nullable Object callOnce(String method, Map<String, String> params) throws IOException {
    return execute(noRetryHttp, method, params);
  }

  /** Uploads photos as multipart fields {@code pic1..N} to an upload URL from {@code photosV2.getUploadUrl}. */
  public @Nullable Object upload(HttpUrl uploadUrl, List<DraftPhoto> photos, List<byte[]> contents)
      throws IOException {
    MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
    for (int i = 0; i < photos.size(); i++) {
      DraftPhoto photo = photos.get(i);
      body.addFormDataPart("pic" + (i + 1), photo.fileName(),
          RequestBody.create(contents.get(i), MediaType.parse(photo.mediaType())));
    }
    Request request = new Request.Builder().url(uploadUrl).post(body.build()).build();
    return withRetries("photo upload", () -> send(http, request, "photo upload"));
  }

  private interface Attempt {
    @Nullable Object run() throws IOException;
  }

  private @Nullable Object withRetries(String method, Attempt attempt) throws IOException {
    Duration backoff = initialBackoff;
    for (int i = 1; ; i++) {
      try {
        return attempt.run();
      } catch (OkServiceException | HttpStatusException e) {
        boolean retryable = !(e instanceof HttpStatusException) || ((HttpStatusException) e).retryable();
        if (!retryable || i >= maxAttempts) throw e;
      } catch (IOException e) {
        if (e instanceof InterruptedIOException && !(e instanceof java.net.SocketTimeoutException)) throw e;
        if (i >= maxAttempts) throw e;
      }
      sleep(backoff);
      backoff = backoff.multipliedBy(2);
    }
  }

  private @Nullable Object execute(OkHttpClient client, String method, Map<String, String> params)
      throws IOException {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("application_key", applicationKey);
    all.put("format", "json");
    all.put("method", method);
    all.putAll(params);
    String sig = signer.sign(all);
    FormBody.Builder form = new FormBody.Builder(java.nio.charset.StandardCharsets.UTF_8);
    all.forEach(form::add);
    form.add("access_token", accessToken);
    form.add("sig", sig);
    Request request = new Request.Builder().url(endpoint).post(form.build()).build();
    long ticket;
    try {
      ticket = limiter.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while rate limiting " + method);
    }
    try {
      return send(client, request, method);
    } finally {
      limiter.finished(ticket);
    }
  }

  private @Nullable Object send(OkHttpClient client, Request request, String method) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      String body = response.body().string();
      String headerCode = response.header("invocation-error");
      Object tree;
      try {
        tree = body.isBlank() ? null : OkJson.parse(body);
      } catch (OkJson.MalformedJsonException e) {
        if (headerCode != null) throw error(method, headerCode, null);
        if (!response.isSuccessful()) throw new HttpStatusException(method, response.code());
        throw new OkMalformedResponseException(method, String.valueOf(e.getMessage()));
      }
      Map<String, @Nullable Object> object = OkJson.asMap(tree);
      if (object != null && object.containsKey("error_code")) {
        throw error(method, OkJson.string(object, "error_code"), OkJson.string(object, "error_msg"));
      }
      if (headerCode != null) {
        throw error(method, headerCode, object == null ? null : OkJson.string(object, "error_msg"));
      }
      if (!response.isSuccessful()) throw new HttpStatusException(method, response.code());
      if (tree == null) throw new OkMalformedResponseException(method, "empty body");
      return tree;
    }
  }

  private OkApiException error(String method, @Nullable String code, @Nullable String message) {
    Long parsed = OkJson.longValue(code);
    if (parsed == null) {
      return new OkMalformedResponseException(method, "error without a numeric error_code");
    }
    return OkErrors.toException(method, parsed.intValue(), message == null ? "" : message, secrets);
  }

  private void sleep(Duration duration) throws InterruptedIOException {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted during backoff");
    }
  }

  @Override
  public String toString() {
    return "OkApiClient{endpoint=" + endpoint + ", applicationKey=" + applicationKey + "}";
  }
}
