package ru.gospubliki.publish;

import java.util.List;
import org.immutables.value.Value;
import ru.gospubliki.platform.PublishResult;
import ru.gospubliki.platform.PublishStatus;

/** The outcome of cross-posting one draft: one result per target, and the draft's problems. */
@Value.Immutable
public abstract class CrossPostResult {
  CrossPostResult() {}

  /** One result per target, in the order the targets were given. */
  public abstract List<PublishResult> results();

  /** Every problem the validation found, blocking or not. */
  public abstract List<DraftProblem> problems();

  /** True when every target is published or scheduled. */
  public final boolean allSucceeded() {
    for (PublishResult result : results()) {
      if (result.status() != PublishStatus.PUBLISHED && result.status() != PublishStatus.SCHEDULED) return false;
    }
    return true;
  }

  /** True when some target's outcome is unknown: it must be checked by hand, not re-sent. */
  public final boolean anyUnknown() {
    for (PublishResult result : results()) {
      if (result.status() == PublishStatus.UNKNOWN) return true;
    }
    return false;
  }

  static final class Builder extends ImmutableCrossPostResult.Builder {}
}
