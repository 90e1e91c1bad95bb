package ru.gospubliki.vk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.platform.PostQuery;

/** Faults and hostile answers, as VK and the network can give them: nothing hangs, nothing leaks. */
class VkFaultsTest {
  private final FakeVk vk = new FakeVk();
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = vk.serve();
    vk.groups.put(1L, "{\"id\":1,\"name\":\"Школа\",\"screen_name\":\"club1\"}");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private VkPlatform.Builder builder() {
    return VkPlatform.builder().baseUrl(server.url("/method/").toString()).sleeper(nanos -> {});
  }

  @Test
  @Timeout(30)
  void anAnswerTrickledByteByByteEndsAsATimeoutOfItsPages() {
    for (int i = 0; i < 3; i++) {
      vk.can("groups.getById", new MockResponse.Builder().body("{\"response\":{\"groups\":[]}}")
          .throttleBody(1, 5, TimeUnit.SECONDS).build());
    }
    try (VkPlatform platform = builder().serviceToken("service-token-faults").callTimeout(Duration.ofMillis(400))
        .build()) {
      FetchResult<ProfileSnapshot> result = platform.fetchProfiles(List.of(PageRef.parse("vk:1")))
          .get(PageRef.parse("vk:1"));

      assertThat(result).isInstanceOfSatisfying(FetchResult.Failure.class, failure -> {
        assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(failure.reportReason()).isEqualTo("timeout");
        assertThat(failure.detail()).contains("groups.getById", "не ответил");
      });
    }
  }

  @Test
  void anAnswerOverTheLimitIsAClearFailure() {
    vk.can("groups.getById", "{\"response\":{\"groups\":[{\"id\":1,\"name\":\"" + "я".repeat(40_000) + "\"}]}}");
    try (VkPlatform platform = builder().serviceToken("service-token-faults").maxBodyBytes(16 * 1024).maxAttempts(1)
        .build()) {
      FetchResult<ProfileSnapshot> result = platform.fetchProfiles(List.of(PageRef.parse("vk:1")))
          .get(PageRef.parse("vk:1"));

      assertThat(result).isInstanceOfSatisfying(FetchResult.Failure.class, failure -> {
        assertThat(failure.reason()).isEqualTo(FailureReason.API_ERROR);
        assertThat(failure.detail()).contains("больше 16384 байт", "groups.getById");
      });
    }
  }

  @Test
  void aRedirectIsNeverFollowedAndTheTokenStaysHome() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start(InetAddress.getByName("127.0.0.1"), 0);
      vk.can("wall.post", new MockResponse.Builder().code(307)
          .addHeader("Location", other.url("/method/wall.post").toString()).build());
      try (VkPlatform platform = builder().userToken("user-token-redirect").build()) {
        var result = platform.send(ru.gospubliki.platform.SendRequest.builder().page(PageRef.parse("vk:1"))
            .draft(ru.gospubliki.model.PostDraft.builder().text("Новость").idempotencyKey("k1").build()).build());

        assertThat(result).isInstanceOfSatisfying(ru.gospubliki.platform.SendResult.Ambiguous.class,
            ambiguous -> assertThat(ambiguous.detail()).contains("307"));
      }
      assertThat(other.getRequestCount()).isZero();
    }
  }

  @Test
  void anHtmlPageOrBrokenJsonIsAnApiErrorInRussian() {
    for (int i = 0; i < 3; i++) {
      vk.can("groups.getById", new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
          .body("<html><body>502 Bad Gateway</body></html>").build());
    }
    try (VkPlatform platform = builder().serviceToken("service-token-faults").build()) {
      FetchResult<ProfileSnapshot> result = platform.fetchProfiles(List.of(PageRef.parse("vk:1")))
          .get(PageRef.parse("vk:1"));

      assertThat(result).isInstanceOfSatisfying(FetchResult.Failure.class, failure -> {
        assertThat(failure.reason()).isEqualTo(FailureReason.API_ERROR);
        assertThat(failure.detail()).contains("groups.getById", "страницей HTML", "502").doesNotContain("instead");
      });
    }
  }

  @Test
  void aNetworkFailureSaysWhatFailedAndWhere() throws IOException {
    MockWebServer closed = new MockWebServer();
    closed.start(InetAddress.getByName("127.0.0.1"), 0);
    String url = closed.url("/method/").toString();
    String host = closed.url("/").host();
    closed.close();
    try (VkPlatform platform = VkPlatform.builder().baseUrl(url).serviceToken("service-token-faults")
        .sleeper(nanos -> {}).build()) {
      FetchResult<PostHistory> result = platform.fetchPosts(List.of(PageRef.parse("vk:1")),
          PostQuery.since(java.time.Instant.parse("2026-01-01T00:00:00Z"))).get(PageRef.parse("vk:1"));

      assertThat(result).isInstanceOfSatisfying(FetchResult.Failure.class, failure -> {
        assertThat(failure.reason()).isEqualTo(FailureReason.NETWORK);
        assertThat(failure.detail()).contains(host, "не принимает соединения", "wall.get")
            .doesNotContain("IOException", "service-token");
      });
    }
  }

  @Test
  void closeReleasesWhatThePlatformOwnsButNotTheEmbeddersClient() throws IOException {
    okhttp3.OkHttpClient embedders = new okhttp3.OkHttpClient();
    VkPlatform platform = builder().serviceToken("service-token-close").client(embedders).build();
    assertThat(platform.fetchProfiles(List.of(PageRef.parse("vk:1"))).get(PageRef.parse("vk:1")))
        .isInstanceOf(FetchResult.Success.class);

    platform.close();

    // The embedder's client still works; the platform reads nothing more.
    try (okhttp3.Response response = embedders.newCall(new okhttp3.Request.Builder()
        .url(server.url("/method/groups.getById")).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertThat(platform.fetchProfiles(List.of(PageRef.parse("vk:1"))).get(PageRef.parse("vk:1")))
        .isInstanceOf(FetchResult.Failure.class);
  }

  /**
   * Eight threads over two platform instances, all on one token, against a server that counts
   * the token's arrivals in every sliding second and refuses the one too many: no refusal.
   */
  @Test
  @Timeout(60)
  void eightThreadsOnTwoInstancesOfOneTokenDrawNoErrorSix() throws Exception {
    SlidingSecond limited = new SlidingSecond(vk, 10);
    server.setDispatcher(limited);
    String token = "shared-token-" + System.nanoTime(); // the process-wide budget, this test's alone
    VkPlatform one = VkPlatform.builder().baseUrl(server.url("/method/").toString()).serviceToken(token)
        .serviceRequestsPerSecond(10).build();
    VkPlatform two = VkPlatform.builder().baseUrl(server.url("/method/").toString()).serviceToken(token)
        .serviceRequestsPerSecond(10).build();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<FetchResult<ProfileSnapshot>>> reads = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        VkPlatform platform = i % 2 == 0 ? one : two;
        reads.add(threads.submit(() -> platform.fetchProfiles(List.of(PageRef.parse("vk:1"))).get(PageRef.parse("vk:1"))));
      }
      for (Future<FetchResult<ProfileSnapshot>> read : reads) assertThat(read.get()).isInstanceOf(FetchResult.Success.class);
    } finally {
      threads.shutdown();
      one.close();
      two.close();
    }
    assertThat(limited.arrivals.get()).isEqualTo(40);
    assertThat(limited.refused.get()).isZero();
  }

  /** Refuses (error 6) a token's request when more than {@code limit} arrived in the last second. */
  static class SlidingSecond extends Dispatcher {
    final Dispatcher delegate;
    final int limit;
    final AtomicInteger arrivals = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    private final Map<String, ArrayDeque<Long>> windows = new HashMap<>();

    SlidingSecond(Dispatcher delegate, int limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      arrivals.incrementAndGet();
      String token = FakeVk.token(request);
      synchronized (windows) {
        long now = System.nanoTime(); // taken under the lock, so the window stays in time order
        ArrayDeque<Long> window = windows.computeIfAbsent(token, k -> new ArrayDeque<>());
        while (!window.isEmpty() && window.peekFirst() <= now - 1_000_000_000L) window.pollFirst();
        if (window.size() >= limit) {
          refused.incrementAndGet();
          return FakeVk.json(FakeVk.error(6, "Too many requests per second"));
        }
        window.addLast(now);
      }
      return delegate.dispatch(request);
    }
  }
}
