package ru.gospubliki.model;

import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * A post to publish on one or many official pages. A draft is checked against the {@code DRAFT_*}
 * rules and every target's capabilities before anything is sent.
 *
 * <p>Its {@link #idempotencyKey()} identifies this publication: re-publishing the same draft (the
 * same key) never creates a second post where the first may have arrived. By default the key is
 * derived from the content, so the same news built again in another process, or after a crash, is
 * the same publication.
 *
 * <pre>{@code
 * PostDraft draft = PostDraft.builder()
 *     .text("Открыта запись в первый класс")
 *     .addHashtags("школа9")
 *     .addPhotos(DraftPhoto.fromPath(Path.of("school.jpg")))
 *     .scheduledAt(Instant.parse("2026-12-01T07:00:00Z"))
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class PostDraft {
  PostDraft() {}

  public static Builder builder() {
    return new Builder();
  }

  @Value.Default
  public String text() {
    return "";
  }

  public abstract List<DraftPhoto> photos();

  /** A link to attach (one at most on VK). */
  public abstract @Nullable String link();

  /** When to publish; null publishes now. */
  public abstract @Nullable Instant scheduledAt();

  /** Hashtags (without {@code #}) appended to the text when not already in it. */
  public abstract List<String> hashtags();

  /** Marks the post as an advertisement; official posts should not be. */
  @Value.Default
  public boolean markedAsAd() {
    return false;
  }

  /**
   * Identifies this publication across retries, runs and processes. Unless given, it is derived
   * from the content: text, hashtags, link, the photos' bytes (not their names), the scheduled
   * time and the ad mark; two drafts that would publish the same post share it. Give a key of your
   * own (1..64 characters) to publish the same content twice on purpose, or to tie a publication
   * to a request id of your system.
   *
   * @throws java.io.UncheckedIOException at build time when a photo file cannot be read.
   */
  @Value.Default
  public String idempotencyKey() {
    return ru.gospubliki.internal.ContentKey.of(this);
  }

  /** The text as published: {@link #text()} followed by any hashtags it does not contain yet. */
  @Value.Lazy
  public String fullText() {
    StringBuilder result = new StringBuilder(text());
    List<String> present = ru.gospubliki.internal.Hashtags.extract(text());
    String separator = text().isEmpty() ? "" : "\n\n";
    for (String tag : hashtags()) {
      String bare = tag.startsWith("#") ? tag.substring(1) : tag;
      if (present.contains(bare.toLowerCase(java.util.Locale.ROOT))) continue;
      result.append(separator).append('#').append(bare);
      separator = " ";
    }
    return result.toString();
  }

  @Value.Check
  void check() {
    String key = idempotencyKey();
    if (key.isBlank() || key.length() > 64) {
      throw new IllegalStateException("idempotencyKey must be 1..64 characters: \"" + key + "\"");
    }
    for (String tag : hashtags()) {
      String bare = tag.startsWith("#") ? tag.substring(1) : tag;
      if (bare.isEmpty() || !bare.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
        throw new IllegalArgumentException("хэштег «" + tag + "»: допустимы только буквы, цифры и «_»");
      }
    }
  }

  /** Builds {@link PostDraft} values. */
  public static final class Builder extends ImmutablePostDraft.Builder {
    Builder() {}
  }
}
