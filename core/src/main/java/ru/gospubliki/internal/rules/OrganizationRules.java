package ru.gospubliki.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.gospubliki.internal.Emails;
import ru.gospubliki.internal.Phones;
import ru.gospubliki.model.Declared;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleParameters;
import ru.gospubliki.rules.RuleResult;

/** Organisation rules: from the registry row and the facts the organisation declares. */
final class OrganizationRules {
  private OrganizationRules() {}

  static RuleResult hasPage(RuleContext context, RuleParameters parameters) {
    Organization organization = context.organization();
    if (organization == null) return RuleResult.notApplicable();
    List<String> platforms = parameters.getList("platforms");
    for (PageRef page : organization.pages()) {
      for (String platform : platforms) {
        if (platform.equalsIgnoreCase(page.platform().name())) return RuleResult.pass();
      }
    }
    List<String> names = new ArrayList<>(platforms.size());
    for (String platform : platforms) names.add(Texts.platformName(platform));
    String found = organization.pages().isEmpty()
        ? "в реестре нет ни одной официальной страницы организации"
        : "в реестре нет страницы организации на разрешённой платформе";
    return RuleResult.fail("Официальная страница не найдена: " + found + " (" + String.join(", ", names)
        + "). Создайте официальную страницу и укажите ссылку на неё в реестре.");
  }

  static RuleResult hasVkPage(RuleContext context, RuleParameters parameters) {
    Organization organization = context.organization();
    if (organization == null) return RuleResult.notApplicable();
    for (PageRef page : organization.pages()) {
      if (page.platform().equals(PlatformId.VK)) return RuleResult.pass();
    }
    return RuleResult.fail("В реестре нет страницы организации ВКонтакте. Создайте сообщество ВКонтакте и "
        + "укажите ссылку на него в реестре.");
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
        return RuleResult.unknown("В реестре не указано, подключена ли организация к системе «Госпаблики». "
            + "Заполните графу «да» или «нет».");
      default:
        throw new AssertionError();
    }
  }

  static RuleResult responsible(RuleContext context, RuleParameters parameters) {
    Organization organization = context.organization();
    if (organization == null) return RuleResult.notApplicable();
    String responsible = organization.responsible();
    String contact = organization.responsibleContact();
    List<String> problems = new ArrayList<>(2);
    if (responsible == null || responsible.isBlank()) problems.add("не указан ответственный сотрудник");
    if (contact == null || contact.isBlank()) {
      problems.add("не указан контакт ответственного");
    } else if (!looksLikeContact(contact)) {
      problems.add("контакт ответственного «" + contact.trim() + "» не похож ни на телефон, ни на email");
    }
    if (problems.isEmpty()) return RuleResult.pass();
    return RuleResult.fail("В реестре " + String.join(", ", problems) + ". Укажите сотрудника, назначенного "
        + "приказом ответственным за официальные страницы, и его телефон или email.");
  }

  /** A phone or an email, or a list of them with at least one: {@code 8 (42142) 2-34-56, ivanova@school9.ru}. */
  static boolean looksLikeContact(String contact) {
    if (Phones.isValid(contact) || Emails.isValid(contact)) return true;
    for (String part : contact.split("[,;]")) {
      if (Phones.isValid(part) || Emails.isValid(part)) return true;
    }
    return false;
  }

  static RuleResult checklist(RuleContext context, RuleParameters parameters) {
    Organization organization = context.organization();
    if (organization == null) return RuleResult.notApplicable();
    List<String> failed = new ArrayList<>(3);
    List<String> undeclared = new ArrayList<>(3);
    List<String> failedKeys = new ArrayList<>(3);
    sort(organization.responsibleOrder(), "приказ о назначении ответственных за официальные страницы",
        "responsibleOrder", failed, failedKeys, undeclared);
    sort(organization.accountPolicy(), "инструкция по учётным записям и паролям, сотрудники ознакомлены",
        "accountPolicy", failed, failedKeys, undeclared);
    sort(organization.qrCodesPlaced(), "QR-коды со ссылками на страницы размещены в здании", "qrCodesPlaced",
        failed, failedKeys, undeclared);
    if (!failed.isEmpty()) {
      return RuleResult.fail("Не выполнены пункты чек-листа: " + String.join("; ", failed)
          + ". Выполните их и отметьте «да» в реестре.", Map.of("failed", String.join(",", failedKeys)));
    }
    if (!undeclared.isEmpty()) {
      return RuleResult.unknown("В реестре не отмечено, выполнены ли пункты чек-листа: "
          + String.join("; ", undeclared) + ". Заполните графы «да» или «нет».");
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
