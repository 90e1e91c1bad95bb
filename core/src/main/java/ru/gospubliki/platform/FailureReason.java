package ru.gospubliki.platform;

/** Why a page could not be read. */
public enum FailureReason {
  /** No such page. */
  NOT_FOUND("not_found"),
  /** The page was deleted. */
  DELETED("deleted"),
  /** The platform blocked the page. */
  BANNED("banned"),
  /** The page is private: its content is not visible to the reader. */
  PRIVATE("private"),
  /** The credentials may not read this page. */
  ACCESS_DENIED("access_denied"),
  /** The credentials are invalid, expired or revoked. */
  AUTHORIZATION("authorization_failed"),
  /** The platform's rate limit or daily quota was reached. */
  RATE_LIMITED("rate_limited"),
  /** The platform answered with an error or an unreadable body. */
  API_ERROR("api_error"),
  /** The platform could not be reached. */
  NETWORK("network_error");

  private final String code;

  FailureReason(String code) {
    this.code = code;
  }

  /** The reason's code in reports, e.g. {@code deleted}, {@code access_denied}. */
  public String code() {
    return code;
  }
}
