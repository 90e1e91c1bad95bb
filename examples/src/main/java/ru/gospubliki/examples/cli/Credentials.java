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
  final @Nullable String vkServiceToken;
  final @Nullable String vkUserToken;
  final @Nullable String okApplicationKey;
  final @Nullable String okApplicationSecretKey;
  final @Nullable String okAccessToken;
  /** MAX bot keys: {@code MAX_BOT_TOKEN} may hold several, separated by commas. */
  final List<String> maxBotTokens;
  /** VK communities' own keys by community id, from {@code VK_COMMUNITY_TOKENS_FILE}. */
  final Map<Long, String> vkCommunityTokens;

  private Credentials(@Nullable String vkServiceToken, @Nullable String vkUserToken,
      @Nullable String okApplicationKey, @Nullable String okApplicationSecretKey, @Nullable String okAccessToken,
      List<String> maxBotTokens, Map<Long, String> vkCommunityTokens) {
    this.vkServiceToken = vkServiceToken;
    this.vkUserToken = vkUserToken;
    this.okApplicationKey = okApplicationKey;
    this.okApplicationSecretKey = okApplicationSecretKey;
    this.okAccessToken = okAccessToken;
    this.maxBotTokens = List.copyOf(maxBotTokens);
    this.vkCommunityTokens = Map.copyOf(vkCommunityTokens);
  }

  /**
   * @throws UsageException when {@code VK_COMMUNITY_TOKENS_FILE} names a file that cannot be used
   *     (missing, readable by others, bad lines).
   */
  static Credentials fromEnvironment(Map<String, String> env) throws UsageException {
    String file = nonBlank(env.get(CommunityTokensFile.VARIABLE));
    return new Credentials(nonBlank(env.get("VK_SERVICE_TOKEN")), nonBlank(env.get("VK_USER_TOKEN")),
        nonBlank(env.get("OK_APPLICATION_KEY")), nonBlank(env.get("OK_APPLICATION_SECRET_KEY")),
        nonBlank(env.get("OK_ACCESS_TOKEN")), pool(env.get("MAX_BOT_TOKEN")),
        file == null ? Map.of() : CommunityTokensFile.read(file));
  }

  static Credentials of(Sandbox sandbox) {
    return new Credentials(sandbox.vkServiceToken(), sandbox.vkUserToken(), sandbox.okApplicationKey(),
        sandbox.okApplicationSecretKey(), sandbox.okAccessToken(), List.of(sandbox.maxBotToken()),
        sandbox.vkCommunityTokens());
  }

  /** The comma-separated keys of a pool, blanks dropped. */
  private static List<String> pool(@Nullable String value) {
    List<String> tokens = new ArrayList<>();
    if (value == null) return tokens;
    for (String token : value.split(",", -1)) {
      if (!token.isBlank()) tokens.add(token.trim());
    }
    return tokens;
  }

  boolean hasOk() {
    return okApplicationKey != null && okApplicationSecretKey != null && okAccessToken != null;
  }

  private static @Nullable String nonBlank(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  @Override
  public String toString() {
    return "Credentials{vkService=" + (vkServiceToken != null) + ", vkUser=" + (vkUserToken != null)
        + ", vkCommunities=" + vkCommunityTokens.size() + ", ok=" + hasOk() + ", maxBots=" + maxBotTokens.size() + "}";
  }
}
