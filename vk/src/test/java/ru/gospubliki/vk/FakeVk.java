package ru.gospubliki.vk;

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
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A VK API stand-in for MockWebServer: answers the documented methods with the documented body
 * shapes from communities and walls the test sets up, records posts by guid as VK does, and counts
 * requests per method.
 */
final class FakeVk extends Dispatcher {
  private static final Pattern WALL_GET = Pattern.compile(
      "API\\.wall\\.get\\(\\{\"owner_id\":-(\\d+),\"offset\":(\\d+),\"count\":(\\d+),\"filter\":\"all\"\\}\\)");

  /** group id → group JSON object text (must contain "id" and "screen_name"). */
  final Map<Long, String> groups = new ConcurrentHashMap<>();
  /** group id → wall items (JSON object texts), in VK's order: pinned first, then newest first. */
  final Map<Long, List<String>> walls = new ConcurrentHashMap<>();
  /** group id → VK error {code, message} for wall.get on that community. */
  final Map<Long, Object[]> wallErrors = new ConcurrentHashMap<>();
  /** method → canned answers used (and consumed) before the built-in behaviour. */
  final Map<String, Deque<MockResponse>> canned = new ConcurrentHashMap<>();
  final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
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

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    requests.add(request);
    String path = request.getUrl().encodedPath();
    String method = path.substring(path.lastIndexOf('/') + 1);
    counts.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
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
      case "execute":
        return execute(params);
      case "wall.post":
        return wallPost(params);
      case "wall.get":
        return wallGet(params);
      case "wall.edit":
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
    return json("{\"response\":{\"groups\":[" + String.join(",", found) + "],\"profiles\":[]}}");
  }

  private MockResponse execute(Map<String, String> params) {
    Matcher matcher = WALL_GET.matcher(params.getOrDefault("code", ""));
    List<String> results = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    while (matcher.find()) {
      long gid = Long.parseLong(matcher.group(1));
      int offset = Integer.parseInt(matcher.group(2));
      int count = Integer.parseInt(matcher.group(3));
      Object[] error = wallErrors.get(gid);
      if (error != null) {
        results.add("false");
        errors.add("{\"method\":\"wall.get\",\"error_code\":" + error[0] + ",\"error_msg\":\"" + error[1] + "\"}");
        continue;
      }
      List<String> wall = walls.getOrDefault(gid, Collections.emptyList());
      List<String> page = wall.subList(Math.min(offset, wall.size()), Math.min(offset + count, wall.size()));
      results.add("{\"count\":" + wall.size() + ",\"items\":[" + String.join(",", page) + "]}");
    }
    String body = "{\"response\":[" + String.join(",", results) + "]"
        + (errors.isEmpty() ? "" : ",\"execute_errors\":[" + String.join(",", errors) + "]") + "}";
    return json(body);
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

  private MockResponse wallGet(Map<String, String> params) {
    long gid = Long.parseLong(params.get("owner_id").substring(1));
    boolean postponed = "postponed".equals(params.get("filter"));
    List<String> items = new ArrayList<>();
    for (String item : walls.getOrDefault(gid, Collections.emptyList())) {
      if (item.contains("\"post_type\":\"postpone\"") == postponed) items.add(item);
    }
    return json("{\"response\":{\"count\":" + items.size() + ",\"items\":[" + String.join(",", items) + "]}}");
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
