package ru.gospubliki.platform;

import java.time.Instant;
import org.immutables.value.Value;

/**
 * Which posts an audit needs from each page: every post since {@link #since()} (the policy's
 * longest publication window), and, when fewer of the page's own posts than {@link
 * #minOwnPosts()} are among them, older posts too, until that many own posts are seen or the page
 * has no more.
 *
 * <pre>{@code
 * PostQuery query = PostQuery.builder().since(now.minus(Duration.ofDays(28))).minOwnPosts(2).build();
 * Map<PageRef, FetchResult<PostHistory>> posts = vk.fetchPosts(pages, query);
 * }</pre>
 */
@Value.Immutable
public abstract class PostQuery {
  PostQuery() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Every post since {@code since}, and no older ones. */
  public static PostQuery since(Instant since) {
    return builder().since(since).build();
  }

  /** The start of the window: every post published at or after it is read. */
  public abstract Instant since();

  /** How many of the page's own posts to find, reading past {@link #since()} if need be; 0 by default. */
  @Value.Default
  public int minOwnPosts() {
    return 0;
  }

  @Value.Check
  void check() {
    if (minOwnPosts() < 0) throw new IllegalArgumentException("minOwnPosts < 0: " + minOwnPosts());
  }

  /** Builds {@link PostQuery} values. */
  public static final class Builder extends ImmutablePostQuery.Builder {
    Builder() {}
  }
}
