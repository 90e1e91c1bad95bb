package ru.gospubliki.max.internal;

import java.io.InterruptedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import ru.gospubliki.internal.http.RateLimiter;
import ru.gospubliki.internal.http.Sleeper;
import ru.gospubliki.internal.http.Ticker;

/**
 * Spaces the messages sent to one channel: MAX accepts at most two messages a second per chat
 * (its documentation of {@code POST /messages}), whatever the key's overall rate. One limiter per
 * chat, created on first use; the least recently used is dropped beyond {@value #MAX_CHATS} chats.
 */
public final class ChannelPacer {
  private static final int MAX_CHATS = 10_000;
  private final double messagesPerSecond;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private final Map<Long, RateLimiter> limiters = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, RateLimiter> eldest) {
      return size() > MAX_CHATS;
    }
  };

  public ChannelPacer(double messagesPerSecond, Ticker ticker, Sleeper sleeper) {
    this.messagesPerSecond = messagesPerSecond;
    this.ticker = ticker;
    this.sleeper = sleeper;
  }

  /** Runs {@code send} when chat {@code chatId} may take one more message. */
  public <T, E extends Exception> T pace(long chatId, Send<T, E> send) throws E, InterruptedIOException {
    RateLimiter limiter;
    synchronized (limiters) {
      limiter = limiters.computeIfAbsent(chatId, id -> new RateLimiter(messagesPerSecond, ticker, sleeper));
    }
    long ticket;
    try {
      ticket = limiter.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to send to chat " + chatId);
    }
    try {
      return send.run();
    } finally {
      limiter.finished(ticket);
    }
  }

  /** One message sent under the pacer. */
  @FunctionalInterface
  public interface Send<T, E extends Exception> {
    T run() throws E, InterruptedIOException;
  }
}
