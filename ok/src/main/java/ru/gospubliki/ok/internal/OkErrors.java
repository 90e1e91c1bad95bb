package ru.gospubliki.ok.internal;

import java.util.List;
import java.util.regex.Pattern;
import ru.gospubliki.ok.OkApiException;
import ru.gospubliki.ok.OkContentException;
import ru.gospubliki.ok.OkRateLimitException;
import ru.gospubliki.ok.OkRequestException;
import ru.gospubliki.ok.OkServiceException;
import ru.gospubliki.ok.OkSessionException;
import ru.gospubliki.ok.OkSignatureException;
import ru.gospubliki.platform.FailureReason;

/** Maps OK error codes to typed exceptions, following the error table of the OK spec. */
public final class OkErrors {
  private static final Pattern HEX_32 = Pattern.compile("\\b[0-9a-fA-F]{32}\\b");

  private OkErrors() {}

  /** True for codes worth retrying with backoff: unknown, service, network, invalid response, system. */
  public static boolean isRetryable(int code) {
    return code == 1 || code == 2 || code == 30 || code == 31 || code == 5000 || code == 9999;
  }

  /**
   * The exception for {@code code}. {@code message} is OK's {@code error_msg}; anything in it that looks
   * like one of {@code secrets} or a signature (32 hex digits) is masked.
   */
  public static OkApiException toException(String method, int code, String message, List<String> secrets) {
    String safe = redact(message, secrets);
    String text = "OK API " + method + " failed: " + code + (safe.isEmpty() ? "" : " " + safe);
    if (isRetryable(code)) {
      return new OkServiceException(FailureReason.API_ERROR, method, code, text);
    }
    if (code == 8 || code == 11) {
      return new OkRateLimitException(FailureReason.RATE_LIMITED, method, code, text);
    }
    if (code == 102 || code == 103) {
      return new OkSessionException(FailureReason.AUTHORIZATION, method, code, text + " (re-authorise: get a new access token)");
    }
    if (code == 104 || code == 105) {
      return new OkSignatureException(FailureReason.AUTHORIZATION, method, code,
          text + " (check the application secret key; otherwise a client bug)");
    }
    if (code == 454 || code == 456 || (code >= 500 && code <= 514) || (code >= 600 && code <= 607)) {
      return new OkContentException(FailureReason.API_ERROR, method, code, text);
    }
    FailureReason reason;
    if (code == 9 || code == 10 || code == 200 || code == 210) {
      reason = FailureReason.ACCESS_DENIED;
    } else if (code == 300) {
      reason = FailureReason.NOT_FOUND;
    } else {
      reason = FailureReason.API_ERROR;
    }
    return new OkRequestException(reason, method, code, text);
  }

  static String redact(String message, List<String> secrets) {
    String result = message;
    for (String secret : secrets) {
      if (!secret.isEmpty()) result = result.replace(secret, "██");
    }
    return HEX_32.matcher(result).replaceAll("██").strip();
  }
}
