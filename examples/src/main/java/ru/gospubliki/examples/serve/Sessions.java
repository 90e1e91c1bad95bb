package ru.gospubliki.examples.serve;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's sessions: after a person logs in with an API key, a random session id in a
 * cookie (HttpOnly, SameSite=Strict) stands for the key's scope; the key itself is not kept. Each
 * session has its CSRF token, which every form carries. Sessions live in memory: a restart logs
 * everyone out.
 */
final class Sessions {
  static final String COOKIE = "gp_session";
  /** The login form's own CSRF token, before there is a session. */
  static final String LOGIN_COOKIE = "gp_login";
  static final Duration IDLE = Duration.ofHours(8);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One person's login. */
  static final class Session {
    final String id;
    final Scope scope;
    final String csrf;
    volatile Instant seen;

    Session(String id, Scope scope, String csrf, Instant seen) {
      this.id = id;
      this.scope = scope;
      this.csrf = csrf;
      this.seen = seen;
    }

    /** Whether {@code token} is this session's CSRF token, compared in constant time. */
    boolean csrf(@Nullable String token) {
      return token != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
          token.getBytes(StandardCharsets.UTF_8));
    }
  }

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Clock clock;

  Sessions(Clock clock) {
    this.clock = clock;
  }

  Session open(Scope scope) {
    Instant now = clock.instant();
    sessions.values().removeIf(session -> session.seen.plus(IDLE).isBefore(now));
    Session session = new Session(token(), scope, token(), now);
    sessions.put(session.id, session);
    return session;
  }

  @Nullable Session find(@Nullable String id) {
    if (id == null) return null;
    Session session = sessions.get(id);
    if (session == null) return null;
    Instant now = clock.instant();
    if (session.seen.plus(IDLE).isBefore(now)) {
      sessions.remove(id);
      return null;
    }
    session.seen = now;
    return session;
  }

  void close(Session session) {
    sessions.remove(session.id);
  }

  static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The {@code Set-Cookie} value of a cookie only this site's own pages send back, never scripts. */
  static String cookie(String name, String value, @Nullable Duration maxAge) {
    return name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict"
        + (maxAge == null ? "" : "; Max-Age=" + maxAge.toSeconds());
  }
}
