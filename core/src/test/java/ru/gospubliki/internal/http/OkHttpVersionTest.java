package ru.gospubliki.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import okhttp3.OkHttp;
import org.junit.jupiter.api.Test;

class OkHttpVersionTest {
  static final String OKHTTP_4 = "file:/m2/com/squareup/okhttp3/okhttp/4.12.0/okhttp-4.12.0.jar";
  static final String OKHTTP_5 = "file:/m2/com/squareup/okhttp3/okhttp-jvm/5.3.2/okhttp-jvm-5.3.2.jar";

  @Test
  void builtWithIsTheOkHttpOfTheBuild() {
    assertThat(OkHttpVersion.BUILT_WITH).isEqualTo(OkHttp.VERSION);
  }

  @Test
  void theBuildsOwnOkHttpIsAccepted() {
    assertThatCode(OkHttpVersion::requireCompatible).doesNotThrowAnyException();
    assertThat(OkHttpVersion.problem("5.3.2", List.of(OKHTTP_5))).isNull();
    assertThat(OkHttpVersion.problem("5.4.0-alpha.1", List.of(OKHTTP_5))).isNull();
    assertThat(OkHttpVersion.problem("5.10.0", List.of(OKHTTP_5))).isNull();
  }

  @Test
  void okHttp4IsRefusedNamingBothVersionsAndTheJar() {
    assertThat(OkHttpVersion.problem("4.12.0", List.of(OKHTTP_4)))
        .contains("needs OkHttp 5.3.2 or newer 5.x")
        .contains("OkHttp 4.12.0 was loaded from " + OKHTTP_4)
        .contains("set com.squareup.okhttp3:okhttp to 5.3.2");
  }

  @Test
  void olderOrNewerMajorVersionsAreRefused() {
    assertThat(OkHttpVersion.problem("5.1.0", List.of(OKHTTP_5))).contains("OkHttp 5.1.0 was loaded");
    assertThat(OkHttpVersion.problem("6.0.0", List.of(OKHTTP_5))).contains("OkHttp 6.0.0 was loaded");
  }

  @Test
  void twoOkHttpJarsAreRefusedWhicheverWasLoaded() {
    assertThat(OkHttpVersion.problem("5.3.2", List.of(OKHTTP_5, OKHTTP_4)))
        .contains("holds 2 copies of okhttp3.OkHttp: " + OKHTTP_5 + ", " + OKHTTP_4)
        .contains("OkHttp 5.3.2 was loaded");
  }
}
