package ru.gospubliki.audit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ru.gospubliki.rules.RuleDefinition;
import ru.gospubliki.rules.RuleResult;
import ru.gospubliki.rules.Severity;

/**
 * Makes the findings of an audit and shares equal ones: most findings repeat across pages (the
 * same rule, outcome, message and details), so an audit keeps one instance of each, and a heap of
 * 512 MB holds the report of 130,000 organisations. A registry audit uses one for the run: every
 * repeated finding is shared however many distinct ones there are (a cap would let findings unique
 * to one page, such as a name mismatch naming both names, crowd out the sharing of common ones).
 * Single-page audits share up to {@link #SINGLE_PAGE_LIMIT} findings over the auditor's life.
 */
final class Findings {
  /** Distinct findings kept for sharing across single-page audits, whose number has no end. */
  static final int SINGLE_PAGE_LIMIT = 10_000;

  private final Map<Finding, Finding> shared = new ConcurrentHashMap<>();
  private final int limit;

  private Findings(int limit) {
    this.limit = limit;
  }

  /** For one registry audit: every repeated finding shared, released with the report. */
  static Findings forRun() {
    return new Findings(Integer.MAX_VALUE);
  }

  /** For single-page audits over an auditor's life. */
  static Findings bounded() {
    return new Findings(SINGLE_PAGE_LIMIT);
  }

  Finding of(RuleDefinition definition, Severity severity, RuleResult result) {
    Finding finding = Finding.builder()
        .rule(definition.id())
        .outcome(result.outcome())
        .severity(severity)
        .obligation(definition.obligation())
        .basis(definition.basis())
        .message(result.messageText())
        .details(result.details())
        .build();
    if (shared.size() >= limit) {
      Finding known = shared.get(finding);
      return known != null ? known : finding;
    }
    Finding previous = shared.putIfAbsent(finding, finding);
    return previous != null ? previous : finding;
  }
}
