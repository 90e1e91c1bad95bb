package ru.gospubliki.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.Hashtags;

/**
 * One published post (VK wall post, OK media topic) as the publication rules see it.
 *
 * <pre>{@code
 * Post post = Post.builder()
 *     .page(PageRef.parse("vk:123")).id("5013").url("https://vk.com/wall-123_5013")
 *     .publishedAt(Instant.parse("2026-11-20T09:00:00Z"))
 *     .authorKind(AuthorKind.COMMUNITY).authorId("123")
 *     .text("Открыта запись в первый класс #школа9")
 *     .addMedia(MediaKind.PHOTO)
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class Post {
  Post() {}

  public static Builder builder() {
    return new Builder();
  }

  /** The page the post is on. */
  public abstract PageRef page();

  /** The platform's post id. */
  public abstract String id();

  /** Public link to the post. */
  public abstract String url();

  public abstract Instant publishedAt();

  public abstract AuthorKind authorKind();

  /** The community's or the person's id on the platform. */
  public abstract String authorId();

  @Value.Default
  public String text() {
    return "";
  }

  /** Hashtags without {@code #}, lowercase; taken from the text unless given. */
  @Value.Default
  public List<String> hashtags() {
    return Hashtags.extract(text());
  }

  public abstract Set<MediaKind> media();

  /** Marked as an advertisement (VK {@code marked_as_ads}). */
  @Value.Default
  public boolean markedAsAd() {
    return false;
  }

  /**
   * A repost of another page's post (VK {@code copy_history}, an OK reshare). Its {@link #text()},
   * {@link #hashtags()} and {@link #media()} are what the page added itself, never the reposted
   * content: a repost with no text and no media of its own has neither hashtags nor media.
   */
  @Value.Default
  public boolean repost() {
    return false;
  }

  /** Pinned to the top of the wall. */
  @Value.Default
  public boolean pinned() {
    return false;
  }

  public abstract @Nullable Long views();

  public abstract @Nullable Long likes();

  public abstract @Nullable Long reposts();

  public abstract @Nullable Long comments();

  /** Builds {@link Post} values. */
  public static final class Builder extends ImmutablePost.Builder {
    Builder() {}
  }
}
