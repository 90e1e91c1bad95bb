package ru.gospubliki.ok;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import ru.gospubliki.internal.http.Sleeper;
import ru.gospubliki.internal.http.Ticker;
import ru.gospubliki.internal.http.TokenBudgets;
import ru.gospubliki.testing.MutableClock;

/**
 * A small OK that keeps the topics posted to it, so tests can tell how many topics a publication
 * really created. Answers are shaped as OK's: a bare topic id for {@code mediatopic.post}, {@code
 * {"media_topics":[...],"anchor":...,"has_more":...}} for {@code mediatopic.getTopics}, errors as
 * {@code {"error_code":...}} with the {@code invocation-error} header. It can drop the connection
 * before or after recording a topic, or answer garbage after recording one.
 */
final class FakeOk extends Dispatcher {
  enum Drop { NONE, BEFORE_RECORDING, AFTER_RECORDING }

  static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  /**
   * A platform against {@code server} on fake time, one call at a time so that queued answers meet
   * their calls in order (pools have tests of their own).
   */
  static OkPlatform.Builder platform(mockwebserver3.MockWebServer server, MutableClock clock,
      List<Duration> backoffs) {
    return onClock(OkPlatform.builder()
        .applicationKey("APPKEY")
        .applicationSecretKey("SECRETKEY")
        .accessToken("ACCESSTOKEN")
        .requestsPerSecond(1)
        .baseUrl(server.url("/fb.do").toString()), clock, backoffs);
  }

  /**
   * {@code builder} on {@code clock}: rate limits and backoffs wait by moving it, costing no real time,
   * and each backoff between retries (not a rate limit's wait) is added to {@code backoffs}.
   */
  static OkPlatform.Builder onClock(OkPlatform.Builder builder, MutableClock clock, List<Duration> backoffs) {
    Sleeper advancing = Sleeper.advancing(clock);
    return builder
        .clock(clock)
        .tokenBudgets(new TokenBudgets(Ticker.of(clock), advancing))
        .sleeper(nanos -> {
          if (nanos > 0) backoffs.add(Duration.ofNanos(nanos));
          advancing.sleep(nanos);
        });
  }

  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  final List<Map<String, Object>> topics = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger postCalls = new AtomicInteger();
  final AtomicInteger uploads = new AtomicInteger();
  private final Clock clock;
  private final long gid;
  volatile Drop drop = Drop.NONE;
  /** Answered to {@code mediatopic.post} after recording the topic, instead of its id. */
  volatile String answerAfterRecording;
  volatile boolean failUpload;

  FakeOk(Clock clock, long gid) {
    this.clock = clock;
    this.gid = gid;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if (request.getUrl().encodedPath().equals("/upload")) return upload();
    Map<String, String> form = Forms.decode(request);
    String method = form.getOrDefault("method", "");
    switch (method) {
      case "mediatopic.post":
        return post(form);
      case "mediatopic.getTopics": {
        List<Object> list = new ArrayList<>();
        long now = clock.millis();
        synchronized (topics) {
          for (int i = topics.size() - 1; i >= 0; i--) {
            Map<String, Object> topic = topics.get(i);
            if (((Number) topic.get("created_ms")).longValue() <= now) list.add(topic); // Newest first.
          }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("media_topics", list);
        answer.put("has_more", false);
        return json(JSON.toJson(answer));
      }
      case "photosV2.getUploadUrl":
        return json("{\"upload_url\":\"" + request.getUrl().resolve("/upload?photoIds=p1") + "\","
            + "\"photo_ids\":[\"p1\"],\"expires_ms\":1}");
      default:
        return error(3, "METHOD : Method " + method + " not found");
    }
  }

  private MockResponse upload() {
    uploads.incrementAndGet();
    if (failUpload) return error(500, "PHOTO : upload failed");
    return json("{\"photos\":{\"p1\":{\"token\":\"T1\"}}}");
  }

  @SuppressWarnings("unchecked")
  private MockResponse post(Map<String, String> form) {
    postCalls.incrementAndGet();
    Drop mode = drop;
    drop = Drop.NONE;
    if (mode == Drop.BEFORE_RECORDING) {
      return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
    }
    Map<String, Object> attachment;
    try {
      attachment = (Map<String, Object>) JSON.fromJson(form.get("attachment"));
    } catch (IOException | RuntimeException e) {
      return error(100, "PARAM : attachment");
    }
    String id = Long.toString(70102413183700L + topics.size());
    long created = clock.millis();
    Object publishAt = attachment.get("publishAt");
    if (publishAt != null) {
      created = LocalDateTime.parse(publishAt.toString(), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
          .atZone(MOSCOW).toInstant().toEpochMilli();
    }
    Map<String, Object> topic = new LinkedHashMap<>();
    topic.put("id", id);
    topic.put("created_ms", created);
    topic.put("author_ref", "group:" + gid);
    topic.put("owner_ref", "group:" + gid);
    topic.put("media", attachment.get("media"));
    topics.add(topic);
    if (mode == Drop.AFTER_RECORDING) {
      return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
    }
    String answer = answerAfterRecording;
    if (answer != null) return json(answer);
    return json("\"" + id + "\"");
  }

  static MockResponse json(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "application/json;charset=utf-8").body(body).build();
  }

  /** OK's error: the body and the {@code invocation-error} header. */
  static MockResponse error(int code, String message) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json;charset=utf-8")
        .addHeader("invocation-error", Integer.toString(code))
        .body("{\"error_code\":" + code + ",\"error_msg\":\"" + message + "\",\"error_data\":null}")
        .build();
  }
}
