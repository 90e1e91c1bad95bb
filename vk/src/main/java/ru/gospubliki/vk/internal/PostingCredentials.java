package ru.gospubliki.vk.internal;

import com.squareup.moshi.JsonAdapter;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.http.ApiToken;
import ru.gospubliki.internal.http.CallFailure;
import ru.gospubliki.internal.http.TokenBudgets;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.Operation;
import ru.gospubliki.vk.VkApiException;
import ru.gospubliki.vk.VkCommunityTokens;

/**
 * Which key posts to each community, and what it allows there: a user key that may post there,
 * else the community's own key, else none. A user key may post to a community unless VK said
 * otherwise: when the community also has a key of its own, the user key is used only if {@code
 * groups.getById} says its user administers or edits the community ({@code is_admin}, {@code
 * admin_level} ≥ 2; asked once per key and community). VK's refusals are remembered: a user key
 * answered 1051 (a VK ID key without the {@code wall} scope), 27 or 28 on a write is not used to
 * post again, one answered 7 or 15 on a community is not used for that community.
 */
public final class PostingCredentials {
  private static final Logger LOG = Logger.getLogger(PostingCredentials.class.getName());
  /** Write refusals that concern the key itself, wherever it posts. */
  private static final Set<Integer> KEY_REFUSED = Set.of(1051, 27, 28);
  /** Write refusals that concern the key on one community. */
  private static final Set<Integer> COMMUNITY_REFUSED = Set.of(7, 15);
  public static final String COMMUNITY_NO_PHOTOS = "загрузка фото на стену требует ключа пользователя; "
      + "опубликуйте без фото или добавьте ключ пользователя-администратора";
  public static final String COMMUNITY_NO_EDIT = "VK позволяет править и удалять записи только ключом пользователя: "
      + "добавьте ключ пользователя-администратора сообщества";

  /** The key chosen for a community and what it allows there; {@code token} null when none may post. */
  public record Choice(@Nullable VkToken token, Capabilities capabilities) {}

  private final VkClient client;
  private final List<VkToken> users;
  private final @Nullable VkCommunityTokens communities;
  private final TokenBudgets budgets;
  private final double communityRps;
  private final Capabilities user;
  private final Capabilities community;
  private final Capabilities none;
  private final Clock clock;
  private final JsonAdapter<VkJson.AdminGroups> adminAdapter;
  /** user key role → why VK will not let it post anywhere (Russian). */
  private final Map<String, String> keyRefused = new ConcurrentHashMap<>();
  /** "role:gid" → VK refused that user key a write on that community. */
  private final Set<String> communityRefused = ConcurrentHashMap.newKeySet();
  /** "role:gid" → whether that user key's user administers the community. */
  private final Map<String, Boolean> administers = new ConcurrentHashMap<>();
  /** gid → the community's own key as last read from the embedder, with its budget. */
  private final Map<Long, VkToken> own = new ConcurrentHashMap<>();

  /**
   * @param user what a user key allows (everything the platform does).
   * @param community what a community's own key allows: text, scheduling.
   * @param none what is allowed with no key that may post (reading only), with the reason.
   */
  public PostingCredentials(VkClient client, List<VkToken> pool, @Nullable VkCommunityTokens communities,
      TokenBudgets budgets, double communityRps, Capabilities user, Capabilities community, Capabilities none,
      Clock clock) {
    this.client = client;
    this.users = pool.stream().filter(token -> token.kind() == TokenKind.USER).toList();
    this.communities = communities;
    this.budgets = budgets;
    this.communityRps = communityRps;
    this.user = user;
    this.community = community;
    this.none = none;
    this.clock = clock;
    this.adminAdapter = client.adapter(VkJson.AdminGroups.class);
  }

  /** True when some page may have a key that posts: a user key not refused, or community keys. */
  public boolean mayPostSomewhere() {
    return communities != null || users.stream().anyMatch(token -> !keyRefused.containsKey(token.role()));
  }

  /** True when the choice depends on the community (community keys, or a refusal on one community). */
  public boolean dependsOnCommunity() {
    return communities != null || !communityRefused.isEmpty();
  }

  /** The key that posts to community {@code gid} and what it allows there. */
  public Choice choose(long gid) {
    VkToken ownKey = communityKey(gid);
    for (VkToken token : users) {
      if (keyRefused.containsKey(token.role()) || communityRefused.contains(token.role() + ":" + gid)) continue;
      if (ownKey == null || administers(token, gid)) return new Choice(token, user);
    }
    if (ownKey != null) return new Choice(ownKey, community);
    return new Choice(null, nobody());
  }

  /**
   * What the keys allow on some page: {@code configured} while some user key may post (or there
   * is none), else what is left once VK refused them all: communities' own keys, or nothing.
   */
  public Capabilities platformWide(Capabilities configured) {
    if (users.isEmpty() || users.stream().anyMatch(token -> !keyRefused.containsKey(token.role()))) return configured;
    return communities != null ? community : nobody();
  }

  /** What may be done with no key that posts: reading, and why posting is not possible. */
  public Capabilities nobody() {
    if (keyRefused.isEmpty()) return none;
    String why = keyRefused.values().iterator().next();
    Map<Operation, String> reasons = new EnumMap<>(Operation.class);
    for (Operation operation : none.unavailableBecause().keySet()) reasons.put(operation, why);
    return Capabilities.builder().from(none).unavailableBecause(reasons).build();
  }

  /**
   * Remembers VK's refusal {@code code} of a write with {@code token} on community {@code gid};
   * true when it concerns the key (so another key may be tried: nothing was posted).
   */
  public boolean refused(VkToken token, long gid, int code, String why) {
    if (token.kind() != TokenKind.USER) return false;
    if (KEY_REFUSED.contains(code)) {
      keyRefused.putIfAbsent(token.role(), why);
      return true;
    }
    if (COMMUNITY_REFUSED.contains(code)) {
      communityRefused.add(token.role() + ":" + gid);
      return true;
    }
    return false;
  }

  /** A key that reads walls (to find a post whose answer was lost): a user key, else a service key. */
  public @Nullable VkToken wallReader(List<VkToken> pool) {
    VkToken service = null;
    for (VkToken token : pool) {
      if (!token.mayCall("wall.get", clock.instant())) continue;
      if (token.kind() == TokenKind.USER) return token;
      if (service == null) service = token;
    }
    return service;
  }

  private @Nullable VkToken communityKey(long gid) {
    VkCommunityTokens source = communities;
    if (source == null || gid <= 0) return null;
    String secret;
    try {
      secret = source.tokenFor(gid);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the embedder's community key source failed for community {0}: {1}",
          new Object[] {gid, e.getClass().getName()});
      return null;
    }
    if (secret == null || secret.isBlank()) return null;
    String value;
    try {
      value = ApiToken.check("communityToken[" + gid + "]", secret);
    } catch (IllegalArgumentException e) {
      // A key no platform would take (a line break, a space inside): as good as none. The message names no secret.
      LOG.log(Level.WARNING, "the community key for community {0} is unusable: {1}", new Object[] {gid, e.getMessage()});
      return null;
    }
    VkToken known = own.get(gid);
    if (known != null && known.api().secret().equals(value)) return known;
    client.addSecret(value);
    VkToken token = new VkToken(TokenKind.COMMUNITY,
        ApiToken.of(budgets, "VK", "communityToken[" + gid + "]", value, communityRps));
    own.put(gid, token);
    return token;
  }

  /** Whether {@code token}'s user administers or edits {@code gid}; true when VK does not say. */
  private boolean administers(VkToken token, long gid) {
    String key = token.role() + ":" + gid;
    Boolean known = administers.get(key);
    if (known != null) return known;
    try {
      VkJson.AdminGroups answer = client.call("groups.getById",
          Map.of("group_ids", Long.toString(gid), "fields", "is_admin,admin_level"), token, adminAdapter, false).response();
      List<VkJson.Admin> groups = answer == null ? null : answer.groups();
      VkJson.Admin group = groups == null || groups.isEmpty() ? null : groups.get(0);
      Long isAdmin = group == null ? null : group.isAdmin();
      Long level = group == null ? null : group.adminLevel();
      boolean result = isAdmin == null || isAdmin == 1 && (level == null || level >= 2);
      administers.put(key, result);
      return result;
    } catch (CallFailure | VkApiException e) {
      LOG.log(Level.FINE, "groups.getById for the admin rights on {0} failed", gid);
      return true; // VK decides when the post is sent
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
      return true; // the send that follows stops on the interrupt
    }
  }

  @Override
  public String toString() {
    return "PostingCredentials{users=" + users.size() + ", communityKeys=" + (communities != null) + "}";
  }
}
