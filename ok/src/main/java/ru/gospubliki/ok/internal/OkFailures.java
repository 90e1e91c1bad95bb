package ru.gospubliki.ok.internal;

import ru.gospubliki.ok.OkApiException;
import ru.gospubliki.ok.OkContentException;
import ru.gospubliki.ok.OkMalformedResponseException;
import ru.gospubliki.ok.OkRateLimitException;
import ru.gospubliki.ok.OkServiceException;
import ru.gospubliki.ok.OkSessionException;
import ru.gospubliki.ok.OkSignatureException;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;

/**
 * Turns what went wrong in a call into a failure a person can act on: the reason, and a Russian
 * detail that says what to do. Never includes a token, key or signature.
 */
public final class OkFailures {
  private OkFailures() {}

  /** The failure for an {@link OkApiException} or an {@link java.io.IOException} (OK unreachable). */
  public static <T> FetchResult.Failure<T> of(Exception e) {
    if (e instanceof OkApiException ok) {
      return new FetchResult.Failure<>(ok.reason(), detail(ok));
    }
    return new FetchResult.Failure<>(FailureReason.NETWORK, "ОК недоступен (" + e.getClass().getSimpleName() + ")");
  }

  static String detail(OkApiException e) {
    int code = e.errorCode();
    if (e instanceof OkRateLimitException) return "ОК ограничил частоту запросов (код " + code + "): повторите через несколько минут";
    if (e instanceof OkSessionException) return "токен доступа ОК истёк или недействителен (код " + code + "): нужна повторная авторизация";
    if (e instanceof OkSignatureException) return "ОК отверг подпись запроса (код " + code + "): проверьте секретный ключ приложения";
    if (e instanceof OkContentException) return "ОК отклонил содержимое (код " + code + ")";
    if (e instanceof OkServiceException) return "сервис ОК недоступен (код " + code + ")";
    if (e instanceof OkMalformedResponseException) return "ОК вернул нечитаемый ответ на " + e.method();
    if (e.reason() == FailureReason.NOT_FOUND) return "не найдено в ОК (код " + code + ")";
    if (e.reason() == FailureReason.ACCESS_DENIED) return "нет прав в ОК (код " + code + ")";
    return "ОК отказал в запросе " + e.method() + " (код " + code + ")";
  }
}
