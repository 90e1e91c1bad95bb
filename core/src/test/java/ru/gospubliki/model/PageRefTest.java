package ru.gospubliki.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PageRefTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // VK communities by numeric id
      "https://vk.com/club123,          vk, 123, https://vk.com/club123",
      "https://vk.com/public123,        vk, 123, https://vk.com/club123",
      "https://vk.com/event123,         vk, 123, https://vk.com/club123",
      "http://vk.com/club123,           vk, 123, https://vk.com/club123",
      "vk.com/club123,                  vk, 123, https://vk.com/club123",
      "https://vk.ru/club123,           vk, 123, https://vk.com/club123",
      "https://m.vk.com/public123,      vk, 123, https://vk.com/club123",
      "https://m.vk.ru/public123,       vk, 123, https://vk.com/club123",
      "https://www.vk.com/club123,      vk, 123, https://vk.com/club123",
      "www.vk.ru/club123,               vk, 123, https://vk.com/club123",
      "https://vk.com/club123/,         vk, 123, https://vk.com/club123",
      "https://vk.com/club123?w=wall-123_5,  vk, 123, https://vk.com/club123",
      "https://vk.com/club123#contacts, vk, 123, https://vk.com/club123",
      "HTTPS://VK.COM/Club123,          vk, 123, https://vk.com/club123",
      "vk:123,                          vk, 123, https://vk.com/club123",
      "VK:123,                          vk, 123, https://vk.com/club123",
      "'  vk:123  ',                    vk, 123, https://vk.com/club123",
      // VK screen names
      "https://vk.com/school9_amur,     vk, school9_amur, https://vk.com/school9_amur",
      "https://vk.com/School9.Amur/,    vk, school9.amur, https://vk.com/school9.amur",
      "m.vk.com/school9_amur?from=search, vk, school9_amur, https://vk.com/school9_amur",
      // OK groups by numeric id
      "https://ok.ru/group/53350000000001,  ok, 53350000000001, https://ok.ru/group/53350000000001",
      "http://ok.ru/group/53350000000001/,  ok, 53350000000001, https://ok.ru/group/53350000000001",
      "ok.ru/group53350000000001,           ok, 53350000000001, https://ok.ru/group/53350000000001",
      "https://m.ok.ru/group/53350000000001?st=1, ok, 53350000000001, https://ok.ru/group/53350000000001",
      "https://www.odnoklassniki.ru/group/53350000000001, ok, 53350000000001, https://ok.ru/group/53350000000001",
      "ok:53350000000001,                   ok, 53350000000001, https://ok.ru/group/53350000000001",
      // OK short names
      "https://ok.ru/school9,           ok, school9, https://ok.ru/school9",
      "ok.ru/School9/,                  ok, school9, https://ok.ru/school9",
  })
  void parsesEveryAcceptedForm(String reference, String platform, String id, String url) {
    PageRef page = PageRef.parse(reference);
    assertThat(page.platform()).isEqualTo(PlatformId.of(platform));
    assertThat(page.id()).isEqualTo(id);
    assertThat(page.url()).isEqualTo(url);
    assertThat(page.toString()).isEqualTo(url);
    assertThat(PageRef.parse(page.url())).isEqualTo(page); // the canonical URL parses back
  }

  @ParameterizedTest(name = "«{0}»")
  @ValueSource(strings = {
      "", "   ", "https://vk.com/club0", "https://vk.com/public007", "vk:abc", "vk:0", "vk:-1", "ok:school9", "tg:123", "https://facebook.com/x", "https://vk.com/",
      "https://vk.com", "https://vk.com/a/b", "ok.ru/profile/1", "https://ok.ru/profile", "https://ok.ru/group",
      "ftp://vk.com/x", "https://vk.com/123", "https://vk.com/клуб", "https://user@vk.com/club1",
      "https://vk.com:8080/club1", "https://vk.com/a b", "https://notvk.com/club1"})
  void rejectsAnythingElseNamingTheValue(String reference) {
    assertThatThrownBy(() -> PageRef.parse(reference))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("не удалось распознать ссылку на страницу «" + reference.trim() + "»: ожидается "
            + "https://vk.com/club123, https://vk.com/имя, vk:123, https://ok.ru/group/123, https://ok.ru/имя или ok:123");
  }

  @Test
  void numericAndScreenNameIds() {
    PageRef numeric = PageRef.parse("vk:42");
    assertThat(numeric.isNumeric()).isTrue();
    assertThat(numeric.numericId()).isEqualTo(42L);
    PageRef named = PageRef.parse("https://vk.com/amur");
    assertThat(named.isNumeric()).isFalse();
    assertThatThrownBy(named::numericId).isInstanceOf(IllegalStateException.class)
        .hasMessage("page https://vk.com/amur is not resolved to a numeric id");
  }

  @Test
  void equalityIsPlatformAndId() {
    assertThat(PageRef.parse("https://m.vk.ru/public5")).isEqualTo(PageRef.of(PlatformId.VK, "5"))
        .hasSameHashCodeAs(PageRef.of(PlatformId.VK, "5"));
    assertThat(PageRef.parse("vk:5")).isNotEqualTo(PageRef.parse("ok:5"));
    assertThat(PageRef.parse("ok:5")).isLessThan(PageRef.parse("vk:5"));
    assertThat(PageRef.parse("vk:10")).isLessThan(PageRef.parse("vk:9")); // ids compare as text
  }

  @Test
  void ofOtherPlatforms() {
    PlatformId max = PlatformId.of("MAX");
    assertThat(PageRef.of(max, "Amur_Adm").url()).isEqualTo("max:amur_adm");
    assertThat(PageRef.of(max, "amur", "https://max.ru/amur").url()).isEqualTo("https://max.ru/amur");
    // VK and OK always get their canonical URL.
    assertThat(PageRef.of(PlatformId.VK, "7", "https://example.com").url()).isEqualTo("https://vk.com/club7");
    assertThatThrownBy(() -> PageRef.of(PlatformId.VK, " ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page id is empty");
    assertThatThrownBy(() -> PageRef.of(PlatformId.OK, "a/b")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page id must be a positive number or a screen name [a-z0-9_.]: \"a/b\" on ok");
    assertThatThrownBy(() -> PlatformId.of("1vk")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("platform id must match [a-z][a-z0-9_-]{0,31}: \"1vk\"");
    assertThat(PlatformId.of(" Vk ")).isSameAs(PlatformId.VK);
  }
}
