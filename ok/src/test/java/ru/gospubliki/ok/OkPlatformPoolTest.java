package ru.gospubliki.ok;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
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
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.platform.PostQuery;
import ru.gospubliki.testing.MutableClock;

/** Token pools, the process-wide limiter per token, and calls in flight. */
final class OkPlatformPoolTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OkPlatform.Builder platform() {
    return OkPlatform.builder()
        .applicationKey("APPKEY")
        .applicationSecretKey("SECRETKEY")
        .baseUrl(server.url("/fb.do").toString());
  }

  /**
   * Two platform instances and eight threads sharing one token stay under its rate, as OK
   * counts it (arrivals per token in any second, error 8 beyond). No wall-clock assertion: the
   * server's refusals are what must be zero. The server allows a little more than the platforms'
   * rate, as slack for the time a busy machine takes to hand a request to it: two platforms with a
   * limiter each would send twice the rate and be refused.
   */
  @Test
  void eightThreadsAndTwoPlatformsOnOneTokenDrawNoFloodError() throws Exception {
    int rps = 20;
    SlidingSecond counter = new SlidingSecond(rps + 6);
    server.setDispatcher(counter);
    String token = "shared-" + UUID.randomUUID(); // the process-wide registry, as in production
    try (OkPlatform first = platform().accessToken(token).requestsPerSecond(rps).build();
        OkPlatform second = platform().accessToken(" " + token + " ").requestsPerSecond(rps).build()) {
      ExecutorService threads = Executors.newFixedThreadPool(8);
      AtomicInteger left = new AtomicInteger(60);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        OkPlatform platform = t % 2 == 0 ? first : second;
        done.add(threads.submit(() -> {
          while (left.getAndDecrement() > 0) {
            PageRef page = PageRef.parse("ok:" + (100 + left.get()));
            FetchResult<ProfileSnapshot> read = platform.fetchProfiles(List.of(page)).get(page);
            assertThat(read).isInstanceOf(FetchResult.Success.class);
          }
          return null;
        }));
      }
      for (Future<?> future : done) future.get(60, TimeUnit.SECONDS);
      threads.shutdown();
    }
    assertThat(counter.arrivals.get()).isEqualTo(60);
    assertThat(counter.refused.get()).isZero();
  }

  /** A token refused by one server (a test server, a sandbox) is still used against another. */
  @Test
  void aTokenSetAsideByOneServerIsNotSetAsideForAnother() throws Exception {
    String token = "token-" + UUID.randomUUID();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return FakeOk.error(102, "PARAM_SESSION_EXPIRED : Session expired");
      }
    });
    PageRef page = PageRef.parse("ok:11");
    try (MockWebServer other = new MockWebServer();
        OkPlatform refused = platform().accessToken(token).build()) {
      other.enqueue(FakeOk.json("[{\"uid\":\"11\",\"name\":\"Группа\"}]"));
      other.start(InetAddress.getByName("127.0.0.1"), 0);
      assertThat(refused.fetchProfiles(List.of(page)).get(page)).isInstanceOf(FetchResult.Failure.class);
      try (OkPlatform elsewhere = platform().baseUrl(other.url("/fb.do").toString()).accessToken(token).build()) {
        assertThat(elsewhere.fetchProfiles(List.of(page)).get(page)).isInstanceOf(FetchResult.Success.class);
      }
      assertThat(refused.fetchProfiles(List.of(page)).get(page)).isInstanceOfSatisfying(FetchResult.Failure.class,
          f -> assertThat(f.detail()).contains("отложены"));
    }
  }

  /**
   * Latency must not add to the floor, so a token keeps as many calls in flight as its
   * rate allows: with 4 per second, four reads wait on the server at once.
   */
  @Test
  void aTokenKeepsAsManyCallsInFlightAsItsRateAllows() {
    Gate gate = new Gate(4);
    server.setDispatcher(gate);
    MutableClock time = MutableClock.at(NOW);
    List<PageRef> pages = new ArrayList<>();
    for (int i = 1; i <= 12; i++) pages.add(PageRef.parse("ok:" + i));
    try (OkPlatform platform = FakeOk.onClock(platform().accessToken("ONE").requestsPerSecond(4), time,
        new CopyOnWriteArrayList<>()).build()) {
      Map<PageRef, FetchResult<PostHistory>> result = platform.fetchPosts(pages, PostQuery.since(NOW.minusSeconds(60)));
      assertThat(result.values()).allSatisfy(r -> assertThat(r).isInstanceOf(FetchResult.Success.class));
    }
    assertThat(gate.mostAtOnce.get()).isEqualTo(4);
  }

  @Test
  void readsAreSpreadOverThePoolEachTokenWithItsOwnCalls() {
    Gate gate = new Gate(4);
    server.setDispatcher(gate);
    MutableClock time = MutableClock.at(NOW);
    List<PageRef> pages = new ArrayList<>();
    for (int i = 1; i <= 20; i++) pages.add(PageRef.parse("ok:" + i));
    try (OkPlatform platform = FakeOk.onClock(platform().accessTokens(List.of("ONE", "TWO")).requestsPerSecond(2),
        time, new CopyOnWriteArrayList<>()).build()) {
      Map<PageRef, FetchResult<PostHistory>> result = platform.fetchPosts(pages, PostQuery.since(NOW.minusSeconds(60)));
      assertThat(result.values()).allSatisfy(r -> assertThat(r).isInstanceOf(FetchResult.Success.class));
    }
    assertThat(gate.byToken.keySet()).containsExactlyInAnyOrder("ONE", "TWO");
    assertThat(gate.byToken.get("ONE").get()).isPositive();
    assertThat(gate.byToken.get("TWO").get()).isPositive();
    assertThat(gate.mostAtOnce.get()).isEqualTo(4);
  }

  /** Holds each call until {@code width} are in flight at once (or a moment has passed), counting them. */
  static final class Gate extends Dispatcher {
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    final Map<String, AtomicInteger> byToken = new ConcurrentHashMap<>();
    private volatile CountDownLatch together;

    Gate(int width) {
      this.together = new CountDownLatch(width);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      Map<String, String> form = Forms.decode(request);
      byToken.computeIfAbsent(form.get("access_token"), k -> new AtomicInteger()).incrementAndGet();
      int now = inFlight.incrementAndGet();
      mostAtOnce.accumulateAndGet(now, Math::max);
      CountDownLatch latch = together;
      latch.countDown();
      latch.await(2, TimeUnit.SECONDS); // The first calls meet here: proof that they were in flight together.
      inFlight.decrementAndGet();
      return FakeOk.json("{\"media_topics\":[],\"has_more\":false}");
    }
  }

  /** Answers OK's error 8 to a token's call when more than {@code limit} arrived in the last second. */
  static final class SlidingSecond extends Dispatcher {
    final int limit;
    final AtomicInteger arrivals = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    private final Map<String, ArrayDeque<Long>> windows = new HashMap<>();

    SlidingSecond(int limit) {
      this.limit = limit;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      arrivals.incrementAndGet();
      long now = System.nanoTime();
      Map<String, String> form = Forms.decode(request);
      boolean refuse;
      synchronized (windows) {
        ArrayDeque<Long> window = windows.computeIfAbsent(form.get("access_token"), k -> new ArrayDeque<>());
        while (!window.isEmpty() && window.peekFirst() <= now - 1_000_000_000L) window.pollFirst();
        refuse = window.size() >= limit;
        if (!refuse) window.addLast(now);
      }
      if (refuse) {
        refused.incrementAndGet();
        return FakeOk.error(8, "FLOOD_BLOCKED : Too many requests");
      }
      return FakeOk.json("[{\"uid\":\"" + form.get("uids") + "\",\"name\":\"Группа\"}]");
    }
  }
}
