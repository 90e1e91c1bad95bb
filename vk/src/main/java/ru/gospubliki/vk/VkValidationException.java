package ru.gospubliki.vk;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.platform.FailureReason;

/**
 * VK wants the token's owner to confirm their identity (error 17) at {@link #redirectUri()}; no call
 * with the token can succeed until a person does.
 */
public final class VkValidationException extends VkApiException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String redirectUri;

  /**
   * For the adapter and for embedders' test doubles that fake VK's answers.
   *
   * @param method the API method VK refused, e.g. {@code wall.post}.
   * @param errorMessage VK's {@code error_msg}, without secrets.
   * @param requestParams the request parameters VK echoed back, without secrets.
   * @param redirectUri where the token's owner confirms their identity, without secrets; null when VK gave none.
   * @param message the Russian message for people.
   */
  public VkValidationException(String method, String errorMessage, Map<String, String> requestParams,
      @Nullable String redirectUri, String message) {
    super(FailureReason.AUTHORIZATION, method, 17, errorMessage, requestParams, message, null);
    this.redirectUri = redirectUri;
  }

  /** Where the token's owner confirms their identity. */
  public @Nullable String redirectUri() {
    return redirectUri;
  }
}
