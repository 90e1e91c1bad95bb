package ru.gospubliki.examples.serve;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A failure as the service logs it: the same classes, messages and stack traces, with every secret
 * a request presented cut out of the messages. A handler's exception may quote what it was given
 * (a header, a form field), and a request carries API keys ({@code Authorization}), session
 * cookies, CSRF tokens, the login form's key and MAX's webhook secret, and a query string may
 * carry a key too: none of them may reach the log, where the people who read it are not those who
 * hold the keys.
 */
final class Redacted extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** What a secret is replaced with. */
  static final String MASK = "██";
  /**
   * Shorter values of no secret's name are not secrets (a cookie's "1"), and masking them would
   * garble the message; a value whose name says it is a secret is masked whatever its length.
   */
  private static final int SHORTEST_SECRET = 8;
  private static final int DEEPEST_CAUSE = 16;
  /** Parts of the names of parameters and form fields that hold secrets, lower case. */
  private static final List<String> SECRET_NAME_PARTS = List.of("key", "token", "secret", "password", "csrf",
      "signature");

  private Redacted(String shown, @Nullable Throwable cause) {
    super(shown, cause, true, true);
  }

  /** {@code error} with the secrets of {@code ctx}'s request and {@code alsoSecret} masked. */
  static Throwable of(Throwable error, Context ctx, Collection<String> alsoSecret) {
    List<String> secrets = new ArrayList<>();
    alsoSecret.forEach(secret -> secret(secrets, secret));
    secret(secrets, ctx.header("Authorization"));
    secret(secrets, ctx.header("X-Max-Bot-Api-Secret"));
    add(secrets, ctx.header("Cookie"));
    String authorization = ctx.header("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      secret(secrets, authorization.substring(7));
    }
    for (String cookie : ctx.cookieMap().values()) add(secrets, cookie);
    try {
      named(secrets, ctx.queryParamMap());
    } catch (RuntimeException unreadable) {
      // A query string that cannot be decoded cannot have reached a message decoded either.
    }
    String type = ctx.contentType();
    if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
      try {
        named(secrets, ctx.formParamMap());
      } catch (RuntimeException unreadable) {
        // The body could not be read (too large, cut): it cannot have reached a message either.
      }
    }
    secrets.sort((a, b) -> Integer.compare(b.length(), a.length())); // a secret containing another is masked whole
    return copy(error, secrets, new IdentityHashMap<>(), 0);
  }

  /** The values of query parameters or form fields: all of a secret's name, the others when long enough. */
  private static void named(List<String> secrets, Map<String, List<String>> parameters) {
    parameters.forEach((name, values) -> {
      boolean secret = isSecretName(name);
      for (String value : values) {
        if (secret) secret(secrets, value);
        else add(secrets, value);
      }
    });
  }

  /** Whether a parameter called {@code name} holds a secret (the login form's key, its CSRF token...). */
  static boolean isSecretName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String part : SECRET_NAME_PARTS) {
      if (lower.contains(part)) return true;
    }
    return false;
  }

  /** A value that may be a secret: masked when long enough to be one. */
  private static void add(List<String> secrets, @Nullable String value) {
    if (value != null && value.strip().length() >= SHORTEST_SECRET) secrets.add(value.strip());
  }

  /** A value known to be a secret: masked whatever its length. */
  private static void secret(List<String> secrets, @Nullable String value) {
    if (value != null && !value.isBlank()) secrets.add(value.strip());
  }

  private static Throwable copy(Throwable error, List<String> secrets, Map<Throwable, Boolean> seen, int depth) {
    seen.put(error, true);
    Throwable cause = error.getCause();
    Throwable copiedCause = cause == null || seen.containsKey(cause) || depth >= DEEPEST_CAUSE ? null
        : copy(cause, secrets, seen, depth + 1);
    String message = error.getMessage();
    Redacted copy = new Redacted(error.getClass().getName() + (message == null ? "" : ": " + scrub(message, secrets)),
        copiedCause);
    copy.setStackTrace(error.getStackTrace());
    for (Throwable suppressed : error.getSuppressed()) {
      if (!seen.containsKey(suppressed) && depth < DEEPEST_CAUSE) {
        copy.addSuppressed(copy(suppressed, secrets, seen, depth + 1));
      }
    }
    return copy;
  }

  static String scrub(String text, List<String> secrets) {
    String result = text;
    // Longest first: a short secret inside a long one must not cut it into pieces that stay visible.
    List<String> longestFirst = secrets.stream().distinct()
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    for (String secret : longestFirst) {
      if (result.contains(secret)) result = result.replace(secret, MASK);
    }
    return result;
  }

  /** Printed as the original: {@code java.lang.IllegalStateException: message}. */
  @Override
  public String toString() {
    return String.valueOf(getMessage());
  }
}
