package ru.gospubliki.ok.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.MediaKind;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.Post;

/** Maps OK media topics ({@code mediatopic.getTopics}) to {@link Post}s. */
public final class TopicMapper {
  private TopicMapper() {}

  /** Public link to topic {@code topicId} of group {@code gid}. */
  public static String topicUrl(long gid, String topicId) {
    return "https://ok.ru/group/" + gid + "/topic/" + topicId;
  }

  /**
   * What is wrong with {@code topic} for an audit (no id, no creation time), or null when nothing
   * is.
   */
  public static @Nullable String problem(OkAnswers.Topic topic) {
    String id = ProfileMapper.text(topic.id());
    if (id == null) return "тема без идентификатора (id)";
    if (topic.createdMs() == null) return "у темы " + id + " нет времени создания (created_ms)";
    return null;
  }

  /**
   * Maps one topic of group {@code page} (numeric) that has no {@link #problem}. {@code author_ref}
   * {@code group:<gid>} is a community, {@code user:<uid>} a person; a topic without one is taken
   * as the group's own (it is in the group's feed).
   */
  public static Post map(PageRef page, OkAnswers.Topic topic) {
    String id = ProfileMapper.text(topic.id());
    Long createdMs = topic.createdMs();
    if (id == null || createdMs == null) throw new IllegalArgumentException("topic without id or created_ms");
    long gid = page.numericId();
    AuthorKind kind = AuthorKind.COMMUNITY;
    String authorId = Long.toString(gid);
    String authorRef = ProfileMapper.text(topic.authorRef());
    if (authorRef != null) {
      int colon = authorRef.indexOf(':');
      String type = colon < 0 ? "" : authorRef.substring(0, colon).toLowerCase(Locale.ROOT);
      String ref = colon < 0 ? authorRef : authorRef.substring(colon + 1);
      if (type.equals("user")) {
        kind = AuthorKind.PERSON;
        authorId = ref;
      } else if (type.equals("group")) {
        authorId = ref;
      }
    }
    Post.Builder post = Post.builder()
        .page(page)
        .id(id)
        .url(topicUrl(gid, id))
        .publishedAt(Instant.ofEpochMilli(createdMs))
        .authorKind(kind)
        .authorId(authorId)
        .text(text(topic));
    List<OkAnswers.Media> media = topic.media();
    if (media != null) {
      for (OkAnswers.Media block : media) {
        MediaKind mediaKind = mediaKind(block.type());
        if (mediaKind != null) post.addMedia(mediaKind);
      }
    }
    Boolean pinned = topic.isSticky() != null ? topic.isSticky() : topic.pinned();
    if (pinned != null) post.pinned(pinned);
    post.likes(count(topic.likeSummary()));
    Long comments = topic.discussionSummary() == null ? null : topic.discussionSummary().commentsCount();
    post.comments(comments != null ? comments : count(topic.discussionSummary()));
    post.reposts(count(topic.reshareSummary()));
    Long views = count(topic.viewsSummary());
    post.views(views != null ? views : topic.viewsCount());
    return post.build();
  }

  /** True when the topic was posted by group {@code gid} itself (or names no author). */
  public static boolean isOwn(OkAnswers.Topic topic, long gid) {
    String authorRef = ProfileMapper.text(topic.authorRef());
    return authorRef == null || authorRef.equalsIgnoreCase("group:" + gid);
  }

  /** The topic's text: its text blocks joined by blank lines. */
  public static String text(OkAnswers.Topic topic) {
    List<OkAnswers.Media> media = topic.media();
    if (media == null) return "";
    List<String> texts = new ArrayList<>();
    for (OkAnswers.Media block : media) {
      if (!"text".equalsIgnoreCase(block.type())) continue;
      String text = block.text();
      if (text != null && !text.isEmpty()) texts.add(text);
    }
    return String.join("\n\n", texts);
  }

  /** The number of photos in the topic's photo blocks. */
  public static int photos(OkAnswers.Topic topic) {
    List<OkAnswers.Media> media = topic.media();
    if (media == null) return 0;
    int photos = 0;
    for (OkAnswers.Media block : media) {
      if (!"photo".equalsIgnoreCase(block.type())) continue;
      int listed = block.list() == null ? 0 : block.list().size();
      int refs = block.photoRefs() == null ? 0 : block.photoRefs().size();
      photos += Math.max(listed, refs);
    }
    return photos;
  }

  static @Nullable MediaKind mediaKind(@Nullable String type) {
    if (type == null) return MediaKind.OTHER;
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "text" -> null;
      case "photo" -> MediaKind.PHOTO;
      case "movie", "video" -> MediaKind.VIDEO;
      case "link" -> MediaKind.LINK;
      case "poll" -> MediaKind.POLL;
      case "music", "audio" -> MediaKind.AUDIO;
      case "file", "doc" -> MediaKind.DOCUMENT;
      default -> MediaKind.OTHER;
    };
  }

  private static @Nullable Long count(OkAnswers.@Nullable Summary summary) {
    return summary == null ? null : summary.count();
  }
}
