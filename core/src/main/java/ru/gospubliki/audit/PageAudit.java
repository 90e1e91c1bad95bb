package ru.gospubliki.audit;

import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.rules.Outcome;

/**
 * The audit of one page: status, mark, score, and what is wrong or could not be checked.
 *
 * <p>The score is the regional rating's weighted share of the weighted rules that could be
 * evaluated: a rule that is {@code UNKNOWN} or does not apply counts neither way, and {@link
 * #scoreRules()} says how many rules the score rests on. A page that breaks the law (a failed rule
 * of severity {@code VIOLATION}) scores at most {@value #NON_COMPLIANT_MAX_SCORE}, so it is never
 * green.
 */
@Value.Immutable
public abstract class PageAudit {
  /** The highest score of a page with a failed {@code VIOLATION}: yellow at best, never green. */
  public static final int NON_COMPLIANT_MAX_SCORE = 79;

  PageAudit() {}

  public static Builder builder() {
    return new Builder();
  }

  /** The page as the registry (or the caller) refers to it. */
  public abstract PageRef page();

  /**
   * The page as the platform identifies it, by its numeric id (a screen name resolved); null when
   * the page could not be read. Equal to {@link #page()} when that is already numeric.
   */
  public abstract @Nullable PageRef resolved();

  /** The page under its stable id: {@link #resolved()} when known, else {@link #page()}. */
  public final PageRef stablePage() {
    PageRef resolved = resolved();
    return resolved != null ? resolved : page();
  }

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

  /** How many weighted rules the {@link #score()} rests on (passed or failed); 0 without a score. */
  @Value.Default
  public int scoreRules() {
    return 0;
  }

  /**
   * Own posts in the last 28 days (the same window as the publication rules: {@code now - 28 days
   * <= publishedAt <= now}); null when posts could not be read.
   */
  public abstract @Nullable Integer postsLast28Days();

  /**
   * The engagement rate the metric rule {@code POSTS_ENGAGEMENT} measured (interactions per view, or
   * per member when views are not reported); null when not measured. The rule always passes, so its
   * value is kept here rather than in a finding.
   */
  public abstract @Nullable Double engagementRate();

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
