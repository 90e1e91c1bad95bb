package ru.gospubliki.examples.sandbox.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The fake VK API (version 5.199) at {@code /vk/method/{method}}, behaving as VK documents it:
 * POST form bodies only, errors as HTTP 200 {@code {"error":{...}}}, per-token rate limits.
 *
 * <p>Methods: {@code groups.getById}, {@code wall.get}, {@code execute} (see {@link VkScript} for
 * the accepted subset), {@code wall.post}, {@code wall.edit}, {@code wall.delete},
 * {@code photos.getWallUploadServer}, {@code photos.saveWallPhoto}, and the upload URL
 * {@code /vk/upload/wall} (multipart field {@code photo}).
 *
 * <p>Each token kind may call what VK's API schema says it may ({@code access_token_type}): a
 * service token is refused {@code execute} and every write with error 28, a community token {@code
 * wall.get} and every write with error 27, with VK's own messages. Each token has a per-second
 * limit (error 6, when enforced), a daily quota of {@code wall.get} calls, counted inside {@code
 * execute} too (error 29, when set), and an {@code execute} answer over the size limit is error 13.
 * Also {@code utils.resolveScreenName} (communities only) and {@code users.get} (the sandbox has no
 * persons' pages: an empty answer).
 *
 * <p>Keys as live VK takes them in 2026: a community's own key ({@code vk1.a.…}, data entries with
 * {@code "ownKey": true}) posts text to its community with {@code wall.post} but is refused photo
 * uploads (error 27); a VK ID user key without the {@code wall} scope ({@code vk2.a.…}) reads but
 * every write answers error 1051. A user key learns from {@code groups.getById} whether its user
 * administers a community ({@code is_admin}, {@code admin_level}).
 *
 * <p>Deviations, by design: unknown ids in {@code groups.getById} are skipped (error 100 only when
 * none is known); the sandbox user administers every community but those with a key of their own.
 */
public final class VkApi {
  public static final String VERSION = "5.199";
  public static final long SANDBOX_USER_ID = 700000001L;
  static final long HOUR_SECONDS = 3600;
  private static final Pattern PHOTO_ATTACHMENT = Pattern.compile("photo(-?\\d+)_(\\d+)(?:_[0-9a-zA-Z]+)?");
  private static final Set<String> BASE_FIELDS = Set.of(
      "id", "name", "screen_name", "is_closed", "type", "photo_50", "photo_100", "photo_200", "deactivated");

  private static final List<Object> PHOTO_SIZES = List.of(Map.of("type", "x", "width", 604, "height", 403,
      "url", "https://sun9-1.userapi.com/sandbox/photo.jpg"));

  enum TokenKind { SERVICE, USER, COMMUNITY }

  /** VK's messages for a method called with a token kind it does not accept. */
  static final String SERVICE_TOKEN_REFUSED = "Application authorization failed: method is unavailable with service token.";
  static final String COMMUNITY_TOKEN_REFUSED = "Group authorization failed: method is unavailable with group auth.";
  /** What live VK answers a VK ID user key without the wall scope on a write (error 1051). */
  static final String PROFILE_TYPE_REFUSED =
      "Method is not available for this profile type: method is unavailable with current profile type";
  private static final Set<String> WRITES = Set.of("wall.post", "wall.edit", "wall.delete",
      "photos.getWallUploadServer", "photos.saveWallPhoto");
  /** VK's API schema (5.199): the token kinds each method accepts. */
  private static final Map<String, Set<TokenKind>> ACCEPTED = Map.ofEntries(
      Map.entry("groups.getById", Set.of(TokenKind.USER, TokenKind.COMMUNITY, TokenKind.SERVICE)),
      Map.entry("utils.resolveScreenName", Set.of(TokenKind.USER, TokenKind.COMMUNITY, TokenKind.SERVICE)),
      Map.entry("users.get", Set.of(TokenKind.USER, TokenKind.COMMUNITY, TokenKind.SERVICE)),
      Map.entry("wall.get", Set.of(TokenKind.USER, TokenKind.SERVICE)),
      Map.entry("execute", Set.of(TokenKind.USER, TokenKind.COMMUNITY)),
      Map.entry("wall.post", Set.of(TokenKind.USER)),
      Map.entry("wall.edit", Set.of(TokenKind.USER)),
      Map.entry("wall.delete", Set.of(TokenKind.USER)),
      Map.entry("photos.getWallUploadServer", Set.of(TokenKind.USER)),
      Map.entry("photos.saveWallPhoto", Set.of(TokenKind.USER)));

  /**
   * The fake's tokens and limits.
   *
   * @param vkIdUserTokens user keys issued through VK ID without the {@code wall} scope: they
   *     read, and every write answers error 1051.
   * @param dailyWallGets {@code wall.get} calls a token may make a day (inside {@code execute}
   *     too); 0 for no limit.
   * @param maxExecuteBytes the largest {@code execute} answer (VK: 5 MB).
   */
  public record Settings(List<String> serviceTokens, List<String> userTokens, List<String> communityTokens,
      List<String> vkIdUserTokens, boolean enforceRateLimits, int serviceRps, int userRps, int communityRps, int dailyWallGets,
      long maxExecuteBytes) {}

  private final Clock clock;
  private final List<String> serviceTokens;
  private final List<String> userTokens;
  private final List<String> communityTokens;
  private final List<String> vkIdUserTokens;
  /** A community's own key → its community (data entries with {@code "ownKey": true}). */
  private final Map<String, Long> ownKeys = new LinkedHashMap<>();
  private final boolean enforceRateLimits;
  private final int serviceRps;
  private final int userRps;
  private final int communityRps;
  private final int dailyWallGets;
  private final long maxExecuteBytes;
  private final Map<String, AtomicInteger> wallGetsToday = new HashMap<>();
  private long quotaDay = Long.MIN_VALUE;
  private final RateLimiter limiter = new RateLimiter();
  private final AtomicInteger rateLimited = new AtomicInteger();
  private final Map<Long, Group> groups = new LinkedHashMap<>();
  private final Map<String, Group> byScreenName = new HashMap<>();
  private final Map<String, GuidRecord> guids = new HashMap<>();
  private final Map<String, PendingUpload> uploads = new HashMap<>();
  private final Set<String> savedPhotos = new LinkedHashSet<>();
  private long nextPhotoId = 457239017L;
  private long nextUploadSeq = 1;
  private HttpUrl baseUrl = HttpUrl.get("http://127.0.0.1/");

  public VkApi(DataSet data, Clock clock, Settings settings) {
    this.clock = clock;
    this.serviceTokens = List.copyOf(settings.serviceTokens());
    this.userTokens = List.copyOf(settings.userTokens());
    this.communityTokens = List.copyOf(settings.communityTokens());
    this.vkIdUserTokens = List.copyOf(settings.vkIdUserTokens());
    this.enforceRateLimits = settings.enforceRateLimits();
    this.serviceRps = settings.serviceRps();
    this.userRps = settings.userRps();
    this.communityRps = settings.communityRps();
    this.dailyWallGets = settings.dailyWallGets();
    this.maxExecuteBytes = settings.maxExecuteBytes();
    long now = clock.instant().getEpochSecond();
    for (Map<String, Object> entry : data.vk) {
      Group group = new Group(new LinkedHashMap<>(Json.object(entry.get("group"), "group")));
      long postNo = 0;
      for (Object item : Json.array(entry.get("posts"), "posts")) {
        Map<String, Object> seed = Json.object(item, "post");
        Post post = new Post();
        post.id = ++postNo;
        post.ownerId = -group.id;
        Object fromId = seed.get("fromId");
        post.fromId = fromId == null ? -group.id : Json.longValue(fromId, "fromId");
        post.date = now - Math.round(Json.doubleValue(seed.get("daysAgo"), 0) * 86400) - postNo * 60;
        post.text = String.valueOf(seed.getOrDefault("text", ""));
        if (Json.bool(seed.get("photo"))) post.seedPhotoId = nextPhotoId++;
        post.pinned = Json.bool(seed.get("pinned"));
        post.ads = Json.bool(seed.get("ads"));
        post.views = Json.longValue(seed.getOrDefault("views", 100L), "views");
        post.likes = Json.longValue(seed.getOrDefault("likes", 3L), "likes");
        group.posts.add(post);
      }
      group.nextPostId = postNo + 1000;
      if (Json.bool(entry.get("ownKey"))) {
        // Posted to with its own key only: the sandbox user is not one of its administrators.
        group.userAdmin = false;
        ownKeys.put(ownKey(group.id), group.id);
      }
      groups.put(group.id, group);
      byScreenName.put(group.screenName.toLowerCase(Locale.ROOT), group);
    }
  }

  /** The own key of community {@code groupId} in the sandbox, {@code vk1.a.}-style as VK issues them. */
  public static String ownKey(long groupId) {
    return "vk1.a.sandbox-community-" + groupId;
  }

  /** The communities with a key of their own, and the key: community id → key. */
  public Map<Long, String> ownKeys() {
    Map<Long, String> result = new LinkedHashMap<>();
    ownKeys.forEach((key, gid) -> result.put(gid, key));
    return result;
  }

  /** Called once the server is listening, so upload URLs point back at it. */
  public synchronized void baseUrl(HttpUrl baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Requests refused with error 6 because the token went over its requests per second. */
  public int rateLimited() {
    return rateLimited.get();
  }

  /** Number of posts ever created through {@code wall.post} (for tests and the CLI). */
  public synchronized int postsOn(long groupId) {
    Group g = groups.get(groupId);
    return g == null ? 0 : g.posts.size();
  }

  public MockResponse dispatch(RecordedRequest request, String method) {
    Map<String, String> params = Form.params(request);
    try {
      return Responses.json(Map.of("response", authorizeAndCall(request, method, params)));
    } catch (ExecuteResult e) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("response", e.response);
      body.put("execute_errors", e.errors);
      return Responses.json(body);
    } catch (VkError e) {
      return Responses.json(Map.of("error", e.body(method, params)));
    }
  }

  private Object authorizeAndCall(RecordedRequest request, String method, Map<String, String> params)
      throws VkError {
    if (!"POST".equals(request.getMethod()) || (Form.hasBody(request) && !Form.isForm(request))) {
      throw new VkError(8, "Invalid request: the sandbox accepts only POST with an application/x-www-form-urlencoded body");
    }
    String token = null;
    String authorization = request.getHeaders().get("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = authorization.substring(7).trim();
    } else if (params.containsKey("access_token")) {
      token = params.get("access_token");
    }
    if (token == null || token.isEmpty()) throw new VkError(5, "User authorization failed: no access_token passed.");
    TokenKind kind;
    if (serviceTokens.contains(token)) kind = TokenKind.SERVICE;
    else if (userTokens.contains(token) || vkIdUserTokens.contains(token)) kind = TokenKind.USER;
    else if (communityTokens.contains(token) || ownKeys.containsKey(token)) kind = TokenKind.COMMUNITY;
    else throw new VkError(5, "User authorization failed: invalid access_token (4).");
    String v = params.get("v");
    if (v == null || v.isEmpty()) throw new VkError(8, "Invalid request: v (version) is required");
    if (!VERSION.equals(v)) throw new VkError(8, "Invalid request: the sandbox supports only v=" + VERSION);
    if (enforceRateLimits) {
      int limit = kind == TokenKind.USER ? userRps : kind == TokenKind.COMMUNITY ? communityRps : serviceRps;
      if (!limiter.tryAcquire(token, limit, clock.millis())) {
        rateLimited.incrementAndGet();
        throw new VkError(6, "Too many requests per second");
      }
    }
    synchronized (this) {
      if ("execute".equals(method)) {
        accept(method, kind);
        return execute(params, kind, token);
      }
      if (method.startsWith("photos.") && !method.equals("photos.getWallUploadServer") && !method.equals("photos.saveWallPhoto")) {
        throw new VkError(3, "Unknown method passed");
      }
      return call(method, params, kind, token);
    }
  }

  /** Refuses a method the token's kind may not call, with VK's code and message. */
  private static void accept(String method, TokenKind kind) throws VkError {
    Set<TokenKind> kinds = ACCEPTED.get(method);
    if (kinds == null || kinds.contains(kind)) return;
    if (kind == TokenKind.SERVICE) throw new VkError(28, SERVICE_TOKEN_REFUSED);
    throw new VkError(27, COMMUNITY_TOKEN_REFUSED);
  }

  /** Spends one of the token's {@code wall.get} calls for today (Moscow); error 29 when none is left. */
  private void spendWallGet(String token) throws VkError {
    if (dailyWallGets <= 0) return;
    long day = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/Moscow")).toEpochDay();
    if (day != quotaDay) {
      wallGetsToday.clear();
      quotaDay = day;
    }
    if (wallGetsToday.computeIfAbsent(token, k -> new AtomicInteger()).incrementAndGet() > dailyWallGets) {
      throw new VkError(29, "Rate limit reached");
    }
  }

  private Object execute(Map<String, String> params, TokenKind kind, String token) throws VkError {
    String code = params.get("code");
    if (code == null || code.isBlank()) throw new VkError(100, "One of the parameters specified was missing or invalid: code is undefined");
    VkScript.Program program;
    try {
      program = VkScript.parse(code);
    } catch (IllegalArgumentException e) {
      throw new VkError(12, "Unable to compile code: " + e.getMessage());
    }
    if (program.calls > VkScript.MAX_CALLS) {
      throw new VkError(13, "Runtime error occurred during code invocation: Too many API calls");
    }
    List<Object> errors = new ArrayList<>();
    Object response;
    try {
      response = program.run((method, callParams) -> {
        try {
          if (method.startsWith("photos.") || method.equals("execute")) {
            throw new VkError(3, "Unknown method passed: " + method + " cannot run inside execute");
          }
          Map<String, String> p = new LinkedHashMap<>(callParams);
          p.put("v", VERSION);
          return call(method, p, kind, token);
        } catch (VkError e) {
          Map<String, Object> err = new LinkedHashMap<>();
          err.put("method", method);
          err.put("error_code", e.code);
          err.put("error_msg", e.getMessage());
          errors.add(err);
          return false;
        }
      });
    } catch (IllegalArgumentException e) {
      throw new VkError(13, "Runtime error occurred during code invocation: " + e.getMessage());
    }
    if (Json.write(response).getBytes(StandardCharsets.UTF_8).length > maxExecuteBytes) {
      throw new VkError(13, "Runtime error occurred during code invocation: response size is too big");
    }
    if (errors.isEmpty()) return response == null ? List.of() : response;
    // The caller wraps in {"response": ...}; execute_errors is a sibling, so signal it specially.
    throw new ExecuteResult(response, errors);
  }

  private Object call(String method, Map<String, String> params, TokenKind kind, String token) throws VkError {
    boolean write = WRITES.contains(method);
    if (write && vkIdUserTokens.contains(token)) throw new VkError(1051, PROFILE_TYPE_REFUSED);
    Long own = ownKeys.get(token);
    if (own != null && method.equals("wall.post")) {
      // Live VK takes a community's own key for text posts to that community (not in its schema).
      if (ownerGroup(params).id != own) throw new VkError(15, "Access denied: the key belongs to another community");
      return wallPost(params);
    }
    accept(method, kind);
    if (write && kind == TokenKind.USER) {
      Group target = method.startsWith("photos.") ? groups.get((long) intParam(params, "group_id", -1))
          : ownerGroup(params);
      if (target != null && !target.userAdmin) {
        throw new VkError(15, "Access denied: you are not an administrator of this community");
      }
    }
    switch (method) {
      case "groups.getById": return groupsGetById(params, kind);
      case "utils.resolveScreenName": return resolveScreenName(params);
      case "users.get": return List.of();
      case "wall.get":
        spendWallGet(token);
        return wallGet(params, kind);
      case "wall.post": return wallPost(params);
      case "wall.edit": return wallEdit(params);
      case "wall.delete": return wallDelete(params);
      case "photos.getWallUploadServer": return getWallUploadServer(params);
      case "photos.saveWallPhoto": return saveWallPhoto(params);
      default: throw new VkError(3, "Unknown method passed");
    }
  }

  /** Communities only: the sandbox has no persons' pages or applications. */
  private Object resolveScreenName(Map<String, String> params) {
    Group g = byScreenName.get(params.getOrDefault("screen_name", "").toLowerCase(Locale.ROOT));
    if (g == null) return List.of();
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("object_id", g.id);
    response.put("type", String.valueOf(g.fields.getOrDefault("type", "group")));
    return response;
  }

  private Object groupsGetById(Map<String, String> params, TokenKind kind) throws VkError {
    String raw = params.getOrDefault("group_ids", params.getOrDefault("group_id", ""));
    List<String> ids = new ArrayList<>();
    for (String s : raw.split(",")) if (!s.isBlank()) ids.add(s.trim());
    if (ids.isEmpty()) throw invalid("group_ids is undefined");
    if (ids.size() > 500) throw invalid("group_ids is too long: at most 500 ids");
    Set<String> fields = new LinkedHashSet<>();
    for (String f : params.getOrDefault("fields", "").split(",")) if (!f.isBlank()) fields.add(f.trim().toLowerCase(Locale.ROOT));
    List<Object> out = new ArrayList<>();
    Set<Long> seen = new LinkedHashSet<>();
    for (String id : ids) {
      Group g = resolve(id);
      if (g == null || !seen.add(g.id)) continue;
      Map<String, Object> item = new LinkedHashMap<>();
      boolean deactivated = g.fields.containsKey("deactivated");
      for (Map.Entry<String, Object> e : g.fields.entrySet()) {
        if (BASE_FIELDS.contains(e.getKey()) || (!deactivated && fields.contains(e.getKey()))) {
          item.put(e.getKey(), e.getValue());
        }
      }
      if (kind == TokenKind.USER) { // the user's own role there, as VK tells a user key
        item.put("is_admin", g.userAdmin ? 1 : 0);
        if (g.userAdmin) item.put("admin_level", 3);
      }
      out.add(item);
    }
    if (out.isEmpty()) throw invalid("group_ids is undefined");
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("groups", out);
    response.put("profiles", List.of());
    return response;
  }

  private @Nullable Group resolve(String id) {
    String s = id.toLowerCase(Locale.ROOT);
    Matcher m = Pattern.compile("(?:club|public|event)?(\\d{1,18})").matcher(s);
    if (m.matches()) {
      Group g = groups.get(Long.parseLong(m.group(1)));
      if (g != null) return g;
    }
    return byScreenName.get(s);
  }

  private Group ownerGroup(Map<String, String> params) throws VkError {
    String owner = params.get("owner_id");
    Group g = null;
    if (owner != null && !owner.isBlank()) {
      long ownerId;
      try {
        ownerId = Long.parseLong(owner.trim());
      } catch (NumberFormatException e) {
        throw invalid("owner_id is not a number");
      }
      if (ownerId >= 0) throw invalid("owner_id: the sandbox has community walls only (negative ids)");
      g = groups.get(-ownerId);
    } else if (params.containsKey("domain")) {
      g = byScreenName.get(params.get("domain").toLowerCase(Locale.ROOT));
    } else {
      throw invalid("owner_id is undefined");
    }
    if (g == null) throw invalid("owner_id is invalid");
    return g;
  }

  private Object wallGet(Map<String, String> params, TokenKind kind) throws VkError {
    Group g = ownerGroup(params);
    if (g.fields.containsKey("deactivated")) throw new VkError(15, "Access denied: group is blocked");
    if (kind == TokenKind.SERVICE && Json.longValue(g.fields.getOrDefault("is_closed", 0L), "is_closed") != 0) {
      throw new VkError(15, "Access denied: this wall available only for community members");
    }
    int count = intParam(params, "count", 20);
    if (count < 0 || count > 100) throw invalid("count should be between 0 and 100");
    int offset = intParam(params, "offset", 0);
    if (offset < 0) throw invalid("offset should be positive");
    String filter = params.getOrDefault("filter", "all");
    long now = clock.instant().getEpochSecond();
    List<Post> matching = new ArrayList<>();
    for (Post p : g.posts) {
      boolean published = p.date <= now;
      boolean own = p.fromId == p.ownerId;
      switch (filter) {
        case "all": if (published) matching.add(p); break;
        case "owner": if (published && own) matching.add(p); break;
        case "others": if (published && !own) matching.add(p); break;
        case "postponed":
          if (kind != TokenKind.USER) throw new VkError(15, "Access denied: postponed posts are visible to community administrators only");
          if (!published) matching.add(p);
          break;
        default: throw invalid("filter should be one of all, owner, others, postponed");
      }
    }
    boolean pinnedFirst = filter.equals("all") || filter.equals("owner");
    matching.sort(Comparator.comparing((Post p) -> !(p.pinned && pinnedFirst))
        .thenComparing(p -> -p.date).thenComparing(p -> -p.id));
    List<Object> items = new ArrayList<>();
    for (int i = offset; i < matching.size() && items.size() < count; i++) {
      items.add(matching.get(i).toJson(now));
    }
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("count", matching.size());
    response.put("items", items);
    return response;
  }

  private Object wallPost(Map<String, String> params) throws VkError {
    Group g = writableGroup(params);
    long now = clock.instant().getEpochSecond();
    String guid = params.get("guid");
    String guidKey = guid == null || guid.isEmpty() ? null : g.id + "/" + guid;
    if (guidKey != null) {
      GuidRecord record = guids.get(guidKey);
      if (record != null && now - record.firstSeen < HOUR_SECONDS) return Map.of("post_id", record.postId);
    }
    Post post = new Post();
    post.id = g.nextPostId++;
    post.ownerId = -g.id;
    post.fromId = "1".equals(params.get("from_group")) ? -g.id : SANDBOX_USER_ID;
    fillContent(post, params, now, true);
    if (post.text.isEmpty() && post.attachments.isEmpty()) throw invalid("message or attachments is required");
    g.posts.add(post);
    if (guidKey != null) guids.put(guidKey, new GuidRecord(now, post.id));
    return Map.of("post_id", post.id);
  }

  private Object wallEdit(Map<String, String> params) throws VkError {
    Group g = writableGroup(params);
    Post post = findPost(g, params);
    long now = clock.instant().getEpochSecond();
    fillContent(post, params, now, post.date > now);
    return Map.of("post_id", post.id);
  }

  private Object wallDelete(Map<String, String> params) throws VkError {
    Group g = writableGroup(params);
    Post post = findPost(g, params);
    g.posts.remove(post);
    return 1;
  }

  private Post findPost(Group g, Map<String, String> params) throws VkError {
    long postId = intParam(params, "post_id", -1);
    for (Post p : g.posts) if (p.id == postId) return p;
    throw invalid("post_id is invalid");
  }

  private Group writableGroup(Map<String, String> params) throws VkError {
    Group g = ownerGroup(params);
    if (g.fields.containsKey("deactivated")) throw new VkError(15, "Access denied: group is blocked");
    return g;
  }

  private void fillContent(Post post, Map<String, String> params, long now, boolean maySchedule) throws VkError {
    if (params.containsKey("message")) {
      String message = params.get("message");
      if (message.length() > 16384) throw invalid("message is too long (max 16384 characters)");
      post.text = message;
    }
    if (params.containsKey("attachments")) {
      List<Map<String, Object>> attachments = new ArrayList<>();
      int media = 0;
      int links = 0;
      for (String a : params.get("attachments").split(",")) {
        a = a.trim();
        if (a.isEmpty()) continue;
        Matcher m = PHOTO_ATTACHMENT.matcher(a);
        if (m.matches()) {
          if (!savedPhotos.contains("photo" + m.group(1) + "_" + m.group(2))) throw invalid("attachments: unknown photo " + a);
          attachments.add(photoAttachment(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), null, now));
          media++;
        } else if (a.startsWith("http://") || a.startsWith("https://")) {
          attachments.add(Map.of("type", "link", "link", Map.of("url", a, "title", a)));
          links++;
        } else {
          throw invalid("attachments: unsupported attachment " + a);
        }
      }
      if (media > 10) throw invalid("attachments: at most 10 media per post");
      if (links > 1) throw invalid("attachments: at most one link per post");
      post.attachments = attachments;
      post.seedPhotoId = 0;
    }
    if (params.containsKey("publish_date") && !params.get("publish_date").isEmpty()) {
      long publishDate = intParam(params, "publish_date", 0);
      if (!maySchedule) throw invalid("publish_date: the post is already published");
      if (publishDate <= now) throw new VkError(214, "Access to adding post denied: publish_date is in the past");
      post.date = publishDate;
    } else if (post.date == 0) {
      post.date = now;
    }
    post.ads = "1".equals(params.getOrDefault("mark_as_ads", post.ads ? "1" : "0"));
  }

  private Object getWallUploadServer(Map<String, String> params) throws VkError {
    long gid = intParam(params, "group_id", -1);
    Group g = groups.get(gid);
    if (g == null || g.fields.containsKey("deactivated")) throw invalid("group_id is invalid");
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("upload_url", baseUrl.newBuilder().addPathSegments("vk/upload/wall")
        .addQueryParameter("gid", String.valueOf(gid)).build().toString());
    response.put("album_id", -14);
    response.put("user_id", SANDBOX_USER_ID);
    return response;
  }

  /** The upload URL: multipart field {@code photo}; answers the raw (unwrapped) VK JSON. */
  public MockResponse upload(RecordedRequest request) {
    List<Multipart.Part> parts = Multipart.parts(request);
    String gid = request.getUrl().queryParameter("gid");
    synchronized (this) {
      String hash = String.format(Locale.ROOT, "%08x", (nextUploadSeq++ * 2654435761L) & 0xffffffffL);
      Multipart.Part photo = null;
      for (Multipart.Part p : parts) if ("photo".equals(p.name) && p.size > 0) photo = p;
      String photoJson = photo == null ? "[]"
          : "[{\"photo\":\"" + hash + "x\",\"sizes\":[],\"kid\":\"" + hash + "\",\"markers_restarted\":true}]";
      if (photo != null && gid != null) uploads.put(hash, new PendingUpload(gid, photoJson));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("server", 625831);
      body.put("photo", photoJson);
      body.put("hash", hash);
      return Responses.json(body);
    }
  }

  private Object saveWallPhoto(Map<String, String> params) throws VkError {
    String photo = params.getOrDefault("photo", "");
    if (photo.isEmpty() || photo.equals("[]")) throw invalid("photo is undefined: the upload failed");
    PendingUpload pending = uploads.get(params.getOrDefault("hash", ""));
    if (pending == null || !pending.photoJson.equals(photo) || !"625831".equals(params.get("server"))
        || !pending.groupId.equals(params.get("group_id"))) {
      throw new VkError(121, "Invalid hash");
    }
    uploads.remove(params.get("hash"));
    long ownerId = -Long.parseLong(pending.groupId);
    long id = nextPhotoId++;
    savedPhotos.add("photo" + ownerId + "_" + id);
    return List.of(photoAttachment(ownerId, id, "k" + Long.toHexString(id), clock.instant().getEpochSecond()).get("photo"));
  }

  static Map<String, Object> photoAttachment(long ownerId, long id, @Nullable String accessKey, long date) {
    Map<String, Object> photo = new LinkedHashMap<>();
    photo.put("id", id);
    photo.put("owner_id", ownerId);
    photo.put("album_id", -14);
    photo.put("date", date);
    if (accessKey != null) photo.put("access_key", accessKey);
    photo.put("has_tags", false);
    photo.put("sizes", PHOTO_SIZES);
    Map<String, Object> attachment = new LinkedHashMap<>();
    attachment.put("type", "photo");
    attachment.put("photo", photo);
    return attachment;
  }

  private static int intParam(Map<String, String> params, String name, int fallback) throws VkError {
    String value = params.get(name);
    if (value == null || value.isBlank()) return fallback;
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw invalid(name + " is not a number");
    }
  }

  private static VkError invalid(String what) {
    return new VkError(100, "One of the parameters specified was missing or invalid: " + what);
  }

  /** A VK API error: code and message, rendered with the request's parameters as VK does. */
  static class VkError extends Exception {
    final int code;

    VkError(int code, String message) {
      super(message);
      this.code = code;
    }

    Map<String, Object> body(String method, Map<String, String> params) {
      List<Object> requestParams = new ArrayList<>();
      requestParams.add(Map.of("key", "method", "value", method));
      requestParams.add(Map.of("key", "oauth", "value", "1"));
      for (Map.Entry<String, String> e : params.entrySet()) {
        if (e.getKey().equals("access_token") || e.getKey().equals("code")) continue;
        requestParams.add(Map.of("key", e.getKey(), "value", e.getValue()));
      }
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("error_code", code);
      error.put("error_msg", getMessage());
      error.put("request_params", requestParams);
      return error;
    }
  }

  /** Not an error: an execute result with failed sub-calls needs a sibling "execute_errors" key. */
  static final class ExecuteResult extends RuntimeException {
    final @Nullable Object response;
    final List<Object> errors;

    ExecuteResult(@Nullable Object response, List<Object> errors) {
      super(null, null, false, false);
      this.response = response;
      this.errors = errors;
    }
  }

  private static final class Group {
    final Map<String, Object> fields;
    final long id;
    final String screenName;
    final List<Post> posts = new ArrayList<>();
    long nextPostId;
    /** Whether the sandbox user administers it (it may post with the user key). */
    boolean userAdmin = true;

    Group(Map<String, Object> fields) {
      this.fields = fields;
      this.id = Json.longValue(fields.get("id"), "id");
      this.screenName = String.valueOf(fields.get("screen_name"));
    }
  }

  private static final class Post {
    long id;
    long ownerId;
    long fromId;
    long date;
    String text = "";
    /** The bundled data's photo (built lazily: 20,000-community data sets stay light), or 0. */
    long seedPhotoId;
    List<Map<String, Object>> attachments = List.of();
    boolean pinned;
    boolean ads;
    long views;
    long likes;

    Map<String, Object> toJson(long now) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("inner_type", "wall_wallpost");
      json.put("id", id);
      json.put("owner_id", ownerId);
      json.put("from_id", fromId);
      json.put("date", date);
      json.put("text", text);
      if (seedPhotoId != 0) {
        List<Map<String, Object>> all = new ArrayList<>();
        all.add(photoAttachment(ownerId, seedPhotoId, null, date));
        all.addAll(attachments);
        json.put("attachments", all);
      } else {
        json.put("attachments", attachments);
      }
      json.put("marked_as_ads", ads ? 1 : 0);
      json.put("post_type", date > now ? "postpone" : "post");
      if (pinned) json.put("is_pinned", 1);
      json.put("comments", Map.of("count", 0, "can_post", 1));
      json.put("likes", Map.of("count", likes, "user_likes", 0, "can_like", 1, "can_publish", 1));
      json.put("reposts", Map.of("count", likes / 3));
      json.put("views", Map.of("count", views));
      return json;
    }
  }

  private static final class GuidRecord {
    final long firstSeen;
    final long postId;

    GuidRecord(long firstSeen, long postId) {
      this.firstSeen = firstSeen;
      this.postId = postId;
    }
  }

  private static final class PendingUpload {
    final String groupId;
    final String photoJson;

    PendingUpload(String groupId, String photoJson) {
      this.groupId = groupId;
      this.photoJson = photoJson;
    }
  }
}
