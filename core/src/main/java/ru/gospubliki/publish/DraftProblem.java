package ru.gospubliki.publish;

import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.rules.Severity;

/**
 * One thing wrong with a draft: for every target (platform null), for every target page of one
 * platform, or for some of its pages (those whose credential lacks something), named in {@link
 * #pages()}.
 */
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

  /** The target pages it concerns; empty when it concerns every target of {@link #platform()} (or every target). */
  public abstract List<PageRef> pages();

  public abstract Severity severity();

  /** Russian, naming the problem. */
  public abstract String message();

  /** True when the draft must not be sent: severity {@link Severity#VIOLATION}. */
  public final boolean blocking() {
    return severity() == Severity.VIOLATION;
  }

  /** The message prefixed with the platform and pages, e.g. {@code vk: ...} or {@code vk (https://vk.com/club1): ...}. */
  @Override
  public String toString() {
    PlatformId platform = platform();
    if (platform == null) return message();
    if (pages().isEmpty()) return platform + ": " + message();
    StringBuilder result = new StringBuilder().append(platform).append(" (");
    for (int i = 0; i < pages().size(); i++) {
      if (i > 0) result.append(", ");
      result.append(pages().get(i).url());
    }
    return result.append("): ").append(message()).toString();
  }

  /** Builds {@link DraftProblem} values. */
  public static final class Builder extends ImmutableDraftProblem.Builder {
    Builder() {}
  }
}
