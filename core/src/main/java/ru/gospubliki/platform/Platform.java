package ru.gospubliki.platform;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.ProfileSnapshot;

/**
 * A social platform as the SDK uses it: read pages in bulk, publish with a definite result.
 * Implemented by the {@code vk} and {@code ok} adapters; {@code InMemoryPlatform} implements it
 * for embedders' tests.
 *
 * <p>Bulk methods take a collection of pages and return one result per page, keyed by the
 * reference given, in the order given. An implementation uses the platform's batch methods and
 * respects its rate limits; it never throws for one page's failure.
 *
 * <p>Publishing carries the draft's {@link PostDraft#idempotencyKey() idempotency key}: publishing
 * the same draft to the same page again must not create a second post. When a request may have
 * reached the platform and reconciliation cannot tell, the result is {@link PublishResult.Unknown}.
 */
public interface Platform {
  PlatformId id();

  /** Limits on posts and the operations the configured credentials allow. */
  Capabilities capabilities();

  /** Resolves screen names to numeric ids; numeric references resolve to themselves. */
  Map<PageRef, FetchResult<PageRef>> resolve(Collection<PageRef> pages);

  /** Reads the profile of every page. */
  Map<PageRef, FetchResult<ProfileSnapshot>> fetchProfiles(Collection<PageRef> pages);

  /**
   * Reads every post (the community's and persons') published on each page at or after {@code
   * since}, plus pinned posts; order is not significant.
   */
  Map<PageRef, FetchResult<List<Post>>> fetchPosts(Collection<PageRef> pages, Instant since);

  /** Publishes {@code draft} on {@code page}, now or at {@link PostDraft#scheduledAt()}. */
  PublishResult publish(PageRef page, PostDraft draft);

  /** Replaces the content of post {@code postId} with {@code draft}. */
  PublishResult edit(PageRef page, String postId, PostDraft draft);

  /**
   * Deletes post {@code postId}.
   *
   * @throws PlatformException when the platform refuses or cannot be reached.
   */
  void delete(PageRef page, String postId);
}
