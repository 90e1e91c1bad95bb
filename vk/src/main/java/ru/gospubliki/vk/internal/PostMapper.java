package ru.gospubliki.vk.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.MediaKind;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.Post;

/**
 * Maps a wall post, as {@code wall.get} or the {@code execute} projection gives it, to a {@link
 * Post}, checking what the rules rely on: a positive id and a date VK could have given (2006 to
 * 2100). A post that fails the check is a {@link MalformedPost} naming the post and the field.
 */
public final class PostMapper {
  /** 2006-01-01: VK did not exist before. */
  static final long EARLIEST_DATE = 1_136_073_600L;
  /** 2100-01-01. */
  static final long LATEST_DATE = 4_102_444_800L;

  private PostMapper() {}

  /** The fields of one post, from either source. */
  record Fields(@Nullable Long id, @Nullable Long ownerId, @Nullable Long fromId, @Nullable Long date,
      @Nullable String text, List<String> attachmentTypes, boolean pinned, boolean ads, @Nullable Long views,
      @Nullable Long likes, @Nullable Long reposts, @Nullable Long comments) {}

  /** A post the rules cannot rely on; the message (Russian) names it and the bad field. */
  public static final class MalformedPost extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedPost(String message) {
      super(message, null, false, false);
    }
  }

  public static Post fromWallGet(PageRef page, long groupId, VkJson.Post item) throws MalformedPost {
    List<String> types = new ArrayList<>();
    List<VkJson.Attachment> attachments = item.attachments();
    if (attachments != null) {
      for (VkJson.Attachment attachment : attachments) {
        String type = attachment == null ? null : attachment.type();
        if (type != null) types.add(type);
      }
    }
    return toPost(page, groupId, new Fields(item.id(), item.ownerId(), item.fromId(), item.date(), item.text(),
        types, Boolean.TRUE.equals(item.pinned()), Boolean.TRUE.equals(item.ads()), count(item.views()),
        count(item.likes()), count(item.reposts()), count(item.comments())));
  }

  /** Post {@code index} of a projected wall page, whose arrays were checked to be as long as {@code id}. */
  static Post fromSlice(PageRef page, long groupId, VkJson.WallSlice slice, int index) throws MalformedPost {
    List<String> types = new ArrayList<>();
    List<@Nullable Object> attachments = at(slice.att(), index);
    if (attachments != null) {
      for (Object attachment : attachments) {
        String type = typeOf(attachment);
        if (type != null) types.add(type);
      }
    }
    return toPost(page, groupId, new Fields(at(slice.id(), index), at(slice.owner(), index), at(slice.from(), index),
        at(slice.date(), index), at(slice.text(), index), types, Boolean.TRUE.equals(at(slice.pin(), index)),
        Boolean.TRUE.equals(at(slice.ads(), index)), at(slice.views(), index), at(slice.likes(), index),
        at(slice.reposts(), index), at(slice.comments(), index)));
  }

  /** An attachment's type: the type name itself (nested projection) or the whole object's {@code type}. */
  static @Nullable String typeOf(@Nullable Object attachment) {
    if (attachment instanceof String type) return type;
    if (attachment instanceof Map<?, ?> map && map.get("type") instanceof String type) return type;
    return null;
  }

  static <T> @Nullable T at(@Nullable List<@Nullable T> values, int index) {
    return values == null || index >= values.size() ? null : values.get(index);
  }

  static Post toPost(PageRef page, long groupId, Fields fields) throws MalformedPost {
    Long id = fields.id();
    if (id == null || id <= 0) throw new MalformedPost("запись с номером «" + id + "» не может быть записью VK");
    Long date = fields.date();
    if (date == null) throw new MalformedPost("у записи " + id + " нет даты");
    if (date < EARLIEST_DATE || date > LATEST_DATE) {
      throw new MalformedPost("у записи " + id + " невозможная дата " + date);
    }
    Long ownerId = fields.ownerId();
    long owner = ownerId != null && ownerId != 0 ? ownerId : -groupId;
    Long fromId = fields.fromId();
    long from = fromId != null && fromId != 0 ? fromId : owner;
    if (from == Long.MIN_VALUE) throw new MalformedPost("у записи " + id + " невозможный автор " + from);
    String text = fields.text();
    return Post.builder()
        .page(page)
        .id(Long.toString(id))
        .url(url(groupId, id))
        .publishedAt(Instant.ofEpochSecond(date))
        .authorKind(from == owner ? AuthorKind.COMMUNITY : AuthorKind.PERSON)
        .authorId(Long.toString(Math.abs(from)))
        .text(text == null ? "" : text)
        .media(media(fields.attachmentTypes()))
        .markedAsAd(fields.ads())
        .pinned(fields.pinned())
        .views(fields.views())
        .likes(fields.likes())
        .reposts(fields.reposts())
        .comments(fields.comments())
        .build();
  }

  public static String url(long groupId, long postId) {
    return "https://vk.com/wall-" + groupId + "_" + postId;
  }

  private static @Nullable Long count(VkJson.@Nullable Counter counter) {
    return counter == null ? null : counter.count();
  }

  static Set<MediaKind> media(List<String> types) {
    Set<MediaKind> kinds = EnumSet.noneOf(MediaKind.class);
    for (String type : types) {
      switch (type) {
        case "photo", "posted_photo", "album" -> kinds.add(MediaKind.PHOTO);
        case "video", "clip" -> kinds.add(MediaKind.VIDEO);
        case "link" -> kinds.add(MediaKind.LINK);
        case "doc" -> kinds.add(MediaKind.DOCUMENT);
        case "poll" -> kinds.add(MediaKind.POLL);
        case "audio", "audio_playlist" -> kinds.add(MediaKind.AUDIO);
        default -> kinds.add(MediaKind.OTHER);
      }
    }
    return kinds;
  }
}
