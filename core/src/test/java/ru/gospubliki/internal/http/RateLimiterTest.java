package ru.gospubliki.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RateLimiterTest {
  private final AtomicLong now = new AtomicLong(5_000_000_000L);
  private final List<Long> sleeps = new ArrayList<>();
  private final Sleeper advancing = nanos -> {
    sleeps.add(nanos);
    now.addAndGet(nanos);
  };

  @Test
  void spacesCallsByTheInterval() throws InterruptedException {
    RateLimiter limiter = new RateLimiter(3, now::get, advancing);

    for (int i = 0; i < 3; i++) limiter.acquire();

    assertThat(sleeps).containsExactly(333_333_334L, 333_333_334L);
  }

  @Test
  void theCallRpsPlacesLaterWaitsASecondAfterTheAnswerCame() throws InterruptedException {
    now.set(0);
    List<Long> starts = new ArrayList<>();
    RateLimiter limiter = new RateLimiter(3, now::get, advancing);

    for (int i = 0; i < 4; i++) {
      long ticket = limiter.acquire();
      starts.add(now.get());
      now.addAndGet(i == 0 ? 80_000_000L : 10_000_000L); // The first answer is slow to come.
      limiter.finished(ticket);
    }

    // Departures alone would allow the fourth call at 1 s; its request could then reach the
    // platform within a second of the first one, which may have arrived as late as its answer.
    assertThat(starts).containsExactly(0L, 333_333_334L, 666_666_668L,
        80_000_000L + RateLimiter.CLOCK_SLACK_NANOS + 1_000_000_002L);
  }

  @Test
  void aSteadyLongRoundTripDoesNotSlowTheRateButAnExtraDelayHoldsTheNextCallBack() throws InterruptedException {
    now.set(0);
    RateLimiter limiter = new RateLimiter(1, now::get, advancing);
    for (int i = 0; i < RateLimiter.MIN_ROUND_TRIPS - 1; i++) { // too few round trips seen: bound by the answers
      long call = limiter.acquire();
      now.addAndGet(600_000_000L);
      limiter.finished(call);
    }
    long first = limiter.acquire();
    long firstLeft = now.get();
    now.addAndGet(600_000_000L);
    limiter.finished(first); // the round trips seen are enough to tell the steady part now

    long second = limiter.acquire();
    assertThat(now.get()).isEqualTo(firstLeft + 600_000_000L + RateLimiter.CLOCK_SLACK_NANOS + 1_000_000_000L);
    long secondLeft = now.get();
    now.addAndGet(600_000_000L);
    limiter.finished(second); // 600 ms, as fast as the fastest: arrived no later than its departure and the margin

    long third = limiter.acquire();
    // A second after the second call's departure (and the jitter margin), not after its answer (3.21 s).
    long margin = RateLimiter.JITTER_MARGIN_MILLIS * 1_000_000L;
    assertThat(now.get()).isEqualTo(secondLeft + margin + RateLimiter.CLOCK_SLACK_NANOS + 1_000_000_000L);
    long thirdLeft = now.get();
    now.addAndGet(900_000_000L);
    limiter.finished(third); // 300 ms slower than the fastest: it may have arrived later, held back up to a cap

    limiter.acquire();
    assertThat(now.get()).isEqualTo(thirdLeft + Math.min(300_000_000L + margin, RateLimiter.MAX_HOLD_BACK_MILLIS * 1_000_000L)
        + RateLimiter.CLOCK_SLACK_NANOS + 1_000_000_000L);
  }

  @Test
  void aRoundTripShorterThanTheSteadyOneIsBoundByItsAnswer() throws InterruptedException {
    now.set(0);
    RateLimiter limiter = new RateLimiter(1, now::get, advancing);
    for (int i = 0; i < RateLimiter.MIN_ROUND_TRIPS; i++) { // a steady 600 ms
      long ticket = limiter.acquire();
      now.addAndGet(600_000_000L);
      limiter.finished(ticket);
    }
    long fast = limiter.acquire(); // the network changed: 10 ms now
    long left = now.get();
    now.addAndGet(10_000_000L);
    limiter.finished(fast);

    limiter.acquire();
    // Not a second after its departure on the strength of the old 600 ms: after its answer.
    assertThat(now.get()).isEqualTo(left + 10_000_000L + RateLimiter.CLOCK_SLACK_NANOS + 1_000_000_000L);
  }

  @Test
  void aCallWaitsForTheAnswerOfItsPredecessorBeforeLeaving() throws InterruptedException {
    now.set(0);
    java.util.concurrent.atomic.AtomicReference<RateLimiter> self = new java.util.concurrent.atomic.AtomicReference<>();
    long[] first = new long[1];
    RateLimiter limiter = new RateLimiter(1, now::get, nanos -> {
      long before = now.getAndAdd(nanos);
      // The first call's answer comes at 1.3 s.
      if (before < 1_300_000_000L && now.get() >= 1_300_000_000L) {
        now.set(1_300_000_000L);
        self.get().finished(first[0]);
      }
    });
    self.set(limiter);
    first[0] = limiter.acquire(); // leaves at 0

    limiter.acquire();

    // Not at 1 s, when the first call might not even have arrived yet: a second after its answer.
    assertThat(now.get()).isEqualTo(1_300_000_000L + RateLimiter.CLOCK_SLACK_NANOS + 1_000_000_000L);
  }

  @Test
  void aPredecessorNeverAnsweredIsWaitedForOnlySoLong() throws InterruptedException {
    now.set(0);
    RateLimiter limiter = new RateLimiter(1, now::get, advancing);
    limiter.acquire(); // never answered
    limiter.acquire();
    // No round trip seen yet: two windows of patience, then taken to have arrived within one.
    assertThat(now.get()).isEqualTo(2_000_000_000L);
  }

  @Test
  void idleTimeIsNotSavedUpForABurst() throws InterruptedException {
    now.set(0);
    RateLimiter limiter = new RateLimiter(2, now::get, advancing);

    limiter.acquire();
    now.addAndGet(10_000_000_000L);
    limiter.acquire();
    limiter.acquire();

    assertThat(sleeps).containsExactly(500_000_000L);
  }

  @Test
  void theFirstRoundTripsOfAProcessAreNotTakenForTheNetwork() throws InterruptedException {
    now.set(0);
    RateLimiter limiter = new RateLimiter(1, now::get, advancing);
    long call = limiter.acquire();
    for (int seen = 0; seen < RateLimiter.MIN_ROUND_TRIPS - 1; seen++) {
      long left = now.get();
      now.addAndGet(150_000_000L); // connections opened, code compiled: slow, and alike
      limiter.finished(call);
      call = limiter.acquire();
      // A second after the answer, not after the departure and the margin.
      assertThat(now.get()).isEqualTo(left + 150_000_000L + RateLimiter.CLOCK_SLACK_NANOS + 1_000_000_000L);
    }
  }

  @Test
  void aLongRunOfCallsSlowToArriveDoesNotHideTheFastKind() throws InterruptedException {
    now.set(0);
    RateLimiter limiter = new RateLimiter(1, now::get, advancing);
    for (int i = 0; i < RateLimiter.MIN_ROUND_TRIPS; i++) { // a kind of call that arrives at once: 5 ms
      long call = limiter.acquire();
      now.addAndGet(5_000_000L);
      limiter.finished(call);
    }
    long lastAnswer = 0;
    for (int i = 0; i < 40; i++) { // then a long run of another kind that waits 45 ms before it arrives
      long call = limiter.acquire();
      now.addAndGet(45_000_000L);
      lastAnswer = now.get();
      limiter.finished(call);
    }

    limiter.acquire();
    // The fastest round trip (5 ms) is shorter than the margin: nothing is taken off the last answer,
    // which is as late as the last call may have arrived.
    assertThat(now.get()).isEqualTo(lastAnswer + RateLimiter.CLOCK_SLACK_NANOS + 1_000_000_000L);
  }

  @Test
  @Timeout(30)
  void aPredecessorThatHasNotLeftYetIsNotGivenUpOn() throws Exception {
    // Nothing is ever answered: each call waits its predecessor's two seconds of patience, counted
    // from when that predecessor left (not from its slot), so no two calls leave within a second.
    Object monitor = new Object();
    long[] clock = {0};
    int[] done = {0};
    Map<Thread, Long> wakeAt = new HashMap<>();
    Map<Thread, Integer> order = new HashMap<>();
    Ticker ticker = () -> {
      synchronized (monitor) {
        return clock[0];
      }
    };
    Sleeper sleeper = nanos -> {
      synchronized (monitor) {
        Thread self = Thread.currentThread();
        wakeAt.put(self, clock[0] + nanos);
        monitor.notifyAll();
        while (wakeAt.containsKey(self)) monitor.wait();
      }
    };
    RateLimiter limiter = new RateLimiter(1, ticker, sleeper);
    int calls = 4;
    long[] left = new long[calls];
    for (int i = 0; i < calls; i++) {
      int waitingOrDone = i + 1;
      Thread thread = new Thread(() -> {
        try {
          long ticket = limiter.acquire();
          synchronized (monitor) {
            left[(int) ticket] = clock[0];
            done[0]++;
            monitor.notifyAll();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      thread.setDaemon(true);
      synchronized (monitor) {
        order.put(thread, i);
      }
      thread.start();
      synchronized (monitor) { // the next call takes its ticket after this one has
        while (wakeAt.size() + done[0] < waitingOrDone) monitor.wait(10_000);
      }
    }
    // Whenever every call waits, the clock jumps to the earliest wake-up and wakes one call that is
    // due, the latest first: the one that would leave too early if it were let go before the other.
    synchronized (monitor) {
      while (done[0] < calls) {
        while (wakeAt.size() + done[0] < calls) monitor.wait(10_000);
        if (done[0] == calls) break;
        clock[0] = Collections.min(wakeAt.values());
        Thread due = wakeAt.entrySet().stream().filter(e -> e.getValue() <= clock[0]).map(Map.Entry::getKey)
            .max(Comparator.comparing(order::get)).orElseThrow();
        wakeAt.remove(due);
        monitor.notifyAll();
      }
    }

    for (int i = 1; i < calls; i++) assertThat(left[i] - left[i - 1]).isGreaterThanOrEqualTo(1_000_000_000L);
  }

  @Test
  void slowingDownOnlyLowersTheRate() throws InterruptedException {
    RateLimiter limiter = new RateLimiter(10, now::get, advancing);
    limiter.slowTo(20);
    assertThat(limiter.requestsPerSecond()).isEqualTo(10);
    limiter.slowTo(4);
    assertThat(limiter.intervalNanos()).isEqualTo(250_000_000L);
    limiter.acquire();
    limiter.acquire();
    assertThat(sleeps).containsExactly(250_000_000L);
  }

  @Test
  void rejectsNonPositiveRates() {
    assertThatThrownBy(() -> new RateLimiter(0, Ticker.SYSTEM, Sleeper.SYSTEM))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestsPerSecond");
    assertThatThrownBy(() -> new RateLimiter(Double.NaN, Ticker.SYSTEM, Sleeper.SYSTEM))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
