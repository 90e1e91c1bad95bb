package ru.gospubliki.ok.internal;

import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.http.TokenBudget;
import ru.gospubliki.ok.OkApiException;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;

/**
 * Runs the calls of one bulk read over the pool of access tokens, several in flight per token (as
 * many as its requests per second, at most {@value #MAX_WIDTH}), so network latency does not add
 * to the time the rate limit takes and k tokens read about k times faster.
 *
 * <p>Each token has its own workers; a worker takes the next call from a shared queue and makes
 * it with its token (waiting for the token's rate limiter there). A call that meets an error about
 * the token rather than the request (OK's flood control or call limit, a dead session, a refused
 * signature) sets the token aside and goes back to the queue for another token. When no usable
 * token is left, what remains ends unread with the reason. A worker takes a call only with one of
 * the token's permits ({@link TokenBudget#calls()}), which every read in the process
 * shares, so reads at once on one token queue no more than a second of calls behind it.
 */
public final class TokenPool {
  /** The most calls one token keeps in flight. */
  static final int MAX_WIDTH = 16;
  private static final Logger LOG = Logger.getLogger(TokenPool.class.getName());
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final Duration FLOOD_PAUSE = Duration.ofMinutes(5);
  private static final Duration CONFIGURATION_PAUSE = Duration.ofMinutes(1);

  /** One call of a bulk read. */
  public interface Job {
    /**
     * Makes the call with {@code token} and records what came of it; returns the calls that follow
     * from it (the next page of a group's topics).
     *
     * @throws TokenUnusable when the token was set aside before the call was made or answered: the
     *     job is handed to another token, as if it had not run.
     */
    List<Job> run(OkToken token) throws TokenUnusable, InterruptedIOException;

    /** No usable token is left for this job (or the read was stopped): it ends with {@code failure}. */
    void abandon(FetchResult.Failure<?> failure);
  }

  /** The token met an error about itself and was set aside; the job did nothing that counts. */
  public static final class TokenUnusable extends Exception {
    private static final long serialVersionUID = 1L;

    TokenUnusable(String message) {
      super(message, null, false, false);
    }
  }

  private final List<OkToken> tokens;
  private final ExecutorService executor;
  private final Clock clock;

  public TokenPool(List<OkToken> tokens, ExecutorService executor, Clock clock) {
    this.tokens = List.copyOf(tokens);
    this.executor = executor;
    this.clock = clock;
  }

  public List<OkToken> tokens() {
    return tokens;
  }

  /**
   * Sets {@code token} aside and throws {@link TokenUnusable} when {@code e} is about the token:
   * flood control (a few minutes), the call limit (until midnight in Moscow, when OK's daily limits
   * start again), a dead session (for good), a refused application key or signature (a minute: a
   * configuration error every token meets). Returns normally for errors about the request.
   */
  public void checkToken(OkToken token, OkApiException e) throws TokenUnusable {
    if (!OkErrors.concernsToken(e.code())) return;
    Instant now = clock.instant();
    int code = e.code();
    if (code == OkErrors.FLOOD_BLOCKED) {
      token.setAside(now.plus(FLOOD_PAUSE), FailureReason.RATE_LIMITED,
          "ОК ограничил частоту запросов (код 8), ключ отложен на " + FLOOD_PAUSE.toMinutes() + " мин");
    } else if (code == OkErrors.LIMIT_REACHED) {
      LocalDate today = LocalDate.ofInstant(now, MOSCOW);
      token.setAside(today.plusDays(1).atStartOfDay(MOSCOW).toInstant(), FailureReason.QUOTA,
          "исчерпан лимит вызовов ОК (код 11), до полуночи по Москве");
    } else if (code == 102 || code == 103) {
      token.setAside(Instant.MAX, FailureReason.AUTHORIZATION, "ключ доступа истёк или недействителен (код " + code + ")");
    } else {
      token.setAside(now.plus(CONFIGURATION_PAUSE), FailureReason.AUTHORIZATION, String.valueOf(e.getMessage()));
    }
    LOG.log(Level.INFO, "OK {0}: set aside after error {1}", new Object[] {token.role(), code});
    throw new TokenUnusable(token.role() + ": " + token.asideBecause());
  }

  /** The first token usable now, or null when every token is set aside. */
  public @Nullable OkToken first() {
    Instant now = clock.instant();
    for (OkToken token : tokens) if (token.available(now)) return token;
    return null;
  }

  /** Why no token can be used: the reasons every token was set aside, for people. */
  public FetchResult.Failure<Object> exhausted() {
    Set<String> reasons = new LinkedHashSet<>();
    FailureReason reason = null;
    for (OkToken token : tokens) {
      String because = token.asideBecause();
      if (because.isEmpty()) continue;
      reasons.add(token.role() + ": " + because);
      FailureReason why = token.asideReason();
      if (reason == null || rank(why) > rank(reason)) reason = why;
    }
    if (reason == null) return new FetchResult.Failure<>(FailureReason.AUTHORIZATION, "нет ключа доступа ОК, которым можно читать");
    return new FetchResult.Failure<>(reason, "не прочитано: все ключи доступа ОК отложены (" + String.join("; ", reasons) + ")");
  }

  /** Quota first (it says when to come back), then flood control, then the rest. */
  private static int rank(FailureReason reason) {
    return reason == FailureReason.QUOTA ? 3 : reason == FailureReason.RATE_LIMITED ? 2 : 1;
  }

  /** Runs {@code jobs} and those that follow from them to their end, in the calling thread's time. */
  public void run(Collection<? extends Job> jobs) {
    if (jobs.isEmpty()) return;
    Run state = new Run(jobs);
    List<Future<?>> workers = new ArrayList<>();
    try {
      for (OkToken token : tokens) {
        int width = (int) Math.max(1, Math.min(MAX_WIDTH, Math.ceil(token.api().limiter().requestsPerSecond())));
        for (int i = 0; i < width; i++) {
          synchronized (state) {
            state.alive++;
          }
          try {
            workers.add(executor.submit(() -> work(state, token)));
          } catch (RejectedExecutionException e) {
            synchronized (state) {
              state.alive--;
            }
            throw e;
          }
        }
      }
    } catch (RejectedExecutionException e) {
      // The platform was closed: nothing more can be read.
      finish(state, workers, new FetchResult.Failure<>(FailureReason.NETWORK, "не прочитано: клиент ОК закрыт"));
      return;
    }
    boolean interrupted = false;
    synchronized (state) {
      try {
        while (!state.done && state.alive > 0) state.wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      finish(state, workers, new FetchResult.Failure<>(FailureReason.NETWORK, "не прочитано: чтение прервано"));
      Thread.currentThread().interrupt();
    } else {
      finish(state, workers, exhausted());
    }
  }

  /** Stops the workers and ends every job still queued with {@code failure}. */
  private static void finish(Run state, List<Future<?>> workers, FetchResult.Failure<?> failure) {
    List<Job> left;
    synchronized (state) {
      state.done = true;
      left = new ArrayList<>(state.queue);
      state.queue.clear();
      state.notifyAll();
    }
    for (Future<?> worker : workers) worker.cancel(true);
    for (Job job : left) job.abandon(failure);
  }

  private void work(Run state, OkToken token) {
    TokenBudget budget = token.api().budget();
    Semaphore calls = budget.calls();
    try {
      while (true) {
        // A permit first, then the call: a token takes on no more calls than it can make in a second.
        if (!budget.takeCall(() -> {
          synchronized (state) {
            return state.done;
          }
        })) {
          return;
        }
        Job job;
        boolean holding = true;
        try {
          synchronized (state) {
            boolean usable = !state.done && token.available(clock.instant());
            job = usable ? state.queue.pollFirst() : null;
            if (job == null) {
              calls.release(); // nothing for this token now: another read may use the permit
              holding = false;
              if (!usable) return;
              if (state.inFlight == 0) {
                state.done = true;
                state.notifyAll();
                return;
              }
              state.wait();
              continue;
            }
            state.inFlight++;
            holding = false; // handed to the call below, which gives it back
          }
        } finally {
          if (holding) calls.release(); // the clock or the token threw
        }
        List<Job> next = List.of();
        boolean again = false;
        try {
          next = job.run(token);
        } catch (TokenUnusable e) {
          again = true;
        } catch (InterruptedIOException e) {
          again = true;
          Thread.currentThread().interrupt();
        } catch (RuntimeException | AssertionError | LinkageError e) {
          // A bug, not an OK failure (those are the job's to report): the job still ends, with a reason.
          LOG.log(Level.WARNING, "OK read failed", e);
          job.abandon(new FetchResult.Failure<>(FailureReason.API_ERROR, "сбой при чтении ОК: " + e.getClass().getSimpleName()));
        } finally {
          calls.release();
          synchronized (state) {
            state.inFlight--;
            if (again) {
              if (!state.done) state.queue.addFirst(job);
              else job.abandon(new FetchResult.Failure<>(FailureReason.NETWORK, "не прочитано: чтение прервано"));
            } else {
              for (int i = next.size() - 1; i >= 0; i--) state.queue.addFirst(next.get(i));
            }
            if (state.queue.isEmpty() && state.inFlight == 0) state.done = true;
            state.notifyAll();
          }
        }
        if (Thread.currentThread().isInterrupted()) return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      synchronized (state) {
        state.alive--;
        state.notifyAll();
      }
    }
  }

  /** The state of one {@link #run}; guarded by itself. */
  private static final class Run {
    final Deque<Job> queue;
    int inFlight;
    int alive;
    boolean done;

    Run(Collection<? extends Job> jobs) {
      this.queue = new ArrayDeque<>(jobs);
    }
  }

  @Override
  public String toString() {
    return "TokenPool{" + tokens.size() + " tokens}";
  }
}
