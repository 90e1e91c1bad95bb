package ru.gospubliki.audit;

import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.rules.Outcome;

/** The audit of one page: status, mark, score, and what is wrong or could not be checked. */
@Value.Immutable
public abstract class PageAudit {
  PageAudit() {}

  public static Builder builder() {
    return new Builder();
  }

  public abstract PageRef page();

  public abstract PageStatus status();

  /**
   * The page's name as the platform showed it; null when it was not read. Kept with stored audits
   * so that a renamed page is found between two of them.
   */
  public abstract @Nullable String name();

  /** Why the page is {@code UNREACHABLE} ({@code deleted}, {@code api_error: ...}); null otherwise. */
  public abstract @Nullable String reason();

  @Value.Default
  public MarkStatus mark() {
    return MarkStatus.UNKNOWN;
  }

  /** Weighted score 0..100 over the rules that could be evaluated; null when none could. */
  public abstract @Nullable Integer score();

  /** Own posts in the last 28 days; null when posts could not be read. */
  public abstract @Nullable Integer postsLast28Days();

  /**
   * The findings whose outcome is {@code FAIL} or {@code UNKNOWN}: what reports list. Passed rules
   * are counted in {@link #score()} but not kept, so a registry of 130,000 pages fits a small heap.
   */
  public abstract List<Finding> findings();

  /** The findings whose outcome is {@code FAIL}: what must be fixed. */
  public final List<Finding> failures() {
    return findings().stream()
        .filter(f -> f.outcome() == Outcome.FAIL)
        .collect(java.util.stream.Collectors.toList());
  }

  /** The traffic light of the regional rating: green ≥ 80, yellow ≥ 50, red below; null without a score. */
  public final @Nullable ScoreLight light() {
    Integer score = score();
    if (score == null) return null;
    return score >= 80 ? ScoreLight.GREEN : score >= 50 ? ScoreLight.YELLOW : ScoreLight.RED;
  }

  /** Builds {@link PageAudit} values. */
  public static final class Builder extends ImmutablePageAudit.Builder {
    Builder() {}
  }
}
