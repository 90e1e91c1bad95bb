package ru.gospubliki.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.PostDraft;

/**
 * Derives a draft's idempotency key from what would be published: the same content gives the same
 * key in any process, on any day, so a publication repeated after a crash or from a second process
 * is recognised as the same one.
 */
public final class ContentKey {
  /** Bumped if the derivation ever changes, so old and new keys never collide by accident. */
  static final String PREFIX = "c1-";

  private ContentKey() {}

  /** {@code c1-} followed by 48 hex digits of a SHA-256 over the draft's tagged fields. */
  public static String of(PostDraft draft) {
    MessageDigest digest = sha256();
    field(digest, "text", draft.text().getBytes(StandardCharsets.UTF_8));
    for (String tag : draft.hashtags()) {
      String bare = tag.startsWith("#") ? tag.substring(1) : tag;
      field(digest, "hashtag", bare.getBytes(StandardCharsets.UTF_8));
    }
    String link = draft.link();
    if (link != null) field(digest, "link", link.getBytes(StandardCharsets.UTF_8));
    for (DraftPhoto photo : draft.photos()) {
      field(digest, "photo", photoDigest(photo)); // the content, not the name: a replaced photo is a new post
    }
    Instant at = draft.scheduledAt();
    if (at != null) field(digest, "at", at.toString().getBytes(StandardCharsets.UTF_8));
    if (draft.markedAsAd()) field(digest, "ad", new byte[] {1});
    byte[] hash = digest.digest();
    StringBuilder key = new StringBuilder(PREFIX.length() + 48).append(PREFIX);
    for (int i = 0; i < 24; i++) {
      key.append(Character.forDigit((hash[i] >> 4) & 0xf, 16)).append(Character.forDigit(hash[i] & 0xf, 16));
    }
    return key.toString();
  }

  private static byte[] photoDigest(DraftPhoto photo) {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = photo.open()) {
      for (int n; (n = in.read(buffer)) != -1; ) digest.update(buffer, 0, n);
    } catch (IOException e) {
      throw new UncheckedIOException("photo " + photo.fileName() + " cannot be read to derive the draft's key", e);
    }
    return digest.digest();
  }

  /** Adds one tagged, length-prefixed field, so that no two different drafts hash alike. */
  private static void field(MessageDigest digest, String tag, byte[] value) {
    byte[] name = tag.getBytes(StandardCharsets.UTF_8);
    digest.update(ByteBuffer.allocate(4).putInt(name.length).array());
    digest.update(name);
    digest.update(ByteBuffer.allocate(8).putLong(value.length).array());
    digest.update(value);
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e); // Every JDK has SHA-256.
    }
  }
}
