package ru.gospubliki.audit;

import ru.gospubliki.platform.FetchResult;

/** Why something could not be read, in the words a ЦУР employee reads in a finding. */
final class Reasons {
  private Reasons() {}

  /** The failure in Russian, with the platform's detail where it says more than the reason. */
  static String russian(FetchResult.Failure<?> failure) {
    String detail = failure.detail();
    switch (failure.reason()) {
      case QUOTA:
        return "исчерпан суточный лимит запросов к платформе";
      case RATE_LIMITED:
        return "платформа ограничила частоту запросов";
      case ACCESS_DENIED:
        return "нет доступа: " + detail;
      case PRIVATE:
        return "страница скрыта настройками приватности";
      case AUTHORIZATION:
        return "ключ доступа не принят платформой";
      case TIMEOUT:
        return "платформа не ответила вовремя";
      case NETWORK:
        return "нет связи с платформой: " + detail;
      case CONNECTION_LOST:
        return "связь с платформой прервалась: " + detail;
      case CAPTCHA:
        return "платформа потребовала ввести капчу";
      case UNSUPPORTED:
        return detail;
      default:
        return "ошибка платформы: " + detail;
    }
  }
}
