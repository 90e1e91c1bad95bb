package ru.gospubliki.audit;

/** A page's verdict. */
public enum PageStatus {
  /** No rule with severity {@code VIOLATION} failed. */
  COMPLIANT,
  /** At least one rule with severity {@code VIOLATION} failed. */
  NON_COMPLIANT,
  /** The page could not be read (deleted, banned, private, access denied, API failure). */
  UNREACHABLE
}
