package ru.gospubliki.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.PageRef;

/**
 * Remembers each publication of a draft on a page, so that the same draft is never sent twice to
 * the same page: not on a re-run, not after a crash, not from two processes at once. {@link
 * CrossPoster} claims a page here before it sends, and records the outcome after.
 *
 * <p>An implementation only stores entries; the SDK decides what they mean. It must make {@link
 * #insert} and {@link #replace} atomic across every process that shares it: a unique key on
 * (idempotency key, platform, page id) and an update conditioned on the version, as {@code
 * JdbcStore} does. {@link #inMemory()} is atomic within one process only.
 *
 * <pre>{@code
 * PublishJournal journal = JdbcStore.builder(dataSource).build().journal();
 * CrossPoster poster = CrossPoster.builder().addPlatform(vk).journal(journal).build();
 * }</pre>
 */
public interface PublishJournal {
  /** The entry for draft {@code idempotencyKey} on {@code page}, or null. */
  @Nullable JournalEntry lookup(String idempotencyKey, PageRef page);

  /** Every page's entry for draft {@code idempotencyKey}, in no particular order. */
  List<JournalEntry> entries(String idempotencyKey);

  /**
   * Adds {@code entry} unless its (key, page) already has one.
   *
   * @return false when an entry was there: another caller claimed the page first.
   */
  boolean insert(JournalEntry entry);

  /**
   * Replaces {@code expected} with {@code updated} if the stored entry is still at {@code
   * expected.version()}; {@code updated.version()} is {@code expected.version() + 1}.
   *
   * @return false when the entry changed meanwhile (or is gone): another caller got there first.
   */
  boolean replace(JournalEntry expected, JournalEntry updated);

  /**
   * Ties {@code idempotencyKey} to the request that used it first, so that a service taking keys
   * from its callers can refuse a key reused for a different request (an HTTP 409) instead of
   * answering it with the first request's results. {@code requestDigest} is the caller's digest of
   * the request (a SHA-256 of its body, say); the first digest given for a key stays bound to it,
   * atomically across every process that shares the journal.
   *
   * <pre>{@code
   * String bound = journal.bindRequest(key, sha256(body));
   * if (!bound.equals(sha256(body))) return conflict(); // the key was used for another request
   * }</pre>
   *
   * @param requestDigest 1..128 characters.
   * @return the digest bound to the key: {@code requestDigest} when this call was the first.
   * @throws UnsupportedOperationException when the journal cannot bind requests; the SDK's own
   *     journals ({@link #inMemory()}, {@code JdbcStore}) can.
   */
  default String bindRequest(String idempotencyKey, String requestDigest) {
    throw new UnsupportedOperationException(getClass().getName() + " does not bind requests to idempotency keys");
  }

  /** A journal in this process's memory: forgets everything when the process ends. */
  static PublishJournal inMemory() {
    Map<String, JournalEntry> entries = new ConcurrentHashMap<>();
    Map<String, String> requests = new ConcurrentHashMap<>();
    return new PublishJournal() {
      @Override
      public String bindRequest(String idempotencyKey, String requestDigest) {
        ru.gospubliki.internal.publish.RequestDigests.check(idempotencyKey, requestDigest);
        String bound = requests.putIfAbsent(idempotencyKey, requestDigest);
        return bound != null ? bound : requestDigest;
      }

      @Override
      public @Nullable JournalEntry lookup(String idempotencyKey, PageRef page) {
        return entries.get(key(idempotencyKey, page));
      }

      @Override
      public List<JournalEntry> entries(String idempotencyKey) {
        List<JournalEntry> result = new ArrayList<>();
        for (JournalEntry entry : entries.values()) {
          if (entry.idempotencyKey().equals(idempotencyKey)) result.add(entry);
        }
        return result;
      }

      @Override
      public boolean insert(JournalEntry entry) {
        return entries.putIfAbsent(key(entry.idempotencyKey(), entry.page()), entry) == null;
      }

      @Override
      public boolean replace(JournalEntry expected, JournalEntry updated) {
        String key = key(expected.idempotencyKey(), expected.page());
        boolean[] replaced = {false};
        entries.computeIfPresent(key, (k, current) -> {
          if (current.version() != expected.version()) return current;
          replaced[0] = true;
          return updated;
        });
        return replaced[0];
      }

      private String key(String idempotencyKey, PageRef page) {
        return idempotencyKey + ' ' + page.platform() + ':' + page.id();
      }
    };
  }
}
