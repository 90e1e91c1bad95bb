package ru.gospubliki.vk;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.platform.FailureReason;

/**
 * VK's answer to {@link #method()} was not a VK API response: not JSON, an HTML error page, an HTTP
 * error status, or JSON without the documented shape. {@link #errorCode()} is 0.
 */
public final class VkMalformedResponseException extends VkApiException {
  private static final long serialVersionUID = 1L;

  public VkMalformedResponseException(String method, String problem, @Nullable Throwable cause) {
    super(FailureReason.API_ERROR, method, 0, problem, Map.of(), cause);
  }
}
