package ru.gospubliki.platform;

/**
 * Why a page could not be read, or why a request was not carried out. Each reason knows whether
 * the platform certainly did not act on the request ({@link #retrySafe()}): that is what decides
 * whether a failed publication may be sent again or must first be reconciled.
 */
public enum FailureReason {
  /** No such page. */
  NOT_FOUND("not_found", true),
  /** The page was deleted. */
  DELETED("deleted", true),
  /** The platform blocked the page. */
  BANNED("banned", true),
  /** The page is private: its content is not visible to the reader. */
  PRIVATE("private", true),
  /** The credentials may not read or write this page (or may not call this method). */
  ACCESS_DENIED("access_denied", true),
  /** The credentials are invalid, expired or revoked. */
  AUTHORIZATION("authorization_failed", true),
  /** A bot is not an administrator of the channel, so it can neither read nor post there. */
  BOT_NOT_ADMIN("bot_not_admin", true),
  /** The platform's per-second rate limit or flood control refused the request. */
  RATE_LIMITED("rate_limited", true),
  /** The credentials' daily quota is used up; it resets the next day. */
  QUOTA("quota", true),
  /** The platform asks a person to solve a captcha before it carries out the request. */
  CAPTCHA("captcha", true),
  /** The platform refused the request itself: a bad parameter, content it does not accept. */
  REFUSED("refused", true),
  /**
   * The SDK cannot read or write this page here: no adapter for its platform is configured (a MAX
   * channel without a MAX bot), or the adapter cannot handle this kind of page (a person's page).
   */
  UNSUPPORTED("unsupported", true),
  /**
   * The platform answered with an internal error or with something that is not an answer (an HTML
   * page, malformed JSON): it may have acted on the request.
   */
  API_ERROR("api_error", false),
  /** The platform could not be reached: host not found, connection refused, TLS failure. */
  NETWORK("network_error", true),
  /** The connection broke after the request was sent: the platform may have acted on it. */
  CONNECTION_LOST("connection_lost", false),
  /** No complete answer came within the call's deadline: the platform may have acted on it. */
  TIMEOUT("timeout", false);

  private final String code;
  private final boolean retrySafe;

  FailureReason(String code, boolean retrySafe) {
    this.code = code;
    this.retrySafe = retrySafe;
  }

  /** The reason's code in reports, e.g. {@code deleted}, {@code access_denied}, {@code quota}. */
  public String code() {
    return code;
  }

  /**
   * True when a request that failed for this reason certainly did not take effect, so sending it
   * again cannot make a duplicate (it may still fail until the cause is fixed). False for
   * timeouts, lost connections and server errors: a publication that failed so is reconciled
   * before anything is sent again.
   */
  public boolean retrySafe() {
    return retrySafe;
  }
}
