package ru.gospubliki.vk.internal;

/** The three kinds of VK access token; each works only for some methods. */
public enum TokenKind {
  /** An application's service key: reads open communities. */
  SERVICE,
  /** A community key: 20 requests/s, cannot read walls or post. */
  COMMUNITY,
  /** An administrator's user key: the only kind that posts and uploads photos. */
  USER
}
