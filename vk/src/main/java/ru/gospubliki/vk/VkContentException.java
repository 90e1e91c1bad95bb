package ru.gospubliki.vk;

import java.util.Map;
import ru.gospubliki.platform.FailureReason;

/** VK refused the content of a post (errors 219, 220, 222, 224: advertising or link restrictions). */
public final class VkContentException extends VkApiException {
  private static final long serialVersionUID = 1L;

  public VkContentException(String method, int errorCode, String errorMessage, Map<String, String> requestParams) {
    super(FailureReason.API_ERROR, method, errorCode, errorMessage, requestParams);
  }
}
