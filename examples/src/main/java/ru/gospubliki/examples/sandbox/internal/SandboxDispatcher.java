package ru.gospubliki.examples.sandbox.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Routes {@code /vk/...}, {@code /ok/...} and {@code /max/...} requests to the fakes; anything else is 404. */
public final class SandboxDispatcher extends Dispatcher {
  private final VkApi vk;
  private final OkApi ok;
  private final MaxBotApi max;
  private final AtomicInteger vkRequests = new AtomicInteger();
  private final AtomicInteger okRequests = new AtomicInteger();
  private final AtomicInteger maxRequests = new AtomicInteger();

  private final Duration latency;

  public SandboxDispatcher(VkApi vk, OkApi ok, MaxBotApi max, Duration latency) {
    this.vk = vk;
    this.ok = ok;
    this.max = max;
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

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    if (latency.isZero()) return route(request);
    long half = latency.toNanos() / 2;
    TimeUnit.NANOSECONDS.sleep(half); // on the way there: the request arrives later
    MockResponse response = route(request);
    return response.newBuilder().headersDelay(latency.toNanos() - half, TimeUnit.NANOSECONDS).build();
  }

  private MockResponse route(RecordedRequest request) {
    List<String> path = request.getUrl().pathSegments();
    if (!path.isEmpty() && path.get(0).equals("vk")) vkRequests.incrementAndGet();
    if (!path.isEmpty() && path.get(0).equals("ok")) okRequests.incrementAndGet();
    if (!path.isEmpty() && path.get(0).equals("max")) {
      maxRequests.incrementAndGet();
      if (path.size() > 1) return max.dispatch(request, path.subList(1, path.size()));
    }
    if (path.size() == 3 && path.get(0).equals("vk") && path.get(1).equals("method") && !path.get(2).isEmpty()) {
      return vk.dispatch(request, path.get(2));
    }
    if (path.equals(List.of("vk", "upload", "wall")) && "POST".equals(request.getMethod())) {
      return vk.upload(request);
    }
    if (path.equals(List.of("ok", "fb.do"))) return ok.dispatch(request);
    if (path.equals(List.of("ok", "upload")) && "POST".equals(request.getMethod())) return ok.upload(request);
    return Responses.status(404, "Not found: the sandbox serves /vk/method/{method}, /ok/fb.do and /max/...");
  }
}
