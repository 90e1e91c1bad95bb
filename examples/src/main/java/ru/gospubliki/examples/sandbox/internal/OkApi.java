package ru.gospubliki.examples.sandbox.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * The fake OK API at {@code /ok/fb.do}, behaving as OK documents it: POST form with
 * {@code application_key}, {@code method}, {@code format=json}, {@code access_token}, {@code sig};
 * the signature is verified on every request (error 104 with the {@code invocation-error} header).
 *
 * <p>Methods: {@code url.getInfo} ({@code GROUP} for groups, {@code PROFILE} for {@code
 * ok.ru/profile/N}), {@code group.getInfo} (answers the bare array form),
 * {@code mediatopic.getTopics} (newest first; paging by the opaque {@code anchor} it returns, with
 * {@code has_more}; photos listed as {@code photo_refs}), {@code mediatopic.post} ({@code GROUP_THEME}; {@code publishAt} in Moscow
 * time or {@code publishAtMs} schedule the topic), {@code photosV2.getUploadUrl}, and the upload
 * URL {@code /ok/upload} (multipart {@code pic1..N} → tokens). When rate limits are enforced, more
 * than the limit of calls with one token in any 1 s window is refused with error 8
 * ({@code FLOOD_BLOCKED}); OK publishes no per-second limit, 3 per second is the assumed default. Topics carry {@code media} exactly as
 * posted: {@code text}, {@code photo} with {@code list:[{id}]}, {@code link} with {@code url}.
 */
public final class OkApi {
  public static final String SANDBOX_USER_UID = "575000000001";
  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final DateTimeFormatter PUBLISH_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final Pattern GROUP_URL = Pattern.compile("https?://(?:m\\.)?ok\\.ru/group/(\\d+)/?.*");
  private static final Pattern SHORT_URL = Pattern.compile("https?://(?:m\\.)?ok\\.ru/([A-Za-z0-9_.-]+)/?");
  private static final Pattern PROFILE_URL = Pattern.compile("https?://(?:m\\.)?ok\\.ru/profile/(\\d{1,19})/?");

  private final Clock clock;
  private final String applicationKey;
  private final String applicationSecretKey;
  private final String accessToken;
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final Map<String, Group> byShortname = new HashMap<>();
  private final Map<String, String> pendingPhotoIds = new HashMap<>();
  private final Set<String> photoTokens = new HashSet<>();
  private long nextTopicId = 70102413183763L;
  private long nextPhotoSeq = 1;
  private final boolean enforceRateLimits;
  private final int rps;
  private final RateLimiter limiter = new RateLimiter();
  private final AtomicInteger rateLimited = new AtomicInteger();
  private HttpUrl baseUrl = HttpUrl.get("http://127.0.0.1/");

  public OkApi(DataSet data, Clock clock, String applicationKey, String applicationSecretKey, String accessToken,
      boolean enforceRateLimits, int rps) {
    this.clock = clock;
    this.applicationKey = applicationKey;
    this.applicationSecretKey = applicationSecretKey;
    this.accessToken = accessToken;
    this.enforceRateLimits = enforceRateLimits;
    this.rps = rps;
    long nowMs = clock.millis();
    for (Map<String, Object> entry : data.ok) {
      Group group = new Group(new LinkedHashMap<>(Json.object(entry.get("group"), "group")));
      int n = 0;
      for (Object item : Json.array(entry.get("topics"), "topics")) {
        Map<String, Object> seed = Json.object(item, "topic");
        Topic topic = new Topic();
        topic.id = String.valueOf(nextTopicId++);
        topic.createdMs = nowMs - Math.round(Json.doubleValue(seed.get("daysAgo"), 0) * 86_400_000L) - (++n) * 60_000L;
        Object user = seed.get("authorUser");
        topic.authorRef = user == null ? "group:" + group.uid : "user:" + user;
        topic.media.add(Map.of("type", "text", "text", String.valueOf(seed.getOrDefault("text", ""))));
        if (Json.bool(seed.get("photo"))) {
          topic.media.add(Map.of("type", "photo", "list", List.of(Map.of("id", "sandbox-photo-" + topic.id))));
        }
        topic.likes = Json.longValue(seed.getOrDefault("likes", 2L), "likes");
        group.topics.add(topic);
      }
      groups.put(group.uid, group);
      Object shortname = group.fields.get("shortname");
      if (shortname instanceof String) byShortname.put(((String) shortname).toLowerCase(Locale.ROOT), group);
    }
  }

  public synchronized void baseUrl(HttpUrl baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Number of topics the group {@code uid} has, including ones posted to the sandbox. */
  public synchronized int topicsOn(String uid) {
    Group g = groups.get(uid);
    return g == null ? 0 : g.topics.size();
  }

  /** Requests refused with error 8 because the token went over its requests per second. */
  public int rateLimited() {
    return rateLimited.get();
  }

  public MockResponse dispatch(RecordedRequest request) {
    try {
      Object response = authorizeAndCall(request);
      return Responses.json(response);
    } catch (OkError e) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error_code", e.code);
      body.put("error_msg", e.getMessage());
      body.put("error_data", null);
      return new MockResponse.Builder(Responses.json(body))
          .setHeader("invocation-error", String.valueOf(e.code))
          .build();
    }
  }

  private Object authorizeAndCall(RecordedRequest request) throws OkError {
    if (!"POST".equals(request.getMethod()) || (Form.hasBody(request) && !Form.isForm(request))) {
      throw new OkError(100, "PARAM : the sandbox accepts only POST with an application/x-www-form-urlencoded body");
    }
    Map<String, String> params = Form.params(request);
    String sig = params.get("sig");
    if (sig == null || sig.isEmpty()) throw new OkError(104, "PARAM_SIGNATURE : No signature specified");
    if (!applicationKey.equals(params.get("application_key"))) {
      throw new OkError(101, "PARAM_API_KEY : Application not exist");
    }
    String token = params.get("access_token");
    String expected = OkSignature.sign(params, OkSignature.sessionSecret(token, applicationSecretKey));
    if (!OkSignature.matches(expected, sig)) throw new OkError(104, "PARAM_SIGNATURE : Invalid signature");
    if (token == null || !token.equals(accessToken)) {
      throw new OkError(102, "PARAM_SESSION_EXPIRED : Session expired");
    }
    if (!"json".equalsIgnoreCase(params.get("format"))) {
      throw new OkError(100, "PARAM : format must be json in the sandbox");
    }
    if (enforceRateLimits && !limiter.tryAcquire(token, rps, clock.millis())) {
      rateLimited.incrementAndGet();
      throw new OkError(8, "FLOOD_BLOCKED : Too many requests per second");
    }
    String method = params.getOrDefault("method", "");
    synchronized (this) {
      switch (method) {
        case "url.getInfo": return urlGetInfo(params);
        case "group.getInfo": return groupGetInfo(params);
        case "mediatopic.getTopics": return getTopics(params);
        case "mediatopic.post": return post(params);
        case "photosV2.getUploadUrl": return getUploadUrl(params);
        default: throw new OkError(3, "METHOD : Method not found: " + method);
      }
    }
  }

  private Object urlGetInfo(Map<String, String> params) throws OkError {
    String url = required(params, "url");
    Matcher profile = PROFILE_URL.matcher(url);
    if (profile.matches()) {
      // A person's profile: OK names its type, the audit reports a page that is no community.
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("objectId", Long.parseLong(profile.group(1)));
      out.put("type", "PROFILE");
      return out;
    }
    Group g = null;
    Matcher m = GROUP_URL.matcher(url);
    if (m.matches()) {
      g = groups.get(m.group(1));
    } else {
      m = SHORT_URL.matcher(url);
      if (m.matches()) g = byShortname.get(m.group(1).toLowerCase(Locale.ROOT));
    }
    if (g == null) throw new OkError(300, "NOT_FOUND : Object not found: " + url);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "GROUP");
    out.put("objectId", Long.parseLong(g.uid));
    return out;
  }

  private Object groupGetInfo(Map<String, String> params) throws OkError {
    Set<String> fields = new LinkedHashSet<>();
    for (String f : required(params, "fields").split(",")) if (!f.isBlank()) fields.add(f.trim().toLowerCase(Locale.ROOT));
    List<Object> out = new ArrayList<>();
    for (String uid : required(params, "uids").split(",")) {
      Group g = groups.get(uid.trim());
      if (g == null) continue;
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("uid", g.uid);
      for (Map.Entry<String, Object> e : g.fields.entrySet()) {
        if (fields.contains(e.getKey().toLowerCase(Locale.ROOT))) item.put(e.getKey(), e.getValue());
      }
      out.add(item);
    }
    return out;
  }

  private Object getTopics(Map<String, String> params) throws OkError {
    Group g = group(params);
    int count = intParam(params, "count", 10);
    if (count <= 0) throw new OkError(100, "PARAM : count must be positive");
    count = Math.min(count, 100);
    String direction = params.get("direction");
    if (direction != null && !direction.equals("FORWARD") && !direction.equals("BACKWARD") && !direction.equals("AROUND")) {
      throw new OkError(100, "PARAM : direction must be FORWARD, BACKWARD or AROUND");
    }
    int offset = 0;
    String anchor = params.get("anchor");
    if (anchor != null && !anchor.isEmpty()) {
      if (!anchor.matches("sbx-\\d{1,9}")) throw new OkError(100, "PARAM : anchor is invalid");
      offset = Integer.parseInt(anchor.substring(4));
    }
    long nowMs = clock.millis();
    List<Topic> visible = new ArrayList<>();
    for (Topic t : g.topics) if (t.createdMs <= nowMs) visible.add(t);
    visible.sort(Comparator.comparingLong((Topic t) -> -t.createdMs).thenComparing(t -> t.id, Comparator.reverseOrder()));
    List<Object> items = new ArrayList<>();
    int end = Math.min(visible.size(), offset + count);
    for (int i = offset; i < end; i++) items.add(visible.get(i).toJson(g.uid));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("media_topics", items);
    out.put("anchor", "sbx-" + end);
    out.put("has_more", end < visible.size());
    return out;
  }

  private Object post(Map<String, String> params) throws OkError {
    if (!"GROUP_THEME".equals(params.get("type"))) throw new OkError(100, "PARAM : type must be GROUP_THEME");
    Group g = group(params);
    Map<String, Object> attachment;
    try {
      attachment = Json.object(Json.parse(required(params, "attachment")), "attachment");
    } catch (IOException | IllegalArgumentException e) {
      throw new OkError(100, "PARAM : attachment is not a JSON object");
    }
    List<Map<String, Object>> media = new ArrayList<>();
    for (Object item : Json.array(attachment.get("media"), "media")) {
      Map<String, Object> m = Json.object(item, "media[]");
      Object type = m.get("type");
      if ("text".equals(type)) {
        if (!(m.get("text") instanceof String)) throw new OkError(100, "PARAM : text media needs text");
        if (((String) m.get("text")).length() > 65_000) throw new OkError(601, "MEDIA_TOPIC_TEXT_TOO_LONG : text is too long");
      } else if ("photo".equals(type)) {
        for (Object p : Json.array(m.get("list"), "list")) {
          Object id = Json.object(p, "photo").get("id");
          if (!(id instanceof String) || !photoTokens.contains(id)) {
            throw new OkError(100, "PARAM : unknown photo token in attachment");
          }
        }
      } else if ("link".equals(type)) {
        if (!(m.get("url") instanceof String)) throw new OkError(100, "PARAM : link media needs url");
      } else {
        throw new OkError(100, "PARAM : unsupported media type " + type);
      }
      media.add(m);
    }
    if (media.isEmpty()) throw new OkError(100, "PARAM : attachment.media is empty");
    long nowMs = clock.millis();
    long created = nowMs;
    Object publishAt = attachment.get("publishAt");
    Object publishAtMs = attachment.get("publishAtMs");
    if (publishAt != null) {
      try {
        created = LocalDateTime.parse(String.valueOf(publishAt), PUBLISH_AT).atZone(MOSCOW).toInstant().toEpochMilli();
      } catch (DateTimeParseException e) {
        throw new OkError(100, "PARAM : publishAt must be yyyy-MM-dd HH:mm:ss (Moscow time)");
      }
    } else if (publishAtMs != null) {
      try {
        created = Json.longValue(publishAtMs, "publishAtMs");
      } catch (IllegalArgumentException e) {
        throw new OkError(100, "PARAM : publishAtMs must be epoch milliseconds");
      }
    }
    if ((publishAt != null || publishAtMs != null) && created <= nowMs) {
      throw new OkError(100, "PARAM : publishAt is in the past");
    }
    Topic topic = new Topic();
    topic.id = String.valueOf(nextTopicId++);
    topic.createdMs = created;
    topic.authorRef = "true".equals(String.valueOf(attachment.get("onBehalfOfGroup")))
        ? "group:" + g.uid : "user:" + SANDBOX_USER_UID;
    topic.media.addAll(media);
    g.topics.add(topic);
    return topic.id;
  }

  private Object getUploadUrl(Map<String, String> params) throws OkError {
    Group g = group(params);
    int count = intParam(params, "count", 1);
    if (count < 1 || count > 100) throw new OkError(100, "PARAM : count must be 1..100");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = "sbxphoto" + (nextPhotoSeq++);
      ids.add(id);
      pendingPhotoIds.put(id, g.uid);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("upload_url", baseUrl.newBuilder().addPathSegments("ok/upload")
        .addQueryParameter("gid", g.uid).addQueryParameter("photoIds", String.join(",", ids)).build().toString());
    out.put("photo_ids", ids);
    out.put("expires_ms", clock.millis() + 86_400_000L);
    return out;
  }

  /** The upload URL: multipart fields {@code pic1..N}; answers photo ids → upload tokens. */
  public MockResponse upload(RecordedRequest request) {
    List<Multipart.Part> parts = Multipart.parts(request);
    String idsParam = request.getUrl().queryParameter("photoIds");
    String[] ids = idsParam == null ? new String[0] : idsParam.split(",");
    synchronized (this) {
      Map<String, Object> photos = new LinkedHashMap<>();
      for (Multipart.Part part : parts) {
        Matcher m = Pattern.compile("pic(\\d{1,3})").matcher(part.name);
        if (!m.matches() || part.size == 0) continue;
        int index = Integer.parseInt(m.group(1)) - 1;
        if (index < 0 || index >= ids.length || !pendingPhotoIds.containsKey(ids[index])) continue;
        pendingPhotoIds.remove(ids[index]);
        String token = "sbxtoken-" + ids[index] + "-" + Long.toHexString(clock.millis());
        photoTokens.add(token);
        photos.put(ids[index], Map.of("token", token));
      }
      if (photos.isEmpty()) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error_code", 500);
        error.put("error_msg", "PHOTO : no valid picture parts (pic1..N) in the upload");
        error.put("error_data", null);
        return Responses.json(error);
      }
      return Responses.json(Map.of("photos", photos));
    }
  }

  private Group group(Map<String, String> params) throws OkError {
    String gid = required(params, "gid");
    Group g = groups.get(gid);
    if (g == null) throw new OkError(300, "NOT_FOUND : group " + gid + " not found");
    return g;
  }

  private static String required(Map<String, String> params, String name) throws OkError {
    String value = params.get(name);
    if (value == null || value.isEmpty()) throw new OkError(100, "PARAM : Missing required parameter " + name);
    return value;
  }

  private static int intParam(Map<String, String> params, String name, int fallback) throws OkError {
    String value = params.get(name);
    if (value == null || value.isEmpty()) return fallback;
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new OkError(100, "PARAM : " + name + " is not a number");
    }
  }

  static final class OkError extends Exception {
    final int code;

    OkError(int code, String message) {
      super(message);
      this.code = code;
    }
  }

  private static final class Group {
    final Map<String, Object> fields;
    final String uid;
    final List<Topic> topics = new ArrayList<>();

    Group(Map<String, Object> fields) {
      this.fields = fields;
      this.uid = String.valueOf(fields.get("uid"));
    }
  }

  private static final class Topic {
    String id = "";
    long createdMs;
    String authorRef = "";
    final List<Map<String, Object>> media = new ArrayList<>();
    long likes;

    Map<String, Object> toJson(String gid) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", id);
      json.put("created_ms", createdMs);
      json.put("author_ref", authorRef);
      json.put("owner_ref", "group:" + gid);
      // Listed as OK lists a topic's photos: references, not the upload tokens it was posted with.
      List<Object> listed = new ArrayList<>();
      for (Map<String, Object> block : media) {
        if (!"photo".equals(block.get("type"))) {
          listed.add(block);
          continue;
        }
        List<Object> refs = new ArrayList<>();
        Object list = block.get("list");
        if (list instanceof List<?> photos) {
          for (Object photo : photos) {
            Object photoId = photo instanceof Map<?, ?> item ? item.get("id") : null;
            refs.add("group_photo:" + Integer.toHexString(String.valueOf(photoId).hashCode()));
          }
        }
        listed.add(Map.of("type", "photo", "photo_refs", refs));
      }
      json.put("media", listed);
      json.put("like_summary", Map.of("count", likes));
      json.put("discussion_summary", Map.of("comments_count", 0));
      json.put("reshare_summary", Map.of("count", 0));
      return json;
    }
  }

}
