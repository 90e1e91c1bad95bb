package ru.gospubliki.platform;

import java.util.Objects;

/**
 * What {@link Platform#findExisting} found on the page: the post a lost answer had created, proof
 * that it is not there, or that the page could not tell (never "absent" without having looked).
 */
public sealed interface PostLookup permits PostLookup.Found, PostLookup.Absent, PostLookup.CannotTell {

  /** The draft's post is on the page. */
  record Found(SendResult.Sent post) implements PostLookup {
    public Found {
      Objects.requireNonNull(post, "post");
    }
  }

  /** The page was read and the draft's post is not on it. */
  record Absent() implements PostLookup {}

  /** The page could not be read, or the draft cannot be told apart from other posts. */
  record CannotTell(String detail) implements PostLookup {
    public CannotTell {
      Objects.requireNonNull(detail, "detail");
    }
  }
}
