package ru.gospubliki.vk;

import java.util.Map;
import ru.gospubliki.platform.FailureReason;

/** The token may not do this (errors 7, 15, 18, 27, 28, 30, 200, 203, 214): a different token or right is needed. */
public final class VkPermissionException extends VkApiException {
  private static final long serialVersionUID = 1L;

  public VkPermissionException(String method, int errorCode, String errorMessage, Map<String, String> requestParams) {
    super(FailureReason.ACCESS_DENIED, method, errorCode, errorMessage, requestParams);
  }
}
