package ru.gospubliki.max;

import java.time.Instant;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * A MAX channel (or group chat) one of the adapter's bots was added to, as the {@link
 * MaxChannelDirectory} keeps it: MAX gives a bot a channel's id only in the {@code bot_added}
 * update, and no method finds a channel by its link, so this record is the only way from a
 * registry's {@code https://max.ru/<name>} to the channel.
 *
 * <pre>{@code
 * MaxChannel channel = MaxChannel.builder()
 *     .botId(229229229L).chatId(-70000000000101L)
 *     .link("https://max.ru/zarechny_adm").title("Администрация Заречного района")
 *     .channel(true).addedAt(Instant.now())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class MaxChannel {
  MaxChannel() {}

  public static Builder builder() {
    return new Builder();
  }

  /** The bot that was added ({@code user_id} of the bot, as {@code GET /me} reports it). */
  public abstract long botId();

  /** The chat's id; negative for channels and group chats. */
  public abstract long chatId();

  /**
   * The channel's link as MAX reports it: {@code https://max.ru/<name>} for a public channel,
   * {@code https://max.ru/join/<hash>} for a private one; null until the channel has been read.
   */
  public abstract @Nullable String link();

  /** The channel's title; null until the channel has been read. */
  public abstract @Nullable String title();

  /** True for a channel, false for a group chat. */
  @Value.Default
  public boolean channel() {
    return true;
  }

  /** When the bot was added (the update's time), or when the adapter first read the channel. */
  public abstract Instant addedAt();

  @Value.Check
  void check() {
    if (botId() <= 0) throw new IllegalArgumentException("botId must be positive: " + botId());
    if (chatId() == 0) throw new IllegalArgumentException("chatId must not be 0");
  }

  /** Builds {@link MaxChannel} values. */
  public static final class Builder extends ImmutableMaxChannel.Builder {
    Builder() {}
  }
}
