package ru.gospubliki.max;

import java.util.List;
import org.immutables.value.Value;

/**
 * What one round of the bots' {@code bot_added}/{@code bot_removed} updates changed in the {@link
 * MaxChannelDirectory}, and what could not be read (in Russian, one line per problem, never a
 * secret). A tool prints it so that a person sees which channels the bots now know, with the
 * stable {@code max:<chat id>} reference to put in the registry.
 */
@Value.Immutable
public abstract class ChannelUpdates {
  ChannelUpdates() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Channels a bot was added to. */
  public abstract List<MaxChannel> added();

  /** Channels a bot was removed from. */
  public abstract List<MaxChannel> removed();

  /** What could not be read, e.g. a bot whose key MAX refused. */
  public abstract List<String> problems();

  /** Builds {@link ChannelUpdates} values. */
  public static final class Builder extends ImmutableChannelUpdates.Builder {
    Builder() {}
  }
}
