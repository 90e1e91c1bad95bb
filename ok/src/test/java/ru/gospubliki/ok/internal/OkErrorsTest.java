package ru.gospubliki.ok.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.gospubliki.internal.http.Secrets;
import ru.gospubliki.ok.OkApiException;
import ru.gospubliki.platform.FailureReason;

/** The one table of OK's error codes. */
final class OkErrorsTest {
  @ParameterizedTest
  @CsvSource({
      "1, API_ERROR", "2, API_ERROR", "30, API_ERROR", "31, API_ERROR", "5000, API_ERROR", "9999, API_ERROR",
      "8, RATE_LIMITED", "11, QUOTA",
      "101, AUTHORIZATION", "102, AUTHORIZATION", "103, AUTHORIZATION", "104, AUTHORIZATION", "105, AUTHORIZATION",
      "9, ACCESS_DENIED", "10, ACCESS_DENIED", "200, ACCESS_DENIED", "210, ACCESS_DENIED",
      "300, NOT_FOUND",
      "3, REFUSED", "4, REFUSED", "50, REFUSED", "100, REFUSED", "160, REFUSED", "451, REFUSED", "453, REFUSED",
      "454, REFUSED", "456, REFUSED", "500, REFUSED", "507, REFUSED", "514, REFUSED", "600, REFUSED", "601, REFUSED",
      "607, REFUSED",
      "515, API_ERROR", "608, API_ERROR", "777, API_ERROR",
  })
  void everyCodeHasOneMeaning(int code, FailureReason reason) {
    OkApiException e = OkErrors.of("mediatopic.post", code, "SOME_ERROR : details", Secrets.of(List.of()));
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.method()).isEqualTo("mediatopic.post");
    assertThat(e.getMessage()).contains(Integer.toString(code), "SOME_ERROR").matches("(?s).*[а-яА-Я].*");
  }

  @ParameterizedTest
  @CsvSource({"1", "2", "30", "31", "5000", "9999"})
  void unknownAndSystemErrorsMayHaveTakenEffect(int code) {
    assertThat(OkErrors.reason(code).retrySafe()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"454", "456", "500", "514", "600", "607", "100", "10", "102", "300", "8", "11"})
  void definiteRefusalsAreSafeToSendAgain(int code) {
    assertThat(OkErrors.reason(code).retrySafe()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"104, true", "11, true", "8, true", "102, true", "100, false", "2, false", "300, false"})
  void errorsAboutTheTokenAreToldApart(int code, boolean aboutToken) {
    assertThat(OkErrors.concernsToken(code)).isEqualTo(aboutToken);
  }

  @org.junit.jupiter.api.Test
  void secretsAndSignaturesOkEchoesAreMasked() {
    OkApiException e = OkErrors.of("group.getInfo", 104, "PARAM_SIGNATURE : Invalid signature "
        + "0123456789abcdef0123456789abcdef for TOKEN-VALUE and SECRET-KEY", Secrets.of(List.of("TOKEN-VALUE", "SECRET-KEY")));
    assertThat(e.getMessage()).doesNotContain("TOKEN-VALUE", "SECRET-KEY", "0123456789abcdef0123456789abcdef")
        .contains("PARAM_SIGNATURE", "██");
  }
}
