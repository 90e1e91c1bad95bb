package ru.gospubliki.vk.internal;

import java.time.Instant;
import ru.gospubliki.internal.http.ApiToken;

/**
 * A VK token of one kind, with its process-wide budget (rate limiter, daily quota). Never prints
 * the secret.
 *
 * @param kind what VK lets the token do.
 * @param api the token and its budget.
 */
public record VkToken(TokenKind kind, ApiToken api) {
  /** True when VK accepts this token for {@code method} and it is not set aside at {@code now}. */
  public boolean mayCall(String method, Instant now) {
    return kind.mayCall(method) && api.budget().available(now);
  }

  public boolean available(Instant now) {
    return api.budget().available(now);
  }

  /** How the embedder configured it, e.g. {@code serviceTokens[1]}. */
  public String role() {
    return api.role();
  }

  @Override
  public String toString() {
    return "VkToken{" + kind + ", " + api.role() + "}";
  }
}
