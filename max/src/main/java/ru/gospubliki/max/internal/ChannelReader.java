package ru.gospubliki.max.internal;

import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.max.MaxChannel;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.MediaKind;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PageState;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.ProfileField;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.platform.PostQuery;

/**
 * Reads channels for the audit: the channel ({@code GET /chats/{chatId}}) as a profile, its posts
 * ({@code GET /messages}) paged back over the audit's window. One page's failure never fails the
 * others.
 */
public final class ChannelReader {
  /**
   * What a MAX channel never shows, so rules that need it are not counted as unread: MAX has no
   * contact fields (contacts are written in the description, where the rules find them), no cover,
   * no wall or comment settings in the API, and no state mark — MAX shows no «Госорганизация»
   * mark to anyone and its {@code Chat} object has no such field.
   */
  static final Set<ProfileField> NEVER_SHOWN = Set.copyOf(EnumSet.of(ProfileField.POSTAL_ADDRESS,
      ProfileField.EMAIL, ProfileField.PHONES, ProfileField.WEBSITE, ProfileField.WORK_HOURS, ProfileField.COVER,
      ProfileField.WALL, ProfileField.MARK));

  private final Channels channels;
  private final MaxApi api;
  private final Clock clock;
  private final int pageSize;
  private final int maxPages;

  public ChannelReader(Channels channels, MaxApi api, Clock clock, int pageSize, int maxPages) {
    this.channels = channels;
    this.api = api;
    this.clock = clock;
    this.pageSize = pageSize;
    this.maxPages = maxPages;
  }

  public Map<PageRef, FetchResult<PageRef>> resolve(Collection<PageRef> pages) throws InterruptedIOException {
    Channels.Index index = channels.index();
    Map<PageRef, FetchResult<PageRef>> result = new LinkedHashMap<>();
    for (PageRef page : pages) {
      if (result.containsKey(page)) continue;
      try {
        Channels.Route route = index.route(page);
        result.put(page, FetchResult.success(PageRef.of(PlatformId.MAX, Long.toString(route.chatId()))));
      } catch (MaxFailure e) {
        result.put(page, FetchResult.failure(e.reason(), e.getMessage()));
      }
    }
    return result;
  }

  public Map<PageRef, FetchResult<ProfileSnapshot>> fetchProfiles(Collection<PageRef> pages)
      throws InterruptedIOException {
    Channels.Index index = channels.index();
    Map<PageRef, FetchResult<ProfileSnapshot>> result = new LinkedHashMap<>();
    for (PageRef page : pages) {
      if (result.containsKey(page)) continue;
      try {
        Channels.Route route = index.route(page);
        MaxJson.Chat chat = route.chat();
        if (chat == null) chat = channels.readChat(route.token(), route.chatId());
        result.put(page, profile(route, chat));
      } catch (MaxFailure e) {
        result.put(page, FetchResult.failure(e.reason(), e.getMessage()));
      }
    }
    return result;
  }

  private FetchResult<ProfileSnapshot> profile(Channels.Route route, MaxJson.Chat chat) {
    PageRef page = PageRef.of(PlatformId.MAX, Long.toString(route.chatId()));
    String status = chat.status();
    if ("left".equals(status)) {
      return FetchResult.failure(FailureReason.BOT_NOT_ADMIN, "бот вышел из канала " + page.url()
          + ": добавьте бота администратором канала");
    }
    PageState state;
    if ("removed".equals(status) || "closed".equals(status)) {
      state = PageState.DELETED;
    } else if ("suspended".equals(status)) {
      state = PageState.BANNED;
    } else {
      state = Boolean.FALSE.equals(chat.isPublic()) ? PageState.PRIVATE : PageState.OPEN;
    }
    String type = chat.type();
    MaxJson.Image icon = chat.icon();
    return FetchResult.success(ProfileSnapshot.builder()
        .page(page)
        .name(chat.title())
        .screenName(screenName(chat.link()))
        .description(chat.description())
        .hasAvatar(icon != null && icon.url() != null && !icon.url().isBlank())
        .isCommunity(type == null ? null : !type.equals("dialog"))
        .state(state)
        .members(chat.participantsCount())
        .unavailableFields(NEVER_SHOWN)
        .takenAt(clock.instant())
        .build());
  }

  /** The channel's name in its public link; null for an invitation link or none. */
  private static @Nullable String screenName(@Nullable String link) {
    String key = Channels.linkKey(link);
    return key == null || key.startsWith("join/") ? null : key;
  }

  public Map<PageRef, FetchResult<PostHistory>> fetchPosts(Collection<PageRef> pages, PostQuery query)
      throws InterruptedIOException {
    Channels.Index index = channels.index();
    Map<PageRef, FetchResult<PostHistory>> result = new LinkedHashMap<>();
    for (PageRef page : pages) {
      if (result.containsKey(page)) continue;
      try {
        result.put(page, FetchResult.success(posts(index.route(page), query)));
      } catch (MaxFailure e) {
        result.put(page, FetchResult.failure(e.reason(), e.getMessage()));
      }
    }
    return result;
  }

  /**
   * Pages back through the channel's messages, newest first ({@code count} ≤ 100, times in
   * milliseconds as every MAX time is; the unit of {@code from} is not documented, and
   * milliseconds is what the API's other times are): the next page starts one millisecond before
   * the oldest message seen. It stops when the window and the minimum of own posts are covered,
   * when MAX returns nothing (the start of the channel), when a page brings no message not seen
   * before, or after {@code maxPages} pages.
   */
  PostHistory posts(Channels.Route route, PostQuery query) throws MaxFailure, InterruptedIOException {
    PageRef page = PageRef.of(PlatformId.MAX, Long.toString(route.chatId()));
    String fallbackUrl = fallbackUrl(route);
    long since = query.since().toEpochMilli();
    List<Post> posts = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int own = 0;
    boolean reachedStart = false;
    Long from = null;
    for (int round = 0; round < maxPages; round++) {
      HttpUrl.Builder url = api.url("messages").addQueryParameter("chat_id", Long.toString(route.chatId()))
          .addQueryParameter("count", Integer.toString(pageSize));
      if (from != null) url.addQueryParameter("from", Long.toString(from));
      MaxJson.MessageList list = api.call(route.token(), "GET", url.build(), null, "GET /messages",
          MaxApi.Retry.READ, MaxApi.Scope.CHAT, MaxJson.MessageList.class);
      if (list.messages() == null) {
        throw new MaxFailure(FailureReason.API_ERROR, "MAX: ответ на GET /messages без списка messages", 200, null,
            null);
      }
      List<MaxJson.Message> messages = list.messages().items();
      if (messages.isEmpty() && list.messages().malformed().isEmpty()) {
        reachedStart = true;
        break;
      }
      long oldest = Long.MAX_VALUE;
      int fresh = 0;
      for (MaxJson.Message message : messages) {
        Post post = post(page, route, message, fallbackUrl);
        if (post == null) continue;
        oldest = Math.min(oldest, post.publishedAt().toEpochMilli());
        if (!seen.add(post.id())) continue;
        fresh++;
        posts.add(post);
        if (post.authorKind() == AuthorKind.COMMUNITY) own++;
      }
      if (fresh == 0) break; // MAX gave nothing new: paging would not move.
      if (oldest < since && own >= query.minOwnPosts()) break;
      from = oldest - 1;
    }
    return PostHistory.builder().posts(posts).reachedStart(reachedStart).build();
  }

  /**
   * One post. A message with no {@code sender} was posted as the channel (MAX sets no sender on a
   * channel's own posts); one sent through a bot is the channel's too, since only administrators
   * post in a channel and a bot posts as the channel; a person as sender is an administrator who
   * signed the post.
   */
  private static @Nullable Post post(PageRef page, Channels.Route route, MaxJson.Message message, String fallbackUrl) {
    MaxJson.MessageBody body = message.body();
    Long timestamp = message.timestamp();
    if (body == null || body.mid() == null || body.mid().isBlank() || timestamp == null) return null;
    MaxJson.User sender = message.sender();
    Long personId = sender != null && !Boolean.TRUE.equals(sender.isBot()) ? sender.userId() : null;
    Set<MediaKind> media = EnumSet.noneOf(MediaKind.class);
    List<MaxJson.Attachment> attachments = body.attachments();
    if (attachments != null) {
      for (MaxJson.Attachment attachment : attachments) media.add(mediaKind(attachment.type()));
    }
    String url = message.url();
    MaxJson.Stat stat = message.stat();
    return Post.builder()
        .page(page)
        .id(body.mid())
        .url(url != null && !url.isBlank() ? url : fallbackUrl)
        .publishedAt(Instant.ofEpochMilli(timestamp))
        .authorKind(personId != null ? AuthorKind.PERSON : AuthorKind.COMMUNITY)
        .authorId(Long.toString(personId != null ? personId : route.chatId()))
        .text(body.text() == null ? "" : body.text())
        .media(media)
        .views(stat == null ? null : stat.views())
        .build();
  }

  private static MediaKind mediaKind(@Nullable String type) {
    if (type == null) return MediaKind.OTHER;
    return switch (type) {
      case "image" -> MediaKind.PHOTO;
      case "video" -> MediaKind.VIDEO;
      case "audio" -> MediaKind.AUDIO;
      case "file" -> MediaKind.DOCUMENT;
      case "share" -> MediaKind.LINK;
      default -> MediaKind.OTHER;
    };
  }

  /** Where a post without its own link is shown: the channel's public link, or its reference. */
  static String fallbackUrl(Channels.Route route) {
    MaxChannel known = route.known();
    MaxJson.Chat chat = route.chat();
    String link = chat != null ? chat.link() : known != null ? known.link() : null;
    return link != null && !link.isBlank() ? link.strip() : "max:" + route.chatId();
  }
}
