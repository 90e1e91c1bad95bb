package ru.gospubliki.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.Emails;
import ru.gospubliki.internal.OrgNames;
import ru.gospubliki.internal.Phones;
import ru.gospubliki.internal.WebUrls;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.ProfileField;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleParameters;
import ru.gospubliki.rules.RuleResult;

/**
 * Page rules about the profile's fields (8-ФЗ ст. 13 ч. 1.1): name, address, contacts,
 * description, design. A field the platform cannot report is {@code UNKNOWN}; a field it reports
 * empty fails.
 */
final class ProfileRules {
  /** A postal index: six digits, first 1-6, not part of a longer number. */
  private static final Pattern POSTAL_INDEX = Pattern.compile("(?<!\\d)[1-6]\\d{5}(?!\\d)");
  /** A locality marker (г., с., пгт …) followed by a name, or a capital city named alone. */
  private static final Pattern LOCALITY = Pattern.compile(
      "(?<![\\p{L}\\p{N}])(?:(?iu:г|гор|город|с|село|п|пос|посёлок|поселок|пгт|рп|р\\.п|д|дер|деревня|ст|ст-ца"
          + "|станица|х|хут|хутор|аул|сл|слобода|мкр|нп|снт)(?:\\.\\s*|\\s+)\\p{L}"
          + "|(?:Москва|Санкт-Петербург|Севастополь)(?![\\p{L}]))");
  /** A capitalised word right after the postal index: {@code 682640, Амурск}. */
  private static final Pattern WORD_AFTER_INDEX = Pattern.compile("[\\s,]*[А-ЯЁ][а-яё]+");

  private ProfileRules() {}

  /** Why the rule cannot look at {@code field} of this context's profile, or null when it can. */
  private static @Nullable RuleResult cannotRead(RuleContext context, ProfileField field, String what) {
    RuleResult result = PageRules.precheck(context);
    if (result != null) return result;
    if (Objects.requireNonNull(context.profile()).isUnavailable(field)) return PageRules.unavailable(what);
    return null;
  }

  static RuleResult name(RuleContext context, RuleParameters parameters) {
    RuleResult early = cannotRead(context, ProfileField.NAME, "название страницы");
    if (early != null) return early;
    ProfileSnapshot profile = Objects.requireNonNull(context.profile());
    if (isBlank(profile.name())) {
      return RuleResult.fail("У страницы не указано название. Укажите наименование организации (полное "
          + "или сокращённое).");
    }
    return RuleResult.pass();
  }

  static RuleResult nameMatches(RuleContext context, RuleParameters parameters) {
    Organization organization = context.organization();
    if (organization == null) return RuleResult.notApplicable();
    RuleResult early = cannotRead(context, ProfileField.NAME, "название страницы");
    if (early != null) return early;
    ProfileSnapshot profile = Objects.requireNonNull(context.profile());
    String name = profile.name();
    if (name == null || name.isBlank()) return RuleResult.notApplicable(); // PROFILE_NAME reports it.
    double threshold = parameters.getDouble("threshold");
    double similarity = OrgNames.similarity(name, organization.name());
    Map<String, String> details = Map.of("similarity", Texts.decimal(similarity), "threshold",
        Texts.decimal(threshold));
    if (similarity >= threshold) return RuleResult.pass(details);
    return RuleResult.fail("Название страницы «" + name.trim() + "» не совпадает с наименованием организации в "
        + "реестре «" + organization.name().trim() + "» (сходство " + Texts.decimal(similarity) + " при пороге "
        + Texts.decimal(threshold) + "). Назовите страницу так, как организация названа в реестре "
        + "(допускается сокращённое наименование).", details);
  }

  static RuleResult postalAddress(RuleContext context, RuleParameters parameters) {
    RuleResult early = cannotRead(context, ProfileField.POSTAL_ADDRESS, "почтовый адрес");
    if (early != null) return early;
    ProfileSnapshot profile = Objects.requireNonNull(context.profile());
    if (isBlank(profile.postalAddress())) {
      return RuleResult.fail("На странице не указан почтовый адрес организации. Добавьте адрес с индексом в "
          + "раздел «Контакты» или «Адреса» либо в описание.");
    }
    return RuleResult.pass();
  }

  static RuleResult postalAddressFormat(RuleContext context, RuleParameters parameters) {
    RuleResult early = cannotRead(context, ProfileField.POSTAL_ADDRESS, "почтовый адрес");
    if (early != null) return early;
    ProfileSnapshot profile = Objects.requireNonNull(context.profile());
    String address = profile.postalAddress();
    if (address == null || address.isBlank()) return RuleResult.notApplicable(); // PROFILE_POSTAL_ADDRESS.
    Matcher indexMatcher = POSTAL_INDEX.matcher(address);
    boolean index = indexMatcher.find();
    boolean locality = (index && WORD_AFTER_INDEX.matcher(address).region(indexMatcher.end(), address.length())
        .lookingAt()) || LOCALITY.matcher(address).find();
    if (index && locality) return RuleResult.pass();
    List<String> missing = new ArrayList<>(2);
    if (!index) missing.add("шестизначный почтовый индекс");
    if (!locality) missing.add("населённый пункт");
    return RuleResult.fail("В почтовом адресе «" + address.trim() + "» нет: " + String.join(", ", missing)
        + ". Укажите адрес полностью, например «682640, г. Амурск, ул. Лесная, д. 5».");
  }

  static RuleResult email(RuleContext context, RuleParameters parameters) {
    RuleResult early = cannotRead(context, ProfileField.EMAIL, "адрес электронной почты");
    if (early != null) return early;
    ProfileSnapshot profile = Objects.requireNonNull(context.profile());
    String email = profile.email();
    if (email == null || email.isBlank()) {
      return RuleResult.fail("На странице не указан адрес электронной почты организации. Добавьте email в "
          + "раздел «Контакты» или в описание.");
    }
    if (!Emails.isValidList(email)) {
      return RuleResult.fail("Адрес электронной почты «" + email.trim() + "» указан с ошибкой. Исправьте его, "
          + "например school9@example.ru.", Map.of("email", email.trim()));
    }
    return RuleResult.pass();
  }

  static RuleResult phone(RuleContext context, RuleParameters parameters) {
    RuleResult early = cannotRead(context, ProfileField.PHONES, "номер телефона");
    if (early != null) return early;
    ProfileSnapshot profile = Objects.requireNonNull(context.profile());
    StringBuilder normalized = new StringBuilder();
    List<String> problems = new ArrayList<>(1);
    for (String phone : profile.phones()) {
      if (phone.isBlank()) continue;
      String e164 = Phones.toE164(phone);
      if (e164 == null) {
        problems.add("«" + phone.trim() + "»: " + Phones.problem(phone));
      } else {
        if (normalized.length() > 0) normalized.append(',');
        normalized.append(e164);
      }
    }
    if (problems.isEmpty() && normalized.length() == 0) {
      return RuleResult.fail("На странице не указан номер телефона организации. Добавьте телефон с кодом "
          + "города в раздел «Контакты» или в описание.");
    }
    if (!problems.isEmpty()) {
      return RuleResult.fail("Номер телефона указан с ошибкой — " + String.join("; ", problems)
          + ". Укажите российский номер с кодом города, например 8 (42142) 2-34-56 или +7 914 123-45-67.",
          Map.of("valid", normalized.toString()));
    }
    return RuleResult.pass(Map.of("phones", normalized.toString()));
  }

  static RuleResult website(RuleContext context, RuleParameters parameters) {
    RuleResult early = cannotRead(context, ProfileField.WEBSITE, "ссылку на сайт");
    if (early != null) return early;
    ProfileSnapshot profile = Objects.requireNonNull(context.profile());
    String website = profile.website();
    if (website == null || website.isBlank()) {
      return RuleResult.fail("На странице нет ссылки на официальный сайт организации. Добавьте адрес сайта в "
          + "поле «Сайт» или в описание.");
    }
    if (!WebUrls.isValid(website)) {
      return RuleResult.fail("Ссылка на сайт «" + website.trim() + "» указана с ошибкой. Укажите адрес сайта "
          + "полностью, например https://school9.example.ru.", Map.of("website", website.trim()));
    }
    return RuleResult.pass();
  }

  static RuleResult description(RuleContext context, RuleParameters parameters) {
    RuleResult early = cannotRead(context, ProfileField.DESCRIPTION, "описание страницы");
    if (early != null) return early;
    ProfileSnapshot profile = Objects.requireNonNull(context.profile());
    int minLength = parameters.getInt("minLength");
    String description = profile.description();
    if (description == null || description.isBlank()) {
      return RuleResult.fail("У страницы нет описания. Опишите, чем занимается организация и какую "
          + "информацию публикует страница (не короче " + minLength + " символов).");
    }
    int length = meaningfulLength(description);
    if (length < minLength) {
      return RuleResult.fail("Описание страницы слишком короткое: " + length + " симв. при минимуме " + minLength
          + ". Опишите подробнее, чем занимается организация.", Map.of("length", Integer.toString(length)));
    }
    return RuleResult.pass();
  }

  static RuleResult avatar(RuleContext context, RuleParameters parameters) {
    RuleResult early = cannotRead(context, ProfileField.AVATAR, "сведения об аватарке");
    if (early != null) return early;
    ProfileSnapshot profile = Objects.requireNonNull(context.profile());
    Boolean avatar = profile.hasAvatar();
    if (avatar == null) return PageRules.unavailable("сведения об аватарке");
    if (avatar) return RuleResult.pass();
    return RuleResult.fail("У страницы стандартная аватарка. Загрузите логотип или герб организации.");
  }

  static RuleResult cover(RuleContext context, RuleParameters parameters) {
    RuleResult early = cannotRead(context, ProfileField.COVER, "сведения об обложке");
    if (early != null) return early;
    ProfileSnapshot profile = Objects.requireNonNull(context.profile());
    Boolean cover = profile.hasCover();
    if (cover == null) return PageRules.unavailable("сведения об обложке");
    if (cover) return RuleResult.pass();
    return RuleResult.fail("У страницы нет обложки. Загрузите обложку сообщества в его настройках.");
  }

  static RuleResult workHours(RuleContext context, RuleParameters parameters) {
    RuleResult early = cannotRead(context, ProfileField.WORK_HOURS, "режим работы");
    if (early != null) return early;
    ProfileSnapshot profile = Objects.requireNonNull(context.profile());
    if (isBlank(profile.workHours())) {
      return RuleResult.fail("На странице не указан режим работы организации. Добавьте часы работы в адрес "
          + "организации (раздел «Адреса») или в описание.");
    }
    return RuleResult.pass();
  }

  private static boolean isBlank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  /** Code points of {@code text} trimmed, with each run of whitespace counted once. */
  static int meaningfulLength(String text) {
    int count = 0;
    boolean space = true;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        if (!space) count++;
        space = true;
      } else {
        count++;
        space = false;
      }
    }
    return space && count > 0 ? count - 1 : count;
  }
}
