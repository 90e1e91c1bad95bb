package ru.gospubliki.vk;

import java.util.Map;
import ru.gospubliki.platform.FailureReason;

/** The token's daily quota for the method is spent (error 29): do not retry until tomorrow. */
public final class VkQuotaException extends VkApiException {
  private static final long serialVersionUID = 1L;

  public VkQuotaException(String method, int errorCode, String errorMessage, Map<String, String> requestParams) {
    super(FailureReason.RATE_LIMITED, method, errorCode, errorMessage, requestParams);
  }
}
