package ru.gospubliki.examples.sandbox;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import ru.gospubliki.examples.sandbox.internal.Json;
import ru.gospubliki.examples.sandbox.internal.OkSignature;

/** Raw HTTP requests shaped like the adapters' ones. */
final class SandboxClient {
  static final OkHttpClient HTTP = new OkHttpClient();

  /** One HTTP answer: the parsed JSON body and the invocation-error header. */
  static final class Answer {
    final Object body;
    final String invocationError;

    Answer(Object body, String invocationError) {
      this.body = body;
      this.invocationError = invocationError;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map() {
      return (Map<String, Object>) body;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> response() {
      return (Map<String, Object>) map().get("response");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> error() {
      return (Map<String, Object>) map().get("error");
    }

    long errorCode() {
      return ((Number) error().get("error_code")).longValue();
    }
  }

  private final Sandbox sandbox;

  SandboxClient(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  /** VK call with the token in the Authorization header and v=5.199 unless given. */
  Answer vk(String method, String token, String... keyValues) throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("v", "5.199");
    for (int i = 0; i < keyValues.length; i += 2) params.put(keyValues[i], keyValues[i + 1]);
    params.values().removeIf(v -> v == null);
    FormBody.Builder form = new FormBody.Builder();
    params.forEach(form::add);
    Request.Builder request = new Request.Builder().url(sandbox.vkApiUrl() + method).post(form.build());
    if (token != null) request.header("Authorization", "Bearer " + token);
    return execute(request.build());
  }

  /** OK call signed the way OK documents (md5 of sorted params and the session secret) with the sandbox credentials. */
  Answer ok(String method, String... keyValues) throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("application_key", sandbox.okApplicationKey());
    params.put("method", method);
    params.put("format", "json");
    for (int i = 0; i < keyValues.length; i += 2) params.put(keyValues[i], keyValues[i + 1]);
    String secret = OkSignature.sessionSecret(sandbox.okAccessToken(), sandbox.okApplicationSecretKey());
    params.put("sig", OkSignature.sign(params, secret));
    params.put("access_token", sandbox.okAccessToken());
    return okRaw(params);
  }

  Answer okRaw(Map<String, String> params) throws IOException {
    FormBody.Builder form = new FormBody.Builder();
    params.forEach(form::add);
    return execute(new Request.Builder().url(sandbox.okApiUrl()).post(form.build()).build());
  }

  Answer upload(String url, String field, int parts) throws IOException {
    MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
    RequestBody jpeg = RequestBody.create(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3},
        MediaType.get("image/jpeg"));
    if (parts == 0) body.addFormDataPart("other", "x");
    for (int i = 1; i <= parts; i++) {
      body.addFormDataPart(parts == 1 && field.equals("photo") ? field : field + i, "p" + i + ".jpg", jpeg);
    }
    return execute(new Request.Builder().url(url).post(body.build()).build());
  }

  Answer execute(Request request) throws IOException {
    try (Response response = HTTP.newCall(request).execute()) {
      String header = response.header("invocation-error");
      return new Answer(Json.parse(response.body().string()), header == null ? "" : header);
    }
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return (List<Object>) value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
