package ru.gospubliki.vk.internal;

import java.util.Map;
import java.util.Set;

/**
 * The three kinds of VK access token, and which methods each may call. VK's official API schema
 * lists the token kinds each method accepts ({@code access_token_type}); a method called with
 * another kind answers error 28 (service token) or 27 (community token).
 */
public enum TokenKind {
  /** An application's service key: reads open communities, one wall per {@code wall.get}. */
  SERVICE("сервисный ключ"),
  /**
   * A community key: cannot read walls, cannot call {@code wall.get} inside {@code execute}; a
   * community's own key posts text to that community, never photos.
   */
  COMMUNITY("ключ сообщества"),
  /** A person's key: reads walls 25 at a time through {@code execute}, and posts. */
  USER("ключ пользователя");

  private static final Set<TokenKind> ANY = Set.of(SERVICE, COMMUNITY, USER);
  /** VK's API schema (5.199), access_token_type of each method the adapter calls. */
  private static final Map<String, Set<TokenKind>> ACCEPTED = Map.ofEntries(
      Map.entry("groups.getById", ANY),
      Map.entry("utils.resolveScreenName", ANY),
      Map.entry("users.get", ANY),
      Map.entry("wall.get", Set.of(USER, SERVICE)),
      Map.entry("execute", Set.of(USER, COMMUNITY)),
      // The schema says user only; live VK takes a community's own key for text posts to that
      // community (integrators' reports, 2026), so the adapter tries it and maps a refusal.
      Map.entry("wall.post", Set.of(USER, COMMUNITY)),
      Map.entry("wall.edit", Set.of(USER)),
      Map.entry("wall.delete", Set.of(USER)),
      Map.entry("photos.getWallUploadServer", Set.of(USER)),
      Map.entry("photos.saveWallPhoto", Set.of(USER)));

  private final String russianName;

  TokenKind(String russianName) {
    this.russianName = russianName;
  }

  /** True when VK accepts this kind of token for {@code method}. */
  public boolean mayCall(String method) {
    Set<TokenKind> kinds = ACCEPTED.get(method);
    return kinds != null && kinds.contains(this);
  }

  /** The kind as an operator names it, e.g. «сервисный ключ». */
  public String russianName() {
    return russianName;
  }
}
