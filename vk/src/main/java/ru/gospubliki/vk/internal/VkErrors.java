package ru.gospubliki.vk.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.http.Secrets;
import ru.gospubliki.platform.Captcha;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.vk.VkApiException;
import ru.gospubliki.vk.VkCaptchaException;
import ru.gospubliki.vk.VkValidationException;

/**
 * What each VK error code means, in one table (VK's documented error codes), and the exception for
 * an error object, without secrets.
 */
public final class VkErrors {
  /** VK error codes and what they mean for the caller; codes not listed are {@code API_ERROR}. */
  private static final Map<Integer, FailureReason> REASONS = Map.ofEntries(
      Map.entry(1, FailureReason.API_ERROR), // unknown error: VK may have acted
      Map.entry(3, FailureReason.REFUSED), // unknown method
      Map.entry(5, FailureReason.AUTHORIZATION), // token invalid, expired or revoked
      Map.entry(6, FailureReason.RATE_LIMITED), // too many requests per second
      Map.entry(7, FailureReason.ACCESS_DENIED), // no permission for this action
      Map.entry(8, FailureReason.REFUSED), // invalid request
      Map.entry(9, FailureReason.RATE_LIMITED), // flood control
      Map.entry(10, FailureReason.API_ERROR), // internal server error: VK may have acted
      Map.entry(13, FailureReason.API_ERROR), // execute: runtime error (e.g. answer over 5 MB)
      Map.entry(14, FailureReason.CAPTCHA),
      Map.entry(15, FailureReason.ACCESS_DENIED),
      Map.entry(17, FailureReason.AUTHORIZATION), // validation required
      Map.entry(18, FailureReason.DELETED), // page deleted or banned
      Map.entry(27, FailureReason.ACCESS_DENIED), // method unavailable with a community token
      Map.entry(28, FailureReason.ACCESS_DENIED), // method unavailable with a service token
      Map.entry(29, FailureReason.QUOTA), // daily quota of the method reached
      Map.entry(30, FailureReason.PRIVATE), // private profile
      Map.entry(100, FailureReason.REFUSED), // a parameter missing or invalid
      Map.entry(113, FailureReason.REFUSED), // invalid user id
      Map.entry(121, FailureReason.REFUSED), // invalid photo hash
      Map.entry(129, FailureReason.REFUSED), // invalid photo
      Map.entry(200, FailureReason.ACCESS_DENIED),
      Map.entry(203, FailureReason.ACCESS_DENIED),
      Map.entry(214, FailureReason.REFUSED), // posting denied
      Map.entry(219, FailureReason.REFUSED), // advertising post was recently added
      Map.entry(220, FailureReason.REFUSED), // too many recipients
      Map.entry(222, FailureReason.REFUSED), // hyperlinks forbidden
      Map.entry(224, FailureReason.REFUSED), // too many ads posts
      // Method not available for this profile type: a VK ID user key (vk2.a.) without the wall
      // scope asked to post (reported by integrators in 2026; not in VK's schema's error list).
      Map.entry(1051, FailureReason.ACCESS_DENIED));
  /** Codes that mean: no such page, when the call read one page. */
  private static final Set<Integer> NO_SUCH_PAGE = Set.of(100, 113);
  private static final Set<String> SECRET_PARAMS = Set.of("access_token", "sig", "client_secret", "captcha_key");

  private VkErrors() {}

  /** What VK error {@code code} means. */
  public static FailureReason reason(int code) {
    FailureReason reason = REASONS.get(code);
    return reason == null ? FailureReason.API_ERROR : reason;
  }

  /**
   * What VK error {@code code} means for reading one page: as {@link #reason}, except that an
   * invalid id means there is no such page.
   */
  public static FailureReason pageReason(int code) {
    return NO_SUCH_PAGE.contains(code) ? FailureReason.NOT_FOUND : reason(code);
  }

  /**
   * The Russian description of error {@code code} on {@code method}, then VK's own {@code error_msg}
   * quoted as VK said it (in English): it is the platform's word, which VK's support and the
   * integrator search for, so it is kept, marked as VK's, after the Russian.
   */
  public static String describe(String method, int code, String message) {
    return "ошибка VK " + code + " в " + method + (message.isEmpty() ? "" : " (ответ VK: «" + message + "»)");
  }

  /**
   * What to tell an operator when VK refused a write for the kind of key it was sent with (error
   * 1051, 27 or 28), naming the key and what to do; null for other codes. Nothing was posted.
   */
  public static @Nullable String keyRefused(int code, TokenKind kind, String method) {
    boolean photos = method.startsWith("photos.");
    switch (code) {
      case 1051:
        return "ключ пользователя не может публиковать: VK ответил на " + method + " ошибкой 1051 («Method is not "
            + "available for this profile type»); так отвечают ключи VK ID (vk2.a.…), если приложению VK ID не "
            + "выдан доступ wall. Запросите для приложения доступ wall (и photos для фото) и выпустите ключ заново, "
            + "или публикуйте текст ключом сообщества; запись не опубликована";
      case 27:
        if (photos) {
          return "VK не принимает ключ сообщества для загрузки фото на стену (ошибка 27 в " + method + "): "
              + PostingCredentials.COMMUNITY_NO_PHOTOS + "; запись не опубликована";
        }
        return "VK не принял ключ сообщества для " + method + " (ошибка 27)"
            + (kind == TokenKind.USER ? ": ключ, заданный как ключ пользователя, — ключ сообщества" : "")
            + ". Нужен ключ пользователя — администратора или редактора сообщества с правом wall — "
            + "или собственный ключ именно этого сообщества; запись не опубликована";
      case 28:
        return "VK принял ключ за сервисный ключ приложения (ошибка 28 в " + method + "): сервисный ключ не "
            + "публикует. Нужен ключ пользователя — администратора или редактора сообщества с правом wall — "
            + "или ключ сообщества; запись не опубликована";
      default:
        return null;
    }
  }

  /** The exception for VK error object {@code error} answered to {@code method}. */
  public static VkApiException from(String method, VkJson.Error error, Secrets secrets) {
    Long rawCode = error.code();
    int code = rawCode == null ? 0 : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, rawCode));
    String vkMessage = secrets.scrub(orEmpty(error.message()));
    Map<String, String> params = requestParams(error.requestParams(), secrets);
    String message = describe(method, code, vkMessage);
    if (code == 14) {
      // The image and the page are shown to people and logged by embedders: scrubbed as VK's message is.
      String sid = orEmpty(error.captchaSid());
      String image = secrets.scrub(orEmpty(error.captchaImg()));
      String redirect = scrubbed(error.redirectUri(), secrets);
      Captcha captcha = new Captcha(sid, image.isEmpty() && redirect != null ? redirect : image, redirect);
      return new VkCaptchaException(method, vkMessage, params, captcha,
          "VK просит ввести код с картинки (капча) для " + method + ": покажите её человеку и повторите запрос с ответом");
    }
    if (code == 17) {
      return new VkValidationException(method, vkMessage, params, scrubbed(error.redirectUri(), secrets),
          "VK требует, чтобы владелец ключа подтвердил свою личность (ошибка 17 в " + method + ")");
    }
    return new VkApiException(reason(code), method, code, vkMessage, params, message, null);
  }

  private static @Nullable String scrubbed(@Nullable String text, Secrets secrets) {
    return text == null ? null : secrets.scrub(text);
  }

  /** An answer that is not a VK API answer: code 0, {@code API_ERROR} (VK may have acted). */
  public static VkApiException malformed(String method, String problem, @Nullable Throwable cause) {
    return new VkApiException(FailureReason.API_ERROR, method, 0, problem, Map.of(),
        "некорректный ответ VK на " + method + ": " + problem, cause);
  }

  private static Map<String, String> requestParams(@Nullable List<VkJson.Param> echoed, Secrets secrets) {
    Map<String, String> result = new LinkedHashMap<>();
    if (echoed == null) return result;
    for (VkJson.Param pair : echoed) {
      String key = pair == null ? null : pair.key();
      if (key == null || SECRET_PARAMS.contains(key.toLowerCase(Locale.ROOT))) continue;
      String value = pair.value();
      result.put(key, value == null ? "" : secrets.scrub(value));
    }
    return result;
  }

  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }
}
