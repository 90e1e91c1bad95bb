package ru.gospubliki.platform;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.model.ProfileSnapshot;

/**
 * A social platform as the SDK uses it: read pages in bulk, send posts. Implemented by the {@code
 * vk}, {@code ok} and {@code max} adapters; {@code InMemoryPlatform} implements it for embedders'
 * tests.
 *
 * <p>Bulk methods take a collection of pages and return one result per page, keyed by the
 * reference given, in the order given. An implementation uses the platform's batch methods and
 * respects its rate limits; it never throws for one page's failure.
 *
 * <p>Publishing is split so that "once and only once" lives in one place: the adapter makes one
 * {@linkplain #send send attempt} and {@linkplain #findExisting looks for} a post whose answer
 * was lost; the core's send-once publishing (journal, resend, reconciliation) calls both. An
 * adapter keeps no publishing state of its own.
 *
 * <p>A platform may own resources (HTTP connections, threads): {@link #close()} releases them.
 */
public interface Platform extends AutoCloseable {
  PlatformId id();

  /** Limits on posts and the operations the configured credentials allow on some page. */
  Capabilities capabilities();

  /**
   * What the credential that would be used for {@code page} allows there; the platform-wide
   * {@link #capabilities()} unless credentials differ from page to page.
   */
  default Capabilities capabilities(PageRef page) {
    return capabilities();
  }

  /** Resolves screen names to numeric ids; numeric references resolve to themselves. */
  Map<PageRef, FetchResult<PageRef>> resolve(Collection<PageRef> pages);

  /** Reads the profile of every page. */
  Map<PageRef, FetchResult<ProfileSnapshot>> fetchProfiles(Collection<PageRef> pages);

  /** Reads each page's posts as {@code query} asks (see {@link PostQuery}). */
  Map<PageRef, FetchResult<PostHistory>> fetchPosts(Collection<PageRef> pages, PostQuery query);

  /**
   * Makes one attempt to publish {@code request.draft()} on {@code request.page()}, now or at
   * {@link PostDraft#scheduledAt()}. Never throws for the platform's refusals or for network
   * failures: they are {@link SendResult.Refused} or {@link SendResult.Ambiguous}.
   */
  default SendResult send(SendRequest request) {
    throw new UnsupportedOperationException(id() + " does not implement send");
  }

  /**
   * Looks on {@code page} for the post of {@code draft} sent at or after {@code sentAfter} whose
   * answer was lost.
   */
  default PostLookup findExisting(PageRef page, PostDraft draft, Instant sentAfter) {
    throw new UnsupportedOperationException(id() + " does not implement findExisting");
  }

  /**
   * Publishes {@code draft} on {@code page}.
   *
   * @deprecated being replaced by {@link #send} and {@link #findExisting} under the core's
   *     send-once publishing; use {@code CrossPoster}.
   */
  @Deprecated
  PublishResult publish(PageRef page, PostDraft draft);

  /** Replaces the content of post {@code postId} with {@code draft}. */
  PublishResult edit(PageRef page, String postId, PostDraft draft);

  /**
   * Deletes post {@code postId}.
   *
   * @throws PlatformException when the platform refuses or cannot be reached.
   */
  void delete(PageRef page, String postId);

  /** Releases what the platform holds; nothing by default. */
  @Override
  default void close() {}
}
