package ru.gospubliki.vk.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.MediaKind;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.Post;

/** Maps a {@code wall.get} item to a {@link Post}. */
public final class PostMapper {
  private PostMapper() {}

  /** The post, or null when the item lacks an id or a date. */
  public static @Nullable Post toPost(PageRef page, long groupId, Map<String, Object> item) {
    Long id = Json.longValue(item, "id");
    Long date = Json.longValue(item, "date");
    if (id == null || date == null) return null;
    Long ownerId = Json.longValue(item, "owner_id");
    long owner = ownerId != null ? ownerId : -groupId;
    Long fromId = Json.longValue(item, "from_id");
    long from = fromId != null ? fromId : owner;
    String text = Json.string(item, "text");
    return Post.builder()
        .page(page)
        .id(Long.toString(id))
        .url(url(groupId, id))
        .publishedAt(Instant.ofEpochSecond(date))
        .authorKind(from == owner ? AuthorKind.COMMUNITY : AuthorKind.PERSON)
        .authorId(Long.toString(Math.abs(from)))
        .text(text == null ? "" : text)
        .media(media(item))
        .markedAsAd(Boolean.TRUE.equals(Json.bool(item, "marked_as_ads")))
        .pinned(Boolean.TRUE.equals(Json.bool(item, "is_pinned")))
        .views(Json.count(item, "views"))
        .likes(Json.count(item, "likes"))
        .reposts(Json.count(item, "reposts"))
        .comments(Json.count(item, "comments"))
        .build();
  }

  public static String url(long groupId, long postId) {
    return "https://vk.com/wall-" + groupId + "_" + postId;
  }

  private static Set<MediaKind> media(Map<String, Object> item) {
    Set<MediaKind> kinds = EnumSet.noneOf(MediaKind.class);
    for (Object attachment : Json.list(item, "attachments")) {
      String type = Json.string(Json.object(attachment), "type");
      if (type == null) continue;
      switch (type) {
        case "photo":
        case "posted_photo":
        case "album":
          kinds.add(MediaKind.PHOTO);
          break;
        case "video":
        case "clip":
          kinds.add(MediaKind.VIDEO);
          break;
        case "link":
          kinds.add(MediaKind.LINK);
          break;
        case "doc":
          kinds.add(MediaKind.DOCUMENT);
          break;
        case "poll":
          kinds.add(MediaKind.POLL);
          break;
        case "audio":
        case "audio_playlist":
          kinds.add(MediaKind.AUDIO);
          break;
        default:
          kinds.add(MediaKind.OTHER);
      }
    }
    return kinds;
  }
}
