package ru.gospubliki.vk;

import java.util.Map;
import ru.gospubliki.platform.FailureReason;

/** Flood control (error 9): VK refuses similar actions for a while; do not retry soon. */
public final class VkFloodException extends VkApiException {
  private static final long serialVersionUID = 1L;

  public VkFloodException(String method, int errorCode, String errorMessage, Map<String, String> requestParams) {
    super(FailureReason.RATE_LIMITED, method, errorCode, errorMessage, requestParams);
  }
}
