package ru.gospubliki.model;

/** Who can see a page. Only {@link #OPEN} pages meet 8-ФЗ ст. 1 п. 6. */
public enum PageState {
  OPEN,
  /** A closed community: members only. */
  CLOSED,
  /** A private (secret) community. */
  PRIVATE,
  DELETED,
  BANNED
}
