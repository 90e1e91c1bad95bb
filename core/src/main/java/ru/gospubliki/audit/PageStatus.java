package ru.gospubliki.audit;

/** A page's verdict. */
public enum PageStatus {
  /** No rule with severity {@code VIOLATION} failed. */
  COMPLIANT,
  /** At least one rule with severity {@code VIOLATION} failed. */
  NON_COMPLIANT,
  /**
   * No rule with severity {@code VIOLATION} failed, but part of the data the platform normally
   * returns could not be read this time (the posts, a field), so a rule of severity {@code
   * VIOLATION} or {@code WARNING} could not be checked: the page is not known to be compliant.
   */
  UNVERIFIED,
  /** The page could not be read (deleted, banned, private, access denied, API failure). */
  UNREACHABLE
}
