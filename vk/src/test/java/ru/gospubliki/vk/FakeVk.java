package ru.gospubliki.vk;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A VK API stand-in for MockWebServer: answers the documented methods with the documented body
 * shapes from communities and walls the test sets up, refuses what the live API refuses (a method
 * called with a token kind it does not accept: error 28 for a service token, 27 for a community
 * token; a daily quota: 29; an {@code execute} answer over the size limit: 13), evaluates the
 * adapter's {@code execute} projection the way VKScript's {@code @.} does, records posts by guid
 * as VK does, and counts requests per method and per token.
 */
final class FakeVk extends Dispatcher {
  private static final Pattern WALL_GET = Pattern.compile(
      "var (w\\d+)=API\\.wall\\.get\\(\\{\"owner_id\":-(\\d+),\"offset\":(\\d+),\"count\":(\\d+),\"filter\":\"all\"\\}\\);");
  private static final JsonAdapter<Object> TREE = new Moshi.Builder().build().adapter(Object.class);
  static final Map<String, List<String>> KINDS = Map.of(
      "user", List.of("groups.getById", "utils.resolveScreenName", "users.get", "wall.get", "execute", "wall.post",
          "wall.edit", "wall.delete", "photos.getWallUploadServer", "photos.saveWallPhoto"),
      "service", List.of("groups.getById", "utils.resolveScreenName", "users.get", "wall.get"),
      "community", List.of("groups.getById", "utils.resolveScreenName", "users.get", "execute"),
      // A community's own key as live VK takes it (2026): text posts to that community, no photos.
      "own", List.of("groups.getById", "utils.resolveScreenName", "users.get", "execute", "wall.post"),
      // A VK ID user key without the wall scope: reads as a user key; writes answer 1051.
      "vkid", List.of("groups.getById", "utils.resolveScreenName", "users.get", "wall.get", "execute"));
  static final String PROFILE_TYPE_REFUSED =
      "Method is not available for this profile type: method is unavailable with current profile type";

  /** token → kind ("user", "service", "community", "own", "vkid"); tokens not listed are user tokens. */
  final Map<String, String> tokenKinds = new ConcurrentHashMap<>();
  /** token → wall.get calls left today (inside execute too); absent: no quota. */
  final Map<String, AtomicInteger> wallQuota = new ConcurrentHashMap<>();
  /** The largest execute answer in bytes; over it, error 13 as VK answers over 5 MB. */
  volatile long maxExecuteBytes = 5L * 1024 * 1024;
  /** When set, VKScript's nested projection ({@code items@.attachments@.type}) gives null. */
  volatile boolean nestedProjectionGivesNull;
  /** group id → group JSON object text (must contain "id" and "screen_name"). */
  final Map<Long, String> groups = new ConcurrentHashMap<>();
  /** user id → users.get object text. */
  final Map<Long, String> users = new ConcurrentHashMap<>();
  /** group id → wall items (JSON object texts), in VK's order: pinned first, then newest first. */
  final Map<Long, List<String>> walls = new ConcurrentHashMap<>();
  /** group id → VK error {code, message} for wall.get on that community. */
  final Map<Long, Object[]> wallErrors = new ConcurrentHashMap<>();
  /** method → canned answers used (and consumed) before the built-in behaviour. */
  final Map<String, Deque<MockResponse>> canned = new ConcurrentHashMap<>();
  final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  /** "token method" → calls. */
  final Map<String, AtomicInteger> byToken = new ConcurrentHashMap<>();
  /** Refusals for a token kind VK does not accept (27, 28): must stay 0. */
  final AtomicInteger wrongKind = new AtomicInteger();
  /** guid → post id, as VK deduplicates wall.post for one hour. */
  final Map<String, Long> postsByGuid = new ConcurrentHashMap<>();
  /** Posts recorded by wall.post: params of each. */
  final List<Map<String, String>> posted = new CopyOnWriteArrayList<>();
  /** How many wall.post answers to drop (connection shut down) after recording the post. */
  final AtomicInteger dropAfterPost = new AtomicInteger();
  /** How many wall.post answers to delay by one second after recording the post. */
  final AtomicInteger slowAfterPost = new AtomicInteger();
  private final AtomicLong nextPostId = new AtomicLong(1000);
  String uploadAnswer = "{\"server\":625831,\"photo\":\"[{\\\"photo\\\":\\\"a1b2\\\"}]\",\"hash\":\"8954a4da\"}";
  String uploadUrl = "";

  /** A server on 127.0.0.1 that answers as this fake, its photo uploads included. */
  MockWebServer serve() throws IOException {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(this);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    uploadUrl = server.url("/upload").toString();
    return server;
  }

  void can(String method, MockResponse response) {
    canned.computeIfAbsent(method, m -> new ArrayDeque<>()).add(response);
  }

  void can(String method, String body) {
    can(method, json(body));
  }

  int count(String method) {
    AtomicInteger count = counts.get(method);
    return count == null ? 0 : count.get();
  }

  int count(String token, String method) {
    AtomicInteger count = byToken.get(token + " " + method);
    return count == null ? 0 : count.get();
  }

  int total() {
    return requests.size();
  }

  List<RecordedRequest> requestsTo(String method) {
    List<RecordedRequest> result = new ArrayList<>();
    for (RecordedRequest request : requests) if (request.getUrl().encodedPath().endsWith("/" + method)) result.add(request);
    return result;
  }

  static Map<String, String> form(RecordedRequest request) {
    Map<String, String> result = new LinkedHashMap<>();
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    if (body.isEmpty()) return result;
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      result.put(key, value);
    }
    return result;
  }

  static MockResponse json(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "application/json; charset=utf-8").body(body).build();
  }

  static String error(int code, String message) {
    return "{\"error\":{\"error_code\":" + code + ",\"error_msg\":\"" + message
        + "\",\"request_params\":[{\"key\":\"v\",\"value\":\"5.199\"},{\"key\":\"method\",\"value\":\"x\"}]}}";
  }

  static String token(RecordedRequest request) {
    String authorization = request.getHeaders().get("Authorization");
    return authorization == null ? "" : authorization.substring("Bearer ".length());
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    requests.add(request);
    String path = request.getUrl().encodedPath();
    String method = path.substring(path.lastIndexOf('/') + 1);
    counts.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
    String token = token(request);
    byToken.computeIfAbsent(token + " " + method, m -> new AtomicInteger()).incrementAndGet();
    if (!method.equals("upload")) {
      String kind = tokenKinds.getOrDefault(token, "user");
      if (kind.equals("vkid") && !KINDS.get(kind).contains(method)) return json(error(1051, PROFILE_TYPE_REFUSED));
      if (!KINDS.get(kind).contains(method)) {
        wrongKind.incrementAndGet();
        return json(kind.equals("service")
            ? error(28, "Application authorization failed: method is unavailable with service token.")
            : error(27, "Group authorization failed: method is unavailable with group auth."));
      }
    }
    Deque<MockResponse> queue = canned.get(method);
    if (queue != null) {
      synchronized (queue) {
        MockResponse response = queue.poll();
        if (response != null) return response;
      }
    }
    Map<String, String> params = form(request);
    switch (method) {
      case "groups.getById":
        return groupsGetById(params);
      case "utils.resolveScreenName":
        return resolveScreenName(params);
      case "users.get":
        return usersGet(params);
      case "execute":
        return execute(token, params);
      case "wall.post":
        return wallPost(params);
      case "wall.get":
        return wallGet(token, params);
      case "wall.edit": // VK's schema: wall_edit_response, the post's id
        return json("{\"response\":{\"post_id\":" + params.get("post_id") + "}}");
      case "wall.delete":
        return json("{\"response\":1}");
      case "photos.getWallUploadServer":
        return json("{\"response\":{\"upload_url\":\"" + uploadUrl + "\",\"album_id\":-14,\"user_id\":1}}");
      case "upload":
        return json(uploadAnswer);
      case "photos.saveWallPhoto":
        return json("{\"response\":[{\"id\":457239017,\"owner_id\":-" + params.get("group_id")
            + ",\"access_key\":\"ak1\"}]}");
      default:
        return json(error(3, "Unknown method passed"));
    }
  }

  private MockResponse groupsGetById(Map<String, String> params) {
    List<String> found = new ArrayList<>();
    for (String key : params.getOrDefault("group_ids", "").split(",")) {
      if (key.chars().allMatch(Character::isDigit) && !key.isEmpty()) {
        String group = groups.get(Long.parseLong(key));
        if (group != null) found.add(group);
        continue;
      }
      for (Map.Entry<Long, String> group : groups.entrySet()) {
        if (key.equals(group.getKey().toString()) || group.getValue().contains("\"screen_name\":\"" + key + "\"")) {
          found.add(group.getValue());
          break;
        }
      }
    }
    if (found.isEmpty()) return json(error(100, "One of the parameters specified was missing or invalid: group_ids is undefined"));
    return json("{\"response\":{\"groups\":[" + String.join(",", found) + "],\"profiles\":[]}}");
  }

  private MockResponse resolveScreenName(Map<String, String> params) {
    String name = params.getOrDefault("screen_name", "");
    for (Map.Entry<Long, String> user : users.entrySet()) {
      if (user.getValue().contains("\"screen_name\":\"" + name + "\"")) {
        return json("{\"response\":{\"object_id\":" + user.getKey() + ",\"type\":\"user\"}}");
      }
    }
    return json("{\"response\":[]}");
  }

  private MockResponse usersGet(Map<String, String> params) {
    List<String> found = new ArrayList<>();
    for (String id : params.getOrDefault("user_ids", "").split(",")) {
      String user = users.get(Long.parseLong(id));
      if (user != null) found.add(user);
    }
    return json("{\"response\":[" + String.join(",", found) + "]}");
  }

  /** Spends one wall.get of {@code token}'s daily quota; false when it is used up. */
  private boolean spend(String token) {
    AtomicInteger left = wallQuota.get(token);
    return left == null || left.getAndDecrement() > 0;
  }

  private MockResponse execute(String token, Map<String, String> params) {
    String code = params.getOrDefault("code", "");
    boolean nested = code.contains("@.attachments@.type");
    Matcher matcher = WALL_GET.matcher(code);
    List<Object> results = new ArrayList<>();
    List<Object> errors = new ArrayList<>();
    while (matcher.find()) {
      long gid = Long.parseLong(matcher.group(2));
      int offset = Integer.parseInt(matcher.group(3));
      int count = Integer.parseInt(matcher.group(4));
      Object[] error = wallErrors.get(gid);
      if (error == null && !spend(token)) error = new Object[] {29, "Rate limit reached"};
      if (error != null) {
        results.add(slice(null, nested));
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("method", "wall.get");
        e.put("error_code", error[0]);
        e.put("error_msg", error[1]);
        errors.add(e);
        continue;
      }
      List<String> wall = walls.getOrDefault(gid, Collections.emptyList());
      List<String> page = wall.subList(Math.min(offset, wall.size()), Math.min(offset + count, wall.size()));
      List<Object> items = new ArrayList<>();
      for (String item : page) items.add(tree(item));
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("count", wall.size());
      answer.put("items", items);
      results.add(slice(answer, nested));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("response", results);
    if (!errors.isEmpty()) body.put("execute_errors", errors);
    String text = TREE.toJson(body);
    if (text.getBytes(StandardCharsets.UTF_8).length > maxExecuteBytes) {
      return json(error(13, "Runtime error occurred during code invocation: response size is too big"));
    }
    return json(text);
  }

  /** What the adapter's VKScript returns for one wall: parallel arrays, nulls for a failed call. */
  private Map<String, Object> slice(Map<String, Object> wall, boolean nested) {
    Map<String, Object> slice = new LinkedHashMap<>();
    List<Object> items = wall == null ? null : list(wall.get("items"));
    slice.put("count", wall == null ? null : wall.get("count"));
    slice.put("id", project(items, "id"));
    slice.put("owner", project(items, "owner_id"));
    slice.put("from", project(items, "from_id"));
    slice.put("date", project(items, "date"));
    slice.put("text", project(items, "text"));
    slice.put("att", nested ? nullable(project(project(items, "attachments"), "type")) : project(items, "attachments"));
    slice.put("pin", project(items, "is_pinned"));
    slice.put("ads", project(items, "marked_as_ads"));
    slice.put("views", project(project(items, "views"), "count"));
    slice.put("likes", project(project(items, "likes"), "count"));
    slice.put("reposts", project(project(items, "reposts"), "count"));
    slice.put("comments", project(project(items, "comments"), "count"));
    slice.put("copy", nested ? nullable(project(project(items, "copy_history"), "id")) : project(items, "copy_history"));
    if (nested) {
      Object first = items == null || items.isEmpty() ? null : items.get(0);
      slice.put("a0", first instanceof Map<?, ?> map ? project(list(map.get("attachments")), "type") : null);
      slice.put("c0", first instanceof Map<?, ?> map ? project(list(map.get("copy_history")), "id") : null);
    }
    return slice;
  }

  private Object nullable(Object projected) {
    if (!nestedProjectionGivesNull || !(projected instanceof List<?> list)) return projected;
    List<Object> nulls = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) nulls.add(null);
    return nulls;
  }

  /** VKScript's {@code @.}: the field of every element; into nested arrays; null where there is none. */
  static Object project(Object value, String field) {
    if (!(value instanceof List<?> list)) return null;
    List<Object> result = new ArrayList<>();
    for (Object element : list) {
      if (element instanceof Map<?, ?> map) result.add(map.get(field));
      else if (element instanceof List<?>) result.add(project(element, field));
      else result.add(null);
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return value instanceof List<?> ? (List<Object>) value : null;
  }

  static Object tree(String json) {
    try {
      return TREE.fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private synchronized MockResponse wallPost(Map<String, String> params) {
    String guid = params.get("guid");
    Long id = guid == null ? null : postsByGuid.get(guid);
    if (id == null) {
      id = nextPostId.incrementAndGet();
      if (guid != null) postsByGuid.put(guid, id);
      posted.add(params);
      long gid = Long.parseLong(params.get("owner_id").substring(1));
      long date = params.containsKey("publish_date") ? Long.parseLong(params.get("publish_date")) : nowSeconds;
      walls.computeIfAbsent(gid, g -> new CopyOnWriteArrayList<>()).add(0, "{\"id\":" + id + ",\"owner_id\":-" + gid
          + ",\"from_id\":-" + gid + ",\"date\":" + date + ",\"text\":" + quote(params.getOrDefault("message", ""))
          + (params.containsKey("publish_date") ? ",\"post_type\":\"postpone\"" : "") + "}");
    }
    MockResponse.Builder response = new MockResponse.Builder().body("{\"response\":{\"post_id\":" + id + "}}");
    if (dropAfterPost.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      response.onResponseStart(SocketEffect.ShutdownConnection.INSTANCE);
    } else if (slowAfterPost.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      response.headersDelay(1, java.util.concurrent.TimeUnit.SECONDS);
    }
    return response.build();
  }

  /** The Unix time this fake stamps on posts published now. */
  volatile long nowSeconds = 1_795_000_000L;

  private MockResponse wallGet(String token, Map<String, String> params) {
    long gid = Long.parseLong(params.get("owner_id").substring(1));
    Object[] error = wallErrors.get(gid);
    if (error == null && !spend(token)) error = new Object[] {29, "Rate limit reached"};
    if (error != null) return json(error((Integer) error[0], (String) error[1]));
    String filter = params.getOrDefault("filter", "all");
    boolean postponed = "postponed".equals(filter);
    List<String> items = new ArrayList<>();
    for (String item : walls.getOrDefault(gid, Collections.emptyList())) {
      if (item.contains("\"post_type\":\"postpone\"") == postponed) items.add(item);
    }
    int offset = Integer.parseInt(params.getOrDefault("offset", "0"));
    int count = Integer.parseInt(params.getOrDefault("count", "20"));
    List<String> page = items.subList(Math.min(offset, items.size()), Math.min(offset + count, items.size()));
    return json("{\"response\":{\"count\":" + items.size() + ",\"items\":[" + String.join(",", page) + "]}}");
  }

  static String quote(String text) {
    StringBuilder result = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> result.append("\\\"");
        case '\\' -> result.append("\\\\");
        case '\n' -> result.append("\\n");
        default -> result.append(c);
      }
    }
    return result.append('"').toString();
  }
}
