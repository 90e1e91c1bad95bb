package ru.gospubliki.examples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.max.MaxChannel;
import ru.gospubliki.max.MaxChannelDirectory;

/**
 * The MAX channels the bots know, kept in the tool's store once it is open, and in this process's
 * memory as well: a store that fails never costs the channels of the run under way (nor fails the
 * MAX pages of an audit), it only keeps them from the next run, which the command says in its
 * one line. Until {@link #attach} it is memory only, as with {@code --store none}.
 *
 * <p>Every read asks the store first (another process may have learnt a channel since) and falls
 * back to what this process last read and wrote. A bot's updates marker is saved only while every
 * channel learnt before it was saved: a later run then reads those updates again rather than never
 * learning the channels the store lost.
 */
final class StoredChannels implements MaxChannelDirectory {
  private @Nullable MaxChannelDirectory store;
  /** The last channels read from the store, or written to it. */
  private final Map<String, MaxChannel> known = new LinkedHashMap<>();
  /** This process's writes the store did not take: a channel, or null for one removed. */
  private final Map<String, @Nullable MaxChannel> unsaved = new LinkedHashMap<>();
  private final Map<Long, Long> markers = new LinkedHashMap<>();
  private @Nullable String problem;

  /** From now on, the channels are kept in {@code directory} (the store's) as well. */
  synchronized void attach(MaxChannelDirectory directory) {
    store = directory;
  }

  /** Why the store did not take a channel or marker, in Russian, the first time a write failed; null while none has. */
  synchronized @Nullable String problem() {
    return problem;
  }

  private static String key(long botId, long chatId) {
    return botId + ":" + chatId;
  }

  @Override
  public synchronized List<MaxChannel> channels() {
    MaxChannelDirectory directory = store;
    if (directory != null) {
      try {
        List<MaxChannel> stored = directory.channels();
        known.clear();
        for (MaxChannel channel : stored) known.put(key(channel.botId(), channel.chatId()), channel);
      } catch (RuntimeException e) {
        // Nothing is lost: what this process knows serves until the store is back.
      }
    }
    Map<String, MaxChannel> all = new LinkedHashMap<>(known);
    unsaved.forEach((key, channel) -> {
      if (channel == null) all.remove(key);
      else all.put(key, channel);
    });
    return new ArrayList<>(all.values());
  }

  @Override
  public synchronized void put(MaxChannel channel) {
    String key = key(channel.botId(), channel.chatId());
    known.put(key, channel);
    MaxChannelDirectory directory = store;
    if (directory == null) return;
    try {
      directory.put(channel);
      unsaved.remove(key);
    } catch (RuntimeException e) {
      unsaved.put(key, channel);
      failed(e);
    }
  }

  @Override
  public synchronized void remove(long botId, long chatId) {
    String key = key(botId, chatId);
    known.remove(key);
    MaxChannelDirectory directory = store;
    if (directory == null) return;
    try {
      directory.remove(botId, chatId);
      unsaved.remove(key);
    } catch (RuntimeException e) {
      unsaved.put(key, null);
      failed(e);
    }
  }

  @Override
  public synchronized OptionalLong marker(long botId) {
    MaxChannelDirectory directory = store;
    // While some channel is unsaved, this process's marker is ahead of the store's on purpose.
    if (directory != null && unsaved.isEmpty()) {
      try {
        OptionalLong stored = directory.marker(botId);
        if (stored.isPresent()) markers.put(botId, stored.getAsLong());
      } catch (RuntimeException e) {
        // Without the stored marker the bot's pending updates are read again: nothing is lost.
      }
    }
    Long marker = markers.get(botId);
    return marker == null ? OptionalLong.empty() : OptionalLong.of(marker);
  }

  @Override
  public synchronized void marker(long botId, long marker) {
    markers.put(botId, marker);
    MaxChannelDirectory directory = store;
    if (directory == null || !unsaved.isEmpty()) return;
    try {
      directory.marker(botId, marker);
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  private void failed(RuntimeException e) {
    if (problem == null) problem = StoreOption.reason(e);
  }

  @Override
  public synchronized String toString() {
    return "StoredChannels{" + (store == null ? "memory" : store) + ", " + known.size() + " channels}";
  }
}
