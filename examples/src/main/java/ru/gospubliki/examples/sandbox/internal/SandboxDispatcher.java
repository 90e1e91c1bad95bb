package ru.gospubliki.examples.sandbox.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * Routes {@code /vk/...}, {@code /ok/...} and {@code /max/...} requests to the fakes; anything else
 * is 404. Also the sandbox's one fault: the answer to an OK or MAX publication lost after the post
 * was made, and that platform cut off until reconnected.
 */
public final class SandboxDispatcher extends Dispatcher {
  /** The path prefix of the fake OK API. */
  public static final String OK = "ok";
  /** The path prefix of the fake MAX Bot API. */
  public static final String MAX = "max";

  private final VkApi vk;
  private final OkApi ok;
  private final MaxBotApi max;
  private final AtomicInteger vkRequests = new AtomicInteger();
  private final AtomicInteger okRequests = new AtomicInteger();
  private final AtomicInteger maxRequests = new AtomicInteger();
  /** Platforms ({@link #OK}, {@link #MAX}) whose next publication loses its answer. */
  private final Set<String> losingNextPost = ConcurrentHashMap.newKeySet();
  /** Platforms cut off: every call's connection is closed without an answer. */
  private final Set<String> cutOff = ConcurrentHashMap.newKeySet();

  private final Consumer<String> onCall;
  private final Duration latency;

  public SandboxDispatcher(VkApi vk, OkApi ok, MaxBotApi max, Consumer<String> onCall, Duration latency) {
    this.vk = vk;
    this.ok = ok;
    this.max = max;
    this.onCall = onCall;
    this.latency = latency;
  }

  /** Requests received under {@code /vk/}: API calls, including refused ones, and photo uploads. */
  public int vkRequests() {
    return vkRequests.get();
  }

  /** Requests received under {@code /ok/}: API calls, including refused ones, and photo uploads. */
  public int okRequests() {
    return okRequests.get();
  }

  /** Requests received under {@code /max/}: API calls, including refused ones, and uploads. */
  public int maxRequests() {
    return maxRequests.get();
  }

  /** The next publication to {@code platform} ({@link #OK} or {@link #MAX}) is made, then its answer lost. */
  public void loseNextPost(String platform) {
    losingNextPost.add(platform);
  }

  /** Every platform answers again. */
  public void reconnect() {
    cutOff.clear();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    if (latency.isZero()) return handle(request);
    long half = latency.toNanos() / 2;
    TimeUnit.NANOSECONDS.sleep(half); // on the way there: the request arrives later
    MockResponse response = handle(request);
    return response.newBuilder().headersDelay(latency.toNanos() - half, TimeUnit.NANOSECONDS).build();
  }

  private MockResponse handle(RecordedRequest request) {
    List<String> path = request.getUrl().pathSegments();
    String platform = path.isEmpty() ? "" : path.get(0);
    if (platform.equals("vk")) vkRequests.incrementAndGet();
    if (platform.equals(OK)) okRequests.incrementAndGet();
    if (platform.equals(MAX)) maxRequests.incrementAndGet();
    try {
      onCall.accept(call(request, path));
    } catch (RuntimeException e) {
      return Responses.status(500, "The sandbox's call listener failed: " + e);
    }
    if (cutOff.contains(platform)) return cut();
    MockResponse response = route(request, path);
    if (isPost(platform, request, path) && losingNextPost.remove(platform)) {
      // The fake has made the post; the client never hears of it, nor of anything else for now.
      cutOff.add(platform);
      return cut();
    }
    return response;
  }

  private MockResponse route(RecordedRequest request, List<String> path) {
    if (!path.isEmpty() && path.get(0).equals(MAX) && path.size() > 1) return max.dispatch(request, path.subList(1, path.size()));
    if (path.size() == 3 && path.get(0).equals("vk") && path.get(1).equals("method") && !path.get(2).isEmpty()) {
      return vk.dispatch(request, path.get(2));
    }
    if (path.equals(List.of("vk", "upload", "wall")) && "POST".equals(request.getMethod())) {
      return vk.upload(request);
    }
    if (path.equals(List.of(OK, "fb.do"))) return ok.dispatch(request);
    if (path.equals(List.of(OK, "upload")) && "POST".equals(request.getMethod())) return ok.upload(request);
    return Responses.status(404, "Not found: the sandbox serves /vk/method/{method}, /ok/fb.do and /max/...");
  }

  /** The call as the listener is told it: {@code vk wall.get}, {@code ok group.getInfo}, {@code max GET /messages}. */
  static String call(RecordedRequest request, List<String> path) {
    if (path.isEmpty()) return "";
    String platform = path.get(0);
    List<String> rest = path.subList(1, path.size());
    if (platform.equals("vk") && rest.size() == 2 && rest.get(0).equals("method")) return "vk " + rest.get(1);
    if (platform.equals(OK) && rest.equals(List.of("fb.do"))) return "ok " + Form.params(request).get("method");
    if (platform.equals(MAX)) return "max " + request.getMethod() + " /" + String.join("/", rest);
    return platform + " " + String.join("/", rest);
  }

  /** OK's {@code mediatopic.post}, MAX's {@code POST /messages}. */
  private static boolean isPost(String platform, RecordedRequest request, List<String> path) {
    if (platform.equals(OK)) {
      return path.equals(List.of(OK, "fb.do")) && "mediatopic.post".equals(Form.params(request).get("method"));
    }
    return platform.equals(MAX) && path.equals(List.of(MAX, "messages")) && "POST".equals(request.getMethod());
  }

  /** The connection closed before any answer, as when a network fails between the server and the client. */
  private static MockResponse cut() {
    return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
  }
}
