package ru.gospubliki.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.MediaKind;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.Operation;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.platform.PlatformException;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.platform.PostQuery;
import ru.gospubliki.platform.PublishResult;

/**
 * A {@link Platform} held in memory, for embedders' tests: put profiles and posts in, audit and
 * publish against it, and make it fail the way real platforms do (a page that cannot be read, a
 * publication whose response is lost after the post was recorded).
 *
 * <pre>{@code
 * InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, clock);
 * vk.putProfile(ProfileSnapshot.builder().page(PageRef.of(PlatformId.VK, "123")).name("Школа № 9")
 *     .takenAt(clock.instant()).build());
 * vk.loseNextPublishResponse(); // the next post is recorded but its result is lost
 * CrossPostResult result = CrossPoster.builder().addPlatform(vk).build().post(draft, targets);
 * }</pre>
 *
 * <p>Thread-safe. Publishing is idempotent per (page, draft idempotency key), like VK's {@code guid}.
 */
public final class InMemoryPlatform implements Platform {
  private final PlatformId id;
  private final Clock clock;
  private final Capabilities capabilities;
  private final Map<PageRef, ProfileSnapshot> profiles = new LinkedHashMap<>();
  private final Map<String, PageRef> screenNames = new HashMap<>();
  private final Map<PageRef, List<Post>> posts = new HashMap<>();
  private final Map<PageRef, FetchResult.Failure<?>> readFailures = new HashMap<>();
  private final Map<String, Post> byIdempotencyKey = new HashMap<>();
  private final AtomicInteger nextPostId = new AtomicInteger(1);
  private final AtomicInteger calls = new AtomicInteger();
  private boolean loseNextPublishResponse;
  private @Nullable String failNextPublish;

  private InMemoryPlatform(PlatformId id, Clock clock, Capabilities capabilities) {
    this.id = id;
    this.clock = clock;
    this.capabilities = capabilities;
  }

  /** A platform with VK-like limits and every operation allowed. */
  public static InMemoryPlatform create(PlatformId id, Clock clock) {
    return create(Capabilities.builder()
        .platform(id)
        .operations(EnumSet.allOf(Operation.class))
        .maxTextLength(16_384)
        .maxMedia(10)
        .maxLinks(1)
        .maxPhotoBytes(50L * 1024 * 1024)
        .photoMediaTypes(Set.of("image/jpeg", "image/png", "image/gif"))
        .maxPhotoDimensionSum(14_000)
        .maxPhotoAspectRatio(20.0)
        .build(), clock);
  }

  /** A platform with the given limits and operations (its id is {@code capabilities.platform()}). */
  public static InMemoryPlatform create(Capabilities capabilities, Clock clock) {
    return new InMemoryPlatform(capabilities.platform(), clock, capabilities);
  }

  /** Adds or replaces a page's profile; its page must be numeric, its screen name resolves to it. */
  public synchronized InMemoryPlatform putProfile(ProfileSnapshot profile) {
    requireOwn(profile.page());
    if (!profile.page().isNumeric()) throw new IllegalArgumentException("profile page must be numeric: " + profile.page());
    profiles.put(profile.page(), profile);
    String screenName = profile.screenName();
    if (screenName != null) screenNames.put(screenName.toLowerCase(java.util.Locale.ROOT), profile.page());
    return this;
  }

  /** Adds a post to its page. */
  public synchronized InMemoryPlatform addPost(Post post) {
    requireOwn(post.page());
    posts.computeIfAbsent(post.page(), p -> new ArrayList<>()).add(post);
    return this;
  }

  /** Makes every read of {@code page} fail with {@code reason}. */
  public synchronized InMemoryPlatform failReads(PageRef page, FailureReason reason, String detail) {
    readFailures.put(page, new FetchResult.Failure<>(reason, detail));
    return this;
  }

  /** The next publication is recorded on the page but its result is lost: the caller sees UNKNOWN. */
  public synchronized InMemoryPlatform loseNextPublishResponse() {
    loseNextPublishResponse = true;
    return this;
  }

  /** The next publication is refused with {@code error}, retry-safe, and nothing is recorded. */
  public synchronized InMemoryPlatform failNextPublish(String error) {
    failNextPublish = error;
    return this;
  }

  /** Posts on {@code page}, in the order they were added or published. */
  public synchronized List<Post> posts(PageRef page) {
    return List.copyOf(posts.getOrDefault(resolveOrSelf(page), List.of()));
  }

  /** How many SPI calls were made, bulk calls counting once. */
  public int calls() {
    return calls.get();
  }

  @Override
  public PlatformId id() {
    return id;
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public synchronized Map<PageRef, FetchResult<PageRef>> resolve(Collection<PageRef> pages) {
    calls.incrementAndGet();
    Map<PageRef, FetchResult<PageRef>> result = new LinkedHashMap<>();
    for (PageRef page : pages) {
      PageRef resolved = resolveOrNull(page);
      result.put(page, resolved != null ? FetchResult.success(resolved)
          : FetchResult.failure(FailureReason.NOT_FOUND, "страница не найдена: " + page.url()));
    }
    return result;
  }

  @Override
  public synchronized Map<PageRef, FetchResult<ProfileSnapshot>> fetchProfiles(Collection<PageRef> pages) {
    calls.incrementAndGet();
    Map<PageRef, FetchResult<ProfileSnapshot>> result = new LinkedHashMap<>();
    for (PageRef page : pages) {
      FetchResult.Failure<?> failure = failureOf(page);
      ProfileSnapshot profile = profiles.get(resolveOrSelf(page));
      if (failure != null) result.put(page, failure.cast());
      else if (profile == null) result.put(page, FetchResult.failure(FailureReason.NOT_FOUND, "страница не найдена: " + page.url()));
      else result.put(page, FetchResult.success(ProfileSnapshot.builder().from(profile).takenAt(clock.instant()).build()));
    }
    return result;
  }

  @Override
  public synchronized Map<PageRef, FetchResult<PostHistory>> fetchPosts(Collection<PageRef> pages, PostQuery query) {
    calls.incrementAndGet();
    Map<PageRef, FetchResult<PostHistory>> result = new LinkedHashMap<>();
    Instant since = query.since();
    Instant now = clock.instant();
    for (PageRef page : pages) {
      FetchResult.Failure<?> failure = failureOf(page);
      PageRef resolved = resolveOrSelf(page);
      if (failure != null) {
        result.put(page, failure.cast());
      } else if (!profiles.containsKey(resolved)) {
        result.put(page, FetchResult.failure(FailureReason.NOT_FOUND, "страница не найдена: " + page.url()));
      } else {
        List<Post> visible = new ArrayList<>();
        for (Post post : posts.getOrDefault(resolved, List.of())) {
          if (!post.publishedAt().isAfter(now)) visible.add(post);
        }
        // Newest first, as platforms page back; reported in the order the posts were added.
        List<Post> newestFirst = new ArrayList<>(visible);
        newestFirst.sort(java.util.Comparator.comparing(Post::publishedAt).reversed());
        java.util.Set<Post> read = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        int own = 0;
        for (Post post : newestFirst) {
          boolean inWindow = post.pinned() || !post.publishedAt().isBefore(since);
          if (!inWindow && own >= query.minOwnPosts()) continue;
          read.add(post);
          if (post.authorKind() == AuthorKind.COMMUNITY) own++;
        }
        List<Post> inOrder = new ArrayList<>(read.size());
        for (Post post : visible) if (read.contains(post)) inOrder.add(post);
        result.put(page, FetchResult.success(PostHistory.builder().posts(inOrder)
            .reachedStart(read.size() == visible.size()).totalPosts((long) visible.size()).build()));
      }
    }
    return result;
  }

  @Override
  public synchronized PublishResult publish(PageRef page, PostDraft draft) {
    calls.incrementAndGet();
    PageRef resolved = resolveOrNull(page);
    if (resolved == null) {
      return new PublishResult.Failed(page, FailureReason.NOT_FOUND, "страница не найдена: " + page.url());
    }
    String key = resolved.id() + ' ' + draft.idempotencyKey();
    Post existing = byIdempotencyKey.get(key);
    if (existing == null) {
      String error = failNextPublish;
      if (error != null) {
        failNextPublish = null;
        return new PublishResult.Failed(page, FailureReason.REFUSED, error);
      }
      Instant at = draft.scheduledAt() != null ? Objects.requireNonNull(draft.scheduledAt()) : clock.instant();
      String postId = Integer.toString(nextPostId.getAndIncrement());
      Post.Builder post = Post.builder()
          .page(resolved)
          .id(postId)
          .url(postUrl(resolved, postId))
          .publishedAt(at)
          .authorKind(AuthorKind.COMMUNITY)
          .authorId(resolved.id())
          .text(draft.fullText())
          .markedAsAd(draft.markedAsAd());
      if (!draft.photos().isEmpty()) post.addMedia(MediaKind.PHOTO);
      if (draft.link() != null) post.addMedia(MediaKind.LINK);
      existing = post.build();
      byIdempotencyKey.put(key, existing);
      posts.computeIfAbsent(resolved, p -> new ArrayList<>()).add(existing);
    }
    if (loseNextPublishResponse) {
      loseNextPublishResponse = false;
      return new PublishResult.Unknown(page, "ответ платформы потерян после отправки");
    }
    return draft.scheduledAt() != null
        ? new PublishResult.Scheduled(page, existing.id(), existing.url(), existing.publishedAt())
        : new PublishResult.Published(page, existing.id(), existing.url());
  }

  @Override
  public synchronized PublishResult edit(PageRef page, String postId, PostDraft draft) {
    calls.incrementAndGet();
    PageRef resolved = resolveOrSelf(page);
    List<Post> list = posts.getOrDefault(resolved, new ArrayList<>());
    for (int i = 0; i < list.size(); i++) {
      Post post = list.get(i);
      if (post.id().equals(postId)) {
        Post edited = Post.builder().from(post).text(draft.fullText())
            .hashtags(ru.gospubliki.internal.Hashtags.extract(draft.fullText())).build();
        list.set(i, edited);
        return new PublishResult.Published(page, postId, post.url());
      }
    }
    return new PublishResult.Failed(page, FailureReason.NOT_FOUND, "запись " + postId + " не найдена");
  }

  @Override
  public synchronized void delete(PageRef page, String postId) {
    calls.incrementAndGet();
    List<Post> list = posts.get(resolveOrSelf(page));
    if (list == null || !list.removeIf(post -> post.id().equals(postId))) {
      throw new PlatformException(FailureReason.NOT_FOUND, "post " + postId + " not found on " + page.url());
    }
  }

  private static String postUrl(PageRef page, String postId) {
    if (page.platform().equals(PlatformId.VK)) return "https://vk.com/wall-" + page.id() + "_" + postId;
    if (page.platform().equals(PlatformId.OK)) return "https://ok.ru/group/" + page.id() + "/topic/" + postId;
    return page.url() + "/" + postId;
  }

  private void requireOwn(PageRef page) {
    if (!page.platform().equals(id)) throw new IllegalArgumentException(page + " is not on " + id);
  }

  private FetchResult.@Nullable Failure<?> failureOf(PageRef page) {
    FetchResult.Failure<?> failure = readFailures.get(page);
    return failure != null ? failure : readFailures.get(resolveOrSelf(page));
  }

  private @Nullable PageRef resolveOrNull(PageRef page) {
    if (!page.platform().equals(id)) return null;
    if (page.isNumeric()) return profiles.containsKey(page) ? page : null;
    return screenNames.get(page.id());
  }

  private PageRef resolveOrSelf(PageRef page) {
    PageRef resolved = resolveOrNull(page);
    return resolved != null ? resolved : page;
  }

  @Override
  public String toString() {
    return "InMemoryPlatform{" + id + "}";
  }
}
