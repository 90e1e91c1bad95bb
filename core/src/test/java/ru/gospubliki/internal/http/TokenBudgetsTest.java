package ru.gospubliki.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.FormBody;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One limiter per token per process, checked the way the platform checks it: a server that counts
 * each token's arrivals in every sliding second and refuses the one too many (VK's error 6). No
 * wall-clock assertion: the count of refusals is what must be zero.
 */
class TokenBudgetsTest {
  static final int RPS = 20;

  private final SlidingSecond counter = new SlidingSecond(RPS);
  private MockWebServer server;
  private HttpTransport first;
  private HttpTransport second;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(counter);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    first = HttpTransport.builder("VK").build();
    second = HttpTransport.builder("VK").build();
  }

  @AfterEach
  void stop() {
    first.close();
    second.close();
    server.close();
  }

  @Test
  void eightThreadsAndTwoInstancesSharingATokenDrawNoRefusal() throws Exception {
    TokenBudgets budgets = new TokenBudgets(Ticker.SYSTEM, Sleeper.SYSTEM);
    // Two platform instances configured with the same token, each with its own ApiToken object.
    ApiToken one = ApiToken.of(budgets, "VK", "serviceTokens[0]", "shared-service-token", RPS);
    ApiToken two = ApiToken.of(budgets, "VK", "serviceToken", " shared-service-token\n", RPS);

    int refused = hammer(one, two, 60);

    assertThat(counter.arrivals.get()).isEqualTo(60);
    assertThat(refused).isZero();
    assertThat(one.limiter()).isSameAs(two.limiter());
  }

  @Test
  void withoutTheSharedBudgetTheSameLoadIsRefused() throws Exception {
    // The control: two registries, as two instances had before, each allowing the full rate.
    ApiToken one = ApiToken.of(new TokenBudgets(Ticker.SYSTEM, Sleeper.SYSTEM), "VK", "a", "shared-service-token", RPS);
    ApiToken two = ApiToken.of(new TokenBudgets(Ticker.SYSTEM, Sleeper.SYSTEM), "VK", "b", "shared-service-token", RPS);

    int refused = hammer(one, two, 80);

    assertThat(refused).isPositive();
  }

  @Test
  void theSameTokenOnAnotherPlatformAndAnotherTokenHaveBudgetsOfTheirOwn() {
    TokenBudgets budgets = new TokenBudgets(Ticker.SYSTEM, Sleeper.SYSTEM);
    TokenBudget vk = budgets.budget("VK", "token-1", 3);
    assertThat(budgets.budget("OK", "token-1", 3)).isNotSameAs(vk);
    assertThat(budgets.budget("VK", "token-2", 3)).isNotSameAs(vk);
    assertThat(budgets.budget("VK", "token-1", 2)).isSameAs(vk);
    assertThat(vk.limiter().requestsPerSecond()).isEqualTo(2);
    assertThat(budgets.toString()).doesNotContain("token-1");
  }

  @Test
  void aTokenConfiguredAgainAtALowerRateTakesOnFewerCallsAtOnce() throws InterruptedException {
    TokenBudgets budgets = new TokenBudgets(Ticker.SYSTEM, Sleeper.SYSTEM);
    TokenBudget token = budgets.budget("VK", "token-1", 20);
    assertThat(token.calls().availablePermits()).isEqualTo(16);
    token.calls().acquire(); // a call taken on before the rate came down gives its permit back later

    budgets.budget("VK", "token-1", 3);
    token.calls().release();

    assertThat(token.limiter().requestsPerSecond()).isEqualTo(3);
    assertThat(token.calls().availablePermits()).isEqualTo(3);
    budgets.budget("VK", "token-1", 30);
    assertThat(token.calls().availablePermits()).isEqualTo(3);
  }

  /** Eight threads, half on each token object, {@code calls} calls in all; returns the refusals. */
  private int hammer(ApiToken one, ApiToken two, int calls) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    AtomicInteger left = new AtomicInteger(calls);
    AtomicInteger refused = new AtomicInteger();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      ApiToken token = t % 2 == 0 ? one : two;
      HttpTransport transport = t % 2 == 0 ? first : second;
      done.add(threads.submit(() -> {
        while (left.getAndDecrement() > 0) {
          Request request = new Request.Builder().url(server.url("/method/wall.get"))
              .header("Authorization", "Bearer " + token.secret())
              .post(new FormBody.Builder().add("v", "5.199").build()).build();
          Answer answer = transport.execute(request, "wall.get", HttpTransport.Kind.READ, token);
          if (answer.body().contains("\"error_code\":6")) refused.incrementAndGet();
        }
        return null;
      }));
    }
    for (Future<?> future : done) future.get();
    threads.shutdown();
    return refused.get();
  }

  /** Answers error 6 to a token's request when more than {@code limit} arrived in the last second. */
  static final class SlidingSecond extends Dispatcher {
    final int limit;
    final AtomicInteger arrivals = new AtomicInteger();
    private final java.util.Map<String, ArrayDeque<Long>> windows = new java.util.HashMap<>();

    SlidingSecond(int limit) {
      this.limit = limit;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      arrivals.incrementAndGet();
      String token = String.valueOf(request.getHeaders().get("Authorization"));
      boolean refuse;
      synchronized (windows) {
        long now = System.nanoTime(); // taken under the lock, so the window stays in time order
        ArrayDeque<Long> window = windows.computeIfAbsent(token, k -> new ArrayDeque<>());
        while (!window.isEmpty() && window.peekFirst() <= now - 1_000_000_000L) window.pollFirst();
        refuse = window.size() >= limit;
        if (!refuse) window.addLast(now);
      }
      return new MockResponse.Builder().body(refuse
          ? "{\"error\":{\"error_code\":6,\"error_msg\":\"Too many requests per second\"}}"
          : "{\"response\":{\"count\":0,\"items\":[]}}").build();
    }
  }
}
