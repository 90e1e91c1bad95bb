package ru.gospubliki.examples.sandbox.internal;

import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Routes {@code /vk/...} and {@code /ok/...} requests to the fakes; anything else is 404. */
public final class SandboxDispatcher extends Dispatcher {
  private final VkApi vk;
  private final OkApi ok;

  public SandboxDispatcher(VkApi vk, OkApi ok) {
    this.vk = vk;
    this.ok = ok;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    List<String> path = request.getUrl().pathSegments();
    if (path.size() == 3 && path.get(0).equals("vk") && path.get(1).equals("method") && !path.get(2).isEmpty()) {
      return vk.dispatch(request, path.get(2));
    }
    if (path.equals(List.of("vk", "upload", "wall")) && "POST".equals(request.getMethod())) {
      return vk.upload(request);
    }
    if (path.equals(List.of("ok", "fb.do"))) return ok.dispatch(request);
    if (path.equals(List.of("ok", "upload")) && "POST".equals(request.getMethod())) return ok.upload(request);
    return Responses.status(404, "Not found: the sandbox serves /vk/method/{method} and /ok/fb.do");
  }
}
