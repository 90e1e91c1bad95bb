package ru.gospubliki.vk;

import java.util.Map;
import ru.gospubliki.platform.FailureReason;

/** The token is invalid, expired or revoked (error 5): obtain a new one; retrying cannot help. */
public final class VkAuthorizationException extends VkApiException {
  private static final long serialVersionUID = 1L;

  public VkAuthorizationException(String method, int errorCode, String errorMessage, Map<String, String> requestParams) {
    super(FailureReason.AUTHORIZATION, method, errorCode, errorMessage, requestParams);
  }
}
