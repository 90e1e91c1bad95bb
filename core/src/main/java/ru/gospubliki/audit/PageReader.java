package ru.gospubliki.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.function.Consumer;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PageState;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.platform.PlatformException;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.platform.PostQuery;

/**
 * Reads pages for an audit: each platform's pages in chunks, profiles first, then the posts of the
 * communities that are open, two chunks at a time (so a platform is called from two threads at
 * once). The platforms are read at the same time, one thread each, so an audit
 * of VK and OK pages takes as long as the slower platform, not the sum; the chunks are handed to
 * the calling thread, which evaluates them (and saves snapshots) while the reading goes on.
 *
 * <p>A page that is not read at all gets a failed profile saying why: a person's page (its link
 * shows it), a page on a platform no adapter is configured for.
 */
final class PageReader {
  /**
   * Pages read per bulk call: a multiple of VK's 500 ({@code groups.getById}) and 25 ({@code
   * execute}), and small enough that the posts of a chunk do not crowd the heap.
   */
  static final int CHUNK = 500;
  /** Chunks of one platform read at a time. */
  static final int IN_FLIGHT = 2;

  private final Map<PlatformId, Platform> platforms;
  private final PostQuery query;
  private final int chunk;

  PageReader(Map<PlatformId, Platform> platforms, PostQuery query, int chunk) {
    this.platforms = platforms;
    this.query = query;
    this.chunk = chunk;
  }

  /**
   * Reads {@code pages} and hands every chunk's observations (no previous snapshot yet) to {@code
   * sink}, in the calling thread.
   *
   * @throws CancellationException when the calling thread is interrupted; the readers are stopped.
   */
  void read(Collection<PageRef> pages, Consumer<List<PageObservation>> sink) {
    Map<PlatformId, List<PageRef>> byPlatform = new LinkedHashMap<>();
    List<PageObservation> unread = new ArrayList<>();
    for (PageRef page : pages) {
      if (page.isPerson()) {
        unread.add(failed(page, FailureReason.UNSUPPORTED, "личная страница, а не сообщество: не читается"));
      } else if (!platforms.containsKey(page.platform())) {
        unread.add(failed(page, FailureReason.UNSUPPORTED, "платформа " + page.platform().name()
            + " не подключена: нет её адаптера или ключей доступа"));
      } else {
        byPlatform.computeIfAbsent(page.platform(), p -> new ArrayList<>()).add(page);
      }
    }
    if (!unread.isEmpty()) sink.accept(unread);
    if (byPlatform.isEmpty()) return;

    // Handed over, not queued: each platform reads its next chunk while the last one is evaluated, and no
    // more than that is held (a chunk of 500 pages with their posts is tens of megabytes).
    BlockingQueue<Object> queue = new SynchronousQueue<>();
    List<Thread> readers = new ArrayList<>(byPlatform.size());
    for (Map.Entry<PlatformId, List<PageRef>> entry : byPlatform.entrySet()) {
      Platform platform = Objects.requireNonNull(platforms.get(entry.getKey()));
      List<PageRef> refs = entry.getValue();
      Thread reader = new Thread(() -> readPlatform(platform, refs, queue), "gospubliki-read-" + entry.getKey());
      reader.setDaemon(true);
      readers.add(reader);
    }
    readers.forEach(Thread::start);
    int running = readers.size();
    try {
      while (running > 0) {
        Object next = queue.take();
        if (next == Done.INSTANCE) {
          running--;
        } else if (next instanceof Failed) {
          Throwable error = ((Failed) next).error;
          if (error instanceof Error) throw (Error) error;
          throw (RuntimeException) error;
        } else {
          @SuppressWarnings("unchecked")
          List<PageObservation> observations = (List<PageObservation>) next;
          sink.accept(observations);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("audit interrupted");
    } finally {
      if (running > 0) readers.forEach(Thread::interrupt);
    }
  }

  /**
   * Reads one platform's pages chunk by chunk into {@code queue}, in order, then {@link Done}. Two
   * chunks are read at a time, each its profiles and then the posts of its open communities: while
   * one chunk waits for its last, slowest answers, the other's calls keep the platform's rate limit
   * busy (with 600 ms of network latency, reading one chunk at a time left the limit idle for a
   * second at every chunk's end). A chunk is started when the one two places before it has been
   * handed over, so no more than three chunks are held: the one being evaluated and two being read.
   * When the evaluation is the slower (pages read from memory, a platform that answers at once),
   * one chunk is read at a time, so two are held.
   */
  private void readPlatform(Platform platform, List<PageRef> pages, BlockingQueue<Object> queue) {
    ExecutorService readers = Executors.newFixedThreadPool(IN_FLIGHT, r -> {
      Thread thread = new Thread(r, "gospubliki-read-chunk-" + platform.id());
      thread.setDaemon(true);
      return thread;
    });
    try {
      Deque<Future<List<PageObservation>>> reading = new ArrayDeque<>(IN_FLIGHT);
      int next = 0;
      int atOnce = IN_FLIGHT;
      while (true) {
        for (; reading.size() < atOnce && next < pages.size(); next += chunk) {
          List<PageRef> refs = chunkAt(pages, next);
          reading.addLast(readers.submit(() -> observe(platform, refs, safeProfiles(platform, refs))));
        }
        Future<List<PageObservation>> first = reading.pollFirst();
        if (first == null) break;
        List<PageObservation> read = first.get();
        // The evaluation was waiting for this chunk: reading sets the pace, so read two at once. It
        // was still busy: reading is ahead, and a second chunk read meanwhile would only be held.
        boolean awaited = queue.offer(read);
        if (!awaited) queue.put(read);
        atOnce = awaited ? IN_FLIGHT : 1;
      }
      queue.put(Done.INSTANCE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // The audit was cancelled: nobody waits for more.
    } catch (ExecutionException | RuntimeException | Error e) {
      // A bug, not a platform failure (those are caught per call): the audit reports it.
      Throwable error = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      try {
        queue.put(new Failed(error instanceof RuntimeException || error instanceof Error ? error
            : new IllegalStateException(error)));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    } finally {
      readers.shutdownNow();
    }
  }

  private List<PageRef> chunkAt(List<PageRef> pages, int from) {
    return pages.subList(from, Math.min(pages.size(), from + chunk));
  }

  /** Reads the posts of one chunk's open communities, whose {@code profiles} are read. */
  private List<PageObservation> observe(Platform platform, List<PageRef> chunk,
      Map<PageRef, FetchResult<ProfileSnapshot>> profiles) {
    List<PageRef> readable = new ArrayList<>();
    for (PageRef page : chunk) {
      FetchResult<ProfileSnapshot> profile = profiles.get(page);
      if (profile instanceof FetchResult.Success<ProfileSnapshot> success && isReadable(success.value())) {
        readable.add(success.value().page());
      }
    }
    Map<PageRef, FetchResult<PostHistory>> posts = readable.isEmpty() ? Map.of() : safePosts(platform, readable);
    List<PageObservation> result = new ArrayList<>(chunk.size());
    for (PageRef page : chunk) {
      FetchResult<ProfileSnapshot> profile = profiles.get(page);
      if (profile == null) {
        profile = FetchResult.failure(FailureReason.API_ERROR, "платформа не вернула страницу");
      }
      PageObservation.Builder observation = PageObservation.builder().page(page).profile(profile);
      if (profile instanceof FetchResult.Success<ProfileSnapshot> success && isReadable(success.value())) {
        FetchResult<PostHistory> read = posts.get(success.value().page());
        observation.posts(read != null ? read
            : FetchResult.failure(FailureReason.API_ERROR, "платформа не вернула публикации страницы"));
      }
      result.add(observation.build());
    }
    return result;
  }

  /** Posts are read from open communities only: a closed one hides them, a person's page has none to judge. */
  static boolean isReadable(ProfileSnapshot profile) {
    return profile.state() == PageState.OPEN && !Boolean.FALSE.equals(profile.isCommunity());
  }

  private static Map<PageRef, FetchResult<ProfileSnapshot>> safeProfiles(Platform platform, List<PageRef> pages) {
    try {
      return platform.fetchProfiles(pages);
    } catch (RuntimeException e) {
      return failAll(pages, e);
    }
  }

  private Map<PageRef, FetchResult<PostHistory>> safePosts(Platform platform, List<PageRef> pages) {
    try {
      return platform.fetchPosts(pages, query);
    } catch (RuntimeException e) {
      return failAll(pages, e);
    }
  }

  /** A bulk call that failed as a whole fails each of its pages with the same reason. */
  private static <T> Map<PageRef, FetchResult<T>> failAll(List<PageRef> pages, RuntimeException e) {
    FailureReason reason = e instanceof PlatformException ? ((PlatformException) e).reason() : FailureReason.API_ERROR;
    String detail = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    Map<PageRef, FetchResult<T>> result = new LinkedHashMap<>();
    for (PageRef page : pages) result.put(page, FetchResult.failure(reason, detail));
    return result;
  }

  private static PageObservation failed(PageRef page, FailureReason reason, String detail) {
    return PageObservation.builder().page(page).profile(FetchResult.failure(reason, detail)).build();
  }

  /** The end of one platform's pages. */
  private enum Done {
    INSTANCE
  }

  /** A reader that broke. */
  private static final class Failed {
    final Throwable error;

    Failed(Throwable error) {
      this.error = error;
    }
  }

  @Override
  public String toString() {
    return "PageReader{" + platforms.keySet() + "}";
  }
}
