package ru.gospubliki.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.Capabilities;

/**
 * Everything a rule may look at for one subject. Fields a subject does not have are null: a page
 * rule on a context with no profile, or a publication rule with no posts read, answers {@code
 * UNKNOWN} or {@code NOT_APPLICABLE}, never {@code FAIL}.
 */
@Value.Immutable
public abstract class RuleContext {
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

  /** Recent posts, newest or not; null when they could not be read. */
  public abstract @Nullable List<Post> posts();

  public abstract @Nullable PostDraft draft();

  /** The target platform's limits, for draft rules. */
  public abstract @Nullable Capabilities capabilities();

  /** Posts published as the community itself; empty when posts are unknown. */
  @Value.Lazy
  public List<Post> ownPosts() {
    List<Post> posts = posts();
    if (posts == null) return List.of();
    List<Post> own = new ArrayList<>(posts.size());
    for (Post post : posts) {
      if (post.authorKind() == AuthorKind.COMMUNITY) own.add(post);
    }
    return own;
  }

  /**
   * Own posts published in the {@code days} before {@link #now()}. Several publication rules ask
   * for the same window: the last answer is kept.
   */
  public final List<Post> ownPostsWithin(int days) {
    OwnWindow cached = ownWindow;
    if (cached != null && cached.days == days) return cached.posts;
    long now = now().toEpochMilli();
    long start = now - days * 86_400_000L;
    List<Post> own = ownPosts();
    List<Post> result = new ArrayList<>(own.size());
    for (Post post : own) {
      long at = post.publishedAt().toEpochMilli();
      if (at > start && at <= now) result.add(post);
    }
    List<Post> posts = java.util.Collections.unmodifiableList(result);
    ownWindow = new OwnWindow(days, posts);
    return posts;
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
