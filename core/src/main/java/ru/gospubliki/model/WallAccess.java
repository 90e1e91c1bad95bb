package ru.gospubliki.model;

/** Who may post on the page's wall (VK {@code wall}: 0 off, 1 open, 2 limited, 3 closed). */
public enum WallAccess {
  /** The wall is switched off. */
  OFF,
  /** Everyone may post. */
  OPEN,
  /** Only the community posts; everyone may comment. */
  LIMITED,
  /** Only the community posts; comments are off. */
  CLOSED,
  /** The platform did not say. */
  UNKNOWN
}
