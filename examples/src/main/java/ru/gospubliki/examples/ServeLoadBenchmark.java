package ru.gospubliki.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.h2.jdbcx.JdbcConnectionPool;
import ru.gospubliki.examples.sandbox.Sandbox;
import ru.gospubliki.examples.serve.Service;
import ru.gospubliki.ok.OkPlatform;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.registry.RegistryReader;
import ru.gospubliki.store.JdbcStore;
import ru.gospubliki.vk.VkPlatform;

/**
 * The load run of {@code gospubliki serve --sandbox}: N clients for S seconds against the service
 * as the command starts it (the embedded sandbox, its sample district audited, an H2 store with a
 * pool of 16 connections), over HTTP on 127.0.0.1. Each client mostly reads the latest report (as
 * a CMS widget or the dashboard does), posts a news item of its own every 20 s (one VK and one OK
 * page of the sample district) and resends some earlier item with the same idempotency key and
 * body, as a CMS does after a timeout; at the start every client posts one shared item at once.
 *
 * <pre>
 * java -cp examples/target/gospubliki.jar ru.gospubliki.examples.ServeLoadBenchmark [clients 50] [seconds 60]
 * </pre>
 *
 * <p>Prints the requests, errors (an answer other than 200, or a page not {@code PUBLISHED}),
 * posts made on the sandbox's pages against the items posted (duplicates), and the latency
 * percentiles of reading the latest report. Exits with 1 on any error or duplicate, or when that
 * p99 is 200 ms or more.
 */
public final class ServeLoadBenchmark {
  static final String KEY = "load-benchmark-key-0001";
  static final String VK_PAGE = "https://vk.com/school1_zarechny";
  static final long VK_GROUP = 218400103L;
  static final String OK_PAGE = "https://ok.ru/group/53350000000102";
  static final long OK_GROUP = 53350000000102L;
  static final Duration POST_EVERY = Duration.ofSeconds(20);
  static final long P99_LIMIT_MILLIS = 200;
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  /** What one run measured. */
  record Measurement(int clients, long millis, int requests, List<String> errors, int reads, long p50, long p95,
      long p99, long max, int items, int vkPosts, int okTopics, long postP99) {
    int duplicates() {
      return Math.max(0, vkPosts - items) + Math.max(0, okTopics - items);
    }

    int missing() {
      return Math.max(0, items - vkPosts) + Math.max(0, items - okTopics);
    }
  }

  private ServeLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    Measurement m = measure(clients, Duration.ofSeconds(seconds));
    print(m, System.out);
    boolean ok = m.errors().isEmpty() && m.duplicates() == 0 && m.missing() == 0 && m.p99() < P99_LIMIT_MILLIS;
    System.exit(ok ? 0 : 1);
  }

  static void print(Measurement m, PrintStream out) {
    out.printf("clients %d, %.1f s, requests %d (%.0f/s), errors %d%n", m.clients(), m.millis() / 1000.0,
        m.requests(), m.requests() * 1000.0 / m.millis(), m.errors().size());
    for (String error : m.errors().subList(0, Math.min(5, m.errors().size()))) out.println("  error: " + error);
    out.printf("latest report: %d reads, p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n", m.reads(), m.p50(), m.p95(),
        m.p99(), m.max());
    out.printf("posts: %d items, on VK %d posts, on OK %d topics: %d duplicates, %d missing; post p99 %d ms%n",
        m.items(), m.vkPosts(), m.okTopics(), m.duplicates(), m.missing(), m.postP99());
  }

  static Measurement measure(int clients, Duration duration) throws Exception {
    Path folder = Files.createTempDirectory("gospubliki-load");
    try (Sandbox sandbox = Sandbox.builder().build()) {
      JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + folder.resolve("gospubliki")
          + ";AUTO_SERVER=TRUE", "", "");
      pool.setMaxConnections(16);
      List<Platform> platforms = List.of(
          VkPlatform.builder().baseUrl(sandbox.vkApiUrl()).serviceToken(sandbox.vkServiceToken())
              .userToken(sandbox.vkUserToken()).build(),
          OkPlatform.builder().baseUrl(sandbox.okApiUrl()).applicationKey(sandbox.okApplicationKey())
              .applicationSecretKey(sandbox.okApplicationSecretKey()).accessTokens(List.of(sandbox.okAccessToken()))
              .requestsPerSecond(100).build());
      Service.Builder builder = Service.builder(JdbcStore.builder(pool).build()).apiKeys(KEY + "=*");
      platforms.forEach(builder::addPlatform);
      try (Service service = builder.build()) {
        service.auditNow(RegistryReader.read(new StringReader(sandbox.data().registryCsv())));
        service.start();
        int vkBefore = sandbox.vkPostCount(VK_GROUP);
        int okBefore = sandbox.okTopicCount(OK_GROUP);
        Measurement m = run(service.url(), clients, duration, sandbox, vkBefore, okBefore);
        for (Platform platform : platforms) platform.close();
        return m;
      } finally {
        pool.dispose();
      }
    } finally {
      try (var files = Files.walk(folder)) {
        files.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static Measurement run(String url, int clients, Duration duration, Sandbox sandbox, int vkBefore,
      int okBefore) throws Exception {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(clients * 2);
    dispatcher.setMaxRequestsPerHost(clients * 2);
    OkHttpClient http = new OkHttpClient.Builder().dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(clients, 1, TimeUnit.MINUTES)).callTimeout(Duration.ofMinutes(2))
        .readTimeout(Duration.ofMinutes(2)).build();
    List<String> errors = new CopyOnWriteArrayList<>();
    List<Long> reads = Collections.synchronizedList(new ArrayList<>());
    List<Long> posts = Collections.synchronizedList(new ArrayList<>());
    Map<String, String> published = new ConcurrentHashMap<>(); // key -> the answer's post ids
    List<String> keys = new CopyOnWriteArrayList<>();
    AtomicInteger requests = new AtomicInteger();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      running.add(pool.submit(() -> {
        Random random = new Random(client);
        post(http, url, "load-shared", errors, posts, published, keys, requests);
        long nextPost = start + (long) (random.nextDouble() * POST_EVERY.toNanos());
        int own = 0;
        while (System.nanoTime() < end) {
          if (System.nanoTime() >= nextPost) {
            post(http, url, "load-" + client + "-" + own++, errors, posts, published, keys, requests);
            nextPost += POST_EVERY.toNanos();
          } else if (random.nextInt(10) == 0 && !keys.isEmpty()) {
            post(http, url, keys.get(random.nextInt(keys.size())), errors, posts, published, keys, requests);
          } else {
            long t0 = System.nanoTime();
            try (Response response = http.newCall(new Request.Builder().url(url + "api/v1/reports/latest")
                .header("Authorization", "Bearer " + KEY).build()).execute()) {
              byte[] body = response.body().bytes();
              if (response.code() != 200 || body.length < 100) errors.add("report: " + response.code());
            } catch (IOException e) {
              errors.add("report: " + e);
            }
            reads.add((System.nanoTime() - t0) / 1_000_000);
            requests.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> client : running) client.get();
    pool.shutdown();
    long millis = (System.nanoTime() - start) / 1_000_000;
    List<Long> sorted = new ArrayList<>(reads);
    Collections.sort(sorted);
    List<Long> postTimes = new ArrayList<>(posts);
    Collections.sort(postTimes);
    return new Measurement(clients, millis, requests.get(), List.copyOf(errors), sorted.size(), percentile(sorted, 50),
        percentile(sorted, 95), percentile(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1),
        published.size(), sandbox.vkPostCount(VK_GROUP) - vkBefore, sandbox.okTopicCount(OK_GROUP) - okBefore,
        percentile(postTimes, 99));
  }

  /** Posts item {@code key} (its body follows from the key) and checks the answer is the one recorded for it. */
  private static void post(OkHttpClient http, String url, String key, List<String> errors, List<Long> times,
      Map<String, String> published, List<String> keys, AtomicInteger requests) {
    String body = "{\"text\": \"Новость нагрузочного прогона " + key + " #школа\", \"pages\": [\"" + VK_PAGE + "\", \""
        + OK_PAGE + "\"]}";
    long t0 = System.nanoTime();
    try (Response response = http.newCall(new Request.Builder().url(url + "api/v1/posts")
        .header("Authorization", "Bearer " + KEY).header("Idempotency-Key", key)
        .post(RequestBody.create(body, JSON)).build()).execute()) {
      String answer = response.body().string();
      if (response.code() != 200) {
        errors.add("post " + key + ": " + response.code() + " " + answer);
      } else if (answer.split("\"PUBLISHED\"", -1).length != 3) {
        errors.add("post " + key + ": " + answer);
      } else {
        String ids = answer.replaceAll(".*?\"postId\":\"([^\"]+)\"", "$1 ").replaceAll("\"url.*", "").strip();
        String first = published.putIfAbsent(key, answer.replaceAll("\"idempotencyKey\":\"[^\"]*\",", ""));
        if (first != null && !first.equals(answer.replaceAll("\"idempotencyKey\":\"[^\"]*\",", ""))) {
          errors.add("post " + key + ": another answer than the first (" + ids + ")");
        }
        if (first == null) keys.add(key);
      }
    } catch (IOException e) {
      errors.add("post " + key + ": " + e);
    }
    times.add((System.nanoTime() - t0) / 1_000_000);
    requests.incrementAndGet();
  }

  static long percentile(List<Long> sorted, int percent) {
    if (sorted.isEmpty()) return 0;
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
