package ru.gospubliki.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.PostHistory;

/**
 * Everything a rule may look at for one subject. Fields a subject does not have are null: a page
 * rule on a context with no profile, or a publication rule with no posts read, answers {@code
 * UNKNOWN} or {@code NOT_APPLICABLE}, never {@code FAIL}.
 *
 * <p>Publication rules share one notion of time: a post counts when it is dated no later than
 * {@link #now()} (a post dated later does not exist yet for an audit "as of" a past moment), and
 * the window of {@code days} days is {@code now - days <= publishedAt <= now}, both ends included.
 */
@Value.Immutable
public abstract class RuleContext {
  private static final long DAY_MILLIS = 86_400_000L;

  RuleContext() {}

  public static Builder builder() {
    return new Builder();
  }

  /** "Now" for rules that look at time, from the audit's clock. */
  public abstract Instant now();

  public abstract @Nullable Organization organization();

  public abstract @Nullable PageRef page();

  public abstract @Nullable ProfileSnapshot profile();

  /** The profile as the previous audit saw it; null on a first audit. */
  public abstract @Nullable ProfileSnapshot previous();

  /**
   * When earlier audits last saw the «Госорганизация» mark confirmed on the page, from the stored
   * snapshots; null when it was never seen (or no earlier audit is known).
   */
  public abstract @Nullable Instant markLastSeen();

  /** The posts read from the page, and whether its whole history was read; null when not read. */
  public abstract @Nullable PostHistory postHistory();

  /**
   * Every post published since this instant was read (the start of the read, the policy's longest
   * window); null when not known, and the posts are then taken to cover every window.
   */
  public abstract @Nullable Instant postsReadSince();

  /**
   * Why the posts could not be read, in Russian, when they were asked for and the platform failed
   * (an error, a quota, a malformed answer); null when they were read or not asked for (a closed
   * community).
   */
  public abstract @Nullable String postsUnreadBecause();

  public abstract @Nullable PostDraft draft();

  /** The target platform's limits and the credential's operations, for draft rules. */
  public abstract @Nullable Capabilities capabilities();

  /**
   * For organisation rules: the organisation's pages this audit found gone (deleted, banned, not
   * found), with the reason. A page that could not be read for another reason is not here.
   */
  public abstract Map<PageRef, FailureReason> deadPages();

  /**
   * For organisation rules: the organisation's pages that belong to a person, not a community,
   * whether their link shows it or the platform said so.
   */
  public abstract Set<PageRef> personPages();

  /** Every post read (own and persons', any date); null when the posts could not be read. */
  public final @Nullable List<Post> posts() {
    PostHistory history = postHistory();
    return history == null ? null : history.posts();
  }

  /**
   * True when the page is a person's, not a community: its link shows it ({@link PageRef#isPerson()})
   * or the platform reported a personal profile. Rules about a community do not apply to it.
   */
  public final boolean isPersonPage() {
    PageRef page = page();
    ProfileSnapshot profile = profile();
    return (page != null && page.isPerson()) || (profile != null && Boolean.FALSE.equals(profile.isCommunity()));
  }

  /** Posts published as the community itself and dated no later than {@link #now()}; empty when posts are unknown. */
  @Value.Lazy
  public List<Post> ownPosts() {
    List<Post> posts = posts();
    if (posts == null) return List.of();
    long now = now().toEpochMilli();
    List<Post> own = new ArrayList<>(posts.size());
    for (Post post : posts) {
      if (post.authorKind() == AuthorKind.COMMUNITY && post.publishedAt().toEpochMilli() <= now) own.add(post);
    }
    return Collections.unmodifiableList(own);
  }

  /**
   * Own posts of the window of {@code days} days: {@code now - days <= publishedAt <= now}. The
   * audit's {@code postsLast28Days} and every publication rule use this one window. Several rules ask
   * for the same window: the last answer is kept.
   */
  public final List<Post> ownPostsWithin(int days) {
    OwnWindow cached = ownWindow;
    if (cached != null && cached.days == days) return cached.posts;
    long now = now().toEpochMilli();
    long start = windowStart(days);
    List<Post> own = ownPosts();
    List<Post> result = new ArrayList<>(own.size());
    for (Post post : own) {
      long at = post.publishedAt().toEpochMilli();
      if (at >= start && at <= now) result.add(post);
    }
    List<Post> posts = Collections.unmodifiableList(result);
    ownWindow = new OwnWindow(days, posts);
    return posts;
  }

  /** The first instant (epoch milliseconds) of the window of {@code days} days before {@link #now()}. */
  public final long windowStart(int days) {
    return now().toEpochMilli() - days * DAY_MILLIS;
  }

  /** The last {@link #ownPostsWithin} answer; a benign race at worst computes it twice. */
  private volatile @Nullable OwnWindow ownWindow;

  private static final class OwnWindow {
    final int days;
    final List<Post> posts;

    OwnWindow(int days, List<Post> posts) {
      this.days = days;
      this.posts = posts;
    }
  }

  /** Builds {@link RuleContext} values. */
  public static final class Builder extends ImmutableRuleContext.Builder {
    Builder() {}
  }
}
