package ru.gospubliki.vk;

import java.util.Map;
import ru.gospubliki.platform.FailureReason;

/** VK rejected a parameter (errors 100, 113, 121, 129 and other 1xx codes). */
public final class VkParameterException extends VkApiException {
  private static final long serialVersionUID = 1L;

  public VkParameterException(String method, int errorCode, String errorMessage, Map<String, String> requestParams) {
    super(FailureReason.API_ERROR, method, errorCode, errorMessage, requestParams);
  }
}
