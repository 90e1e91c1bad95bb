package ru.gospubliki.vk.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.vk.VkApiException;
import ru.gospubliki.vk.VkAuthorizationException;
import ru.gospubliki.vk.VkCaptchaException;
import ru.gospubliki.vk.VkContentException;
import ru.gospubliki.vk.VkFloodException;
import ru.gospubliki.vk.VkParameterException;
import ru.gospubliki.vk.VkPermissionException;
import ru.gospubliki.vk.VkQuotaException;
import ru.gospubliki.vk.VkRateLimitException;
import ru.gospubliki.vk.VkValidationException;

/** Turns VK error objects into typed exceptions, by what each code means (VK's documented error codes), without secrets. */
public final class VkErrors {
  private static final Set<Integer> PERMISSION = Set.of(7, 15, 18, 27, 28, 30, 200, 203, 214);
  private static final Set<Integer> CONTENT = Set.of(219, 220, 222, 224);
  private static final Set<String> SECRET_PARAMS = Set.of("access_token", "sig", "client_secret");

  private VkErrors() {}

  /** The exception for VK error object {@code error} returned by {@code method}. */
  public static VkApiException from(String method, Map<String, Object> error, Secrets secrets) {
    Long rawCode = Json.longValue(error, "error_code");
    int code = rawCode == null ? 0 : rawCode.intValue();
    String message = secrets.scrub(orEmpty(Json.string(error, "error_msg")));
    Map<String, String> params = requestParams(error, secrets);
    switch (code) {
      case 5:
        return new VkAuthorizationException(method, code, message, params);
      case 6:
        return new VkRateLimitException(method, code, message, params);
      case 9:
        return new VkFloodException(method, code, message, params);
      case 14:
        return new VkCaptchaException(method, message, params, orEmpty(Json.string(error, "captcha_sid")),
            Json.string(error, "captcha_img"), Json.string(error, "redirect_uri"));
      case 17:
        return new VkValidationException(method, message, params, Json.string(error, "redirect_uri"));
      case 29:
        return new VkQuotaException(method, code, message, params);
      default:
        if (PERMISSION.contains(code)) return new VkPermissionException(method, code, message, params);
        if (CONTENT.contains(code)) return new VkContentException(method, code, message, params);
        if (code >= 100 && code < 200) return new VkParameterException(method, code, message, params);
        return new VkApiException(FailureReason.API_ERROR, method, code, message, params);
    }
  }

  /** The failure reason a sub-call error with {@code code} means for one page. */
  public static FailureReason reasonFor(int code) {
    switch (code) {
      case 5:
      case 17:
      case 27:
      case 28:
        return FailureReason.AUTHORIZATION;
      case 6:
      case 9:
        return FailureReason.RATE_LIMITED;
      case 29:
        return FailureReason.QUOTA;
      case 18:
        return FailureReason.DELETED;
      case 30:
        return FailureReason.PRIVATE;
      case 7:
      case 15:
      case 200:
      case 203:
        return FailureReason.ACCESS_DENIED;
      case 100:
      case 113:
        return FailureReason.NOT_FOUND;
      default:
        return FailureReason.API_ERROR;
    }
  }

  private static Map<String, String> requestParams(Map<String, Object> error, Secrets secrets) {
    Map<String, String> result = new LinkedHashMap<>();
    List<Object> entries = Json.list(error, "request_params");
    for (Object entry : entries) {
      Map<String, Object> pair = Json.object(entry);
      String key = Json.string(pair, "key");
      if (key == null || SECRET_PARAMS.contains(key.toLowerCase(Locale.ROOT))) continue;
      String value = Json.string(pair, "value");
      result.put(key, value == null ? "" : secrets.scrub(value));
    }
    return result;
  }

  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }
}
