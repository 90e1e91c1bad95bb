package ru.gospubliki.ok.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.http.ApiToken;
import ru.gospubliki.platform.FailureReason;

/**
 * One OK access token of the pool: its process-wide budget (rate limiter, set-aside state), the
 * signer for calls made with it (OK signs with {@code md5(access_token + application_secret_key)}),
 * and why this platform set it aside last. {@link #toString()} shows the role only.
 */
public final class OkToken {
  private final ApiToken api;
  private final OkSigner signer;
  private volatile @Nullable FailureReason asideReason;

  public OkToken(ApiToken api, String applicationSecretKey) {
    this.api = api;
    this.signer = OkSigner.forSession(api.secret(), applicationSecretKey);
  }

  public ApiToken api() {
    return api;
  }

  public OkSigner signer() {
    return signer;
  }

  /** How the embedder configured the token, e.g. {@code accessTokens[1]}: safe for messages. */
  public String role() {
    return api.role();
  }

  /** True when the token may be used at {@code now} (not set aside, here or by another platform). */
  public boolean available(Instant now) {
    return api.budget().available(now);
  }

  /** Sets the token aside until {@code until} for {@code reason}, with a Russian explanation. */
  public void setAside(Instant until, FailureReason reason, String because) {
    asideReason = reason;
    api.budget().setAside(until, because);
  }

  /**
   * Why the token is set aside: the reason this platform gave, or, when another platform instance
   * set it aside, the reason its explanation suggests.
   */
  public FailureReason asideReason() {
    FailureReason reason = asideReason;
    if (reason != null) return reason;
    return api.budget().asideBecause().contains("лимит") ? FailureReason.QUOTA : FailureReason.AUTHORIZATION;
  }

  /** The Russian explanation of why the token is set aside; empty when it is not. */
  public String asideBecause() {
    return api.budget().asideBecause();
  }

  @Override
  public String toString() {
    return "OkToken{" + api.role() + "}";
  }
}
