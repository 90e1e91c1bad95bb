package ru.gospubliki.internal.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.Emails;
import ru.gospubliki.internal.OrgNames;
import ru.gospubliki.internal.Phones;
import ru.gospubliki.internal.Spaces;
import ru.gospubliki.internal.WebUrls;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.ProfileField;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.rules.Message;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleParameters;
import ru.gospubliki.rules.RuleResult;

/**
 * Page rules about the profile's fields (8-ФЗ ст. 13 ч. 1.1): name, address, contacts,
 * description, design. A field the platform never shows is {@code UNKNOWN} ({@linkplain
 * RuleResult#notShown not shown}); a field it normally returns but did not this time is {@code
 * UNKNOWN} too; a field it reports empty fails.
 *
 * <p>Contacts count wherever the page shows them, on every platform alike: an email, phone, postal
 * address or site written in the description counts as much as one in the platform's own field
 * (the failure messages themselves advise «или в описание»). Several emails or phones pass when
 * one of them is valid.
 */
final class ProfileRules {
  /** A postal index: six digits, first 1-6, not part of a longer number. */
  private static final Pattern POSTAL_INDEX = Pattern.compile("(?<!\\d)[1-6]\\d{5}(?!\\d)");
  /** A locality marker (г., с., пгт …) followed by a name, or a capital city named alone. */
  private static final Pattern LOCALITY = Pattern.compile(
      "(?<![\\p{L}\\p{N}])(?:(?iu:г|гор|город|с|село|п|пос|посёлок|поселок|пгт|рп|р\\.п|д|дер|деревня|ст|ст-ца"
          + "|станица|х|хут|хутор|аул|сл|слобода|мкр|нп|снт)(?:\\.\\s{0,3}|\\s{1,3})\\p{L}"
          + "|(?:Москва|Санкт-Петербург|Севастополь)(?![\\p{L}]))");
  /** A street marker (ул., пр-т, пер. …) followed by a name. */
  private static final Pattern STREET = Pattern.compile(
      "(?<![\\p{L}\\p{N}])(?iu:ул|улица|пр|пр-т|пр-кт|проспект|пер|переулок|пл|площадь|б-р|бульвар|ш|шоссе"
          + "|наб|набережная|мкр|микрорайон|кв-л|квартал)(?:\\.\\s{0,3}|\\s{1,3})\\p{L}");
  /** A capitalised word right after the postal index: {@code 682640, Амурск}. */
  private static final Pattern WORD_AFTER_INDEX = Pattern.compile("[\\s,]{0,5}[А-ЯЁ][а-яё]+");
  /** How far from a postal index the locality of the same address may be, in characters. */
  private static final int ADDRESS_REACH = 120;

  private ProfileRules() {}

  static RuleResult name(RuleContext context, RuleParameters parameters) {
    RuleResult early = PageRules.cannotRead(context, ProfileField.NAME, "название страницы");
    if (early != null) return early;
    ProfileSnapshot profile = Objects.requireNonNull(context.profile());
    if (Spaces.isBlank(profile.name())) {
      return RuleResult.fail("У страницы не указано название. Укажите наименование организации (полное "
          + "или сокращённое).");
    }
    return RuleResult.pass();
  }

  static RuleResult nameMatches(RuleContext context, RuleParameters parameters) {
    Organization organization = context.organization();
    if (organization == null) return RuleResult.notApplicable();
    RuleResult early = PageRules.cannotRead(context, ProfileField.NAME, "название страницы");
    if (early != null) return early;
    ProfileSnapshot profile = Objects.requireNonNull(context.profile());
    String name = profile.name();
    if (name == null || Spaces.isBlank(name)) return RuleResult.notApplicable(); // PROFILE_NAME reports it.
    double threshold = parameters.getDouble("threshold");
    double similarity = OrgNames.similarity(name, organization.name());
    Map<String, String> details = Map.of("similarity", Texts.decimal(similarity), "threshold",
        Texts.decimal(threshold));
    if (similarity >= threshold) return RuleResult.pass(details);
    return RuleResult.fail(Message.of("Название страницы «", Texts.quote(name), "» не совпадает с наименованием "
        + "организации в реестре «", Texts.quote(organization.name()), "» (сходство ", Texts.decimal(similarity),
        " при пороге ", Texts.decimal(threshold), "). Назовите страницу так, как организация названа в реестре "
        + "(допускается сокращённое наименование)."), details);
  }

  static RuleResult postalAddress(RuleContext context, RuleParameters parameters) {
    RuleResult early = PageRules.precheck(context);
    if (early != null) return early;
    ProfileSnapshot profile = Objects.requireNonNull(context.profile());
    boolean fieldShown = !profile.isUnavailable(ProfileField.POSTAL_ADDRESS);
    if (fieldShown && !Spaces.isBlank(profile.postalAddress())) return RuleResult.pass(Map.of("source", "field"));
    if (addressInText(description(profile))) return RuleResult.pass(Map.of("source", "description"));
    if (!fieldShown) return PageRules.notShownAnywhere("почтовый адрес");
    return RuleResult.fail("На странице не указан почтовый адрес организации. Добавьте адрес с индексом в "
        + "раздел «Контакты» или «Адреса» либо в описание.");
  }

  static RuleResult postalAddressFormat(RuleContext context, RuleParameters parameters) {
    RuleResult early = PageRules.precheck(context);
    if (early != null) return early;
    ProfileSnapshot profile = Objects.requireNonNull(context.profile());
    String address = profile.isUnavailable(ProfileField.POSTAL_ADDRESS) ? null : Spaces.emptyToNull(profile.postalAddress());
    if (address != null && isFormatted(address)) return RuleResult.pass(Map.of("source", "field"));
    String description = description(profile);
    if (formattedAddressInText(description)) return RuleResult.pass(Map.of("source", "description"));
    if (address == null) return RuleResult.notApplicable(); // PROFILE_POSTAL_ADDRESS reports a missing address.
    Matcher indexMatcher = POSTAL_INDEX.matcher(address);
    boolean index = indexMatcher.find();
    List<String> missing = new ArrayList<>(2);
    if (!index) missing.add("шестизначный почтовый индекс");
    if (!index || !hasLocality(address, indexMatcher.end())) missing.add("населённый пункт");
    return RuleResult.fail(Message.of("В почтовом адресе «", Texts.quote(address), "» нет: ", String.join(", ", missing),
        ". Укажите адрес полностью, например «682640, г. Амурск, ул. Лесная, д. 5»."));
  }

  /** The field's rule: a postal index anywhere and a locality after it or anywhere. */
  private static boolean isFormatted(String address) {
    Matcher index = POSTAL_INDEX.matcher(address);
    return index.find() && hasLocality(address, index.end());
  }

  private static boolean hasLocality(String address, int afterIndex) {
    return WORD_AFTER_INDEX.matcher(address).region(afterIndex, address.length()).lookingAt()
        || LOCALITY.matcher(address).find();
  }

  /** A postal index with a locality within {@link #ADDRESS_REACH} characters of it, on the same line. */
  private static boolean formattedAddressInText(@Nullable String text) {
    if (text == null) return false;
    Matcher index = POSTAL_INDEX.matcher(text);
    Matcher locality = LOCALITY.matcher(text);
    Matcher word = WORD_AFTER_INDEX.matcher(text);
    while (index.find()) {
      int from = lineStart(text, Math.max(0, index.start() - ADDRESS_REACH), index.start());
      int to = lineEnd(text, Math.min(text.length(), index.end() + ADDRESS_REACH), index.end());
      if (word.region(index.end(), to).lookingAt() || locality.region(from, to).find()) return true;
    }
    return false;
  }

  /** An address written in text: a formatted one, or a locality followed on its line by a street. */
  private static boolean addressInText(@Nullable String text) {
    if (text == null) return false;
    if (formattedAddressInText(text)) return true;
    Matcher locality = LOCALITY.matcher(text);
    Matcher street = STREET.matcher(text);
    while (locality.find()) {
      int to = lineEnd(text, Math.min(text.length(), locality.end() + ADDRESS_REACH), locality.end());
      if (street.region(locality.end(), to).find()) return true;
    }
    return false;
  }

  private static int lineStart(String text, int limit, int from) {
    int i = from;
    while (i > limit && text.charAt(i - 1) != '\n') i--;
    return i;
  }

  private static int lineEnd(String text, int limit, int from) {
    int i = from;
    while (i < limit && text.charAt(i) != '\n') i++;
    return i;
  }

  /** The description when the platform shows one, else null. */
  private static @Nullable String description(ProfileSnapshot profile) {
    return profile.isUnavailable(ProfileField.DESCRIPTION) ? null : profile.description();
  }

  static RuleResult email(RuleContext context, RuleParameters parameters) {
    RuleResult early = PageRules.precheck(context);
    if (early != null) return early;
    ProfileSnapshot profile = Objects.requireNonNull(context.profile());
    boolean fieldShown = !profile.isUnavailable(ProfileField.EMAIL);
    String field = fieldShown ? Spaces.emptyToNull(profile.email()) : null;
    if (field != null) {
      List<String> valid = Emails.findAll(field);
      if (!valid.isEmpty()) return RuleResult.pass(Map.of("email", valid.get(0), "source", "field"));
    }
    String description = description(profile);
    if (description != null) {
      List<String> valid = Emails.findAll(description);
      if (!valid.isEmpty()) return RuleResult.pass(Map.of("email", valid.get(0), "source", "description"));
    }
    if (field != null) {
      return RuleResult.fail(Message.of("Адрес электронной почты «", Texts.quote(field), "» указан с ошибкой. "
          + "Исправьте его, например school9@example.ru."), Map.of("email", Texts.quote(field)));
    }
    if (!fieldShown) return PageRules.notShownAnywhere("адрес электронной почты");
    return RuleResult.fail("На странице не указан адрес электронной почты организации. Добавьте email в "
        + "раздел «Контакты» или в описание.");
  }

  static RuleResult phone(RuleContext context, RuleParameters parameters) {
    RuleResult early = PageRules.precheck(context);
    if (early != null) return early;
    ProfileSnapshot profile = Objects.requireNonNull(context.profile());
    boolean fieldShown = !profile.isUnavailable(ProfileField.PHONES);
    Set<String> valid = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>(1);
    if (fieldShown) {
      for (String phone : profile.phones()) {
        if (Spaces.isBlank(phone)) continue;
        List<String> candidates = Phones.candidates(phone);
        if (candidates.isEmpty()) candidates = List.of(Spaces.strip(phone));
        for (String candidate : candidates) {
          String e164 = Phones.toE164(candidate);
          if (e164 != null) valid.add(e164);
          else problems.add("«" + Texts.quote(candidate) + "»: " + Phones.problem(candidate));
        }
      }
    }
    String source = "field";
    String description = description(profile);
    if (valid.isEmpty() && description != null) {
      for (String candidate : Phones.candidates(description)) {
        String e164 = Phones.toE164(candidate);
        if (e164 != null) valid.add(e164);
      }
      source = "description";
    }
    if (!valid.isEmpty()) return RuleResult.pass(Map.of("phones", String.join(",", valid), "source", source));
    if (!problems.isEmpty()) {
      return RuleResult.fail(Message.of("Номер телефона указан с ошибкой — ", Texts.someItems(problems, "; "),
          ". Укажите российский номер с кодом города, например 8 (42142) 2-34-56 или +7 914 123-45-67."));
    }
    if (!fieldShown) return PageRules.notShownAnywhere("номер телефона");
    return RuleResult.fail("На странице не указан номер телефона организации. Добавьте телефон с кодом "
        + "города в раздел «Контакты» или в описание.");
  }

  static RuleResult website(RuleContext context, RuleParameters parameters) {
    RuleResult early = PageRules.precheck(context);
    if (early != null) return early;
    ProfileSnapshot profile = Objects.requireNonNull(context.profile());
    boolean fieldShown = !profile.isUnavailable(ProfileField.WEBSITE);
    String website = fieldShown ? Spaces.emptyToNull(profile.website()) : null;
    if (website != null && WebUrls.isValid(website)) return RuleResult.pass(Map.of("website", website, "source", "field"));
    String description = description(profile);
    if (description != null) {
      List<String> sites = WebUrls.findSites(description);
      if (!sites.isEmpty()) return RuleResult.pass(Map.of("website", sites.get(0), "source", "description"));
    }
    if (website != null) {
      return RuleResult.fail(Message.of("Ссылка на сайт «", Texts.quote(website), "» указана с ошибкой. Укажите адрес "
          + "сайта полностью, например https://school9.example.ru."), Map.of("website", Texts.quote(website)));
    }
    if (!fieldShown) return PageRules.notShownAnywhere("ссылку на сайт");
    return RuleResult.fail("На странице нет ссылки на официальный сайт организации. Добавьте адрес сайта в "
        + "поле «Сайт» или в описание.");
  }

  static RuleResult description(RuleContext context, RuleParameters parameters) {
    RuleResult early = PageRules.cannotRead(context, ProfileField.DESCRIPTION, "описание страницы");
    if (early != null) return early;
    ProfileSnapshot profile = Objects.requireNonNull(context.profile());
    int minLength = parameters.getInt("minLength");
    String description = profile.description();
    if (description == null || Spaces.isBlank(description)) {
      return RuleResult.fail("У страницы нет описания. Опишите, чем занимается организация и какую "
          + "информацию публикует страница (не короче " + minLength + " символов).");
    }
    int length = meaningfulLength(description);
    Map<String, String> details = Map.of("length", Integer.toString(length), "minLength", Integer.toString(minLength));
    if (length < minLength) {
      return RuleResult.fail(Message.of("Описание страницы слишком короткое: ", length, " симв. при минимуме ", minLength,
          ". Опишите подробнее, чем занимается организация."), details);
    }
    return RuleResult.pass(details);
  }

  static RuleResult avatar(RuleContext context, RuleParameters parameters) {
    RuleResult early = PageRules.cannotRead(context, ProfileField.AVATAR, "сведения об аватарке");
    if (early != null) return early;
    Boolean avatar = Objects.requireNonNull(context.profile()).hasAvatar();
    if (avatar == null) return PageRules.missing("сведения об аватарке");
    if (avatar) return RuleResult.pass();
    return RuleResult.fail("У страницы стандартная аватарка. Загрузите логотип или герб организации.");
  }

  static RuleResult cover(RuleContext context, RuleParameters parameters) {
    RuleResult early = PageRules.cannotRead(context, ProfileField.COVER, "сведения об обложке");
    if (early != null) return early;
    Boolean cover = Objects.requireNonNull(context.profile()).hasCover();
    if (cover == null) return PageRules.missing("сведения об обложке");
    if (cover) return RuleResult.pass();
    return RuleResult.fail("У страницы нет обложки. Загрузите обложку сообщества в его настройках.");
  }

  static RuleResult workHours(RuleContext context, RuleParameters parameters) {
    RuleResult early = PageRules.cannotRead(context, ProfileField.WORK_HOURS, "режим работы");
    if (early != null) return early;
    if (Spaces.isBlank(Objects.requireNonNull(context.profile()).workHours())) {
      return RuleResult.fail("На странице не указан режим работы организации. Добавьте часы работы в адрес "
          + "организации (раздел «Адреса») или в описание.");
    }
    return RuleResult.pass();
  }

  /** Code points of {@code text} stripped, with each run of spaces (any Unicode space) counted once. */
  static int meaningfulLength(String text) {
    int count = 0;
    boolean space = true;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Spaces.isSpace(c)) {
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
