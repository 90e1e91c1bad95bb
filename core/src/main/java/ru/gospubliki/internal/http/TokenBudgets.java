package ru.gospubliki.internal.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * One {@link TokenBudget} per token: two platform instances, or any number of threads, that use the
 * same token share its rate limiter and its quota state, so together they stay under the
 * platform's limit. Keyed by the platform and a SHA-256 hash of the token, never the token itself.
 *
 * <p>{@link #process()} is the registry every platform uses by default; tests that drive time
 * create their own with a fake {@link Ticker} and {@link Sleeper}.
 */
public final class TokenBudgets {
  private static final TokenBudgets PROCESS = new TokenBudgets(Ticker.SYSTEM, Sleeper.SYSTEM);

  private final Ticker ticker;
  private final Sleeper sleeper;
  private final Map<String, TokenBudget> budgets = new HashMap<>();

  public TokenBudgets(Ticker ticker, Sleeper sleeper) {
    this.ticker = ticker;
    this.sleeper = sleeper;
  }

  /** The registry shared by the whole process, on the system clock. */
  public static TokenBudgets process() {
    return PROCESS;
  }

  /**
   * The budget of {@code secret} on {@code platform}: created at {@code requestsPerSecond} on first
   * use; when the token is already known at a higher rate, the lower one holds from now on.
   */
  public synchronized TokenBudget budget(String platform, String secret, double requestsPerSecond) {
    String key = platform + ":" + sha256(secret);
    TokenBudget budget = budgets.get(key);
    if (budget == null) {
      budget = new TokenBudget(new RateLimiter(requestsPerSecond, ticker, sleeper));
      budgets.put(key, budget);
    } else {
      budget.slowTo(requestsPerSecond);
    }
    return budget;
  }

  static String sha256(String secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public synchronized String toString() {
    return "TokenBudgets{" + budgets.size() + "}";
  }
}
