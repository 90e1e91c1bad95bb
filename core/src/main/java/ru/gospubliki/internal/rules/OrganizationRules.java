package ru.gospubliki.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.Emails;
import ru.gospubliki.internal.Phones;
import ru.gospubliki.internal.Spaces;
import ru.gospubliki.model.Declared;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.OrganizationField;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.rules.Message;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleParameters;
import ru.gospubliki.rules.RuleResult;

/**
 * Organisation rules: from the registry row, the facts the organisation declares, and what the
 * audit found of its pages (a deleted, banned or missing page, or a person's page, is no official
 * page). A column the registry does not have makes its rule {@code UNKNOWN}, never a failure.
 */
final class OrganizationRules {
  /** The registry columns of the checklist, as the README and the messages name them. */
  static final String ORDER_COLUMN = "«Приказ об ответственных» (responsible_order)";
  static final String POLICY_COLUMN = "«Инструкция по учётным записям» (account_policy)";
  static final String QR_COLUMN = "«QR-коды» (qr_codes)";

  private OrganizationRules() {}

  /** Why {@code page} does not count as an official page, in Russian; null when it counts. */
  private static @Nullable String notOfficial(RuleContext context, PageRef page) {
    FailureReason dead = context.deadPages().get(page);
    if (dead != null) {
      switch (dead) {
        case DELETED: return "удалена";
        case BANNED: return "заблокирована";
        default: return "не найдена";
      }
    }
    if (page.isPerson() || context.personPages().contains(page)) return "личная страница, а не сообщество";
    return null;
  }

  static RuleResult hasPage(RuleContext context, RuleParameters parameters) {
    Organization organization = context.organization();
    if (organization == null) return RuleResult.notApplicable();
    List<String> platforms = parameters.getList("platforms");
    List<String> names = new ArrayList<>(platforms.size());
    for (String platform : platforms) names.add(Texts.platformName(platform));
    List<String> notCounted = new ArrayList<>();
    for (PageRef page : organization.pages()) {
      boolean allowed = false;
      for (String platform : platforms) allowed |= platform.equalsIgnoreCase(page.platform().name());
      String why = notOfficial(context, page);
      if (allowed && why == null) return RuleResult.pass();
      notCounted.add(page.url() + " — " + (why != null ? why : "не на платформе " + String.join(" или ", names)));
    }
    if (notCounted.isEmpty()) {
      return RuleResult.fail("Официальная страница не найдена: в реестре нет ни одной официальной страницы "
          + "организации (" + String.join(", ", names) + "). Создайте официальную страницу и укажите ссылку на неё "
          + "в реестре.");
    }
    return RuleResult.fail(Message.of("У организации нет действующей официальной страницы (", String.join(", ", names),
        "): ", Texts.someItems(notCounted, "; "), ". Создайте или восстановите официальную страницу и укажите в "
        + "реестре действующую ссылку."), Map.of("pages", String.join("; ", notCounted)));
  }

  static RuleResult hasVkPage(RuleContext context, RuleParameters parameters) {
    Organization organization = context.organization();
    if (organization == null) return RuleResult.notApplicable();
    List<String> notCounted = new ArrayList<>();
    for (PageRef page : organization.pages()) {
      if (!page.platform().equals(PlatformId.VK)) continue;
      String why = notOfficial(context, page);
      if (why == null) return RuleResult.pass();
      notCounted.add(page.url() + " — " + why);
    }
    if (notCounted.isEmpty()) {
      return RuleResult.fail("В реестре нет страницы организации ВКонтакте. Создайте сообщество ВКонтакте и "
          + "укажите ссылку на него в реестре.");
    }
    return RuleResult.fail(Message.of("У организации нет действующего сообщества ВКонтакте: ",
        Texts.someItems(notCounted, "; "), ". Создайте или восстановите сообщество и укажите в реестре действующую "
        + "ссылку."), Map.of("pages", String.join("; ", notCounted)));
  }

  static RuleResult connected(RuleContext context, RuleParameters parameters) {
    Organization organization = context.organization();
    if (organization == null) return RuleResult.notApplicable();
    switch (organization.connected()) {
      case YES:
        return RuleResult.pass();
      case NO:
        return RuleResult.fail("Организация не подключена к системе «Госпаблики». Подключите официальные "
            + "страницы через Госуслуги (раздел «Госпаблики») и отметьте это в реестре.");
      case UNKNOWN:
        if (organization.undeclaredFields().contains(OrganizationField.CONNECTED)) {
          return RuleResult.unknown("В реестре нет столбца «Подключено к Госпабликам» (connected): не известно, "
              + "подключена ли организация к системе «Госпаблики». Добавьте столбец со значениями «да» или «нет».");
        }
        return RuleResult.unknown("В реестре не указано, подключена ли организация к системе «Госпаблики». "
            + "Заполните графу «Подключено к Госпабликам»: «да» или «нет».");
      default:
        throw new AssertionError();
    }
  }

  static RuleResult responsible(RuleContext context, RuleParameters parameters) {
    Organization organization = context.organization();
    if (organization == null) return RuleResult.notApplicable();
    Set<OrganizationField> undeclared = organization.undeclaredFields();
    List<String> problems = new ArrayList<>(2);
    List<String> missingColumns = new ArrayList<>(2);
    if (undeclared.contains(OrganizationField.RESPONSIBLE)) {
      missingColumns.add("«Ответственный» (responsible)");
    } else if (Spaces.isBlank(organization.responsible())) {
      problems.add("не указан ответственный сотрудник");
    }
    String contact = organization.responsibleContact();
    if (undeclared.contains(OrganizationField.RESPONSIBLE_CONTACT)) {
      missingColumns.add("«Контакт ответственного» (responsible_contact)");
    } else if (contact == null || Spaces.isBlank(contact)) {
      problems.add("не указан контакт ответственного");
    } else if (!looksLikeContact(contact)) {
      problems.add("контакт ответственного «" + Texts.quote(contact) + "» не похож ни на телефон, ни на email");
    }
    if (!problems.isEmpty()) {
      return RuleResult.fail("В реестре " + String.join(", ", problems) + ". Укажите сотрудника, назначенного "
          + "приказом ответственным за официальные страницы, и его телефон или email.");
    }
    if (!missingColumns.isEmpty()) {
      return RuleResult.unknown("В реестре нет " + (missingColumns.size() == 1 ? "столбца " : "столбцов ")
          + String.join(" и ", missingColumns) + ": не известно, назначен ли ответственный за официальные "
          + "страницы. Добавьте " + (missingColumns.size() == 1 ? "столбец" : "столбцы") + " в реестр.");
    }
    return RuleResult.pass();
  }

  /** A phone or an email, or a list of them with at least one: {@code 8 (42142) 2-34-56, ivanova@school9.ru}. */
  static boolean looksLikeContact(String contact) {
    if (!Emails.findAll(contact).isEmpty()) return true;
    for (String candidate : Phones.candidates(contact)) {
      if (Phones.isValid(candidate)) return true;
    }
    return Phones.isValid(contact);
  }

  static RuleResult checklist(RuleContext context, RuleParameters parameters) {
    Organization organization = context.organization();
    if (organization == null) return RuleResult.notApplicable();
    List<String> failed = new ArrayList<>(3);
    List<String> undeclared = new ArrayList<>(3);
    List<String> failedKeys = new ArrayList<>(3);
    sort(organization.responsibleOrder(), "приказ о назначении ответственных за официальные страницы (столбец "
        + ORDER_COLUMN + ")", "responsibleOrder", failed, failedKeys, undeclared);
    sort(organization.accountPolicy(), "инструкция по учётным записям и паролям утверждена, сотрудники ознакомлены "
        + "(столбец " + POLICY_COLUMN + ")", "accountPolicy", failed, failedKeys, undeclared);
    sort(organization.qrCodesPlaced(), "QR-коды со ссылками на страницы размещены в здании (столбец " + QR_COLUMN + ")",
        "qrCodesPlaced", failed, failedKeys, undeclared);
    if (!failed.isEmpty()) {
      return RuleResult.fail("Не выполнены пункты чек-листа: " + String.join("; ", failed)
          + ". Выполните их и отметьте «да» в реестре.", Map.of("failed", String.join(",", failedKeys)));
    }
    if (!undeclared.isEmpty()) {
      return RuleResult.unknown("В реестре не отмечено, выполнены ли пункты чек-листа: "
          + String.join("; ", undeclared) + ". Добавьте эти столбцы в реестр и заполните их: «да» или «нет».");
    }
    return RuleResult.pass();
  }

  private static void sort(Declared value, String item, String key, List<String> failed, List<String> failedKeys,
      List<String> undeclared) {
    if (value == Declared.NO) {
      failed.add(item);
      failedKeys.add(key);
    } else if (value == Declared.UNKNOWN) {
      undeclared.add(item);
    }
  }
}
