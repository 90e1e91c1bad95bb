package ru.gospubliki.audit;

/** What changed on a page or an organisation between two audits; see {@link AuditChanges}. */
public enum ChangeKind {
  /** The «Госорганизация» mark was known to be there and is now absent. */
  MARK_LOST,
  /** The mark was absent (or lost) and is now confirmed. */
  MARK_GAINED,
  /** The page was compliant (or not verified or unreachable) and now breaks a rule of severity VIOLATION. */
  BECAME_NON_COMPLIANT,
  /** The page now breaks no rule of severity VIOLATION. */
  BECAME_COMPLIANT,
  /** A rule that passed now fails. */
  FINDING_NEW,
  /** A rule that failed now passes (a rule that could not be checked this time is not counted fixed). */
  FINDING_FIXED,
  /** The page was readable and now is not (deleted, banned, private, not found), or left the registry. */
  PAGE_GONE,
  /** The page's name changed. */
  PAGE_RENAMED,
  /** The organisation is in the later audit only. */
  ORGANIZATION_ADDED,
  /** The organisation is in the earlier audit only. */
  ORGANIZATION_REMOVED
}
