/**
 * The MAX adapter: {@link ru.gospubliki.max.MaxPlatform} reads official MAX channels for the audit
 * and publishes, edits and deletes channel posts through the MAX Bot API, as a bot that the
 * channel's owner made an administrator.
 *
 * <p>MAX tells a bot a channel's id only when the bot is added to it, so the adapter keeps the
 * channels its bots know in a {@link ru.gospubliki.max.MaxChannelDirectory} (in memory by default;
 * an embedder backs it with a database) and learns them from the bot's {@code bot_added} and {@code
 * bot_removed} updates. The implementation is in {@code ru.gospubliki.max.internal}.
 */
@NullMarked
@GospublikiStyle
package ru.gospubliki.max;

import org.jspecify.annotations.NullMarked;
import ru.gospubliki.internal.GospublikiStyle;
