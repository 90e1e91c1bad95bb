package ru.gospubliki.ok.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
   * Maps one topic; null when it lacks an id or a creation time (nothing an audit could use).
   * {@code author_ref} {@code group:<gid>} is the community, {@code user:<uid>} a person; a topic
   * without one is taken as the group's own (it is in the group's feed).
   */
  public static @Nullable Post map(PageRef page, Map<String, @Nullable Object> topic) {
    String id = OkJson.text(topic, "id");
    Long createdMs = OkJson.longValue(topic, "created_ms");
    if (id == null || createdMs == null) return null;
    long gid = page.numericId();
    AuthorKind kind = AuthorKind.COMMUNITY;
    String authorId = Long.toString(gid);
    String authorRef = OkJson.text(topic, "author_ref");
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
    List<@Nullable Object> media = OkJson.asList(topic.get("media"));
    if (media != null) {
      for (Object item : media) {
        Map<String, @Nullable Object> m = OkJson.asMap(item);
        if (m == null) continue;
        MediaKind kindOf = mediaKind(OkJson.text(m, "type"));
        if (kindOf != null) post.addMedia(kindOf);
      }
    }
    Boolean pinned = firstBool(topic, "is_sticky", "pinned", "sticky");
    if (pinned != null) post.pinned(pinned);
    post.likes(counter(topic, "like_summary", "count", "likes_count"));
    post.comments(counter(topic, "discussion_summary", "comments_count", "comments_count"));
    post.reposts(counter(topic, "reshare_summary", "count", "reshares_count"));
    post.views(counter(topic, "views_summary", "count", "views_count"));
    return post.build();
  }

  /** The topic's text: its text media joined by blank lines. */
  public static String text(Map<String, @Nullable Object> topic) {
    List<@Nullable Object> media = OkJson.asList(topic.get("media"));
    if (media == null) return "";
    List<String> texts = new ArrayList<>();
    for (Object item : media) {
      Map<String, @Nullable Object> m = OkJson.asMap(item);
      if (m == null || !"text".equalsIgnoreCase(OkJson.string(m, "type"))) continue;
      String text = OkJson.string(m, "text");
      if (text != null && !text.isEmpty()) texts.add(text);
    }
    return String.join("\n\n", texts);
  }

  static @Nullable MediaKind mediaKind(@Nullable String type) {
    if (type == null) return MediaKind.OTHER;
    switch (type.toLowerCase(Locale.ROOT)) {
      case "text":
        return null;
      case "photo":
        return MediaKind.PHOTO;
      case "movie":
      case "video":
        return MediaKind.VIDEO;
      case "link":
        return MediaKind.LINK;
      case "poll":
        return MediaKind.POLL;
      case "music":
      case "audio":
        return MediaKind.AUDIO;
      case "file":
      case "doc":
        return MediaKind.DOCUMENT;
      default:
        return MediaKind.OTHER;
    }
  }

  private static @Nullable Boolean firstBool(Map<String, @Nullable Object> map, String... keys) {
    for (String key : keys) {
      Boolean value = OkJson.bool(map, key);
      if (value != null) return value;
    }
    return null;
  }

  /** A counter from a summary object ({@code like_summary.count}) or a flat field. */
  private static @Nullable Long counter(Map<String, @Nullable Object> topic, String summary, String key,
      String flat) {
    Map<String, @Nullable Object> object = OkJson.asMap(topic.get(summary));
    if (object != null) {
      Long value = OkJson.longValue(object, key);
      if (value != null) return value;
    }
    return OkJson.longValue(topic, flat);
  }
}
