package ru.gospubliki.model;

/**
 * Whether a page carries the «Госорганизация» mark confirmed through Госуслуги. The mark silently
 * disappears after a rename, an admin change or a hack, so it is read on every audit.
 */
public enum MarkStatus {
  /** The platform reports the mark. */
  CONFIRMED,
  /** The platform reports no mark. */
  ABSENT,
  /** The platform did not return the mark field: never treated as absent. */
  UNKNOWN
}
