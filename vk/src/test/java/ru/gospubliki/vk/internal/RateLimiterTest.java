package ru.gospubliki.vk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  @Test
  void spacesCallsByTheInterval() throws InterruptedException {
    AtomicLong now = new AtomicLong(5_000_000_000L);
    List<Long> sleeps = new ArrayList<>();
    RateLimiter limiter = new RateLimiter(3, now::get, nanos -> {
      sleeps.add(nanos);
      now.addAndGet(nanos);
    });

    for (int i = 0; i < 4; i++) limiter.acquire();

    assertThat(sleeps).containsExactly(333_333_334L, 333_333_334L, 333_333_334L);
  }

  @Test
  void idleTimeIsNotSavedUpForABurst() throws InterruptedException {
    AtomicLong now = new AtomicLong(0);
    List<Long> sleeps = new ArrayList<>();
    RateLimiter limiter = new RateLimiter(2, now::get, nanos -> {
      sleeps.add(nanos);
      now.addAndGet(nanos);
    });

    limiter.acquire();
    now.addAndGet(10_000_000_000L);
    limiter.acquire();
    limiter.acquire();

    assertThat(sleeps).containsExactly(500_000_000L);
  }

  @Test
  void concurrentCallersShareTheLimit() throws Exception {
    RateLimiter limiter = new RateLimiter(100, Ticker.SYSTEM, Sleeper.SYSTEM);
    List<Long> times = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    long before = System.nanoTime();
    CountDownLatch done = new CountDownLatch(40);
    for (int i = 0; i < 40; i++) {
      pool.execute(() -> {
        try {
          limiter.acquire();
          times.add(System.nanoTime());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          done.countDown();
        }
      });
    }
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    pool.shutdown();

    List<Long> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    // The k-th call to get through cannot come before k intervals of 10 ms have passed, whichever
    // thread made it: no second ever holds more than 100 calls.
    for (int k = 0; k < sorted.size(); k++) {
      assertThat(sorted.get(k) - before).isGreaterThanOrEqualTo(k * 10_000_000L);
    }
  }

  @Test
  void rejectsNonPositiveRates() {
    assertThatThrownBy(() -> new RateLimiter(0, Ticker.SYSTEM, Sleeper.SYSTEM))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestsPerSecond");
  }
}
