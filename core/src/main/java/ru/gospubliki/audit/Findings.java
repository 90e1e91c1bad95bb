package ru.gospubliki.audit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ru.gospubliki.rules.RuleDefinition;
import ru.gospubliki.rules.RuleResult;
import ru.gospubliki.rules.Severity;

/**
 * Makes the findings of an audit and shares equal ones: most findings repeat across pages (the
 * same rule, outcome and message), so a registry audit keeps one instance of each, and a heap of
 * 512 MB holds the report of 130,000 organisations.
 */
final class Findings {
  /** Distinct findings shared, at most: past this, findings are kept as they come. */
  static final int MAX_SHARED = 50_000;

  private final Map<Finding, Finding> shared = new ConcurrentHashMap<>();

  Finding of(RuleDefinition definition, Severity severity, RuleResult result) {
    Finding finding = Finding.builder()
        .rule(definition.id())
        .outcome(result.outcome())
        .severity(severity)
        .obligation(definition.obligation())
        .basis(definition.basis())
        .message(result.message())
        .details(result.details())
        .build();
    if (shared.size() >= MAX_SHARED) return finding;
    Finding previous = shared.putIfAbsent(finding, finding);
    return previous != null ? previous : finding;
  }
}
