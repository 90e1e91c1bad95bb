package ru.gospubliki.vk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.gospubliki.internal.http.ApiToken;
import ru.gospubliki.internal.http.Sleeper;
import ru.gospubliki.internal.http.Ticker;
import ru.gospubliki.internal.http.TokenBudgets;

/** How bulk reads share a pool of tokens. */
final class SchedulerTest {
  final ExecutorService executor = Executors.newCachedThreadPool();
  final TokenBudgets budgets = new TokenBudgets(Ticker.SYSTEM, Sleeper.SYSTEM);

  @AfterEach
  void shutDown() {
    executor.shutdownNow();
  }

  @Test
  void twoReadsAtOnceTakeOnNoMoreCallsPerTokenThanItsRequestsPerSecond() throws Exception {
    List<VkToken> tokens = List.of(
        new VkToken(TokenKind.USER, ApiToken.of(budgets, "VK", "userTokens[0]", "user-1", 3)),
        new VkToken(TokenKind.USER, ApiToken.of(budgets, "VK", "userTokens[1]", "user-2", 3)));
    Map<String, Integer> taken = new HashMap<>();
    Map<String, Integer> mostTaken = new HashMap<>();
    Map<String, Integer> made = new HashMap<>();
    CountDownLatch bothStarted = new CountDownLatch(2);

    ExecutorService reads = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> both = new ArrayList<>();
      for (int read = 0; read < 2; read++) {
        both.add(reads.submit(() -> new Scheduler(executor, Clock.systemUTC())
            .run(tokens, new CountingPlan(30, bothStarted, taken, mostTaken, made))));
      }
      for (Future<?> read : both) read.get(30, TimeUnit.SECONDS);
    } finally {
      reads.shutdownNow();
    }

    // Each read alone keeps three workers per token; together they still hold three calls per token.
    assertThat(mostTaken).containsOnlyKeys("userTokens[0]", "userTokens[1]");
    assertThat(mostTaken.values()).allSatisfy(most -> assertThat(most).isBetween(1, 3));
    assertThat(made.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(60);
    for (VkToken token : tokens) { // a worker may hold a permit for a moment after the read has ended
      Semaphore calls = token.api().budget().calls();
      for (int i = 0; i < 500 && calls.availablePermits() < 3; i++) Thread.sleep(10);
      assertThat(calls.availablePermits()).isEqualTo(3);
    }
  }

  @Test
  void aReadWhoseWorkersAreStoppedGivesUpWhatIsLeftInsteadOfWaitingForever() {
    VkToken token = new VkToken(TokenKind.USER, ApiToken.of(budgets, "VK", "userTokens[0]", "user-3", 3));
    boolean[] abandoned = {false, false};
    Scheduler.Plan endless = new Scheduler.Plan() {
      @Override
      public Scheduler.@Nullable Work next(VkToken t) {
        return () -> {
          try {
            Thread.sleep(60_000); // an answer that never comes before the platform is closed
          } catch (InterruptedException e) {
            throw new InterruptedIOException("closed");
          }
          return () -> { };
        };
      }

      @Override
      public boolean canTake(VkToken t) {
        return true;
      }

      @Override
      public boolean pending() {
        return !abandoned[0];
      }

      @Override
      public void abandon(boolean interrupted) {
        abandoned[0] = true;
        abandoned[1] = interrupted;
      }
    };
    ExecutorService closing = Executors.newCachedThreadPool();
    Executors.newSingleThreadScheduledExecutor().schedule(closing::shutdownNow, 300, TimeUnit.MILLISECONDS);

    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new Scheduler(closing, Clock.systemUTC()).run(List.of(token), endless));

    assertThat(abandoned).containsExactly(true, true);
  }

  /** {@code calls} calls that each take a while, counting how many each token holds at once. */
  private static final class CountingPlan implements Scheduler.Plan {
    private int left;
    private boolean started;
    private final CountDownLatch bothStarted;
    private final Map<String, Integer> taken;
    private final Map<String, Integer> mostTaken;
    private final Map<String, Integer> made;

    CountingPlan(int calls, CountDownLatch bothStarted, Map<String, Integer> taken, Map<String, Integer> mostTaken,
        Map<String, Integer> made) {
      this.left = calls;
      this.bothStarted = bothStarted;
      this.taken = taken;
      this.mostTaken = mostTaken;
      this.made = made;
    }

    @Override
    public Scheduler.@Nullable Work next(VkToken token) {
      if (left == 0) return null;
      left--;
      boolean first = !started;
      if (first) {
        started = true;
        bothStarted.countDown();
      }
      String role = token.role();
      synchronized (taken) {
        int now = taken.merge(role, 1, Integer::sum);
        mostTaken.merge(role, now, Math::max);
      }
      return () -> {
        try {
          if (first) bothStarted.await(10, TimeUnit.SECONDS); // the two reads overlap
          Thread.sleep(20); // waiting for the limiter and the answer
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        synchronized (taken) {
          taken.merge(role, -1, Integer::sum);
          made.merge(role, 1, Integer::sum);
        }
        return () -> { };
      };
    }

    @Override
    public boolean canTake(VkToken token) {
      return left > 0;
    }

    @Override
    public boolean pending() {
      return left > 0;
    }

    @Override
    public void abandon(boolean interrupted) {
      left = 0;
    }
  }
}
