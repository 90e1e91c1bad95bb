package ru.gospubliki.ok.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.gospubliki.internal.http.ApiToken;
import ru.gospubliki.internal.http.Sleeper;
import ru.gospubliki.internal.http.Ticker;
import ru.gospubliki.internal.http.TokenBudgets;
import ru.gospubliki.platform.FetchResult;

/** How bulk reads share OK's access tokens. */
final class TokenPoolTest {
  final ExecutorService executor = Executors.newCachedThreadPool();
  final TokenBudgets budgets = new TokenBudgets(Ticker.SYSTEM, Sleeper.SYSTEM);

  @AfterEach
  void shutDown() {
    executor.shutdownNow();
  }

  @Test
  void twoReadsAtOnceTakeOnNoMoreCallsPerTokenThanItsRequestsPerSecond() throws Exception {
    List<OkToken> tokens = List.of(
        new OkToken(ApiToken.of(budgets, "OK", "accessTokens[0]", "token-1", 3), "secret-1"),
        new OkToken(ApiToken.of(budgets, "OK", "accessTokens[1]", "token-2", 3), "secret-2"));
    TokenPool pool = new TokenPool(tokens, executor, Clock.systemUTC());
    Map<String, Integer> taken = new HashMap<>();
    Map<String, Integer> mostTaken = new HashMap<>();
    int[] made = {0};
    CountDownLatch bothStarted = new CountDownLatch(2);

    ExecutorService reads = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> both = new ArrayList<>();
      for (int read = 0; read < 2; read++) {
        List<TokenPool.Job> jobs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
          boolean first = i == 0;
          jobs.add(new TokenPool.Job() {
          @Override
          public List<TokenPool.Job> run(OkToken token) {
            if (first) bothStarted.countDown();
            String role = token.role();
            synchronized (taken) {
              mostTaken.merge(role, taken.merge(role, 1, Integer::sum), Math::max);
            }
            try {
              if (first) bothStarted.await(10, TimeUnit.SECONDS); // the two reads overlap
              Thread.sleep(20); // waiting for the limiter and the answer
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            synchronized (taken) {
              taken.merge(role, -1, Integer::sum);
              made[0]++;
            }
            return List.of();
          }

          @Override
          public void abandon(FetchResult.Failure<?> failure) {
            throw new AssertionError("abandoned: " + failure);
          }
          });
        }
        both.add(reads.submit(() -> pool.run(jobs)));
      }
      for (Future<?> read : both) read.get(30, TimeUnit.SECONDS);
    } finally {
      reads.shutdownNow();
    }

    // Each read alone keeps three workers per token; together they still hold three calls per token.
    assertThat(mostTaken).containsOnlyKeys("accessTokens[0]", "accessTokens[1]");
    assertThat(mostTaken.values()).allSatisfy(most -> assertThat(most).isBetween(1, 3));
    assertThat(made[0]).isEqualTo(60);
    for (OkToken token : tokens) { // a worker may hold a permit for a moment after the read has ended
      Semaphore calls = token.api().budget().calls();
      for (int i = 0; i < 500 && calls.availablePermits() < 3; i++) Thread.sleep(10);
      assertThat(calls.availablePermits()).isEqualTo(3);
    }
  }
}
