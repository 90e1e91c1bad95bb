/**
 * Implementation of the MAX adapter: the API client over the shared transport ({@code MaxApi}),
 * the bots of the token pool ({@code Bots}), the channel directory and the updates that feed it
 * ({@code Channels}), reading ({@code ChannelReader}), publishing ({@code Publisher}) and the typed
 * answers ({@code MaxJson}).
 */
@NullMarked
package ru.gospubliki.max.internal;

import org.jspecify.annotations.NullMarked;
