package ru.gospubliki.publish;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.platform.PublishResult;

/**
 * Remembers what became of each (draft, page) publication, so publishing the same draft again
 * never re-sends where it was published, scheduled, or may have arrived ({@code UNKNOWN}).
 * Embedders that publish from several processes back it with their database.
 */
public interface PublishJournal {
  /** The last result recorded for draft {@code idempotencyKey} on {@code page}, or null. */
  @Nullable PublishResult lookup(String idempotencyKey, PageRef page);

  void record(String idempotencyKey, PublishResult result);

  /** A journal in this process's memory. */
  static PublishJournal inMemory() {
    Map<String, PublishResult> results = new ConcurrentHashMap<>();
    return new PublishJournal() {
      @Override
      public @Nullable PublishResult lookup(String idempotencyKey, PageRef page) {
        return results.get(key(idempotencyKey, page));
      }

      @Override
      public void record(String idempotencyKey, PublishResult result) {
        results.put(key(idempotencyKey, result.page()), result);
      }

      private String key(String idempotencyKey, PageRef page) {
        return idempotencyKey + ' ' + page.platform() + ':' + page.id();
      }
    };
  }
}
