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
  void theCallRpsPlacesLaterWaitsASecondAfterTheAnswerCame() throws InterruptedException {
    AtomicLong now = new AtomicLong(0);
    List<Long> starts = new ArrayList<>();
    RateLimiter limiter = new RateLimiter(3, now::get, nanos -> now.addAndGet(nanos));

    for (int i = 0; i < 4; i++) {
      long ticket = limiter.acquire();
      starts.add(now.get());
      now.addAndGet(i == 0 ? 80_000_000L : 10_000_000L); // The first answer is slow to come.
      limiter.finished(ticket);
    }

    // Departures alone would allow the fourth call at 1 s; its request could then reach VK within
    // a second of the first one, which may have arrived as late as its answer (80 ms).
    assertThat(starts).containsExactly(0L, 333_333_334L, 666_666_668L,
        80_000_000L + RateLimiter.CLOCK_SLACK_NANOS + 1_000_000_002L);
  }

  @Test
  void aLateAnswerOfAnOverwrittenTicketIsIgnored() throws InterruptedException {
    AtomicLong now = new AtomicLong(0);
    RateLimiter limiter = new RateLimiter(1, now::get, nanos -> now.addAndGet(nanos));
    long first = limiter.acquire();
    long second = limiter.acquire(); // The first is still in flight: spaced by its departure.
    assertThat(now.get()).isEqualTo(1_000_000_000L);
    now.addAndGet(5_000_000_000L);
    limiter.finished(first);
    limiter.finished(second);
    long before = now.get();
    limiter.acquire();
    assertThat(now.get() - before).isEqualTo(1_000_000_000L + RateLimiter.CLOCK_SLACK_NANOS);
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
