package ru.gospubliki.vk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    ExecutorService reads = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> both = new ArrayList<>();
      for (int read = 0; read < 2; read++) {
        both.add(reads.submit(() -> new Scheduler(executor, Clock.systemUTC())
            .run(tokens, new CountingPlan(30, taken, mostTaken, made))));
      }
      for (Future<?> read : both) read.get(30, TimeUnit.SECONDS);
    } finally {
      reads.shutdownNow();
    }

    // Each read alone keeps three workers per token; together they still hold three calls per token.
    assertThat(mostTaken).containsOnlyKeys("userTokens[0]", "userTokens[1]");
    assertThat(mostTaken.values()).allSatisfy(most -> assertThat(most).isBetween(1, 3));
    assertThat(made.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(60);
    assertThat(tokens).allSatisfy(token -> assertThat(token.api().budget().calls().availablePermits()).isEqualTo(3));
  }

  /** {@code calls} calls that each take a while, counting how many each token holds at once. */
  private static final class CountingPlan implements Scheduler.Plan {
    private int left;
    private final Map<String, Integer> taken;
    private final Map<String, Integer> mostTaken;
    private final Map<String, Integer> made;

    CountingPlan(int calls, Map<String, Integer> taken, Map<String, Integer> mostTaken, Map<String, Integer> made) {
      this.left = calls;
      this.taken = taken;
      this.mostTaken = mostTaken;
      this.made = made;
    }

    @Override
    public Scheduler.@Nullable Work next(VkToken token) {
      if (left == 0) return null;
      left--;
      String role = token.role();
      synchronized (taken) {
        int now = taken.merge(role, 1, Integer::sum);
        mostTaken.merge(role, now, Math::max);
      }
      return () -> {
        try {
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
