package ru.gospubliki.internal.publish;

/** The preconditions of {@code PublishJournal.bindRequest}, shared by the SDK's journals. */
public final class RequestDigests {
  private RequestDigests() {}

  public static void check(String idempotencyKey, String requestDigest) {
    if (idempotencyKey.isBlank() || idempotencyKey.length() > 64) {
      throw new IllegalArgumentException("idempotencyKey must be 1..64 characters: \"" + idempotencyKey + "\"");
    }
    if (requestDigest.isBlank() || requestDigest.length() > 128) {
      throw new IllegalArgumentException("requestDigest must be 1..128 characters, was " + requestDigest.length());
    }
  }
}
