package ru.gospubliki.publish;

/** Where one publication of one draft on one page stands in the {@link PublishJournal}. */
public enum JournalStatus {
  /**
   * Claimed by a process that is sending it now, or was when it stopped: with no outcome after
   * the in-flight timeout it is treated as sent-or-not and reconciled before any resend.
   */
  SENDING,
  /** The post is live (or a person said so after checking the page). */
  PUBLISHED,
  /** The post is scheduled. */
  SCHEDULED,
  /** The platform certainly did not create the post: the next publication may send it. */
  FAILED,
  /** The post may exist and nobody could tell: never sent again until a person settles it. */
  UNKNOWN,
  /** A person checked the page and found no post: the next publication sends it. */
  NOT_SENT
}
