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
      // Persons' pages: kept, so the audit can say they are not communities
      "https://vk.com/id123,            vk, id123, https://vk.com/id123",
      "m.vk.ru/ID123?w=wall,            vk, id123, https://vk.com/id123",
      "https://ok.ru/profile/575000000001, ok, profile/575000000001, https://ok.ru/profile/575000000001",
      // MAX channels: a name, an invitation, a (negative) chat id
      "https://max.ru/Zarechny_Adm,     max, zarechny_adm, https://max.ru/zarechny_adm",
      "max.ru/@zarechny-adm,            max, zarechny-adm, https://max.ru/zarechny-adm",
      "https://max.ru/join/AbC-12_x,    max, join/AbC-12_x, https://max.ru/join/AbC-12_x",
      "max:-70123456789,                max, -70123456789, max:-70123456789",
      "MAX:-9223372036854775808,        max, -9223372036854775808, max:-9223372036854775808",
      // Platforms the law does not name: kept, so the audit can report PAGE_PLATFORM_ALLOWED
      "https://t.me/Zarechny_Adm,       telegram, zarechny_adm, https://t.me/zarechny_adm",
      "t.me/+AbCdEf,                    telegram, +AbCdEf, https://t.me/+AbCdEf",
      "https://facebook.com/teremok5,   facebook, teremok5, https://facebook.com/teremok5",
      "https://www.instagram.com/school9/, instagram, school9, https://instagram.com/school9",
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
      "", "   ", "\u00A0", "https://vk.com/club0", "https://vk.com/public007", "vk:abc", "vk:0", "vk:-1", "ok:school9",
      "tg:123", "https://vk.com/", "https://vk.com", "https://vk.com/a/b", "https://ok.ru/profile", "https://ok.ru/group",
      "ftp://vk.com/x", "https://vk.com/123", "https://vk.com/клуб", "https://user@vk.com/club1",
      "https://vk.com:8080/club1", "https://vk.com/a b", "https://notvk.com/club1", "https://vk.com/id0",
      "vk:99999999999999999999", "https://vk.com/club9223372036854775808", "max:70123456789", "max:-0",
      "max:-9223372036854775809", "https://max.ru/", "https://max.ru/join", "https://max.ru/1abc", "https://t.me/",
      "https://school9.ru/vk", "ВКонтакте школы"})
  void rejectsAnythingElseNamingTheValue(String reference) {
    assertThatThrownBy(() -> PageRef.parse(reference))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("не удалось распознать ссылку на страницу «" + reference.strip().replace("\u00A0", "")
            + "»: ожидается ссылка на страницу ВКонтакте (https://vk.com/club123, https://vk.com/имя, vk:123), "
            + "Одноклассников (https://ok.ru/group/123, https://ok.ru/имя, ok:123) или MAX (https://max.ru/имя, "
            + "max:-70123456789)");
  }

  @Test
  void aVeryLongReferenceIsRefusedAtOnceAndShownCut() {
    String reference = "https://vk.com/" + "a".repeat(100_000);
    assertThatThrownBy(() -> PageRef.parse(reference)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("не удалось распознать ссылку на страницу «https://vk.com/aaa")
        .hasMessageContaining("…»");
  }

  @Test
  void personsPagesAreKnownFromTheirLink() {
    PageRef vk = PageRef.parse("https://vk.com/id123");
    assertThat(vk.isPerson()).isTrue();
    assertThat(vk.isNumeric()).isFalse();
    assertThat(vk).isEqualTo(PageRef.person(PlatformId.VK, 123)).isEqualTo(PageRef.of(PlatformId.VK, "ID123"))
        .isNotEqualTo(PageRef.parse("vk:123"));
    PageRef ok = PageRef.parse("ok.ru/profile/42");
    assertThat(ok.isPerson()).isTrue();
    assertThat(ok).isEqualTo(PageRef.person(PlatformId.OK, 42));
    assertThat(PageRef.parse("https://vk.com/id123abc").isPerson()).isFalse(); // a screen name
    assertThat(PageRef.parse("vk:123").isPerson()).isFalse();
    assertThat(PageRef.parse("https://max.ru/amur").isPerson()).isFalse();
    assertThatThrownBy(() -> PageRef.person(PlatformId.MAX, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PageRef.person(PlatformId.VK, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void maxChannelIdsAreNegative() {
    PageRef channel = PageRef.parse("max:-70123456789");
    assertThat(channel.isNumeric()).isTrue();
    assertThat(channel.numericId()).isEqualTo(-70_123_456_789L);
    assertThat(PageRef.of(PlatformId.MAX, "-70123456789")).isEqualTo(channel);
    assertThat(PageRef.parse("https://max.ru/amur").isNumeric()).isFalse();
    // Invitation hashes are case-sensitive; names are not.
    assertThat(PageRef.parse("https://max.ru/join/AbC")).isNotEqualTo(PageRef.parse("https://max.ru/join/abc"));
    assertThat(PageRef.parse("https://max.ru/Amur")).isEqualTo(PageRef.parse("https://max.ru/amur"));
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
    assertThat(PageRef.of(max, "Amur_Adm").url()).isEqualTo("https://max.ru/amur_adm");
    assertThat(PageRef.of(max, "amur", "https://example.com").url()).isEqualTo("https://max.ru/amur");
    PlatformId telegram = PlatformId.of("telegram");
    assertThat(PageRef.of(telegram, "Amur").url()).isEqualTo("telegram:amur");
    assertThat(PageRef.of(telegram, "amur", "https://t.me/amur").url()).isEqualTo("https://t.me/amur");
    // VK and OK always get their canonical URL.
    assertThat(PageRef.of(PlatformId.VK, "7", "https://example.com").url()).isEqualTo("https://vk.com/club7");
    assertThatThrownBy(() -> PageRef.of(PlatformId.VK, " ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page id is empty");
    assertThatThrownBy(() -> PageRef.of(PlatformId.OK, "a/b")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page id on ok must be a positive number, a short name [a-z0-9_.] or profile/<number> (a person): "
            + "\"a/b\"");
    assertThatThrownBy(() -> PageRef.of(max, "70123")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a negative chat id");
    assertThatThrownBy(() -> PlatformId.of("1vk")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("platform id must match [a-z][a-z0-9_-]{0,31}: \"1vk\"");
    assertThat(PlatformId.of(" Vk ")).isSameAs(PlatformId.VK);
  }

  @Test
  void maxChannelsByNameInvitationOrChatId() {
    PageRef byName = PageRef.parse("https://max.ru/Zarechny_Adm");
    assertThat(byName.platform()).isEqualTo(PlatformId.MAX);
    assertThat(byName.id()).isEqualTo("zarechny_adm");
    assertThat(byName.url()).isEqualTo("https://max.ru/zarechny_adm");
    assertThat(byName.isNumeric()).isFalse();
    assertThat(PageRef.parse("max.ru/@zarechny-adm").id()).isEqualTo("zarechny-adm");

    PageRef byId = PageRef.parse("max:-70123456789");
    assertThat(byId.platform()).isEqualTo(PlatformId.MAX);
    assertThat(byId.isNumeric()).isTrue();
    assertThat(byId.numericId()).isEqualTo(-70123456789L);
    assertThat(byId.url()).isEqualTo("max:-70123456789");
    assertThat(PageRef.of(PlatformId.MAX, "-70123456789")).isEqualTo(byId);

    PageRef invitation = PageRef.parse("https://max.ru/join/AbC-12_x");
    assertThat(invitation.id()).isEqualTo("join/AbC-12_x"); // invitation hashes keep their case
    assertThat(invitation.url()).isEqualTo("https://max.ru/join/AbC-12_x");
    assertThat(invitation.isNumeric()).isFalse();
  }

  @Test
  void malformedMaxReferencesAreRefusedWithTheValue() {
    // A channel's chat id is negative; positive ids, names in the short form and paths are not references.
    for (String bad : new String[] {"max:70123456789", "max:amur", "max:-0", "max:-99999999999999999999",
        "https://max.ru/", "https://max.ru/join", "https://max.ru/a/b/c", "https://max.ru/1abc"}) {
      assertThatThrownBy(() -> PageRef.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad).hasMessageContaining("max:-70123456789");
    }
    assertThatThrownBy(() -> PageRef.of(PlatformId.MAX, "70123"))
        .hasMessage("page id on max must be a negative chat id, a channel name or join/<hash>: \"70123\"");
  }
}
