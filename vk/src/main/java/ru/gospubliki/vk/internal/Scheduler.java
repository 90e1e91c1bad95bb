package ru.gospubliki.vk.internal;

import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.http.TokenBudget;

/**
 * Runs the calls of one bulk read over a pool of tokens, several in flight per token (up to its
 * requests per second, so network latency does not add to the time the rate limit takes). Each
 * token has its own workers; a worker asks the {@link Plan} for the next call its token may make,
 * makes it outside the lock (waiting for the token's rate limiter there), then applies the result
 * under the lock. A worker takes a call only with one of the token's permits ({@link
 * TokenBudget#calls()}), which every read in the process shares, so reads at once on one token
 * queue no more than a second of calls behind it. A token set aside (daily quota, refused) stops
 * taking work; when work is left that no usable token may do, the plan {@linkplain Plan#abandon()
 * gives it up} with the reason.
 *
 * <p>The calling thread waits; when it is interrupted the workers are interrupted too, the plan
 * abandons what is left and the interrupt flag stays set.
 */
final class Scheduler {
  private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());
  /** The most calls one token keeps in flight. */
  static final int MAX_WIDTH = 16;

  /** The calls still to make. All methods are called under the scheduler's lock. */
  interface Plan {
    /** The next call {@code token} may make now (and takes it off the plan), or null. */
    @Nullable Work next(VkToken token);

    /** True when {@code token} could make one of the calls left. */
    boolean canTake(VkToken token);

    /** True while calls are left. */
    boolean pending();

    /** Gives up the calls left: no usable token may make them (or the read was interrupted). */
    void abandon(boolean interrupted);
  }

  /** One call: made outside the lock; what it returns is applied under the lock. */
  interface Work {
    Runnable run() throws InterruptedIOException;
  }

  private final ExecutorService executor;
  private final Clock clock;
  private final Object lock = new Object();
  private int inFlight;
  private int alive;
  private boolean done;

  Scheduler(ExecutorService executor, Clock clock) {
    this.executor = executor;
    this.clock = clock;
  }

  /** Runs {@code plan} to its end over {@code tokens}. */
  void run(List<VkToken> tokens, Plan plan) {
    synchronized (lock) {
      if (!plan.pending()) return;
      done = false;
      inFlight = 0;
      alive = 0;
    }
    List<Future<?>> workers = new ArrayList<>();
    try {
      for (VkToken token : tokens) {
        int width = Math.max(1, Math.min(MAX_WIDTH, (int) Math.ceil(token.api().limiter().requestsPerSecond())));
        for (int i = 0; i < width; i++) {
          synchronized (lock) {
            alive++;
          }
          try {
            workers.add(executor.submit(() -> work(token, plan)));
          } catch (RejectedExecutionException e) {
            synchronized (lock) {
              alive--;
            }
            throw e;
          }
        }
      }
    } catch (RejectedExecutionException e) {
      // The platform was closed: nothing more can be read.
      synchronized (lock) {
        done = true;
        plan.abandon(true);
        lock.notifyAll();
      }
    }
    boolean interrupted = false;
    synchronized (lock) {
      try {
        while (!done) {
          if (!plan.pending() && inFlight == 0) break;
          if (alive == 0) { // the workers were stopped (the platform was closed): nobody will read the rest
            plan.abandon(true);
            break;
          }
          if (inFlight == 0 && tokens.stream().noneMatch(t -> t.available(clock.instant()) && plan.canTake(t))) {
            plan.abandon(false);
            break;
          }
          lock.wait(1_000);
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
      done = true;
      lock.notifyAll();
    }
    if (interrupted) {
      for (Future<?> worker : workers) worker.cancel(true);
      synchronized (lock) {
        plan.abandon(true);
      }
      Thread.currentThread().interrupt();
    }
  }

  private boolean isDone() {
    synchronized (lock) {
      return done;
    }
  }

  private void work(VkToken token, Plan plan) {
    try {
      takeCalls(token, plan);
    } catch (RuntimeException | AssertionError e) {
      // A bug in the plan, not the platform: this worker stops; run() gives up the plan if none is left.
      LOG.log(Level.WARNING, "VK read failed unexpectedly", e);
    } finally {
      synchronized (lock) {
        alive--;
        lock.notifyAll();
      }
    }
  }

  private void takeCalls(VkToken token, Plan plan) {
    TokenBudget budget = token.api().budget();
    Semaphore calls = budget.calls();
    while (true) {
      // A permit first, then the call: a token takes on no more calls than it can make in a second.
      try {
        if (!budget.takeCall(this::isDone)) return;
      } catch (InterruptedException e) {
        return;
      }
      Work work;
      boolean holding = true;
      try {
        synchronized (lock) {
          work = done || !token.available(clock.instant()) ? null : plan.next(token);
          if (work == null) {
            calls.release(); // nothing for this token now: another read may use the permit
            holding = false;
            if (done) return;
            try {
              lock.wait(1_000);
            } catch (InterruptedException e) {
              return;
            }
            continue;
          }
          inFlight++;
          holding = false; // handed to the call below, which gives it back
        }
      } finally {
        if (holding) calls.release(); // the plan threw
      }
      Runnable apply = null;
      try {
        apply = work.run();
      } catch (InterruptedIOException e) {
        return;
      } catch (RuntimeException | AssertionError e) {
        // A bug, not the platform: the call's pages stay unread (a failure), the others go on.
        LOG.log(Level.WARNING, "VK read failed unexpectedly", e);
      } finally {
        calls.release();
        synchronized (lock) {
          try {
            if (apply != null && !done) apply.run();
          } finally {
            inFlight--;
            lock.notifyAll();
          }
        }
      }
    }
  }
}
