package ru.gospubliki.max;

import java.util.List;
import java.util.OptionalLong;
import ru.gospubliki.max.internal.InMemoryChannelDirectory;

/**
 * Where the MAX adapter keeps the channels its bots were added to and how far it has read each
 * bot's updates. MAX gives a bot a channel's id only in the {@code bot_added} update (its updates
 * are kept for a limited time), so whatever a process learns must outlive it: an embedder backs
 * this with its database, the tool with its store.
 *
 * <p>The shape is meant for a database: two tables, one row per (bot, chat) keyed by both, one row
 * per bot with its marker; every method is one statement, and every write is idempotent (an
 * update delivered twice changes nothing). For example:
 *
 * <pre>{@code
 * create table max_channel (bot_id bigint, chat_id bigint, link varchar(300), title varchar(300),
 *     is_channel boolean, added_at timestamp, primary key (bot_id, chat_id));
 * create table max_update_marker (bot_id bigint primary key, marker bigint);
 * }</pre>
 *
 * Implementations must be safe for use by several threads. {@link #inMemory()} keeps everything
 * for the life of the process.
 */
public interface MaxChannelDirectory {
  /** A directory that forgets everything when the process ends. */
  static MaxChannelDirectory inMemory() {
    return new InMemoryChannelDirectory();
  }

  /** Every channel known, in no particular order. */
  List<MaxChannel> channels();

  /**
   * Records {@code channel}, replacing what was known about the same bot and chat (an upsert: its
   * link or title may have changed).
   */
  void put(MaxChannel channel);

  /** Forgets that bot {@code botId} is in chat {@code chatId}; nothing happens when it was not known. */
  void remove(long botId, long chatId);

  /** The marker to pass to the bot's next {@code GET /updates}; empty before the first poll. */
  OptionalLong marker(long botId);

  /** Stores the marker MAX returned to bot {@code botId}: the updates before it have been handled. */
  void marker(long botId, long marker);
}
