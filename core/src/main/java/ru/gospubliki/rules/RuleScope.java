package ru.gospubliki.rules;

/** What a rule looks at. */
public enum RuleScope {
  /** The page's profile (from the platform). */
  PAGE,
  /** The page's recent posts. */
  PUBLICATION,
  /** The organisation as the registry describes it. */
  ORGANIZATION,
  /** A post draft, before it is sent. */
  DRAFT
}
