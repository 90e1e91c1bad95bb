package ru.gospubliki.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ApiTokenTest {
  static Stream<Arguments> badTokens() {
    return Stream.of(
        Arguments.of("vk1.a.abc\ndef", "перевод строки"),
        Arguments.of("vk1.a.abc\rdef", "перевод строки"),
        Arguments.of("vk1.a.abc def", "пробел"),
        Arguments.of("vk1.a.abc\u00a0def", "пробел"),
        Arguments.of("vk1.a.abcdéf", "не из ASCII (U+00E9)"),
        Arguments.of("vk1.a.abcключ", "не из ASCII"),
        Arguments.of("vk1.a.abc\u0007def", "управляющий символ"));
  }

  @ParameterizedTest
  @MethodSource("badTokens")
  void aTokenThatNoPlatformAcceptsIsRefusedNamingItsRoleNotItsValue(String token, String why) {
    assertThatThrownBy(() -> ApiToken.check("userTokens[1]", token))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("userTokens[1]: ")
        .hasMessageContaining(why)
        .hasMessageNotContaining("abc");
  }

  @Test
  void blankTokensAreRefusedAndSurroundingWhitespaceIsDropped() {
    assertThatThrownBy(() -> ApiToken.check("serviceToken", "  \n")).hasMessage("serviceToken: ключ доступа пуст");
    assertThatThrownBy(() -> ApiToken.check("serviceToken", null)).hasMessage("serviceToken: ключ доступа пуст");
    assertThat(ApiToken.check("serviceToken", " vk1.a.token-1\n")).isEqualTo("vk1.a.token-1");
  }

  @Test
  void toStringShowsTheRoleOnly() {
    ApiToken token = ApiToken.of(new TokenBudgets(Ticker.SYSTEM, Sleeper.SYSTEM), "VK", "userTokens[0]",
        "vk1.a.secret-value", 3);
    assertThat(token.toString()).contains("userTokens[0]").doesNotContain("secret-value");
    assertThat(token.role()).isEqualTo("userTokens[0]");
    assertThat(token.limiter().requestsPerSecond()).isEqualTo(3);
  }
}
