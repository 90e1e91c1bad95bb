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
 * <p>An implementation is called from several threads at once: an audit reads two chunks of
 * pages at a time, and a service audits and publishes at the same time.
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
   * {@link PostDraft#scheduledAt()}. Never repeated here and never throws for the platform's
   * refusals or for network failures: they are {@link SendResult.Refused} (certainly not posted) or
   * {@link SendResult.Ambiguous} (may have been posted). The SDK's send-once publishing ({@code
   * CrossPoster}) is the only caller an application needs: it keeps the journal that makes a post
   * go out once, sends again only when that cannot duplicate it, and reconciles with {@link
   * #findExisting} otherwise.
   */
  SendResult send(SendRequest request);

  /**
   * Looks on {@code page} for the post of {@code draft} sent at or after {@code sentAfter} whose
   * answer was lost: {@link PostLookup.Found} with the post, {@link PostLookup.Absent} when the page
   * was read and the post is not there, {@link PostLookup.CannotTell} when the page could not be
   * read or the draft cannot be told apart from other posts. Never throws for the platform's
   * failures.
   */
  PostLookup findExisting(PageRef page, PostDraft draft, Instant sentAfter);

  /**
   * Corrects a post already sent (a wrong date, a typo): replaces the content of post {@code
   * postId} on {@code page} with {@code draft}. Failures are
   * reported the same way by every adapter, and as {@link #delete} reports them, so one {@code
   * catch} serves every platform: an application shows {@link PlatformException#getMessage()}
   * (Russian, no secrets) and decides by {@link PlatformException#reason()}. An edit is not
   * journalled: repeating it with the same draft leaves the same post, so a caller may simply try
   * again after a failure whose reason is not {@linkplain FailureReason#retrySafe() retry-safe}.
   *
   * <pre>{@code
   * try {
   *   SendResult.Sent edited = platform.edit(page, "1001", draft);
   * } catch (PlatformException e) {
   *   show(e.getMessage()); // e.reason() == CAPTCHA: e.captcha() is the challenge VK asked
   * }
   * }</pre>
   *
   * @return the edited post: its id, its link and, for a post not yet published, when it goes live.
   * @throws PlatformException when the platform refuses (the post does not exist, the credential may
   *     not edit it, a captcha — then {@link PlatformException#captcha()} is the challenge; the SDK
   *     has no way to send the answer with an edit, so a person tries again later) or cannot be
   *     reached; {@code reason().retrySafe()} is false when the edit may have been made all the same.
   * @throws IllegalArgumentException when {@code postId} is not a post id of this platform, or the
   *     draft breaks the platform's limits (checked by the SDK's draft validator before any network
   *     call; the message lists every problem in Russian) or asks what an edit cannot do on this
   *     platform (e.g. a publication time on OK or MAX).
   */
  SendResult.Sent edit(PageRef page, String postId, PostDraft draft);

  /**
   * Takes down a post that should not be there (sent by mistake, out of date): deletes post {@code
   * postId} from {@code page}, sent once. A post the platform no longer has may
   * be taken as deleted where the platform says so unambiguously (MAX).
   *
   * @throws PlatformException when the platform refuses (no such post, no right to delete it) or
   *     cannot be reached; {@code reason().retrySafe()} is false when the post may be gone all the
   *     same. Same reasons and Russian messages as {@link #edit}.
   * @throws IllegalArgumentException when {@code postId} is not a post id of this platform.
   */
  void delete(PageRef page, String postId);

  /** Releases what the platform holds; nothing by default. */
  @Override
  default void close() {}
}
