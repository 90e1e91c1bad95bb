package ru.gospubliki.internal.http;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One access token as an adapter holds it: its role (how the embedder configured it, e.g. {@code
 * serviceTokens[1]}, used in messages instead of the value), the secret, and its process-wide
 * {@link TokenBudget}. {@link #toString()} never shows the secret.
 */
public final class ApiToken {
  private final String role;
  private final String secret;
  private final TokenBudget budget;

  private ApiToken(String role, String secret, TokenBudget budget) {
    this.role = role;
    this.secret = secret;
    this.budget = budget;
  }

  /**
   * Checks {@code secret} (see {@link #check}) and returns the token with the process-wide budget
   * of {@code budgets}.
   */
  public static ApiToken of(TokenBudgets budgets, String platform, String role, @Nullable String secret,
      double requestsPerSecond) {
    String value = check(role, secret);
    return new ApiToken(role, value, budgets.budget(platform, value, requestsPerSecond));
  }

  /**
   * Returns {@code secret} without surrounding whitespace, or throws {@link
   * IllegalArgumentException} naming {@code role} (never the value) and what is wrong: nothing
   * given, a line break, whitespace inside, a control or non-ASCII character. No platform accepts
   * such a token, and an HTTP header cannot carry it: better refused here than sent as garbage.
   */
  public static String check(String role, @Nullable String secret) {
    if (secret == null || secret.isBlank()) throw new IllegalArgumentException(role + ": ключ доступа пуст");
    String value = secret.strip();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      String why = null;
      if (c == '\n' || c == '\r') why = "содержит перевод строки";
      else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) why = "содержит пробел";
      else if (c < 0x20 || c == 0x7f) why = "содержит управляющий символ";
      else if (c > 0x7e) why = "содержит символ не из ASCII (" + String.format(Locale.ROOT, "U+%04X", (int) c) + ")";
      if (why != null) {
        throw new IllegalArgumentException(role + ": ключ доступа " + why + " в позиции " + (i + 1)
            + "; скопируйте ключ целиком, без переносов и пробелов");
      }
    }
    return value;
  }

  /** How the embedder configured this token, e.g. {@code userTokens[0]}: safe for messages. */
  public String role() {
    return role;
  }

  /** The token itself: for the {@code Authorization} header and for scrubbing only. */
  public String secret() {
    return secret;
  }

  public TokenBudget budget() {
    return budget;
  }

  public RateLimiter limiter() {
    return budget.limiter();
  }

  @Override
  public String toString() {
    return "ApiToken{" + role + ", ██}";
  }
}
