package ru.gospubliki.max.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import ru.gospubliki.max.MaxChannel;
import ru.gospubliki.max.MaxChannelDirectory;

/** The default {@link MaxChannelDirectory}: maps guarded by this object, gone with the process. */
public final class InMemoryChannelDirectory implements MaxChannelDirectory {
  private final Map<String, MaxChannel> channels = new LinkedHashMap<>();
  private final Map<Long, Long> markers = new ConcurrentHashMap<>();

  private static String key(long botId, long chatId) {
    return botId + ":" + chatId;
  }

  @Override
  public synchronized List<MaxChannel> channels() {
    return new ArrayList<>(channels.values());
  }

  @Override
  public synchronized void put(MaxChannel channel) {
    channels.put(key(channel.botId(), channel.chatId()), channel);
  }

  @Override
  public synchronized void remove(long botId, long chatId) {
    channels.remove(key(botId, chatId));
  }

  @Override
  public OptionalLong marker(long botId) {
    Long marker = markers.get(botId);
    return marker == null ? OptionalLong.empty() : OptionalLong.of(marker);
  }

  @Override
  public void marker(long botId, long marker) {
    markers.put(botId, marker);
  }

  @Override
  public synchronized String toString() {
    return "InMemoryChannelDirectory{" + channels.size() + " channels}";
  }
}
