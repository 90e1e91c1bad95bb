package ru.gospubliki.internal.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.Phones;
import ru.gospubliki.internal.Spaces;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.ProfileField;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.model.WallAccess;
import ru.gospubliki.rules.Message;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleParameters;
import ru.gospubliki.rules.RuleResult;

/**
 * Page rules about the page as a whole: platform, kind, visibility, the «Госорганизация» mark and
 * changes since the previous audit, the wall. Profile fields are in {@link ProfileRules}.
 */
final class PageRules {
  static final RuleResult NO_PROFILE = RuleResult.unknown(
      "Данные страницы не получены с платформы, проверить не удалось. Повторите проверку позже.");

  private PageRules() {}

  /**
   * The result for a context this page rule cannot look into: no page, or a person's page (rules
   * about a community do not apply) → not applicable; no profile → unknown; null when the rule can
   * go on.
   */
  static @Nullable RuleResult precheck(RuleContext context) {
    if (context.page() == null || context.isPersonPage()) return RuleResult.notApplicable();
    if (context.profile() == null) return NO_PROFILE;
    return null;
  }

  /**
   * The precheck, then: the platform never shows {@code field} → {@linkplain RuleResult#notShown
   * not shown}; null when the rule can go on.
   */
  static @Nullable RuleResult cannotRead(RuleContext context, ProfileField field, String what) {
    RuleResult result = precheck(context);
    if (result != null) return result;
    if (Objects.requireNonNull(context.profile()).isUnavailable(field)) return notShown(what);
    return null;
  }

  /** The platform never shows {@code what}: unknown, and reading again would not tell more. */
  static RuleResult notShown(String what) {
    return RuleResult.notShown("Платформа не показывает " + what + ", проверить не удалось. Проверьте вручную на странице.");
  }

  /** The platform has no field for {@code what}, and the description has nothing like it either. */
  static RuleResult notShownAnywhere(String what) {
    return RuleResult.notShown("Платформа не показывает " + what + " отдельным полем, а в описании страницы ничего "
        + "похожего нет: проверить не удалось. Проверьте вручную на странице.");
  }

  /** The platform normally shows {@code what} but did not return it this time: the page is not fully checked. */
  static RuleResult missing(String what) {
    return RuleResult.unknown("Платформа не вернула " + what + " в этот раз, проверить не удалось. Повторите проверку "
        + "позже или проверьте вручную на странице.");
  }

  static RuleResult platformAllowed(RuleContext context, RuleParameters parameters) {
    PageRef page = context.page();
    if (page == null) return RuleResult.notApplicable();
    List<String> allowed = parameters.getList("allowed");
    String platform = page.platform().name();
    for (String id : allowed) {
      if (id.equalsIgnoreCase(platform)) return RuleResult.pass();
    }
    List<String> names = new ArrayList<>(allowed.size());
    for (String id : allowed) names.add(Texts.platformName(id));
    return RuleResult.fail(Message.of("Страница ", page.url(), " размещена на платформе «",
        Texts.platformName(page.platform()), "», а официальные страницы ведутся только на платформах: ",
        String.join(", ", names), ". Создайте официальную страницу на одной из них."), Map.of("platform", platform));
  }

  static RuleResult isCommunity(RuleContext context, RuleParameters parameters) {
    PageRef page = context.page();
    if (page == null) return RuleResult.notApplicable();
    if (page.isPerson()) return personal(page);
    ProfileSnapshot profile = context.profile();
    if (profile == null) return NO_PROFILE;
    if (profile.isUnavailable(ProfileField.COMMUNITY)) return notShown("тип страницы (сообщество или личный профиль)");
    Boolean community = profile.isCommunity();
    if (community == null) return missing("тип страницы (сообщество или личный профиль)");
    return community ? RuleResult.pass() : personal(page);
  }

  private static RuleResult personal(PageRef page) {
    return RuleResult.fail(Message.of("Страница ", page.url(), " принадлежит человеку, а не сообществу: официальная "
        + "страница ведётся от имени организации в сообществе (группе). Создайте сообщество организации и укажите в "
        + "реестре ссылку на него."), Map.of("page", page.url()));
  }

  static RuleResult open(RuleContext context, RuleParameters parameters) {
    RuleResult early = precheck(context);
    if (early != null) return early;
    switch (Objects.requireNonNull(context.profile()).state()) {
      case OPEN:
        return RuleResult.pass();
      case CLOSED:
        return RuleResult.fail("Сообщество закрытое: публикации видят только участники. Откройте сообщество "
            + "для всех в настройках (тип «Открытое»).", Map.of("state", "CLOSED"));
      case PRIVATE:
        return RuleResult.fail("Сообщество частное: найти и прочитать его могут только приглашённые. Сделайте "
            + "сообщество открытым в настройках.", Map.of("state", "PRIVATE"));
      case DELETED:
        return RuleResult.fail("Страница удалена и недоступна гражданам. Восстановите её или укажите в реестре "
            + "действующую официальную страницу.", Map.of("state", "DELETED"));
      case BANNED:
        return RuleResult.fail("Страница заблокирована платформой и недоступна гражданам. Обратитесь в поддержку "
            + "платформы для разблокировки.", Map.of("state", "BANNED"));
      default:
        throw new AssertionError();
    }
  }

  static RuleResult govMark(RuleContext context, RuleParameters parameters) {
    RuleResult early = precheck(context);
    if (early != null) return early;
    ProfileSnapshot profile = Objects.requireNonNull(context.profile());
    if (profile.isUnavailable(ProfileField.MARK)) return RuleResult.notApplicable(); // The platform has no mark (MAX).
    switch (profile.mark()) {
      case CONFIRMED:
        return RuleResult.pass();
      case ABSENT:
        return RuleResult.fail("На странице нет отметки «Госорганизация». Подтвердите принадлежность страницы "
            + "организации через Госуслуги (раздел «Госпаблики»).");
      case UNKNOWN:
        return missing("сведения об отметке «Госорганизация»");
      default:
        throw new AssertionError();
    }
  }

  static RuleResult govMarkLost(RuleContext context, RuleParameters parameters) {
    if (context.page() == null || context.isPersonPage()) return RuleResult.notApplicable();
    java.time.Instant lastSeen = context.markLastSeen();
    ProfileSnapshot previous = context.previous();
    if (lastSeen == null && previous != null && previous.mark() == MarkStatus.CONFIRMED) lastSeen = previous.takenAt();
    if (lastSeen == null) return RuleResult.notApplicable();
    ProfileSnapshot profile = context.profile();
    if (profile == null) return NO_PROFILE;
    if (profile.isUnavailable(ProfileField.MARK)) return RuleResult.notApplicable();
    switch (profile.mark()) {
      case CONFIRMED:
        return RuleResult.pass();
      case ABSENT:
        return RuleResult.fail("Отметка «Госорганизация» была на странице при проверке " + lastSeen
            + ", а теперь её нет. Так бывает после смены названия, администратора "
            + "или взлома: проверьте доступы к странице и подтвердите её заново через Госуслуги.",
            Map.of("previousCheck", lastSeen.toString()));
      case UNKNOWN:
        return missing("сведения об отметке «Госорганизация»");
      default:
        throw new AssertionError();
    }
  }

  static RuleResult changed(RuleContext context, RuleParameters parameters) {
    if (context.page() == null || context.isPersonPage()) return RuleResult.notApplicable();
    ProfileSnapshot previous = context.previous();
    if (previous == null) return RuleResult.notApplicable();
    ProfileSnapshot profile = context.profile();
    if (profile == null) return NO_PROFILE;
    List<String> changed = new ArrayList<>(4);
    List<String> words = new ArrayList<>(4);
    compare(previous, profile, ProfileField.NAME, previous.name(), profile.name(), "name", "название", changed, words);
    compare(previous, profile, ProfileField.SCREEN_NAME, previous.screenName(), profile.screenName(),
        "screenName", "короткий адрес", changed, words);
    compare(previous, profile, ProfileField.DESCRIPTION, previous.description(), profile.description(),
        "description", "описание", changed, words);
    compare(previous, profile, ProfileField.EMAIL, previous.email(), profile.email(), "email", "email", changed, words);
    if (available(previous, profile, ProfileField.PHONES) && !previous.phones().equals(profile.phones())
        && !phoneSet(previous).equals(phoneSet(profile))) {
      changed.add("phones");
      words.add("телефоны");
    }
    compare(previous, profile, ProfileField.WEBSITE, previous.website(), profile.website(), "website", "сайт",
        changed, words);
    compare(previous, profile, ProfileField.POSTAL_ADDRESS, previous.postalAddress(), profile.postalAddress(),
        "postalAddress", "почтовый адрес", changed, words);
    if (changed.isEmpty()) return RuleResult.pass();
    return RuleResult.fail("С прошлой проверки (" + previous.takenAt() + ") на странице изменились: "
        + Texts.enumerate(words) + ". После таких изменений отметка «Госорганизация» может быть снята: "
        + "убедитесь, что изменения внесла организация, и проверьте отметку; при необходимости подтвердите "
        + "страницу заново через Госуслуги.", Map.of("changed", String.join(",", changed)));
  }

  private static void compare(ProfileSnapshot previous, ProfileSnapshot current, ProfileField field,
      @Nullable String before, @Nullable String after, String key, String word, List<String> keys,
      List<String> words) {
    if (!available(previous, current, field)) return;
    if (!trimmed(before).equals(trimmed(after))) {
      keys.add(key);
      words.add(word);
    }
  }

  private static boolean available(ProfileSnapshot previous, ProfileSnapshot current, ProfileField field) {
    return !previous.isUnavailable(field) && !current.isUnavailable(field);
  }

  private static String trimmed(@Nullable String value) {
    return value == null ? "" : Spaces.collapse(value);
  }

  /** Phones compared as numbers: {@code 8 (914) …} and {@code +7 914 …} are the same phone. */
  private static Set<String> phoneSet(ProfileSnapshot profile) {
    Set<String> result = new HashSet<>();
    for (String phone : profile.phones()) {
      if (Spaces.isBlank(phone)) continue;
      String e164 = Phones.toE164(phone);
      result.add(e164 != null ? e164 : Spaces.strip(phone));
    }
    return result;
  }

  static RuleResult commentsOpen(RuleContext context, RuleParameters parameters) {
    RuleResult early = precheck(context);
    if (early != null) return early;
    ProfileSnapshot profile = Objects.requireNonNull(context.profile());
    WallAccess wall = profile.isUnavailable(ProfileField.WALL) ? WallAccess.UNKNOWN : profile.wall();
    Boolean comments = profile.commentsOpen();
    if (wall == WallAccess.OFF) {
      return RuleResult.fail("Стена сообщества отключена: граждане не видят публикаций и не могут их "
          + "обсуждать. Включите стену в настройках сообщества (открытая или ограниченная).",
          Map.of("wall", wall.name()));
    }
    if (Boolean.FALSE.equals(comments) || (wall == WallAccess.CLOSED && !Boolean.TRUE.equals(comments))) {
      return RuleResult.fail("Комментарии к публикациям закрыты: граждане не могут задать вопрос под постом. "
          + "Откройте комментарии в настройках сообщества.", Map.of("wall", wall.name()));
    }
    if (wall == WallAccess.UNKNOWN && comments == null) {
      return profile.isUnavailable(ProfileField.WALL) ? notShown("настройки стены и комментариев")
          : missing("настройки стены и комментариев");
    }
    return RuleResult.pass();
  }
}
