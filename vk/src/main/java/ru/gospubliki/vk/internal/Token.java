package ru.gospubliki.vk.internal;

/** An access token with its kind and its own rate limiter. Never prints the secret. */
public final class Token {
  private final TokenKind kind;
  private final String secret;
  private final RateLimiter limiter;

  public Token(TokenKind kind, String secret, RateLimiter limiter) {
    if (secret.isBlank()) throw new IllegalArgumentException(kind.name().toLowerCase() + " token is blank");
    this.kind = kind;
    this.secret = secret.trim();
    this.limiter = limiter;
  }

  public TokenKind kind() {
    return kind;
  }

  String secret() {
    return secret;
  }

  public RateLimiter limiter() {
    return limiter;
  }

  @Override
  public String toString() {
    return "Token{" + kind + ", ██}";
  }
}
