package ru.gospubliki.examples.serve;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.examples.sandbox.Sandbox;
import ru.gospubliki.max.MaxPlatform;
import ru.gospubliki.ok.OkPlatform;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.registry.RegistryReader;
import ru.gospubliki.store.JdbcStore;
import ru.gospubliki.store.Store;
import ru.gospubliki.vk.VkPlatform;

/**
 * A service over the embedded sandbox with its sample district audited, on an H2 store, as
 * {@code gospubliki serve --sandbox} runs it, and an HTTP client for it.
 */
final class Served implements AutoCloseable {
  static final String ALL = "all-districts-key-0001";
  static final String ZARECHNY = "zarechny-district-key-01";
  static final String OZERSKY = "ozersky-district-key-001";
  static final String KEYS = ALL + "=*; " + ZARECHNY + "=заречный район;" + OZERSKY + "=Озёрский район";
  static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  static final MediaType CSV = MediaType.get("text/csv; charset=utf-8");
  static final OkHttpClient HTTP = new OkHttpClient.Builder().followRedirects(false)
      .callTimeout(java.time.Duration.ofSeconds(60)).readTimeout(java.time.Duration.ofSeconds(60)).build();
  static final Moshi MOSHI = new Moshi.Builder().build();

  final Sandbox sandbox;
  final JdbcConnectionPool pool;
  final List<Platform> platforms;
  final Service service;

  Served(long maxBodyBytes, @Nullable String maxWebhookSecret) throws IOException {
    this(maxBodyBytes, maxWebhookSecret, store -> store);
  }

  /** As above, on the store {@code wrap} makes of the H2 one (a store that fails on demand, say). */
  Served(long maxBodyBytes, @Nullable String maxWebhookSecret, UnaryOperator<Store> wrap) throws IOException {
    sandbox = Sandbox.builder().build();
    pool = JdbcConnectionPool.create("jdbc:h2:mem:served" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "", "");
    platforms = List.of(
        VkPlatform.builder().baseUrl(sandbox.vkApiUrl()).serviceToken(sandbox.vkServiceToken())
            .userToken(sandbox.vkUserToken()).build(),
        OkPlatform.builder().baseUrl(sandbox.okApiUrl()).applicationKey(sandbox.okApplicationKey())
            .applicationSecretKey(sandbox.okApplicationSecretKey()).accessTokens(List.of(sandbox.okAccessToken()))
            .requestsPerSecond(100).build(),
        MaxPlatform.builder().baseUrl(sandbox.maxApiUrl()).botTokens(List.of(sandbox.maxBotToken())).build());
    Service.Builder builder = Service.builder(wrap.apply(JdbcStore.builder(pool).build())).apiKeys(KEYS)
        .maxBodyBytes(maxBodyBytes).clock(Clock.systemUTC());
    if (maxWebhookSecret != null) builder.maxWebhookSecret(maxWebhookSecret);
    platforms.forEach(builder::addPlatform);
    service = builder.build();
    service.auditNow(RegistryReader.read(new StringReader(sandbox.data().registryCsv())));
    service.start();
  }

  /** One answer: status, headers, body text. */
  record Answer(int status, String body, okhttp3.Headers headers) {
    @SuppressWarnings("unchecked")
    Map<String, Object> json() throws IOException {
      return (Map<String, Object>) MOSHI.adapter(Object.class).fromJson(body);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> results() throws IOException {
      return (List<Map<String, Object>>) json().get("results");
    }

    String error() throws IOException {
      return (String) json().get("error");
    }
  }

  Answer get(String path, @Nullable String key) throws IOException {
    Request.Builder request = new Request.Builder().url(service.url() + path.substring(1));
    if (key != null) request.header("Authorization", "Bearer " + key);
    return call(request.build());
  }

  Answer post(String path, @Nullable String key, @Nullable String idempotencyKey, RequestBody body) throws IOException {
    Request.Builder request = new Request.Builder().url(service.url() + path.substring(1)).post(body);
    if (key != null) request.header("Authorization", "Bearer " + key);
    if (idempotencyKey != null) request.header("Idempotency-Key", idempotencyKey);
    return call(request.build());
  }

  Answer postJson(String path, @Nullable String key, @Nullable String idempotencyKey, String json) throws IOException {
    return post(path, key, idempotencyKey, RequestBody.create(json, JSON));
  }

  static Answer call(Request request) throws IOException {
    try (Response response = HTTP.newCall(request).execute()) {
      return new Answer(response.code(), response.body().string(), response.headers());
    }
  }

  @Override
  public void close() throws Exception {
    service.close();
    for (Platform platform : platforms) platform.close();
    pool.dispose();
    sandbox.close();
  }
}
