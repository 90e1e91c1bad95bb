package ru.gospubliki.publish;

/**
 * A person's verdict on an {@link JournalStatus#UNKNOWN} publication after looking at the page:
 * see {@link CrossPoster#settle}.
 */
public enum Settlement {
  /** The post is on the page: recorded as published, nothing is sent. */
  SENT,
  /** The post is not on the page: the next publication of the draft sends it. */
  NOT_SENT
}
