package ru.gospubliki.max;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import okio.ByteString;

/**
 * A small MAX Bot API: bots by key, channels with their administrators and messages, uploads and
 * {@code bot_added}/{@code bot_removed} updates, answering in the shapes of MAX's OpenAPI schema
 * (errors as {@code {"code":"...","message":"..."}}). Messages posted to it are kept, so a test can
 * count what a publication really created. A scripted answer for {@code "METHOD /path"} is served
 * before the fake's own.
 */
final class FakeMax extends Dispatcher {
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class).serializeNulls();
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\(([^)]*)\\)");

  /** Bot key → bot id. */
  final Map<String, Long> bots = new LinkedHashMap<>();
  /** Chat id → the chat as {@code GET /chats/{id}} returns it. */
  final Map<Long, Map<String, Object>> chats = new LinkedHashMap<>();
  /** Chat id → ids of the bots that administer it. */
  final Map<Long, Set<Long>> admins = new HashMap<>();
  /** Chat id → messages, oldest first. */
  final Map<Long, List<Map<String, Object>>> messages = new HashMap<>();
  /** Bot id → its updates; an update's marker is its index + 1. */
  final Map<Long, List<Map<String, Object>>> updates = new HashMap<>();
  private final Map<Long, Integer> committed = new HashMap<>();
  final Map<String, Deque<MockResponse>> scripted = new HashMap<>();
  final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong seq = new AtomicLong(1_000);
  private final LongSupplier millis;
  /** Drop the connection after the next message is recorded. */
  volatile boolean dropAfterRecording;
  /** Answer uploads as {@code {"token":...}} instead of {@code {"photos":{...}}}. */
  volatile boolean plainTokenUpload;
  volatile HttpUrl uploadBase = HttpUrl.get("http://127.0.0.1/");

  FakeMax(LongSupplier millis) {
    this.millis = millis;
  }

  FakeMax bot(String token, long id) {
    bots.put(token, id);
    return this;
  }

  /** A public channel {@code https://max.ru/<name>} administered by {@code botIds}. */
  Map<String, Object> channel(long chatId, String name, String title, long... botIds) {
    Map<String, Object> chat = new LinkedHashMap<>();
    chat.put("chat_id", chatId);
    chat.put("type", "channel");
    chat.put("status", "active");
    chat.put("title", title);
    chat.put("icon", Map.of("url", "https://i.oneme.ru/i?r=" + name));
    chat.put("last_event_time", millis.getAsLong());
    chat.put("participants_count", 1523);
    chat.put("is_public", true);
    chat.put("link", "https://max.ru/" + name);
    chat.put("description", "Официальный канал. Телефон: +7 (4212) 42-60-93, почта: adm@zarechny.ru");
    chat.put("messages_count", 0);
    chats.put(chatId, chat);
    Set<Long> set = admins.computeIfAbsent(chatId, id -> new HashSet<>());
    for (long bot : botIds) set.add(bot);
    messages.computeIfAbsent(chatId, id -> Collections.synchronizedList(new ArrayList<>()));
    return chat;
  }

  /** A message in {@code chatId} at {@code timestamp}; {@code senderId} 0 posts as the channel. */
  Map<String, Object> message(long chatId, long timestamp, String text, long senderId, int images) {
    Map<String, Object> body = new LinkedHashMap<>();
    String mid = "mid.0000" + Long.toHexString(seq.incrementAndGet());
    body.put("mid", mid);
    body.put("seq", seq.get());
    body.put("text", text);
    List<Object> attachments = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      attachments.add(Map.of("type", "image", "payload", Map.of("photo_id", 1L + i, "token", "t" + i,
          "url", "https://i.oneme.ru/i?r=" + i)));
    }
    body.put("attachments", attachments.isEmpty() ? null : attachments);
    Map<String, Object> message = new LinkedHashMap<>();
    if (senderId != 0) {
      boolean bot = bots.containsValue(senderId);
      message.put("sender", Map.of("user_id", senderId, "first_name", bot ? "Бот" : "Мария", "is_bot", bot,
          "last_activity_time", timestamp));
    }
    message.put("recipient", Map.of("chat_id", chatId, "chat_type", "channel"));
    message.put("timestamp", timestamp);
    message.put("body", body);
    message.put("stat", Map.of("views", 120));
    message.put("url", "https://max.ru/c/" + chatId + "/" + mid);
    List<Map<String, Object>> list = messages.computeIfAbsent(chatId, id -> Collections.synchronizedList(new ArrayList<>()));
    synchronized (list) {
      list.add(message);
      list.sort((a, b) -> Long.compare((Long) a.get("timestamp"), (Long) b.get("timestamp")));
    }
    return message;
  }

  /** Queues a {@code bot_added} (or {@code bot_removed}) update for {@code botId}. */
  void update(long botId, String type, long chatId) {
    Map<String, Object> update = new LinkedHashMap<>();
    update.put("update_type", type);
    update.put("timestamp", millis.getAsLong());
    update.put("chat_id", chatId);
    update.put("user", Map.of("user_id", 123456789L, "first_name", "Мария", "is_bot", false,
        "last_activity_time", millis.getAsLong(), "name", "Мария"));
    update.put("user_id", 123456789L);
    update.put("is_channel", true);
    updates.computeIfAbsent(botId, id -> new ArrayList<>()).add(update);
  }

  void script(String call, MockResponse... responses) {
    scripted.computeIfAbsent(call, c -> new ArrayDeque<>()).addAll(List.of(responses));
  }

  int messageCount(long chatId) {
    return messages.getOrDefault(chatId, List.of()).size();
  }

  List<RecordedRequest> requests(String call) {
    List<RecordedRequest> result = new ArrayList<>();
    synchronized (requests) {
      for (RecordedRequest request : requests) {
        if (call(request).equals(call)) result.add(request);
      }
    }
    return result;
  }

  private static String call(RecordedRequest request) {
    List<String> path = request.getUrl().pathSegments();
    String route = path.size() >= 2 && path.get(0).equals("chats") ? "/chats/{id}"
        : path.size() == 2 && path.get(0).equals("messages") ? "/messages/{mid}"
        : "/" + String.join("/", path);
    return request.getMethod() + " " + route;
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    requests.add(request);
    String call = call(request);
    Deque<MockResponse> queue = scripted.get(call);
    if (queue != null && !queue.isEmpty()) return queue.poll();
    if (call.equals("POST /upload/image")) return upload(request);
    Long bot = bots.get(request.getHeaders().get("Authorization"));
    if (bot == null) return error(401, "verify.token", "Invalid access_token");
    HttpUrl url = request.getUrl();
    switch (call) {
      case "GET /me":
        return json(Map.of("user_id", bot, "first_name", "Госпаблики", "username", "gospubliki_bot", "is_bot", true,
            "last_activity_time", millis.getAsLong()));
      case "GET /chats/{id}": {
        long chatId = Long.parseLong(url.pathSegments().get(1));
        Map<String, Object> chat = chats.get(chatId);
        if (chat == null) return error(404, "chat.not.found", "Chat " + chatId + " not found");
        if (!admins.getOrDefault(chatId, Set.of()).contains(bot)) return error(403, "chat.denied", "Access denied");
        return json(chat);
      }
      case "GET /messages":
        return list(bot, url);
      case "POST /messages":
        return post(bot, request);
      case "PUT /messages":
        return edit(request);
      case "DELETE /messages":
        return delete(url);
      case "GET /messages/{mid}": {
        Map<String, Object> message = find(url.pathSegments().get(1));
        return message == null ? error(404, "not.found", "Message not found") : json(message);
      }
      case "POST /uploads":
        if (!"image".equals(url.queryParameter("type"))) return error(400, "proto.payload", "type");
        return json(Map.of("url", uploadBase.newBuilder().addPathSegments("upload/image")
            .addQueryParameter("sig", "abc").build().toString()));
      case "GET /updates":
        return updates(bot, url);
      default:
        return error(404, "not.found", "Path " + url.encodedPath() + " not found");
    }
  }

  private MockResponse list(long bot, HttpUrl url) {
    long chatId = Long.parseLong(url.queryParameter("chat_id"));
    if (!chats.containsKey(chatId)) return error(404, "chat.not.found", "Chat " + chatId + " not found");
    if (!admins.getOrDefault(chatId, Set.of()).contains(bot)) return error(403, "chat.denied", "Access denied");
    int count = url.queryParameter("count") == null ? 50 : Integer.parseInt(url.queryParameter("count"));
    if (count < 1 || count > 100) return error(400, "proto.payload", "count must be 1..100");
    String fromValue = url.queryParameter("from");
    long from = fromValue == null ? Long.MAX_VALUE : Long.parseLong(fromValue);
    List<Object> page = new ArrayList<>();
    List<Map<String, Object>> all = messages.getOrDefault(chatId, List.of());
    synchronized (all) {
      for (int i = all.size() - 1; i >= 0 && page.size() < count; i--) {
        if ((Long) all.get(i).get("timestamp") <= from) page.add(all.get(i));
      }
    }
    return json(Map.of("messages", page));
  }

  private MockResponse post(long bot, RecordedRequest request) {
    long chatId = Long.parseLong(request.getUrl().queryParameter("chat_id"));
    if (!chats.containsKey(chatId)) return error(404, "chat.not.found", "Chat " + chatId + " not found");
    if (!admins.getOrDefault(chatId, Set.of()).contains(bot)) return error(403, "chat.denied", "Access denied");
    Map<String, Object> body = object(request);
    String text = body.get("text") == null ? "" : (String) body.get("text");
    if (text.length() > 4000) return error(400, "proto.payload", "text: size must be between 0 and 4000");
    int images = 0;
    Object attachments = body.get("attachments");
    if (attachments instanceof List<?> list) {
      for (Object item : list) {
        Map<?, ?> attachment = (Map<?, ?>) item;
        Map<?, ?> payload = (Map<?, ?>) attachment.get("payload");
        if (!"image".equals(attachment.get("type")) || payload == null || !(payload.get("token") instanceof String)) {
          return error(400, "proto.payload", "attachment");
        }
        images++;
      }
    }
    String plain = "markdown".equals(body.get("format")) ? plain(text) : text;
    Map<String, Object> message = message(chatId, millis.getAsLong(), plain, bot, images);
    if (dropAfterRecording) {
      dropAfterRecording = false;
      return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
    }
    return json(Map.of("message", message));
  }

  private MockResponse edit(RecordedRequest request) {
    Map<String, Object> message = find(request.getUrl().queryParameter("message_id"));
    if (message == null) return error(404, "not.found", "Message not found");
    Map<String, Object> body = object(request);
    @SuppressWarnings("unchecked")
    Map<String, Object> stored = (Map<String, Object>) message.get("body");
    stored.put("text", plain((String) body.get("text")));
    return json(Map.of("success", true));
  }

  private MockResponse delete(HttpUrl url) {
    String mid = url.queryParameter("message_id");
    for (List<Map<String, Object>> list : messages.values()) {
      synchronized (list) {
        if (list.removeIf(m -> mid.equals(((Map<?, ?>) m.get("body")).get("mid")))) return json(Map.of("success", true));
      }
    }
    return error(404, "not.found", "Message not found");
  }

  private Map<String, Object> find(String mid) {
    for (List<Map<String, Object>> list : messages.values()) {
      synchronized (list) {
        for (Map<String, Object> message : list) {
          if (mid.equals(((Map<?, ?>) message.get("body")).get("mid"))) return message;
        }
      }
    }
    return null;
  }

  private MockResponse updates(long bot, HttpUrl url) {
    List<Map<String, Object>> all = updates.getOrDefault(bot, List.of());
    String markerValue = url.queryParameter("marker");
    int start = markerValue == null ? committed.getOrDefault(bot, 0) : Integer.parseInt(markerValue) - 1;
    committed.put(bot, start);
    List<Object> page = new ArrayList<>();
    String types = url.queryParameter("types");
    for (int i = start; i < all.size(); i++) {
      if (types == null || List.of(types.split(",")).contains(all.get(i).get("update_type"))) page.add(all.get(i));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("updates", page);
    answer.put("marker", all.size() + 1L);
    return json(answer);
  }

  private MockResponse upload(RecordedRequest request) {
    String type = request.getHeaders().get("Content-Type");
    MediaType media = type == null ? null : MediaType.parse(type);
    ByteString body = request.getBody();
    if (media == null || media.parameter("boundary") == null || body == null) return error(400, "bad.upload", "no file");
    try (MultipartReader reader = new MultipartReader(new Buffer().write(body), media.parameter("boundary"))) {
      MultipartReader.Part part = reader.nextPart();
      if (part == null || !String.valueOf(part.headers().get("Content-Disposition")).contains("name=\"data\"")) {
        return error(400, "bad.upload", "no data part");
      }
      part.body().readByteString();
    } catch (IOException e) {
      return error(400, "bad.upload", "broken multipart");
    }
    String token = "img-token-" + seq.incrementAndGet();
    if (plainTokenUpload) return json(Map.of("token", token));
    return json(Map.of("photos", Map.of("k" + seq.get(), Map.of("token", token))));
  }

  /** What MAX keeps of a markdown text: the text without its formatting. */
  static String plain(String markdown) {
    return LINK.matcher(BOLD.matcher(markdown).replaceAll("$1")).replaceAll("$1");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(RecordedRequest request) {
    try {
      return (Map<String, Object>) JSON.fromJson(request.getBody().utf8());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static MockResponse json(Object body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json; charset=utf-8")
        .body(JSON.toJson(body)).build();
  }

  static MockResponse error(int code, String apiCode, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", apiCode);
    body.put("message", message);
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json; charset=utf-8")
        .body(JSON.toJson(body)).build();
  }
}
