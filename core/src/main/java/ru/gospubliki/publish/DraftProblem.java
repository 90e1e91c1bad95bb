package ru.gospubliki.publish;

import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.rules.Severity;

/** One thing wrong with a draft, for one platform or (platform null) for every target. */
@Value.Immutable
public abstract class DraftProblem {
  DraftProblem() {}

  public static Builder builder() {
    return new Builder();
  }

  /** The {@code DRAFT_*} rule, e.g. {@code DRAFT_MEDIA_COUNT}. */
  public abstract String rule();

  /** The platform whose limit is broken; null when the problem is the same for every platform. */
  public abstract @Nullable PlatformId platform();

  public abstract Severity severity();

  /** Russian, naming the problem. */
  public abstract String message();

  /** True when the draft must not be sent: severity {@link Severity#VIOLATION}. */
  public final boolean blocking() {
    return severity() == Severity.VIOLATION;
  }

  /** The message prefixed with the platform, e.g. {@code vk: ...}. */
  @Override
  public String toString() {
    PlatformId platform = platform();
    return platform == null ? message() : platform + ": " + message();
  }

  /** Builds {@link DraftProblem} values. */
  public static final class Builder extends ImmutableDraftProblem.Builder {
    Builder() {}
  }
}
