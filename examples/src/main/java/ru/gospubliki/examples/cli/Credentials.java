package ru.gospubliki.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.examples.sandbox.Sandbox;

/**
 * Platform credentials from the environment (never flags, never printed). {@link
 * #toString()} names which are present, never their values.
 */
final class Credentials {
  /** VK service keys: {@code VK_SERVICE_TOKEN} may hold several, separated by commas (a pool). */
  final List<String> vkServiceTokens;
  /** VK user keys: {@code VK_USER_TOKEN}, a pool like the others. */
  final List<String> vkUserTokens;
  final @Nullable String okApplicationKey;
  final @Nullable String okApplicationSecretKey;
  /** OK access tokens: {@code OK_ACCESS_TOKEN}, a pool. */
  final List<String> okAccessTokens;
  /** MAX bot keys: {@code MAX_BOT_TOKEN}, a pool (each channel is served by the key of the bot in it). */
  final List<String> maxBotTokens;
  /** VK communities' own keys by community id, from {@code VK_COMMUNITY_TOKENS_FILE}. */
  final Map<Long, String> vkCommunityTokens;

  private Credentials(List<String> vkServiceTokens, List<String> vkUserTokens,
      @Nullable String okApplicationKey, @Nullable String okApplicationSecretKey, List<String> okAccessTokens,
      List<String> maxBotTokens, Map<Long, String> vkCommunityTokens) {
    this.vkServiceTokens = List.copyOf(vkServiceTokens);
    this.vkUserTokens = List.copyOf(vkUserTokens);
    this.okApplicationKey = okApplicationKey;
    this.okApplicationSecretKey = okApplicationSecretKey;
    this.okAccessTokens = List.copyOf(okAccessTokens);
    this.maxBotTokens = List.copyOf(maxBotTokens);
    this.vkCommunityTokens = Map.copyOf(vkCommunityTokens);
  }

  /**
   * @throws UsageException when {@code VK_COMMUNITY_TOKENS_FILE} names a file that cannot be used
   *     (missing, readable by others, bad lines).
   */
  static Credentials fromEnvironment(Map<String, String> env) throws UsageException {
    String file = nonBlank(env.get(CommunityTokensFile.VARIABLE));
    return new Credentials(pool(env.get("VK_SERVICE_TOKEN")), pool(env.get("VK_USER_TOKEN")),
        nonBlank(env.get("OK_APPLICATION_KEY")), nonBlank(env.get("OK_APPLICATION_SECRET_KEY")),
        pool(env.get("OK_ACCESS_TOKEN")), pool(env.get("MAX_BOT_TOKEN")),
        file == null ? Map.of() : CommunityTokensFile.read(file));
  }

  static Credentials of(Sandbox sandbox) {
    return new Credentials(List.of(sandbox.vkServiceToken()), List.of(sandbox.vkUserToken()),
        sandbox.okApplicationKey(), sandbox.okApplicationSecretKey(), List.of(sandbox.okAccessToken()),
        List.of(sandbox.maxBotToken()),
        sandbox.vkCommunityTokens());
  }

  /** The comma-separated keys of a pool, each stripped, blanks (a trailing comma) dropped. */
  static List<String> pool(@Nullable String value) {
    List<String> tokens = new ArrayList<>();
    if (value == null) return tokens;
    for (String token : value.split(",", -1)) {
      if (!token.isBlank()) tokens.add(token.trim());
    }
    return tokens;
  }

  boolean hasOk() {
    return okApplicationKey != null && okApplicationSecretKey != null && !okAccessTokens.isEmpty();
  }

  private static @Nullable String nonBlank(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  @Override
  public String toString() {
    return "Credentials{vkService=" + vkServiceTokens.size() + ", vkUser=" + vkUserTokens.size()
        + ", vkCommunities=" + vkCommunityTokens.size() + ", ok=" + hasOk() + ", maxBots=" + maxBotTokens.size() + "}";
  }
}
