package ru.gospubliki.ok;

import com.squareup.moshi.Moshi;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import ru.gospubliki.ok.internal.FakeTime;
import ru.gospubliki.ok.internal.Forms;
import ru.gospubliki.ok.internal.OkJson;
import ru.gospubliki.ok.internal.TopicMapper;

/**
 * A small OK that keeps the topics posted to it, so tests can tell how many topics a publication
 * really created. It can drop the connection before or after recording a topic.
 */
final class FakeOk extends Dispatcher {
  enum Drop { NONE, BEFORE_RECORDING, AFTER_RECORDING }

  private static final com.squareup.moshi.JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  final List<Map<String, Object>> topics = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger postCalls = new AtomicInteger();
  private final Clock clock;
  private final long gid;
  volatile Drop drop = Drop.NONE;
  volatile int serviceErrorAfterRecording = 0;

  FakeOk(Clock clock, long gid) {
    this.clock = clock;
    this.gid = gid;
  }

  /** An adapter with test credentials that calls {@code server} and waits on {@code time}. */
  static OkPlatform.Builder platform(MockWebServer server, FakeTime time) {
    return OkPlatform.builder()
        .applicationKey("APPKEY")
        .applicationSecretKey("SECRETKEY")
        .accessToken("ACCESSTOKEN")
        .baseUrl(server.url("/fb.do").toString())
        .clock(time)
        .sleeper(time);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    Map<String, String> form = Forms.decode(request);
    String method = form.getOrDefault("method", "");
    switch (method) {
      case "mediatopic.post":
        return post(form);
      case "mediatopic.getTopics":
        List<Object> list = new ArrayList<>();
        synchronized (topics) {
          for (int i = topics.size() - 1; i >= 0; i--) list.add(topics.get(i)); // Newest first.
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("media_topics", list);
        answer.put("has_more", false);
        return json(JSON.toJson(answer));
      default:
        return json("{\"error_code\":3,\"error_msg\":\"METHOD : unknown\"}");
    }
  }

  private MockResponse post(Map<String, String> form) {
    postCalls.incrementAndGet();
    Drop mode = drop;
    drop = Drop.NONE;
    if (mode == Drop.BEFORE_RECORDING) {
      return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
    }
    String text;
    try {
      text = TopicMapper.text(OkJson.asMap(OkJson.parse(form.get("attachment"))));
    } catch (OkJson.MalformedJsonException e) {
      return json("{\"error_code\":100,\"error_msg\":\"PARAM : attachment\"}");
    }
    String id = Long.toString(70102413183700L + topics.size());
    Map<String, Object> topic = new LinkedHashMap<>();
    topic.put("id", id);
    topic.put("created_ms", clock.millis());
    topic.put("author_ref", "group:" + gid);
    topic.put("owner_ref", "group:" + gid);
    topic.put("media", List.of(Map.of("type", "text", "text", text)));
    topics.add(topic);
    if (mode == Drop.AFTER_RECORDING) {
      return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
    }
    if (serviceErrorAfterRecording > 0) {
      serviceErrorAfterRecording--;
      return json("{\"error_code\":9999,\"error_msg\":\"SYSTEM : internal\"}");
    }
    return json("\"" + id + "\"");
  }

  static MockResponse json(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "application/json;charset=utf-8").body(body).build();
  }
}
