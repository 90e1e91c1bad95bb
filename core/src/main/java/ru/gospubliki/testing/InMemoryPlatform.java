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
import ru.gospubliki.internal.DraftGate;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.MediaKind;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.Captcha;
import ru.gospubliki.platform.CaptchaAnswer;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.Operation;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.platform.PlatformException;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.platform.PostLookup;
import ru.gospubliki.platform.PostQuery;
import ru.gospubliki.platform.SendRequest;
import ru.gospubliki.platform.SendResult;

/**
 * A {@link Platform} held in memory, for embedders' tests: put profiles and posts in, audit and
 * publish against it, and make it fail the way real platforms do (a page that cannot be read, a
 * publication whose response is lost after the post was recorded).
 *
 * <pre>{@code
 * InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, clock);
 * vk.putProfile(ProfileSnapshot.builder().page(PageRef.of(PlatformId.VK, "123")).name("Школа № 9")
 *     .takenAt(clock.instant()).build());
 * vk.loseNextPublishResponse(); // the next post is recorded but its answer is lost
 * CrossPostResult result = CrossPoster.builder().addPlatform(vk).build().post(draft, targets);
 * }</pre>
 *
 * <p>Thread-safe. Keeps no publishing state beyond the posts themselves: the SDK's send-once
 * publishing works from its journal, {@link #send} and {@link #findExisting}. A platform created
 * with a {@linkplain Capabilities#dedupWindow() deduplication window} drops a repeated send of the
 * same draft within it, as VK's {@code guid} does.
 */
public final class InMemoryPlatform implements Platform {
  private final PlatformId id;
  private final Clock clock;
  private final Capabilities capabilities;
  private final Map<PageRef, ProfileSnapshot> profiles = new LinkedHashMap<>();
  private final Map<String, PageRef> screenNames = new HashMap<>();
  private final Map<PageRef, List<Post>> posts = new HashMap<>();
  private final Map<PageRef, FetchResult.Failure<?>> readFailures = new HashMap<>();
  /** Posts by (page, idempotency key), for the platform's own deduplication within its window. */
  private final Map<String, Post> byIdempotencyKey = new HashMap<>();
  private final Map<Post, Instant> createdAt = new java.util.IdentityHashMap<>();
  private final AtomicInteger nextPostId = new AtomicInteger(1);
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger sends = new AtomicInteger();
  private int loseResponses;
  private int timeOutBeforeRecording;
  private @Nullable String failNextPublish;
  private int lookupFailures;
  private @Nullable FailureReason nextWriteFailure;
  private @Nullable String nextWriteFailureMessage;
  private @Nullable String captchaText;
  private @Nullable String captchaSid;
  private int nextCaptcha = 1;
  private java.util.function.Consumer<SendRequest> onSend = request -> {};

  private InMemoryPlatform(PlatformId id, Clock clock, Capabilities capabilities) {
    this.id = id;
    this.clock = clock;
    this.capabilities = capabilities;
  }

  /**
   * A platform with VK-like limits and every operation allowed; on {@link PlatformId#VK} a repeated
   * send within one hour is dropped, as VK's {@code guid} does, elsewhere nothing is deduplicated.
   */
  public static InMemoryPlatform create(PlatformId id, Clock clock) {
    return create(Capabilities.builder()
        .platform(id)
        .dedupWindow(id.equals(PlatformId.VK) ? java.time.Duration.ofHours(1) : java.time.Duration.ZERO)
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

  /**
   * The next send is recorded on the page but its answer is lost on the way back: {@link
   * SendResult.Ambiguous} ({@code CONNECTION_LOST}).
   */
  public synchronized InMemoryPlatform loseNextPublishResponse() {
    return loseResponses(1);
  }

  /** The next {@code count} sends are recorded but their answers lost. */
  public synchronized InMemoryPlatform loseResponses(int count) {
    loseResponses = count;
    return this;
  }

  /** The next {@code count} sends time out before the platform records anything: ambiguous, nothing posted. */
  public synchronized InMemoryPlatform timeOutBeforeRecording(int count) {
    timeOutBeforeRecording = count;
    return this;
  }

  /** The next send is refused with {@code error}: {@link SendResult.Refused}, nothing is recorded. */
  public synchronized InMemoryPlatform failNextPublish(String error) {
    failNextPublish = error;
    return this;
  }

  /**
   * The next {@link #edit} or {@link #delete} fails with a {@link PlatformException} of {@code
   * reason} and {@code message} and changes nothing, as a platform that refuses ({@code
   * ACCESS_DENIED}) or cannot be reached ({@code NETWORK}) would.
   */
  public synchronized InMemoryPlatform failNextEditOrDelete(FailureReason reason, String message) {
    this.nextWriteFailure = Objects.requireNonNull(reason, "reason");
    this.nextWriteFailureMessage = Objects.requireNonNull(message, "message");
    return this;
  }

  /** The next {@code count} {@link #findExisting} calls cannot tell (the page cannot be read). */
  public synchronized InMemoryPlatform failLookups(int count) {
    lookupFailures = count;
    return this;
  }

  /**
   * Every send is refused with a captcha until one carries the answer {@code text} to the latest
   * challenge; the challenge is in {@link SendResult.Refused#captcha()}.
   */
  public synchronized InMemoryPlatform requireCaptcha(String text) {
    captchaText = text;
    return this;
  }

  /**
   * Hands every send request to {@code listener} before it is carried out; a listener that throws
   * makes the send throw, as an adapter that breaks mid-call would.
   */
  public synchronized InMemoryPlatform onSend(java.util.function.Consumer<SendRequest> listener) {
    this.onSend = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /** Sends made, each attempt counting once. */
  public int sends() {
    return sends.get();
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

  /**
   * Publishes {@code request.draft()}. Like VK's {@code guid}, a send of a draft already posted on
   * the page within {@link Capabilities#dedupWindow()} answers that post instead of posting again;
   * with no window (the default, as on OK) every send that gets through makes a new post.
   */
  @Override
  public synchronized SendResult send(SendRequest request) {
    calls.incrementAndGet();
    sends.incrementAndGet();
    onSend.accept(request);
    PageRef page = request.page();
    PostDraft draft = request.draft();
    PageRef resolved = resolveOrNull(page);
    if (resolved == null) return new SendResult.Refused(FailureReason.NOT_FOUND, "страница не найдена: " + page.url());
    String error = failNextPublish;
    if (error != null) {
      failNextPublish = null;
      return new SendResult.Refused(FailureReason.REFUSED, error);
    }
    if (captchaText != null) {
      CaptchaAnswer answer = request.captchaAnswer();
      String sid = captchaSid;
      if (answer == null || sid == null || !answer.sid().equals(sid) || !answer.text().equals(captchaText)) {
        captchaSid = Integer.toString(nextCaptcha++);
        return new SendResult.Refused(FailureReason.CAPTCHA, "платформа просит ввести капчу",
            new Captcha(captchaSid, "https://captcha.example/" + captchaSid + ".png", null));
      }
      captchaText = null;
      captchaSid = null;
    }
    if (timeOutBeforeRecording > 0) {
      timeOutBeforeRecording--;
      return new SendResult.Ambiguous(FailureReason.TIMEOUT, "нет ответа платформы");
    }
    Instant now = clock.instant();
    String key = resolved.id() + ' ' + draft.idempotencyKey();
    Post existing = byIdempotencyKey.get(key);
    java.time.Duration window = capabilities.dedupWindow();
    if (existing == null || window.isZero() || !now.isBefore(Objects.requireNonNull(createdAt.get(existing)).plus(window))) {
      Instant at = draft.scheduledAt() != null ? Objects.requireNonNull(draft.scheduledAt()) : now;
      String postId = Integer.toString(nextPostId.getAndIncrement());
      Post.Builder post = Post.builder()
          .page(resolved)
          .id(postId)
          .url(postUrl(resolved, postId))
          .publishedAt(at)
          .authorKind(AuthorKind.COMMUNITY)
          .authorId(resolved.id());
      existing = content(post, draft).build();
      byIdempotencyKey.put(key, existing);
      createdAt.put(existing, now);
      posts.computeIfAbsent(resolved, p -> new ArrayList<>()).add(existing);
    }
    if (loseResponses > 0) {
      loseResponses--;
      return new SendResult.Ambiguous(FailureReason.CONNECTION_LOST, "ответ платформы потерян после отправки");
    }
    return sent(existing, draft);
  }

  /** Finds a post of {@code draft}'s text made on the page at or after {@code sentAfter}. */
  @Override
  public synchronized PostLookup findExisting(PageRef page, PostDraft draft, Instant sentAfter) {
    calls.incrementAndGet();
    if (lookupFailures > 0) {
      lookupFailures--;
      return new PostLookup.CannotTell("страницу не удалось прочитать");
    }
    PageRef resolved = resolveOrNull(page);
    if (resolved == null) return new PostLookup.CannotTell("страница не найдена: " + page.url());
    for (Post post : posts.getOrDefault(resolved, List.of())) {
      Instant created = createdAt.get(post);
      if (created != null && !created.isBefore(sentAfter) && post.text().equals(draft.fullText())) {
        return new PostLookup.Found(sent(post, draft));
      }
    }
    return new PostLookup.Absent();
  }

  private static SendResult.Sent sent(Post post, PostDraft draft) {
    return new SendResult.Sent(post.id(), post.url(), draft.scheduledAt() != null ? post.publishedAt() : null);
  }

  /**
   * Replaces the post's text, photos, link and ad mark with the draft's, as the platforms' edit
   * methods do; a post not yet published takes the draft's publication time, a published one
   * cannot be given one.
   *
   * @throws PlatformException {@code NOT_FOUND} when the page or the post is not there, {@code
   *     REFUSED} for a publication time on a published post, or what {@link #failNextEditOrDelete}
   *     set.
   * @throws IllegalArgumentException when {@code postId} is blank or the draft breaks this
   *     platform's limits (the SDK's draft validator; every problem in the message).
   */
  @Override
  public synchronized SendResult.Sent edit(PageRef page, String postId, PostDraft draft) {
    calls.incrementAndGet();
    String id = requirePostId(postId);
    DraftGate.require(draft, capabilities, clock);
    failIfAsked();
    List<Post> list = postsOf(page);
    for (int i = 0; i < list.size(); i++) {
      Post post = list.get(i);
      if (!post.id().equals(id)) continue;
      Instant now = clock.instant();
      boolean live = !post.publishedAt().isAfter(now);
      Instant at = draft.scheduledAt();
      if (at != null && live) {
        throw new PlatformException(FailureReason.REFUSED, "запись " + id + " уже опубликована: "
            + "время публикации ей не назначить; уберите его из черновика");
      }
      Post edited = content(Post.builder().from(post).media(EnumSet.noneOf(MediaKind.class)), draft)
          .hashtags(ru.gospubliki.internal.Hashtags.extract(draft.fullText()))
          .publishedAt(at != null ? at : post.publishedAt())
          .build();
      list.set(i, edited);
      Instant created = createdAt.remove(post);
      if (created != null) createdAt.put(edited, created);
      byIdempotencyKey.replaceAll((key, p) -> p == post ? edited : p);
      return new SendResult.Sent(id, post.url(), edited.publishedAt().isAfter(now) ? edited.publishedAt() : null);
    }
    throw notFound(page, id);
  }

  /**
   * Removes the post from its page.
   *
   * @throws PlatformException {@code NOT_FOUND} when the page or the post is not there, or what
   *     {@link #failNextEditOrDelete} set.
   * @throws IllegalArgumentException when {@code postId} is blank.
   */
  @Override
  public synchronized void delete(PageRef page, String postId) {
    calls.incrementAndGet();
    String id = requirePostId(postId);
    failIfAsked();
    List<Post> list = postsOf(page);
    Post removed = null;
    for (Post post : list) {
      if (post.id().equals(id)) removed = post;
    }
    if (removed == null) throw notFound(page, id);
    list.remove(removed);
    Post gone = removed;
    createdAt.remove(gone);
    byIdempotencyKey.values().removeIf(p -> p == gone);
  }

  /** The page's posts, to change; {@code NOT_FOUND} when there is no such page. */
  private List<Post> postsOf(PageRef page) {
    PageRef resolved = resolveOrNull(page);
    if (resolved == null) throw new PlatformException(FailureReason.NOT_FOUND, "страница не найдена: " + page.url());
    return posts.computeIfAbsent(resolved, p -> new ArrayList<>());
  }

  private void failIfAsked() {
    FailureReason reason = nextWriteFailure;
    String message = nextWriteFailureMessage;
    if (reason == null || message == null) return;
    nextWriteFailure = null;
    nextWriteFailureMessage = null;
    throw new PlatformException(reason, message);
  }

  private static PlatformException notFound(PageRef page, String postId) {
    return new PlatformException(FailureReason.NOT_FOUND, "записи " + postId + " нет на странице " + page.url());
  }

  private static String requirePostId(String postId) {
    Objects.requireNonNull(postId, "postId");
    if (postId.isBlank()) throw new IllegalArgumentException("номер записи пустой");
    return postId.strip();
  }

  /** The draft's text, ad mark and kinds of media on {@code post}. */
  private static Post.Builder content(Post.Builder post, PostDraft draft) {
    post.text(draft.fullText()).markedAsAd(draft.markedAsAd());
    if (!draft.photos().isEmpty()) post.addMedia(MediaKind.PHOTO);
    if (draft.link() != null) post.addMedia(MediaKind.LINK);
    return post;
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
