package ru.gospubliki.rules;

/** How much a failed rule matters. Set per rule by the {@link Policy}. */
public enum Severity {
  /** Breaks the law: the page is not compliant. */
  VIOLATION,
  /** Costs the region in the rating. */
  WARNING,
  /** Worth fixing. */
  NOTICE
}
