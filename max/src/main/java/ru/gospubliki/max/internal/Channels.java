package ru.gospubliki.max.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.http.ApiToken;
import ru.gospubliki.internal.http.PlatformJson;
import ru.gospubliki.max.ChannelUpdates;
import ru.gospubliki.max.MaxChannel;
import ru.gospubliki.max.MaxChannelDirectory;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.platform.FailureReason;

/**
 * Which bot serves which channel. MAX tells a bot a channel's id only in the {@code bot_added}
 * update: the method that found a channel by its link was withdrawn in 2026 (dropped from MAX's
 * OpenAPI schema in July and from its TypeScript SDK in August) and {@code GET /chats} no longer
 * lists a bot's chats since June 2026. So the bots' updates feed the {@link MaxChannelDirectory},
 * a registry's {@code https://max.ru/<name>} is looked up there by the channels' {@code link}, and
 * a {@code max:<chat id>} is asked of MAX directly when no bot is known to be in it.
 */
public final class Channels {
  /** The update types read: the others are left to whoever else uses the bot. */
  static final String UPDATE_TYPES = "bot_added,bot_removed";
  private static final int UPDATES_PER_CALL = 1000;
  private static final int MAX_ROUNDS = 50;

  private final MaxChannelDirectory directory;
  private final Bots bots;
  private final MaxApi api;
  private final Clock clock;

  public Channels(MaxChannelDirectory directory, Bots bots, MaxApi api, Clock clock) {
    this.directory = directory;
    this.bots = bots;
    this.api = api;
    this.clock = clock;
  }

  /** Where one page is read and posted: the chat, the key of a bot in it, and the chat if already read. */
  public record Route(long chatId, long botId, ApiToken token, @Nullable MaxChannel known,
      MaxJson.@Nullable Chat chat) {}

  /**
   * The directory as it is now, looked up by chat id and by link; one read of the directory for a
   * whole bulk call.
   */
  public Index index() {
    return new Index(directory.channels());
  }

  /** The known channels, by chat id and by the path of their link. */
  public final class Index {
    private final Map<Long, List<MaxChannel>> byChat = new HashMap<>();
    private final Map<String, List<MaxChannel>> byLink = new HashMap<>();
    private final List<MaxChannel> unread = new ArrayList<>();

    Index(List<MaxChannel> channels) {
      for (MaxChannel channel : channels) add(channel);
    }

    private void add(MaxChannel channel) {
      byChat.computeIfAbsent(channel.chatId(), id -> new ArrayList<>()).add(channel);
      String key = linkKey(channel.link());
      if (key != null) byLink.computeIfAbsent(key, k -> new ArrayList<>()).add(channel);
      else unread.add(channel);
    }

    /**
     * The route to {@code page}, or why there is none: a channel no bot of the pool is in is
     * {@link FailureReason#BOT_NOT_ADMIN}, with what to do.
     */
    public Route route(PageRef page) throws MaxFailure, InterruptedIOException {
      if (page.isNumeric()) return routeToChat(page, page.numericId());
      String key = page.id().startsWith("join/") ? page.id() : page.id().toLowerCase(Locale.ROOT);
      Route found = routeByLink(key);
      if (found != null) return found;
      // Channels whose link is not known yet (the read after bot_added failed): read them once.
      List<MaxChannel> pending = new ArrayList<>(unread);
      unread.clear();
      for (MaxChannel channel : pending) {
        try {
          ApiToken token = bots.token(channel.botId());
          if (token == null) continue;
          MaxJson.Chat chat = readChat(token, channel.chatId());
          MaxChannel updated = MaxChannel.builder().from(channel).link(chat.link()).title(chat.title()).build();
          directory.put(updated);
          if (linkKey(updated.link()) != null) add(updated);
        } catch (MaxFailure e) {
          // Read again next time.
        }
      }
      found = routeByLink(key);
      if (found != null) return found;
      throw new MaxFailure(FailureReason.BOT_NOT_ADMIN, "бот не знает канал " + page.url() + ": добавьте бота "
          + "администратором канала (MAX сообщает боту канал, только когда бота добавляют в канал), затем повторите "
          + "или укажите канал в реестре как max:<chat_id>", 0, null, null);
    }

    private @Nullable Route routeByLink(String key) throws MaxFailure, InterruptedIOException {
      List<MaxChannel> channels = byLink.get(key);
      if (channels == null) return null;
      for (MaxChannel channel : channels) {
        ApiToken token = bots.token(channel.botId());
        if (token != null) return new Route(channel.chatId(), channel.botId(), token, channel, null);
      }
      return null;
    }

    private Route routeToChat(PageRef page, long chatId) throws MaxFailure, InterruptedIOException {
      List<MaxChannel> known = byChat.getOrDefault(chatId, List.of());
      for (MaxChannel channel : known) {
        ApiToken token = bots.token(channel.botId());
        if (token != null) return new Route(chatId, channel.botId(), token, channel, null);
      }
      // No update told a bot of this chat (it may have been added before the bot was polled):
      // ask MAX with each bot; one that may read it is in it.
      MaxFailure last = null;
      for (ApiToken token : bots.tokens()) {
        long botId;
        try {
          botId = bots.id(token);
        } catch (MaxFailure e) {
          last = e;
          continue;
        }
        try {
          MaxJson.Chat chat = readChat(token, chatId);
          MaxChannel learnt = channel(botId, chatId, chat, clock.instant());
          directory.put(learnt);
          add(learnt);
          return new Route(chatId, botId, token, learnt, chat);
        } catch (MaxFailure e) {
          if (e.reason() != FailureReason.BOT_NOT_ADMIN && e.reason() != FailureReason.NOT_FOUND) last = e;
        }
      }
      if (last != null && last.reason() != FailureReason.AUTHORIZATION) throw last;
      throw new MaxFailure(FailureReason.BOT_NOT_ADMIN, "бот не знает канал " + page.url() + " (канала нет или бот "
          + "в него не добавлен): добавьте бота администратором канала", 0, null, null);
    }
  }

  MaxJson.Chat readChat(ApiToken token, long chatId) throws MaxFailure, InterruptedIOException {
    HttpUrl url = api.url("chats", Long.toString(chatId)).build();
    return api.call(token, "GET", url, null, "GET /chats/{chatId}", MaxApi.Retry.READ, MaxApi.Scope.CHAT,
        MaxJson.Chat.class);
  }

  /**
   * Reads every bot's pending {@code bot_added}/{@code bot_removed} updates ({@code GET /updates}
   * with the stored marker, no waiting) into the directory.
   */
  public ChannelUpdates poll() throws InterruptedIOException {
    ChannelUpdates.Builder result = ChannelUpdates.builder();
    for (ApiToken token : bots.tokens()) {
      long botId;
      try {
        botId = bots.id(token);
      } catch (MaxFailure e) {
        result.addProblems(e.getMessage());
        continue;
      }
      OptionalLong marker = directory.marker(botId);
      for (int round = 0; round < MAX_ROUNDS; round++) {
        HttpUrl.Builder url = api.url("updates").addQueryParameter("limit", Integer.toString(UPDATES_PER_CALL))
            .addQueryParameter("timeout", "0").addQueryParameter("types", UPDATE_TYPES);
        // Without a marker MAX returns what it holds for the bot (its current documentation says: only
        // the latest update); with one, everything after it. The marker is stored after each round.
        if (marker.isPresent()) url.addQueryParameter("marker", Long.toString(marker.getAsLong()));
        MaxJson.UpdateList list;
        try {
          list = api.call(token, "GET", url.build(), null, "GET /updates", MaxApi.Retry.READ, MaxApi.Scope.BOT,
              MaxJson.UpdateList.class);
        } catch (MaxFailure e) {
          result.addProblems(e.getMessage());
          break;
        }
        List<MaxJson.Update> updates = list.updates() == null ? List.of() : list.updates().items();
        if (list.updates() != null && !list.updates().malformed().isEmpty()) {
          result.addProblems("MAX: " + list.updates().malformed().size() + " событий бота не разобраны");
        }
        for (MaxJson.Update update : updates) apply(token, botId, update, result);
        Long next = list.marker();
        if (next == null || (marker.isPresent() && marker.getAsLong() == next)) break;
        directory.marker(botId, next);
        marker = OptionalLong.of(next);
        // A short round was the last. Asking again with the marker would only tell MAX that these
        // updates were handled ("committed"): a process that keeps its channels in memory then
        // could not learn them again on its next start.
        if (updates.size() + (list.updates() == null ? 0 : list.updates().malformed().size()) < UPDATES_PER_CALL) break;
      }
    }
    return result.build();
  }

  /** Applies one update a webhook delivered for bot {@code botId}. */
  public ChannelUpdates accept(long botId, String body) throws InterruptedIOException {
    ChannelUpdates.Builder result = ChannelUpdates.builder();
    MaxJson.Update update;
    try {
      update = MaxJson.read(MaxJson.Update.class, body);
    } catch (com.squareup.moshi.JsonDataException e) {
      return result.addProblems("MAX: событие не разобрано: " + PlatformJson.describe(e)).build();
    } catch (IOException e) {
      return result.addProblems("MAX: событие — не JSON").build();
    }
    if (update == null) return result.addProblems("MAX: пустое событие").build();
    ApiToken token;
    try {
      token = bots.token(botId);
    } catch (MaxFailure e) {
      token = null; // The channel is kept without its link; it is read when first needed.
    }
    apply(token, botId, update, result);
    return result.build();
  }

  private void apply(@Nullable ApiToken token, long botId, MaxJson.Update update, ChannelUpdates.Builder result)
      throws InterruptedIOException {
    String type = update.updateType();
    Long chatId = update.chatId();
    if (type == null || chatId == null || chatId == 0) return;
    Instant at = update.timestamp() == null ? clock.instant() : Instant.ofEpochMilli(update.timestamp());
    if (type.equals("bot_added")) {
      MaxChannel channel = MaxChannel.builder().botId(botId).chatId(chatId)
          .channel(!Boolean.FALSE.equals(update.isChannel())).addedAt(at).build();
      if (token != null) {
        try {
          channel = channel(botId, chatId, readChat(token, chatId), at);
        } catch (MaxFailure e) {
          result.addProblems("MAX: канал " + chatId + " не прочитан после добавления бота: " + e.getMessage());
        }
      }
      directory.put(channel);
      result.addAdded(channel);
    } else if (type.equals("bot_removed")) {
      MaxChannel gone = null;
      for (MaxChannel channel : directory.channels()) {
        if (channel.botId() == botId && channel.chatId() == chatId) gone = channel;
      }
      directory.remove(botId, chatId);
      result.addRemoved(gone != null ? gone : MaxChannel.builder().botId(botId).chatId(chatId)
          .channel(!Boolean.FALSE.equals(update.isChannel())).addedAt(at).build());
    }
  }

  private static MaxChannel channel(long botId, long chatId, MaxJson.Chat chat, Instant at) {
    return MaxChannel.builder().botId(botId).chatId(chatId).link(blankToNull(chat.link()))
        .title(blankToNull(chat.title())).channel(!"chat".equals(chat.type())).addedAt(at).build();
  }

  /**
   * The part of a channel link a page reference names: {@code name} (lowercase) of {@code
   * https://max.ru/name}, {@code join/<hash>} of an invitation; null for no link or another host.
   */
  static @Nullable String linkKey(@Nullable String link) {
    if (link == null || link.isBlank()) return null;
    HttpUrl url = HttpUrl.parse(link.strip());
    if (url == null) return null;
    String host = url.host().toLowerCase(Locale.ROOT);
    if (host.startsWith("www.")) host = host.substring(4);
    if (!host.equals("max.ru")) return null;
    List<String> segments = new ArrayList<>(url.pathSegments());
    segments.removeIf(String::isEmpty);
    if (segments.size() == 2 && segments.get(0).equalsIgnoreCase("join")) return "join/" + segments.get(1);
    if (segments.size() != 1) return null;
    String name = segments.get(0);
    if (name.startsWith("@")) name = name.substring(1);
    return name.toLowerCase(Locale.ROOT);
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
