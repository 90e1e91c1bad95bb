package ru.gospubliki.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.internal.rules.Fixtures.context;
import static ru.gospubliki.internal.rules.Fixtures.evaluate;
import static ru.gospubliki.internal.rules.Fixtures.organization;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import ru.gospubliki.model.Declared;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.OrganizationField;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.platform.FailureReason;
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
    assertThat(vkOnlyAllowed.message()).contains("https://ok.ru/group/53350000000001 — не на платформе ВКонтакте");
    Organization telegram = organization()
        .pages(List.of(PageRef.of(PlatformId.of("telegram"), "school9", "https://t.me/school9"))).build();
    assertThat(evaluate("ORG_HAS_PAGE", of(telegram)).outcome()).isEqualTo(Outcome.FAIL);
    assertThat(evaluate("ORG_HAS_PAGE", of(telegram), "platforms", "vk,ok,telegram").outcome())
        .isEqualTo(Outcome.PASS);
    RuleResult none = evaluate("ORG_HAS_PAGE", of(organization().pages(List.of()).build()));
    assertThat(none.message()).contains("нет ни одной официальной страницы");
  }

  /** A deleted, banned or missing page is no page: the failure names the dead link. */
  @Test
  void deadPagesDoNotCount() {
    PageRef deleted = PageRef.parse("https://vk.com/ds2_romashka");
    PageRef missing = PageRef.parse("https://ok.ru/group/5");
    Organization organization = organization().pages(List.of(deleted, missing)).build();
    RuleContext context = context().organization(organization)
        .deadPages(Map.of(deleted, FailureReason.DELETED, missing, FailureReason.NOT_FOUND)).build();
    RuleResult fail = evaluate("ORG_HAS_PAGE", context);
    assertThat(fail.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(fail.message()).contains("https://vk.com/ds2_romashka — удалена", "https://ok.ru/group/5 — не найдена");
    RuleResult vk = evaluate("ORG_HAS_VK_PAGE", context);
    assertThat(vk.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(vk.message()).contains("https://vk.com/ds2_romashka — удалена");
    // One live page is enough.
    RuleContext oneAlive = context().organization(organization).deadPages(Map.of(missing, FailureReason.NOT_FOUND)).build();
    assertThat(evaluate("ORG_HAS_PAGE", oneAlive).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void aPersonsPageIsNoOfficialPage() {
    Organization person = organization().pages(List.of(PageRef.parse("https://vk.com/id7"))).build();
    RuleResult fail = evaluate("ORG_HAS_PAGE", of(person));
    assertThat(fail.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(fail.message()).contains("https://vk.com/id7 — личная страница, а не сообщество");
    RuleContext resolved = context().organization(organization().build()).personPages(Set.of(Fixtures.VK_PAGE)).build();
    assertThat(evaluate("ORG_HAS_PAGE", resolved).outcome()).isEqualTo(Outcome.FAIL);
  }

  /** A registry without the column does not say: unknown, not a violation. */
  @Test
  void aMissingColumnIsUnknown() {
    Organization noColumns = organization().responsible(null).responsibleContact(null)
        .undeclaredFields(Set.of(OrganizationField.RESPONSIBLE, OrganizationField.RESPONSIBLE_CONTACT)).build();
    RuleResult unknown = evaluate("ORG_RESPONSIBLE", of(noColumns));
    assertThat(unknown.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(unknown.message()).contains("нет столбцов «Ответственный» (responsible) и «Контакт ответственного»");
    // The column is there but empty: the registry says nobody is named.
    assertThat(evaluate("ORG_RESPONSIBLE", of(organization().responsible(null).build())).outcome())
        .isEqualTo(Outcome.FAIL);
    Organization noContactColumn = organization().responsibleContact(null)
        .undeclaredFields(Set.of(OrganizationField.RESPONSIBLE_CONTACT)).build();
    assertThat(evaluate("ORG_RESPONSIBLE", of(noContactColumn)).outcome()).isEqualTo(Outcome.UNKNOWN);
    Organization noConnected = organization().connected(Declared.UNKNOWN)
        .undeclaredFields(Set.of(OrganizationField.CONNECTED)).build();
    assertThat(evaluate("ORG_CONNECTED", of(noConnected)).message()).contains("нет столбца «Подключено к Госпабликам»");
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
    // The message names the registry columns to fill.
    assertThat(unknown.message()).contains("«Приказ об ответственных» (responsible_order)", "«QR-коды» (qr_codes)");
    assertThat(fail.message()).contains("«Инструкция по учётным записям» (account_policy)");
  }
}
