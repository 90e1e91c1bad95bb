package ru.gospubliki.vk;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.http.ApiToken;

/**
 * Each community's own access key («Управление → Работа с API → Ключи доступа», {@code vk1.a.…}),
 * by community, for posting to that community when no user key may. Many new deployments have no
 * user key that can post (VK ID user keys, {@code vk2.a.…}, are refused {@code wall.post} unless
 * the app was granted the {@code wall} scope), while a community's own key publishes text there.
 * VK refuses a community key wall photo uploads, so a page posted with one takes text only.
 *
 * <p>Implement it over the embedder's secret store (a vault, a database of keys a ЦУР keeps per
 * institution); it is asked each time a page's credential is chosen, so a rotated key is picked up.
 * Answer null for a community without a key of its own. A fixed set: {@link #of(Map)}.
 *
 * <pre>{@code
 * VkPlatform vk = VkPlatform.builder()
 *     .serviceToken(System.getenv("VK_SERVICE_TOKEN"))
 *     .ownCommunityTokens(groupId -> vault.read("vk/community/" + groupId)) // null when there is none
 *     .build();
 * vk.capabilities(PageRef.parse("https://vk.com/club123")).credential(); // «ключ сообщества»
 * }</pre>
 */
@FunctionalInterface
public interface VkCommunityTokens {
  /** The key of community {@code groupId} (positive), or null when it has none. Never logged. */
  @Nullable String tokenFor(long groupId);

  /** A fixed set of keys by community id; each must be a positive id with a non-blank key. */
  static VkCommunityTokens of(Map<Long, String> tokens) {
    Map<Long, String> copy = new LinkedHashMap<>();
    for (Map.Entry<Long, String> entry : tokens.entrySet()) {
      Long groupId = entry.getKey();
      if (groupId == null || groupId <= 0) throw new IllegalArgumentException("community id must be > 0: " + groupId);
      copy.put(groupId, ApiToken.check("communityTokens[" + groupId + "]", entry.getValue()));
    }
    Map<Long, String> fixed = Map.copyOf(copy);
    return new VkCommunityTokens() {
      @Override
      public @Nullable String tokenFor(long groupId) {
        return fixed.get(groupId);
      }

      @Override
      public String toString() {
        return "VkCommunityTokens" + fixed.keySet(); // the communities, never the keys
      }
    };
  }
}
