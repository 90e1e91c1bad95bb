package ru.gospubliki.platform;

/** The kinds of {@link PublishResult}, as the reference tool prints them. */
public enum PublishStatus {
  PUBLISHED,
  SCHEDULED,
  REJECTED,
  FAILED,
  UNKNOWN
}
