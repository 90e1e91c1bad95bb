package ru.gospubliki.vk;

import java.util.Map;
import ru.gospubliki.platform.FailureReason;

/** Too many requests per second (error 6) even after the bounded retries; the client-side limiter makes this rare. */
public final class VkRateLimitException extends VkApiException {
  private static final long serialVersionUID = 1L;

  public VkRateLimitException(String method, int errorCode, String errorMessage, Map<String, String> requestParams) {
    super(FailureReason.RATE_LIMITED, method, errorCode, errorMessage, requestParams);
  }
}
