package ru.gospubliki.ok.internal;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.http.Secrets;
import ru.gospubliki.ok.OkApiException;
import ru.gospubliki.platform.FailureReason;

/**
 * OK's error codes in one table: what each means ({@link FailureReason}, which also says whether
 * the request may have taken effect) and what a person should do about it, in Russian.
 *
 * <p>Definite refusals are safe to send again (nothing happened): bad parameters, refused content
 * (454, 456, 500-514, 600-607), missing permissions, a dead session. OK's "unknown", "service
 * unavailable", "network", "invalid response" and "system" errors (1, 2, 30, 31, 5000, 9999) are
 * not: the request may have been carried out before the error.
 */
public final class OkErrors {
  /** Flood control: too many calls in a short time. */
  public static final int FLOOD_BLOCKED = 8;
  /** The application's or the token's call limit is reached. */
  public static final int LIMIT_REACHED = 11;

  private static final Pattern HEX_32 = Pattern.compile("\\b[0-9a-fA-F]{32}\\b");
  private static final int MAX_SHOWN = 300;

  private OkErrors() {}

  /** What OK's {@code code} means. */
  public static FailureReason reason(int code) {
    return switch (code) {
      case 1, 2, 30, 31, 5000, 9999 -> FailureReason.API_ERROR;
      case FLOOD_BLOCKED -> FailureReason.RATE_LIMITED;
      case LIMIT_REACHED -> FailureReason.QUOTA;
      case 101, 102, 103, 104, 105 -> FailureReason.AUTHORIZATION;
      case 9, 10, 200, 210 -> FailureReason.ACCESS_DENIED;
      case 300 -> FailureReason.NOT_FOUND;
      case 3, 4, 50, 100, 160, 451, 453 -> FailureReason.REFUSED;
      // Refused content; an undocumented code: nothing says OK did not act.
      default -> isContent(code) ? FailureReason.REFUSED : FailureReason.API_ERROR;
    };
  }

  /** Censor match, group restriction, photo errors, topic limits (601: text too long). */
  static boolean isContent(int code) {
    return code == 454 || code == 456 || (code >= 500 && code <= 514) || (code >= 600 && code <= 607);
  }

  /**
   * True for errors about the token rather than the request: every further call with it would
   * meet them too, so the token is set aside and another one carries on.
   */
  public static boolean concernsToken(int code) {
    return code == FLOOD_BLOCKED || code == LIMIT_REACHED || (code >= 101 && code <= 105);
  }

  /** The exception for OK's error {@code code} with OK's {@code error_msg}, secrets and signatures masked. */
  public static OkApiException of(String method, int code, @Nullable String errorMessage, Secrets secrets) {
    String said = errorMessage == null ? "" : HEX_32.matcher(secrets.scrub(errorMessage)).replaceAll(Secrets.MASK).strip();
    if (said.length() > MAX_SHOWN) said = said.substring(0, MAX_SHOWN) + "…";
    // OK's own error_msg, quoted as OK said it (often in English) after the Russian: it is the
    // platform's word, which OK's support and the integrator search for.
    String quoted = said.isEmpty() ? "" : ", ответ ОК: «" + said + "»";
    return new OkApiException(reason(code), method, code, describe(method, code) + " (код " + code + quoted + ")", null);
  }

  /** An answer that is not an OK API answer. */
  public static OkApiException malformed(String method, String what, @Nullable Throwable cause) {
    return new OkApiException(FailureReason.API_ERROR, method, 0,
        "ОК вернул на " + method + " некорректный ответ: " + what, cause);
  }

  private static String describe(String method, int code) {
    return switch (code) {
      case FLOOD_BLOCKED -> "ОК ограничил частоту запросов к " + method + ": повторите через несколько минут";
      case LIMIT_REACHED -> "исчерпан лимит вызовов ОК для ключа доступа (" + method + "): повторите завтра или добавьте ключ";
      case 101 -> "ОК не знает приложение с этим ключом приложения: проверьте OK_APPLICATION_KEY";
      case 102, 103 -> "ключ доступа ОК истёк или недействителен: получите новый ключ доступа";
      case 104, 105 -> "ОК отверг подпись запроса " + method + ": проверьте секретный ключ приложения";
      case 9, 10, 200, 210 -> "нет прав на " + method + " в ОК: ключ доступа должен принадлежать администратору группы "
          + "с правами приложения VALUABLE_ACCESS, GROUP_CONTENT, PHOTO_CONTENT";
      case 300 -> "не найдено в ОК (" + method + ")";
      case 1, 2, 30, 31, 5000, 9999 -> "сбой на стороне ОК при " + method;
      default -> isContent(code) ? "ОК отклонил содержимое публикации (" + method + ")"
          : reason(code) == FailureReason.REFUSED ? "ОК отклонил запрос " + method
          : "ОК ответил на " + method + " ошибкой";
    };
  }
}
