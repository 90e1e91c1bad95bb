package ru.gospubliki.examples.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The service's API keys, from {@code GOSPUBLIKI_API_KEYS}: {@code key=district} entries separated
 * by {@code ;}, {@code *} for every district. A presented key is compared with every known key in
 * constant time ({@link MessageDigest#isEqual} over SHA-256 digests, so neither a key's content
 * nor its length shows in the time taken). Keys are never printed: errors name an entry by its
 * position, and {@link #toString()} shows only the districts.
 */
final class ApiKeys {
  /** Shorter keys are refused: a key is a password that a script keeps. */
  static final int MIN_LENGTH = 16;

  private final List<byte[]> digests;
  private final List<Scope> scopes;

  private ApiKeys(List<byte[]> digests, List<Scope> scopes) {
    this.digests = digests;
    this.scopes = scopes;
  }

  /**
   * Parses {@code key=district;key=*}.
   *
   * @throws IllegalArgumentException with a Russian message naming the entry by its number, never its key.
   */
  static ApiKeys parse(String value) {
    List<byte[]> digests = new ArrayList<>();
    List<Scope> scopes = new ArrayList<>();
    String[] entries = value.split(";", -1);
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].strip();
      if (entry.isEmpty()) continue;
      int n = i + 1;
      int eq = entry.lastIndexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("GOSPUBLIKI_API_KEYS: запись " + n + " — не «ключ=район» (район или * для всех)");
      }
      String key = entry.substring(0, eq).strip();
      String district = entry.substring(eq + 1).strip();
      if (key.length() < MIN_LENGTH) {
        throw new IllegalArgumentException("GOSPUBLIKI_API_KEYS: ключ в записи " + n + " короче " + MIN_LENGTH
            + " символов");
      }
      if (key.chars().anyMatch(c -> c <= ' ' || c > '~')) {
        throw new IllegalArgumentException("GOSPUBLIKI_API_KEYS: ключ в записи " + n
            + " — только латинские буквы, цифры и знаки ASCII без пробелов");
      }
      if (district.isEmpty()) {
        throw new IllegalArgumentException("GOSPUBLIKI_API_KEYS: в записи " + n + " не указан район (или * для всех)");
      }
      byte[] digest = sha256(key);
      for (byte[] known : digests) {
        if (MessageDigest.isEqual(known, digest)) {
          throw new IllegalArgumentException("GOSPUBLIKI_API_KEYS: ключ в записи " + n + " повторяется");
        }
      }
      digests.add(digest);
      scopes.add(district.equals("*") ? Scope.ALL : Scope.district(district));
    }
    if (digests.isEmpty()) throw new IllegalArgumentException("GOSPUBLIKI_API_KEYS: нет ни одного ключа");
    return new ApiKeys(List.copyOf(digests), List.copyOf(scopes));
  }

  /** One key for every district, e.g. the sandbox's. */
  static ApiKeys of(String key, Scope scope) {
    return new ApiKeys(List.of(sha256(key)), List.of(scope));
  }

  /** The scope of {@code presented}, or null when it is no key of ours. Every key is compared, always. */
  @Nullable Scope find(@Nullable String presented) {
    byte[] digest = sha256(presented == null ? "" : presented);
    Scope found = null;
    for (int i = 0; i < digests.size(); i++) {
      if (MessageDigest.isEqual(digests.get(i), digest) && found == null) found = scopes.get(i);
    }
    return presented == null || presented.isEmpty() ? null : found;
  }

  int size() {
    return digests.size();
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e); // Every JDK has SHA-256.
    }
  }

  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    for (Scope scope : scopes) names.add(scope.name());
    return "ApiKeys" + names;
  }
}
