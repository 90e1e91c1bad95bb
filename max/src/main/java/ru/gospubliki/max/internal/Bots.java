package ru.gospubliki.max.internal;

import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.http.ApiToken;
import ru.gospubliki.platform.FailureReason;

/**
 * The bots of the key pool. Each MAX key belongs to one bot, and a bot reads and posts only in the
 * channels it administers, so a channel is always served by the key of the bot that knows it. A
 * bot's id ({@code user_id}) comes from {@code GET /me} on first use.
 */
public final class Bots {
  private final List<ApiToken> tokens;
  private final MaxApi api;
  private final Map<String, Long> ids = new ConcurrentHashMap<>();

  public Bots(List<ApiToken> tokens, MaxApi api) {
    if (tokens.isEmpty()) throw new IllegalArgumentException("no bot tokens");
    this.tokens = List.copyOf(tokens);
    this.api = api;
  }

  public List<ApiToken> tokens() {
    return tokens;
  }

  /** The id of {@code token}'s bot, asked of MAX once. */
  public long id(ApiToken token) throws MaxFailure, InterruptedIOException {
    Long known = ids.get(token.role());
    if (known != null) return known;
    MaxJson.User me = api.call(token, "GET", api.url("me").build(), null, "GET /me", MaxApi.Retry.READ,
        MaxApi.Scope.BOT, MaxJson.User.class);
    Long id = me.userId();
    if (id == null || id <= 0) {
      throw new MaxFailure(FailureReason.API_ERROR, "MAX: ответ на GET /me без user_id бота", 200, null, null);
    }
    ids.put(token.role(), id);
    return id;
  }

  /**
   * The key of bot {@code botId}, or null when no key of the pool is that bot's.
   *
   * @throws MaxFailure when some key's bot could not be asked who it is (MAX down, a refused key)
   *     and none of the others is {@code botId}.
   */
  public @Nullable ApiToken token(long botId) throws MaxFailure, InterruptedIOException {
    for (ApiToken token : tokens) {
      Long known = ids.get(token.role());
      if (known != null && known == botId) return token;
    }
    MaxFailure failure = null;
    for (ApiToken token : tokens) {
      if (ids.containsKey(token.role())) continue;
      try {
        if (id(token) == botId) return token;
      } catch (MaxFailure e) {
        if (e.reason() != FailureReason.AUTHORIZATION) failure = e; // A refused key serves no channel.
      }
    }
    if (failure != null) throw failure;
    return null;
  }

  @Override
  public String toString() {
    return "Bots{" + tokens.size() + "}";
  }
}
