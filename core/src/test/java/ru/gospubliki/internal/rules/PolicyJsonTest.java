package ru.gospubliki.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.gospubliki.rules.Policy;
import ru.gospubliki.rules.PolicyException;
import ru.gospubliki.rules.RuleCatalog;
import ru.gospubliki.rules.RuleDefinition;
import ru.gospubliki.rules.Severity;

class PolicyJsonTest {
  private static final RuleCatalog CATALOG = CatalogFixture.catalog();

  private static RuleDefinition rule(String id) {
    return CATALOG.get(id).definition();
  }

  private static List<String> problems(String json) {
    PolicyException e = catchThrowableOfType(PolicyException.class,
        () -> PolicyJson.parse(json, "policies/amur.json", CATALOG));
    assertThat(e).as("expected a PolicyException for %s", json).isNotNull();
    assertThat(e.getMessage()).startsWith("policies/amur.json: ");
    return e.problems();
  }

  @Test
  void appliesSeverityParametersEnabledAndWeightsAsStated() {
    Policy policy = PolicyJson.parse("{\"name\":\"amur\",\"rules\":{"
        + "\"GOV_MARK\":{\"severity\":\"VIOLATION\"},"
        + "\"POSTS_CADENCE\":{\"parameters\":{\"perWeek\":4}},"
        + "\"COMMENTS_OPEN\":{\"enabled\":false}},"
        + "\"scoreWeights\":{\"GOV_MARK\":20,\"PROFILE_COVER\":0}}", "amur.json", CATALOG);

    assertThat(policy.name()).isEqualTo("amur");
    assertThat(policy.severity(rule("GOV_MARK"))).isEqualTo(Severity.VIOLATION);
    // Untouched rules keep the obligation's default severity.
    assertThat(policy.severity(rule("PROFILE_AVATAR"))).isEqualTo(Severity.WARNING);
    assertThat(policy.parameters(rule("POSTS_CADENCE")).getString("perWeek")).isEqualTo("4");
    assertThat(policy.parameters(rule("POSTS_CADENCE")).getInt("windowDays")).isEqualTo(28);
    assertThat(policy.isEnabled("COMMENTS_OPEN")).isFalse();
    assertThat(policy.isEnabled("GOV_MARK")).isTrue();
    assertThat(policy.scoreWeights()).containsEntry("GOV_MARK", 20)
        .containsEntry("POSTS_CADENCE", 40)
        .doesNotContainKey("PROFILE_COVER");
  }

  @Test
  void defaultsWhenEmptyAndNameFromFileName() {
    Policy policy = PolicyJson.parse("{}", "/etc/gospubliki/khabarovsk.json", CATALOG);
    assertThat(policy.name()).isEqualTo("khabarovsk");
    assertThat(policy.severity(rule("GOV_MARK"))).isEqualTo(Severity.WARNING);
    assertThat(policy.parameters(rule("POSTS_CADENCE")).getString("perWeek")).isEqualTo("3");
    assertThat(policy.scoreWeights()).isEqualTo(CATALOG.scoreWeights());
  }

  @Test
  void enabledTrueReenablesAndLowersSeverity() {
    Policy policy = PolicyJson.parse("{\"rules\":{\"PROFILE_EMAIL\":{\"enabled\":true,\"severity\":\"NOTICE\"}}}",
        "x.json", CATALOG);
    assertThat(policy.isEnabled("PROFILE_EMAIL")).isTrue();
    assertThat(policy.severity(rule("PROFILE_EMAIL"))).isEqualTo(Severity.NOTICE);
  }

  @Test
  void numbersBecomePlainStrings() {
    Policy policy = PolicyJson.parse("{\"rules\":{"
        + "\"POSTS_CADENCE\":{\"parameters\":{\"perWeek\":4.0,\"windowDays\":\"14\"}},"
        + "\"PROFILE_NAME_MATCHES\":{\"parameters\":{\"threshold\":0.75}},"
        + "\"POSTS_LAST_AGE\":{\"parameters\":{\"maxDays\":1e1}}}}", "x.json", CATALOG);
    assertThat(policy.parameters(rule("POSTS_CADENCE")).asMap())
        .containsEntry("perWeek", "4").containsEntry("windowDays", "14");
    assertThat(policy.parameters(rule("PROFILE_NAME_MATCHES")).getString("threshold")).isEqualTo("0.75");
    assertThat(policy.parameters(rule("POSTS_LAST_AGE")).getString("maxDays")).isEqualTo("10");
  }

  @Test
  void listParametersFromStringOrArray() {
    Policy fromArray = PolicyJson.parse(
        "{\"rules\":{\"PAGE_PLATFORM_ALLOWED\":{\"parameters\":{\"allowed\":[\"vk\",\"ok\",\"max\"]}}}}",
        "x.json", CATALOG);
    assertThat(fromArray.parameters(rule("PAGE_PLATFORM_ALLOWED")).getList("allowed"))
        .containsExactly("vk", "ok", "max");
    Policy fromString = PolicyJson.parse(
        "{\"rules\":{\"PAGE_PLATFORM_ALLOWED\":{\"parameters\":{\"allowed\":\"vk,ok,telegram\"}}}}",
        "x.json", CATALOG);
    assertThat(fromString.parameters(rule("PAGE_PLATFORM_ALLOWED")).getList("allowed"))
        .containsExactly("vk", "ok", "telegram");
  }

  @Test
  void reportsEveryUnknownRuleIdAtOnce() {
    List<String> problems = problems("{\"rules\":{\"PROFILE_MAIL\":{\"enabled\":false},"
        + "\"GOV_MARK\":{\"severity\":\"VIOLATION\"},\"NO_SUCH_RULE\":{}},"
        + "\"scoreWeights\":{\"GOV_MARKK\":5}}");
    assertThat(problems).containsExactly(
        "rules.PROFILE_MAIL: неизвестное правило «PROFILE_MAIL»",
        "rules.NO_SUCH_RULE: неизвестное правило «NO_SUCH_RULE»",
        "scoreWeights.GOV_MARKK: неизвестное правило «GOV_MARKK»");
  }

  @Test
  void reportsUnknownKeysAtEveryLevel() {
    List<String> problems = problems("{\"name\":\"amur\",\"rulez\":{},"
        + "\"rules\":{\"GOV_MARK\":{\"sevrity\":\"VIOLATION\"}}}");
    assertThat(problems).containsExactly(
        "неизвестный ключ «rulez»: допустимы name, rules, scoreWeights",
        "rules.GOV_MARK: неизвестный ключ «sevrity»: допустимы enabled, severity, parameters");
  }

  @Test
  void reportsUnknownParameterNamingTheKnownOnes() {
    List<String> problems = problems("{\"rules\":{\"POSTS_CADENCE\":{\"parameters\":{\"perWek\":4}},"
        + "\"PROFILE_EMAIL\":{\"parameters\":{\"x\":1}}}}");
    assertThat(problems).containsExactly(
        "rules.POSTS_CADENCE.parameters.perWek: у правила POSTS_CADENCE нет параметра «perWek» "
            + "(есть: perWeek, windowDays, weeksBelowAllowed)",
        "rules.PROFILE_EMAIL.parameters.x: у правила PROFILE_EMAIL нет параметра «x» (у него нет параметров)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"HIGH\"", "\"violation\"", "3", "null", "true"})
  void rejectsBadSeverity(String value) {
    List<String> problems = problems("{\"rules\":{\"GOV_MARK\":{\"severity\":" + value + "}}}");
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).startsWith("rules.GOV_MARK.severity: недопустимое значение ")
        .endsWith(": ожидается VIOLATION, WARNING или NOTICE");
  }

  @Test
  void rejectsParameterValuesOfTheWrongType() {
    List<String> problems = problems("{\"rules\":{"
        + "\"POSTS_CADENCE\":{\"parameters\":{\"perWeek\":\"four\",\"windowDays\":3.5}},"
        + "\"PROFILE_NAME_MATCHES\":{\"parameters\":{\"threshold\":true}},"
        + "\"PAGE_PLATFORM_ALLOWED\":{\"parameters\":{\"allowed\":5}}}}");
    assertThat(problems).containsExactly(
        "rules.POSTS_CADENCE.parameters.perWeek: ожидается целое число (по умолчанию 3), а не «four»",
        "rules.POSTS_CADENCE.parameters.windowDays: ожидается целое число (по умолчанию 28), а не 3.5",
        "rules.PROFILE_NAME_MATCHES.parameters.threshold: ожидается число (по умолчанию 0.8), а не true",
        "rules.PAGE_PLATFORM_ALLOWED.parameters.allowed: ожидается строка (по умолчанию «vk,ok,max»), а не 5");
  }

  @Test
  void rejectsBadWeightsAndEnabled() {
    List<String> problems = problems("{\"rules\":{\"GOV_MARK\":{\"enabled\":\"no\"}},"
        + "\"scoreWeights\":{\"GOV_MARK\":-5,\"PROFILE_EMAIL\":2.5,\"PROFILE_PHONE\":\"7\"}}");
    assertThat(problems).containsExactly(
        "rules.GOV_MARK.enabled: ожидается true или false, а не «no»",
        "scoreWeights.GOV_MARK: вес не может быть отрицательным: -5",
        "scoreWeights.PROFILE_EMAIL: вес должен быть целым числом, а не 2.5",
        "scoreWeights.PROFILE_PHONE: вес должен быть целым числом, а не «7»");
  }

  @Test
  void rejectsWrongShapes() {
    assertThat(problems("[]")).containsExactly("ожидается JSON-объект политики, а не список");
    assertThat(problems("{\"name\":\"\",\"rules\":[],\"scoreWeights\":1}")).containsExactly(
        "name: ожидается непустая строка, а не «»",
        "rules: ожидается объект {\"ID_ПРАВИЛА\": {...}}, а не список",
        "scoreWeights: ожидается объект {\"ID_ПРАВИЛА\": вес}, а не 1");
    assertThat(problems("{\"rules\":{\"GOV_MARK\":\"off\",\"POSTS_CADENCE\":{\"parameters\":[4]}}}"))
        .containsExactly(
            "rules.GOV_MARK: ожидается объект {\"enabled\", \"severity\", \"parameters\"}, а не «off»",
            "rules.POSTS_CADENCE.parameters: ожидается объект {\"имя\": значение}, а не список");
  }

  @Test
  void malformedJsonNamesThePosition() {
    List<String> problems = problems("{\"rules\":{\"GOV_MARK\":{\"severity\":VIOLATION}}}");
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).isEqualTo("некорректный JSON (позиция $.rules.GOV_MARK.severity): ошибка "
        + "синтаксиса: проверьте кавычки вокруг строк, запятые, двоеточия и скобки");
    // No English from the JSON library reaches a Russian reader.
    assertThat(problems("x")).singleElement().asString().doesNotContainPattern("[A-Za-z]+ [a-z]{2,}");

    List<String> truncated = problems("{\"rules\":{\"GOV_MARK\":");
    assertThat(truncated).hasSize(1);
    assertThat(truncated.get(0)).startsWith("некорректный JSON (позиция $.rules.GOV_MARK)");

    assertThat(problems("{} {}")).singleElement().asString().startsWith("некорректный JSON");
    assertThat(problems("   ")).containsExactly("файл политики пуст");
  }

  @Test
  void collectsProblemsOfDifferentKindsTogether() {
    List<String> problems = problems("{\"extra\":1,\"rules\":{\"NOPE\":{},"
        + "\"GOV_MARK\":{\"severity\":\"HIGH\"},\"POSTS_CADENCE\":{\"parameters\":{\"perWeek\":\"x\"}}},"
        + "\"scoreWeights\":{\"GOV_MARK\":-1}}");
    assertThat(problems).hasSize(5);
  }

  @Test
  void policyParseDelegatesHere() {
    Policy policy = Policy.parse("{\"name\":\"x\",\"rules\":{\"GOV_MARK\":{\"severity\":\"NOTICE\"}}}",
        "x.json", CATALOG);
    assertThat(policy.severity(rule("GOV_MARK"))).isEqualTo(Severity.NOTICE);
  }
}
