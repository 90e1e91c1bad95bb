package ru.gospubliki.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.internal.rules.Fixtures.context;
import static ru.gospubliki.internal.rules.Fixtures.evaluate;
import static ru.gospubliki.internal.rules.Fixtures.organization;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import ru.gospubliki.model.Declared;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleResult;

class OrganizationRulesTest {
  private static RuleContext of(Organization organization) {
    return context().organization(organization).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ORG_HAS_PAGE", "ORG_HAS_VK_PAGE", "ORG_CONNECTED", "ORG_RESPONSIBLE", "ORG_CHECKLIST"})
  void withoutOrganizationNotApplicableAndCompliantPasses(String id) {
    assertThat(evaluate(id, context().page(Fixtures.VK_PAGE).build()).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(evaluate(id, of(organization().build())).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void hasPageOnAllowedPlatform() {
    Organization okOnly = organization().pages(List.of(Fixtures.OK_PAGE)).build();
    assertThat(evaluate("ORG_HAS_PAGE", of(okOnly)).outcome()).isEqualTo(Outcome.PASS);
    RuleResult vkOnlyAllowed = evaluate("ORG_HAS_PAGE", of(okOnly), "platforms", "vk");
    assertThat(vkOnlyAllowed.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(vkOnlyAllowed.message()).contains("на разрешённой платформе", "ВКонтакте");
    Organization telegram = organization()
        .pages(List.of(PageRef.of(PlatformId.of("telegram"), "school9", "https://t.me/school9"))).build();
    assertThat(evaluate("ORG_HAS_PAGE", of(telegram)).outcome()).isEqualTo(Outcome.FAIL);
    assertThat(evaluate("ORG_HAS_PAGE", of(telegram), "platforms", "vk,ok,telegram").outcome())
        .isEqualTo(Outcome.PASS);
    RuleResult none = evaluate("ORG_HAS_PAGE", of(organization().pages(List.of()).build()));
    assertThat(none.message()).contains("нет ни одной официальной страницы");
  }

  @Test
  void hasVkPage() {
    assertThat(evaluate("ORG_HAS_VK_PAGE", of(organization().pages(List.of(Fixtures.OK_PAGE)).build())).outcome())
        .isEqualTo(Outcome.FAIL);
  }

  @Test
  void connected() {
    assertThat(evaluate("ORG_CONNECTED", of(organization().connected(Declared.NO).build())).outcome())
        .isEqualTo(Outcome.FAIL);
    assertThat(evaluate("ORG_CONNECTED", of(organization().connected(Declared.UNKNOWN).build())).outcome())
        .isEqualTo(Outcome.UNKNOWN);
  }

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
    "Иванова А. П. | 8 (42142) 2-34-56     | PASS   |",
    "Иванова А. П. | ivanova@amur.edu.ru   | PASS   |",
    "''            | ivanova@amur.edu.ru   | FAIL   | не указан ответственный сотрудник",
    "Иванова А. П. | ''                    | FAIL   | не указан контакт ответственного",
    "Иванова А. П. | '8 (42142) 2-34-56 доб. 5, ivanova@amur.edu.ru' | PASS |",
    "Иванова А. П. | кабинет 5             | FAIL   | «кабинет 5» не похож ни на телефон, ни на email",
    "''            | ''                    | FAIL   | не указан ответственный сотрудник, не указан контакт",
  })
  void responsible(String name, String contact, Outcome expected, String message) {
    Organization organization = organization().responsible(name.isEmpty() ? null : name)
        .responsibleContact(contact.isEmpty() ? null : contact).build();
    RuleResult result = evaluate("ORG_RESPONSIBLE", of(organization));
    assertThat(result.outcome()).isEqualTo(expected);
    if (message != null) assertThat(result.message()).contains(message);
  }

  @Test
  void checklist() {
    RuleResult fail = evaluate("ORG_CHECKLIST",
        of(organization().accountPolicy(Declared.NO).qrCodesPlaced(Declared.UNKNOWN).build()));
    assertThat(fail.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(fail.message()).contains("инструкция по учётным записям").doesNotContain("QR");
    assertThat(fail.details()).containsEntry("failed", "accountPolicy");
    RuleResult unknown = evaluate("ORG_CHECKLIST",
        of(organization().responsibleOrder(Declared.UNKNOWN).qrCodesPlaced(Declared.UNKNOWN).build()));
    assertThat(unknown.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(unknown.message()).contains("приказ о назначении", "QR-коды").doesNotContain("инструкция");
  }
}
