package ru.gospubliki.platform;

import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.Post;

/**
 * The posts read from one page for a {@link PostQuery}: the community's own and persons' posts in
 * the window, pinned posts whatever their date, and older posts read to find the query's minimum
 * of own posts. Order is not significant.
 *
 * <pre>{@code
 * PostHistory history = PostHistory.builder().posts(posts).reachedStart(true).build();
 * }</pre>
 */
@Value.Immutable
public abstract class PostHistory {
  PostHistory() {}

  public static Builder builder() {
    return new Builder();
  }

  /** A history of {@code posts}, not known to be complete. */
  public static PostHistory of(List<Post> posts) {
    return builder().posts(posts).build();
  }

  public abstract List<Post> posts();

  /**
   * True when the page has no posts older than those returned, so the page's whole history was
   * read: a rule that counts all own posts can then fail, not only pass.
   */
  @Value.Default
  public boolean reachedStart() {
    return false;
  }

  /** The number of posts on the page as the platform reports it (VK's {@code count}); null when not reported. */
  public abstract @Nullable Long totalPosts();

  /** Builds {@link PostHistory} values. */
  public static final class Builder extends ImmutablePostHistory.Builder {
    Builder() {}
  }
}
