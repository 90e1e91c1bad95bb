package ru.gospubliki.ok.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class OkSignerTest {
  private static final String APP_KEY = "ABCDEFGHIGKLMNOPK";
  private static final String SECRET_KEY = "ABC123DEF456GHI789JKL123";
  private static final String TOKEN = "-s-84W-s3egarWUsbkq-IWTucuedzTKT8VUXIA.s4Xx8IW7";

  @Test
  void publishedTestVector() {
    OkSigner signer = OkSigner.forSession(TOKEN, SECRET_KEY);
    assertThat(signer.secret()).isEqualTo("b1a2b89707a94624c43afae67d59274c");
    Map<String, String> params = new LinkedHashMap<>();
    params.put("method", "events.get");
    params.put("format", "json");
    params.put("application_key", APP_KEY);
    assertThat(signer.sign(params)).isEqualTo("232c8eb921951c4dba9b72606f9ddb4c");
  }

  @Test
  void accessTokenSessionKeyAndSigAreNotSigned() {
    OkSigner signer = OkSigner.forSession(TOKEN, SECRET_KEY);
    Map<String, String> params = Map.of("application_key", APP_KEY, "format", "json", "method", "events.get",
        "access_token", TOKEN, "session_key", "s", "sig", "x");
    assertThat(signer.sign(params)).isEqualTo("232c8eb921951c4dba9b72606f9ddb4c");
  }

  @Test
  void cyrillicValuesAreSignedAsRawUtf8() {
    OkSigner signer = OkSigner.forSession(TOKEN, SECRET_KEY);
    Map<String, String> params = Map.of("method", "url.getInfo", "text", "Школа № 9");
    // md5("method=url.getInfotext=Школа № 9" + secret) over UTF-8, computed outside Java.
    assertThat(signer.sign(params)).isEqualTo("a4d9aab1ba16834b064ba314dc13dbbe");
    assertThat(signer.sign(params)).isNotEqualTo(signer.sign(Map.of("method", "url.getInfo",
        "text", "%D0%A8%D0%BA%D0%BE%D0%BB%D0%B0+%E2%84%96+9")));
  }

  @Test
  void md5HexIsLowercaseHex() {
    assertThat(OkSigner.md5Hex("")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    assertThat(OkSigner.md5Hex("й")).isEqualTo("5af57ea0892641f24c731d1e4e27cee4");
  }

  @Test
  void toStringHidesSecret() {
    assertThat(OkSigner.forSession(TOKEN, SECRET_KEY).toString())
        .doesNotContain("b1a2b89707a94624c43afae67d59274c");
  }
}
