package ru.gospubliki.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.internal.rules.Fixtures.context;
import static ru.gospubliki.internal.rules.Fixtures.evaluate;
import static ru.gospubliki.internal.rules.Fixtures.pageContext;
import static ru.gospubliki.internal.rules.Fixtures.profile;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.gospubliki.model.ProfileField;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleResult;

class ProfileRulesTest {
  /** Each presence rule: the field emptied fails, unavailable is unknown. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "PROFILE_NAME, NAME",
    "PROFILE_POSTAL_ADDRESS, POSTAL_ADDRESS",
    "PROFILE_EMAIL, EMAIL",
    "PROFILE_PHONE, PHONES",
    "PROFILE_WEBSITE, WEBSITE",
    "PROFILE_DESCRIPTION, DESCRIPTION",
    "PROFILE_AVATAR, AVATAR",
    "PROFILE_COVER, COVER",
    "PROFILE_WORK_HOURS, WORK_HOURS",
  })
  void emptyFieldFailsAndUnavailableFieldIsUnknown(String id, ProfileField field) {
    RuleResult fail = evaluate(id, pageContext(emptied(field).build()));
    assertThat(fail.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(fail.message()).isNotBlank();
    RuleResult unknown = evaluate(id, pageContext(emptied(field).addUnavailableFields(field).build()));
    assertThat(unknown.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(unknown.message()).contains("Платформа не показывает");
    assertThat(unknown.notShown()).as("a field the platform never shows does not make the page unverified").isTrue();
    assertThat(evaluate(id, pageContext(profile().build())).outcome()).isEqualTo(Outcome.PASS);
  }

  private static ProfileSnapshot.Builder emptied(ProfileField field) {
    ProfileSnapshot.Builder builder = profile();
    switch (field) {
      case NAME: return builder.name("  ");
      case POSTAL_ADDRESS: return builder.postalAddress(null);
      case EMAIL: return builder.email("");
      case PHONES: return builder.phones(List.of());
      case WEBSITE: return builder.website(null);
      case DESCRIPTION: return builder.description(null);
      case AVATAR: return builder.hasAvatar(false);
      case COVER: return builder.hasCover(false);
      case WORK_HOURS: return builder.workHours(null);
      default: throw new AssertionError(field);
    }
  }

  @Test
  void emailMessageSaysWhereToAddIt() {
    assertThat(evaluate("PROFILE_EMAIL", pageContext(profile().email(null).build())).message())
        .isEqualTo("На странице не указан адрес электронной почты организации. Добавьте email в раздел "
            + "«Контакты» или в описание.");
  }

  @Test
  void invalidEmailFails() {
    RuleResult result = evaluate("PROFILE_EMAIL", pageContext(profile().email("school9@mail").build()));
    assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(result.message()).contains("«school9@mail»", "с ошибкой");
    assertThat(evaluate("PROFILE_EMAIL", pageContext(profile().email("школа@школа9.рф").build())).outcome())
        .isEqualTo(Outcome.PASS);
    assertThat(evaluate("PROFILE_EMAIL", pageContext(profile().email("info@school9.ru, dir@school9.ru").build()))
        .outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void severalEmailsPassWhenOneIsValid() {
    RuleResult result = evaluate("PROFILE_EMAIL",
        pageContext(profile().email("info@school9, приёмная: dir@school9.ru").build()));
    assertThat(result.outcome()).isEqualTo(Outcome.PASS);
    assertThat(result.details()).containsEntry("email", "dir@school9.ru");
    assertThat(evaluate("PROFILE_EMAIL", pageContext(profile().email("info@school9.ru или dir@school9.ru").build()))
        .outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void phones() {
    RuleResult pass = evaluate("PROFILE_PHONE",
        pageContext(profile().phones(List.of("8 (42142) 2-34-56", "+7 914 123-45-67 доб. 12")).build()));
    assertThat(pass.outcome()).isEqualTo(Outcome.PASS);
    assertThat(pass.details()).containsEntry("phones", "+74214223456,+79141234567");

    RuleResult kazakh = evaluate("PROFILE_PHONE",
        pageContext(profile().phones(List.of("+7 701 123 45 67")).build()));
    assertThat(kazakh.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(kazakh.message()).contains("«+7 701 123 45 67»", "Казахстан");
    // One valid number is enough.
    assertThat(evaluate("PROFILE_PHONE",
        pageContext(profile().phones(List.of("+7 701 123 45 67", "8 (42142) 2-34-56")).build())).outcome())
        .isEqualTo(Outcome.PASS);

    assertThat(evaluate("PROFILE_PHONE", pageContext(profile().phones(List.of(" ", "\u00A0")).build())).message())
        .contains("не указан номер телефона");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "+7 (4212) 12-34-56, 8 914 123 45 67   | +74212123456,+79141234567",
    "+7 495 123-45-67 (приёмная)           | +74951234567",
    "тел. 8 (42142) 2-34-56; факс 2-34-57  | +74214223456",
    "8\u00A0914\u00A0123-45-67              | +79141234567",
  })
  void phoneListsAsPagesWriteThem(String field, String valid) {
    RuleResult result = evaluate("PROFILE_PHONE", pageContext(profile().phones(List.of(field)).build()));
    assertThat(result.outcome()).isEqualTo(Outcome.PASS);
    assertThat(result.details()).containsEntry("phones", valid);
  }

  /** A page with no contact fields at all, everything written in its description, as VK pages often are. */
  @Test
  void contactsWrittenInTheDescriptionCountOnEveryPlatform() {
    String description = "Официальная страница школы № 9. Адрес: 682640, Хабаровский край, г. Амурск, ул. Лесная, "
        + "д. 5. Телефон приёмной: 8 (42142) 2-34-56. Почта: school9@amur.edu.ru. Сайт: school9.amur.ru";
    ProfileSnapshot bare = profile().email(null).phones(List.of()).website(null).postalAddress(null)
        .description(description).build();
    for (String id : List.of("PROFILE_EMAIL", "PROFILE_PHONE", "PROFILE_WEBSITE", "PROFILE_POSTAL_ADDRESS",
        "PROFILE_POSTAL_ADDRESS_FORMAT")) {
      RuleResult result = evaluate(id, pageContext(bare));
      assertThat(result.outcome()).as(id).isEqualTo(Outcome.PASS);
      assertThat(result.details()).as(id).containsEntry("source", "description");
    }
    // The same on a platform that has no email field (OK): the description is read all the same.
    ProfileSnapshot ok = profile().page(Fixtures.OK_PAGE).email(null).addUnavailableFields(ProfileField.EMAIL)
        .description(description).build();
    assertThat(evaluate("PROFILE_EMAIL", pageContext(ok)).outcome()).isEqualTo(Outcome.PASS);
    RuleResult none = evaluate("PROFILE_EMAIL", pageContext(profile().page(Fixtures.OK_PAGE).email(null)
        .addUnavailableFields(ProfileField.EMAIL).build()));
    assertThat(none.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(none.notShown()).isTrue();
  }

  @Test
  void socialLinksAndEmailDomainsInTheDescriptionAreNoSite() {
    ProfileSnapshot page = profile().website(null)
        .description("Мы ВКонтакте: vk.com/school9 и https://t.me/school9, пишите на school9@amur.edu.ru").build();
    assertThat(evaluate("PROFILE_WEBSITE", pageContext(page)).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void namesAndDescriptionsOfUnicodeSpacesAreEmpty() {
    assertThat(evaluate("PROFILE_NAME", pageContext(profile().name("\u00A0\u2007\u202F\u200B").build())).outcome())
        .isEqualTo(Outcome.FAIL);
    RuleResult description = evaluate("PROFILE_DESCRIPTION",
        pageContext(profile().description("\u00A0 \u3000\u00A0").build()));
    assertThat(description.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(description.message()).startsWith("У страницы нет описания");
    assertThat(evaluate("PROFILE_WORK_HOURS", pageContext(profile().workHours("\u00A0").build())).outcome())
        .isEqualTo(Outcome.FAIL);
  }

  @Test
  void invalidWebsiteFails() {
    RuleResult result = evaluate("PROFILE_WEBSITE", pageContext(profile().website("ftp://school9.ru").build()));
    assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(result.details()).containsEntry("website", "ftp://school9.ru");
    assertThat(evaluate("PROFILE_WEBSITE", pageContext(profile().website("школа9.рф").build())).outcome())
        .isEqualTo(Outcome.PASS);
  }

  @Test
  void descriptionLengthParameter() {
    String text = "Школа № 9 города Амурска.   Новости и объявления.";
    assertThat(ProfileRules.meaningfulLength(text)).isEqualTo(47);
    RuleContext context = pageContext(profile().description(text).build());
    RuleResult shortOne = evaluate("PROFILE_DESCRIPTION", context);
    assertThat(shortOne.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(shortOne.details()).containsEntry("length", "47");
    assertThat(shortOne.message()).contains("47", "50");
    assertThat(evaluate("PROFILE_DESCRIPTION", context, "minLength", "47").outcome()).isEqualTo(Outcome.PASS);
    assertThat(ProfileRules.meaningfulLength("  \n ")).isZero();
    assertThat(ProfileRules.meaningfulLength(" а  б ")).isEqualTo(3);
    assertThat(ProfileRules.meaningfulLength("😀😀")).isEqualTo(2);
  }

  /** A field the platform normally returns and did not (VK without photo_200): unknown, and the read is incomplete. */
  @Test
  void nullBooleansAreUnknownNotFailed() {
    RuleResult avatar = evaluate("PROFILE_AVATAR", pageContext(profile().hasAvatar(null).build()));
    assertThat(avatar.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(avatar.notShown()).isFalse();
    assertThat(avatar.message()).contains("не вернула");
    assertThat(evaluate("PROFILE_COVER", pageContext(profile().hasCover(null).build())).outcome())
        .isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void nameMatches() {
    RuleContext.Builder base = context().page(Fixtures.VK_PAGE).organization(Fixtures.organization().build());
    RuleResult same = evaluate("PROFILE_NAME_MATCHES", base.profile(profile().build()).build());
    assertThat(same.outcome()).isEqualTo(Outcome.PASS);
    assertThat(same.details()).containsEntry("similarity", "1");

    RuleContext other = base.profile(profile().name("МБОУ СОШ № 3").build()).build();
    RuleResult fail = evaluate("PROFILE_NAME_MATCHES", other);
    assertThat(fail.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(fail.message()).contains("«МБОУ СОШ № 3»", "сходство 0.5", "пороге 0.8");
    assertThat(evaluate("PROFILE_NAME_MATCHES", other, "threshold", "0.5").outcome()).isEqualTo(Outcome.PASS);

    RuleContext typo = base.profile(profile().name("МБОУ СОШ № 9 г Амурск").build())
        .organization(Fixtures.organization().name("МБОУ СОШ № 9 г. Амурска").build()).build();
    assertThat(evaluate("PROFILE_NAME_MATCHES", typo).outcome()).isEqualTo(Outcome.PASS);
    assertThat(evaluate("PROFILE_NAME_MATCHES", typo, "threshold", "1").outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void nameMatchesNeedsOrganizationAndName() {
    assertThat(evaluate("PROFILE_NAME_MATCHES", pageContext(profile().build())).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
    RuleContext noName = context().page(Fixtures.VK_PAGE).organization(Fixtures.organization().build())
        .profile(profile().name(null).build()).build();
    assertThat(evaluate("PROFILE_NAME_MATCHES", noName).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    RuleContext unavailable = context().page(Fixtures.VK_PAGE).organization(Fixtures.organization().build())
        .profile(profile().addUnavailableFields(ProfileField.NAME).build()).build();
    assertThat(evaluate("PROFILE_NAME_MATCHES", unavailable).outcome()).isEqualTo(Outcome.UNKNOWN);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "682640, Хабаровский край, г. Амурск, ул. Лесная, д. 5 | PASS",
    "682640, г.Амурск, ул. Лесная, 5                       | PASS",
    "682640 город Амурск, Лесная 5                         | PASS",
    "682622, Хабаровский край, с. Ачан, ул. Школьная, 1    | PASS",
    "682610, пгт Эльбан, ул. Школьная, 2                   | PASS",
    "ст-ца Ленинградская, ул. Ленина, 5, 353740            | PASS",
    "682640, Амурск, Лесная 5                              | PASS",
    "ул. Тверская, 13, Москва, 125032                      | PASS",
    "г. Амурск, ул. Лесная, д. 5                           | FAIL",
    "682640, ул. лесная, д. 5                              | FAIL",
    "ул. Лесная, д. 5                                      | FAIL",
    "782640, г. Амурск, ул. Лесная, 5                      | FAIL",
    "6826401, г. Амурск, ул. Лесная, 5                     | FAIL",
  })
  void postalAddressFormat(String address, Outcome expected) {
    RuleResult result = evaluate("PROFILE_POSTAL_ADDRESS_FORMAT", pageContext(profile().postalAddress(address).build()));
    assertThat(result.outcome()).isEqualTo(expected);
    if (expected == Outcome.FAIL) assertThat(result.message()).contains("«" + address + "»");
  }

  @Test
  void postalAddressFormatNamesWhatIsMissing() {
    assertThat(evaluate("PROFILE_POSTAL_ADDRESS_FORMAT",
        pageContext(profile().postalAddress("ул. Лесная, д. 5").build())).message())
        .contains("шестизначный почтовый индекс, населённый пункт");
    assertThat(evaluate("PROFILE_POSTAL_ADDRESS_FORMAT", pageContext(profile().postalAddress(null).build()))
        .outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(evaluate("PROFILE_POSTAL_ADDRESS_FORMAT",
        pageContext(profile().addUnavailableFields(ProfileField.POSTAL_ADDRESS).build())).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
  }
}
