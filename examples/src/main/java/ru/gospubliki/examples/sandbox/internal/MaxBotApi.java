package ru.gospubliki.examples.sandbox.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The fake MAX Bot API under {@code /max/}, behaving as MAX documents it for one bot: the key in the
 * {@code Authorization} header as it is (a missing or wrong key, or a key in {@code access_token},
 * is 401 {@code verify.token}); JSON answers in the shapes of MAX's OpenAPI schema; errors as
 * {@code {"code":"...","message":"..."}}; all times in milliseconds.
 *
 * <p>Methods: {@code GET /me}; {@code GET /updates} ({@code bot_added} for every channel the bot
 * administers, pending from the start; {@code marker}, {@code types}, {@code limit}; answers at
 * once); {@code GET /chats/{chatId}} (403 {@code chat.denied} where the bot is not an
 * administrator, 404 {@code chat.not.found} for no such chat); {@code GET /messages} ({@code
 * chat_id}, {@code count} 1..100, {@code from}/{@code to}, newest first) and {@code GET
 * /messages/{mid}}; {@code POST /messages} (≤ 4000 characters, ≤ 12 attachments, images by the
 * token of an upload; markdown kept as plain text); {@code PUT} and {@code DELETE /messages};
 * {@code POST /uploads?type=image} and the upload URL {@code /max/upload/image} (multipart field
 * {@code data}). When limits are enforced: more than {@code rps} calls in any second is 429, and so
 * is a third message to one channel within a second. Channel posts carry no {@code sender}.
 */
public final class MaxBotApi {
  /** The sandbox bot's id, as {@code GET /me} reports it. */
  public static final long BOT_ID = 910000001L;
  private static final Pattern BOLD = Pattern.compile("(\\*\\*|__)(.+?)\\1");
  private static final Pattern ITALIC = Pattern.compile("(?<![\\w*])([*_])(?!\\s)(.+?)(?<!\\s)\\1(?![\\w*])");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]*)\\]\\(([^)\\s]*)\\)");
  private static final Pattern HEADING = Pattern.compile("(?m)^#\\s+");

  private final Clock clock;
  private final String token;
  private final boolean enforceRateLimits;
  private final int rps;
  private final int messagesPerChannelPerSecond;
  private final RateLimiter limiter = new RateLimiter();
  private final AtomicInteger rateLimited = new AtomicInteger();
  private final Map<Long, Channel> channels = new LinkedHashMap<>();
  private final List<Map<String, Object>> updates = new ArrayList<>();
  private final Set<String> imageTokens = new HashSet<>();
  private final Set<String> uploadSignatures = new HashSet<>();
  private int committed;
  private long nextSeq = 5_000;
  private HttpUrl baseUrl = HttpUrl.get("http://127.0.0.1/");

  public MaxBotApi(DataSet data, Clock clock, String token, boolean enforceRateLimits, int rps,
      int messagesPerChannelPerSecond) {
    this.clock = clock;
    this.token = token;
    this.enforceRateLimits = enforceRateLimits;
    this.rps = rps;
    this.messagesPerChannelPerSecond = messagesPerChannelPerSecond;
    long nowMs = clock.millis();
    for (Map<String, Object> entry : data.max) {
      Map<String, Object> chat = new LinkedHashMap<>(Json.object(entry.get("chat"), "chat"));
      Channel channel = new Channel(chat, !Boolean.FALSE.equals(entry.get("botIsAdmin")));
      int n = 0;
      for (Object item : Json.array(entry.get("posts"), "posts")) {
        Map<String, Object> seed = Json.object(item, "post");
        n++;
        long at = nowMs - Math.round(Json.doubleValue(seed.get("daysAgo"), 0) * 86_400_000L) - n * 60_000L;
        Object sender = seed.get("senderUser");
        channel.messages.add(message(channel, at, String.valueOf(seed.getOrDefault("text", "")),
            Json.bool(seed.get("photo")) ? 1 : 0, sender == null ? null : Json.longValue(sender, "senderUser"),
            Json.longValue(seed.getOrDefault("views", 100L), "views")));
      }
      channels.put(channel.id, channel);
      if (channel.botIsAdmin) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("update_type", "bot_added");
        update.put("timestamp", nowMs - 86_400_000L);
        update.put("chat_id", channel.id);
        update.put("user", Map.of("user_id", 700000001L, "first_name", "Мария", "last_name", "Иванова",
            "is_bot", false, "last_activity_time", nowMs - 86_400_000L, "name", "Мария Иванова"));
        update.put("user_id", 700000001L);
        update.put("is_channel", "channel".equals(chat.get("type")));
        updates.add(update);
      }
    }
  }

  public synchronized void baseUrl(HttpUrl baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Messages in channel {@code chatId} now, including those posted to the sandbox. */
  public synchronized int messagesOn(long chatId) {
    Channel channel = channels.get(chatId);
    return channel == null ? 0 : channel.messages.size();
  }

  /** Requests refused with 429 because a limit was exceeded. */
  public int rateLimited() {
    return rateLimited.get();
  }

  /** Serves {@code /max/{path}}. */
  public MockResponse dispatch(RecordedRequest request, List<String> path) {
    String method = request.getMethod() == null ? "" : request.getMethod();
    if (path.equals(List.of("upload", "image")) && method.equals("POST")) return upload(request);
    HttpUrl url = request.getUrl();
    if (url.queryParameter("access_token") != null || !token.equals(request.getHeaders().get("Authorization"))) {
      return error(401, "verify.token", "Invalid access_token");
    }
    if (enforceRateLimits && !limiter.tryAcquire("token", rps, clock.millis())) {
      rateLimited.incrementAndGet();
      return error(429, "too.many.requests", "Too many requests");
    }
    synchronized (this) {
      String route = method + " " + String.join("/", path.size() >= 2 && path.get(0).equals("chats")
          ? List.of("chats", "{id}") : path.size() == 2 && path.get(0).equals("messages")
          ? List.of("messages", "{mid}") : path);
      return switch (route) {
        case "GET me" -> Responses.json(Map.of("user_id", BOT_ID, "first_name", "Госпаблики (песочница)",
            "username", "gospubliki_sandbox_bot", "is_bot", true, "last_activity_time", clock.millis()));
        case "GET updates" -> updates(url);
        case "GET chats/{id}" -> chat(path);
        case "GET messages" -> list(url);
        case "GET messages/{mid}" -> {
          Message message = find(path.get(1));
          yield message == null ? error(404, "not.found", "Message not found") : Responses.json(message.json);
        }
        case "POST messages" -> post(request);
        case "PUT messages" -> edit(request);
        case "DELETE messages" -> delete(url);
        case "POST uploads" -> uploadUrl(url);
        default -> error(404, "not.found", "Method " + method + " /" + String.join("/", path) + " not found");
      };
    }
  }

  private MockResponse updates(HttpUrl url) {
    String markerValue = url.queryParameter("marker");
    int start;
    if (markerValue == null) {
      // Without a marker: what the bot has not committed yet (the API's earlier documentation says
      // so; its current one says "the latest update only").
      start = committed;
    } else {
      try {
        start = (int) Math.max(0, Math.min(updates.size(), Long.parseLong(markerValue) - 1));
      } catch (NumberFormatException e) {
        return error(400, "proto.payload", "marker must be a number");
      }
      committed = Math.max(committed, start);
    }
    int limit = intParam(url, "limit", 100);
    if (limit < 1 || limit > 1000) return error(400, "proto.payload", "limit must be 1..1000");
    String types = url.queryParameter("types");
    Set<String> wanted = types == null ? null : Set.of(types.split(","));
    List<Object> page = new ArrayList<>();
    int next = start;
    for (int i = start; i < updates.size() && page.size() < limit; i++) {
      next = i + 1;
      if (wanted == null || wanted.contains(String.valueOf(updates.get(i).get("update_type")))) page.add(updates.get(i));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("updates", page);
    answer.put("marker", (long) next + 1);
    return Responses.json(answer);
  }

  private MockResponse chat(List<String> path) {
    Long chatId = chatId(path.get(1));
    Channel channel = chatId == null ? null : channels.get(chatId);
    if (channel == null) return error(404, "chat.not.found", "Chat " + path.get(1) + " not found");
    if (!channel.botIsAdmin) return error(403, "chat.denied", "Bot is not an administrator of the chat");
    Map<String, Object> chat = new LinkedHashMap<>(channel.chat);
    chat.put("last_event_time", clock.millis());
    chat.put("messages_count", channel.messages.size());
    return Responses.json(chat);
  }

  private @Nullable Channel readable(@Nullable String chatIdValue, List<MockResponse> error) {
    Long chatId = chatIdValue == null ? null : chatId(chatIdValue);
    Channel channel = chatId == null ? null : channels.get(chatId);
    if (channel == null) {
      error.add(error(404, "chat.not.found", "Chat " + chatIdValue + " not found"));
      return null;
    }
    if (!channel.botIsAdmin) {
      error.add(error(403, "chat.denied", "Bot is not an administrator of the chat"));
      return null;
    }
    return channel;
  }

  private MockResponse list(HttpUrl url) {
    List<MockResponse> error = new ArrayList<>(1);
    Channel channel = readable(url.queryParameter("chat_id"), error);
    if (channel == null) return error.get(0);
    int count = intParam(url, "count", 50);
    if (count < 1 || count > 100) return error(400, "proto.payload", "count must be 1..100");
    long from = longParam(url, "from", Long.MAX_VALUE);
    long to = longParam(url, "to", Long.MIN_VALUE);
    long nowMs = clock.millis();
    List<Message> sorted = new ArrayList<>(channel.messages);
    sorted.sort((a, b) -> Long.compare(b.at, a.at));
    List<Object> page = new ArrayList<>();
    for (Message message : sorted) {
      if (message.at > nowMs || message.at > from || message.at < to) continue;
      page.add(message.json);
      if (page.size() == count) break;
    }
    return Responses.json(Map.of("messages", page));
  }

  private MockResponse post(RecordedRequest request) {
    List<MockResponse> error = new ArrayList<>(1);
    Channel channel = readable(request.getUrl().queryParameter("chat_id"), error);
    if (channel == null) return error.get(0);
    if (enforceRateLimits && !limiter.tryAcquire("chat:" + channel.id, messagesPerChannelPerSecond, clock.millis())) {
      rateLimited.incrementAndGet();
      return error(429, "too.many.requests", "Too many messages to the chat");
    }
    Map<String, Object> body = body(request);
    if (body == null) return error(400, "proto.payload", "body must be a NewMessageBody JSON object");
    Object textValue = body.get("text");
    String text = textValue instanceof String value ? value : "";
    if (text.length() > 4000) return error(400, "proto.payload", "text: size must be between 0 and 4000");
    List<Object> attachments = Json.array(body.get("attachments"), "attachments");
    if (attachments.size() > 12) return error(400, "proto.payload", "attachments: no more than 12");
    int images = 0;
    for (Object item : attachments) {
      Map<String, Object> attachment = Json.object(item, "attachment");
      Object payload = attachment.get("payload");
      Object imageToken = payload instanceof Map ? ((Map<?, ?>) payload).get("token") : null;
      if (!"image".equals(attachment.get("type")) || !(imageToken instanceof String)
          || !imageTokens.contains(imageToken)) {
        return error(400, "proto.payload", "attachments: the sandbox takes uploaded images only");
      }
      images++;
    }
    if (text.isEmpty() && images == 0) return error(400, "proto.payload", "message is empty");
    String plain = "markdown".equals(body.get("format")) ? plain(text) : text;
    Message message = message(channel, clock.millis(), plain, images, null, 0);
    channel.messages.add(message);
    return Responses.json(Map.of("message", message.json));
  }

  private MockResponse edit(RecordedRequest request) {
    Message message = find(request.getUrl().queryParameter("message_id"));
    if (message == null) return error(404, "not.found", "Message not found");
    Map<String, Object> body = body(request);
    if (body == null) return error(400, "proto.payload", "body must be a NewMessageBody JSON object");
    Object text = body.get("text");
    if (text instanceof String value) {
      message.body.put("text", "markdown".equals(body.get("format")) ? plain(value) : value);
    }
    return Responses.json(Map.of("success", true));
  }

  private MockResponse delete(HttpUrl url) {
    String mid = url.queryParameter("message_id");
    for (Channel channel : channels.values()) {
      if (channel.messages.removeIf(m -> m.mid.equals(mid))) {
        return Responses.json(Map.of("success", true));
      }
    }
    return error(404, "not.found", "Message not found");
  }

  private MockResponse uploadUrl(HttpUrl url) {
    String type = url.queryParameter("type");
    if ("photo".equals(type)) return error(400, "proto.payload", "type=photo is no longer supported: use image");
    if (!"image".equals(type)) return error(400, "proto.payload", "the sandbox uploads images only");
    String signature = "s" + Long.toHexString(nextSeq++);
    uploadSignatures.add(signature);
    return Responses.json(Map.of("url", baseUrl.newBuilder().addPathSegments("max/upload/image")
        .addQueryParameter("sig", signature).build().toString()));
  }

  /** The upload URL: one file in the multipart field {@code data}; answers the image's token. */
  public MockResponse upload(RecordedRequest request) {
    String signature = request.getUrl().queryParameter("sig");
    List<Multipart.Part> parts = Multipart.parts(request);
    synchronized (this) {
      if (signature == null || !uploadSignatures.remove(signature)) {
        return error(403, "upload.denied", "The upload URL is unknown or used");
      }
      if (parts.size() != 1 || !parts.get(0).name.equals("data") || parts.get(0).size == 0) {
        return error(400, "upload.invalid", "one file in the multipart field data is expected");
      }
      String imageToken = "sbxmax-" + signature;
      imageTokens.add(imageToken);
      return Responses.json(Map.of("photos", Map.of(signature, Map.of("token", imageToken))));
    }
  }

  private Message message(Channel channel, long at, String text, int images, @Nullable Long sender, long views) {
    long seq = nextSeq++;
    String mid = "mid.sbx" + Long.toHexString(-channel.id) + "." + Long.toHexString(seq);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("mid", mid);
    body.put("seq", seq);
    body.put("text", text);
    List<Object> attachments = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      attachments.add(Map.of("type", "image", "payload", Map.of("photo_id", seq * 100 + i, "token", "sbxphoto" + seq,
          "url", "https://i.oneme.ru/sandbox/" + seq + "-" + i + ".jpg")));
    }
    body.put("attachments", attachments);
    Map<String, Object> message = new LinkedHashMap<>();
    if (sender != null) {
      message.put("sender", Map.of("user_id", sender, "first_name", "Администратор", "is_bot", false,
          "last_activity_time", at));
    }
    message.put("recipient", Map.of("chat_id", channel.id, "chat_type", "channel"));
    message.put("timestamp", at);
    message.put("body", body);
    message.put("stat", Map.of("views", views));
    String link = String.valueOf(channel.chat.getOrDefault("link", "https://max.ru/c/" + channel.id));
    message.put("url", link + "/" + seq);
    return new Message(at, mid, message, body);
  }

  private @Nullable Message find(@Nullable String mid) {
    if (mid == null) return null;
    for (Channel channel : channels.values()) {
      for (Message message : channel.messages) {
        if (mid.equals(message.mid)) return message;
      }
    }
    return null;
  }

  /** What MAX keeps of a markdown text: the text without its formatting (kept apart as markup). */
  static String plain(String markdown) {
    String text = LINK.matcher(markdown).replaceAll("$1");
    text = BOLD.matcher(text).replaceAll("$2");
    text = ITALIC.matcher(text).replaceAll("$2");
    text = HEADING.matcher(text).replaceAll("");
    return text.replace("~~", "").replace("++", "").replace("^^", "").replace("`", "");
  }

  private static @Nullable Map<String, Object> body(RecordedRequest request) {
    String type = request.getHeaders().get("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json") || request.getBody() == null) {
      return null;
    }
    try {
      Object parsed = Json.parse(request.getBody().utf8());
      return parsed instanceof Map ? Json.object(parsed, "body") : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static @Nullable Long chatId(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int intParam(HttpUrl url, String name, int fallback) {
    String value = url.queryParameter(name);
    if (value == null || value.isEmpty()) return fallback;
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static long longParam(HttpUrl url, String name, long fallback) {
    String value = url.queryParameter(name);
    if (value == null || value.isEmpty()) return fallback;
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  static MockResponse error(int code, String apiCode, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", apiCode);
    body.put("message", message);
    return new MockResponse.Builder(Responses.json(body)).code(code).build();
  }

  private static final class Channel {
    final Map<String, Object> chat;
    final long id;
    final boolean botIsAdmin;
    final List<Message> messages = new ArrayList<>();

    Channel(Map<String, Object> chat, boolean botIsAdmin) {
      this.chat = chat;
      this.id = Json.longValue(chat.get("chat_id"), "chat.chat_id");
      this.botIsAdmin = botIsAdmin;
    }
  }

  /** One message: its time and id, the {@code Message} JSON, and its {@code body} to edit. */
  private static final class Message {
    final long at;
    final String mid;
    final Map<String, Object> json;
    final Map<String, Object> body;

    Message(long at, String mid, Map<String, Object> json, Map<String, Object> body) {
      this.at = at;
      this.mid = mid;
      this.json = json;
      this.body = body;
    }
  }
}
