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

  /** A journal in this process's memory: forgets everything when the process ends. */
  static PublishJournal inMemory() {
    Map<String, JournalEntry> entries = new ConcurrentHashMap<>();
    return new PublishJournal() {
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
