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
  /**
   * The platform did not return the mark field: never treated as absent. On a platform that
   * normally returns it (VK's {@code is_government_organization}, OK's {@code gos_org}) the read is
   * taken as incomplete: {@code GOV_MARK} is {@code UNKNOWN} and the page {@code UNVERIFIED}. A
   * platform that has no mark at all lists {@link ProfileField#MARK} as unavailable instead.
   */
  UNKNOWN
}
