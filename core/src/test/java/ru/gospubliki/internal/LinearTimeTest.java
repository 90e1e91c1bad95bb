package ru.gospubliki.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.registry.Registry;
import ru.gospubliki.registry.RegistryReader;
import ru.gospubliki.rules.Rule;
import ru.gospubliki.rules.RuleCatalog;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleParameters;
import ru.gospubliki.rules.RuleScope;

/**
 * Every parser that reads text from a platform or a registry runs in time linear in the text: 100 KB
 * of text shaped to make a backtracking pattern explode (the OK email pattern took 47 s on 50 KB
 * without «@», the old phone pattern 60 s on 2 KB of spaces) is read within a few seconds per text.
 * The quadratic and cubic versions take minutes to hours.
 */
final class LinearTimeTest {
  static final int SIZE = 100_000;
  /** Generous for a loaded machine (each text takes well under a second here); the cubic phone pattern took 60 s on 2 KB. */
  static final Duration LIMIT = Duration.ofSeconds(5);

  /** Texts that defeat backtracking: long runs a pattern may split in many ways, with no match at the end. */
  static List<String> adversarial() {
    return List.of(
        "a".repeat(SIZE),                                   // no «@», no «#», no digits
        "a.".repeat(SIZE / 2),                              // labels without end
        "a@".repeat(SIZE / 2),                              // many «@»
        "a".repeat(SIZE - 1) + "@",
        "@" + "a.".repeat(SIZE / 2 - 1),
        "8" + " ".repeat(SIZE - 2) + "x",                   // a number and endless spaces
        "+7 " + "1 ".repeat(SIZE / 2 - 2) + "доб.",
        "(".repeat(SIZE / 2) + "1".repeat(SIZE / 2),
        "1-".repeat(SIZE / 2),
        "#" + "1".repeat(SIZE - 1),                         // a hashtag of digits only
        "#a".repeat(SIZE / 2),
        "#" + "_".repeat(SIZE - 2) + "!",
        "http://" + "a.".repeat(SIZE / 2 - 4),
        "www." + "a-".repeat(SIZE / 2 - 2),
        "г" + " ".repeat(SIZE - 1),                         // a locality marker and endless spaces
        "682640" + ",".repeat(SIZE - 6),
        "ул. ".repeat(SIZE / 4),
        "тел".repeat(SIZE / 3),
        "\u00A0".repeat(SIZE));
  }

  static Stream<Arguments> parsers() {
    ProfileSnapshot.Builder profile = ProfileSnapshot.builder().page(PageRef.parse("vk:1")).takenAt(Instant.EPOCH)
        .isCommunity(true);
    List<Rule> profileRules = RuleCatalog.federal().rules(RuleScope.PAGE);
    return Stream.of(
        Arguments.of("Emails", (Consumer<String>) text -> {
          Emails.findAll(text);
          Emails.isValid(text);
          Emails.isValidList(text);
        }),
        Arguments.of("Phones", (Consumer<String>) text -> {
          Phones.toE164(text);
          Phones.problem(text);
          for (String candidate : Phones.candidates(text)) Phones.toE164(candidate);
        }),
        Arguments.of("WebUrls", (Consumer<String>) text -> {
          WebUrls.isValid(text);
          WebUrls.findSites(text);
        }),
        Arguments.of("OrgNames", (Consumer<String>) text -> OrgNames.similarity(text, text + "б")),
        Arguments.of("Hashtags", (Consumer<String>) Hashtags::extract),
        Arguments.of("PageRef", (Consumer<String>) text -> {
          try {
            PageRef.parse(text);
          } catch (IllegalArgumentException expected) {
            // Refused, quickly.
          }
          try {
            PageRef.parse("https://vk.com/" + text);
          } catch (IllegalArgumentException expected) {
            // Refused, quickly.
          }
        }),
        Arguments.of("registry values", (Consumer<String>) text -> {
          String cell = "\"" + text.replace("\"", "\"\"") + "\"";
          try {
            Registry registry = RegistryReader.read(new StringReader("Наименование;ИНН;ОГРН;Тип;Подключено;ВКонтакте;"
                + "Ответственный;Контакт ответственного\n" + String.join(";", cell, cell, cell, cell, cell, cell, cell, cell)
                + "\n" + cell + ";;;;;vk:1;;\n"));
            assertThat(registry.rejectedRowCount() + registry.organizations().size()).isBetween(1L, 2L);
          } catch (java.io.IOException e) {
            throw new AssertionError(e);
          }
        }),
        Arguments.of("profile rules", (Consumer<String>) text -> {
          ProfileSnapshot snapshot = profile.name(text).description(text).postalAddress(text).email(text)
              .phones(List.of(text)).website(text).workHours(text).build();
          RuleContext context = RuleContext.builder().now(Instant.EPOCH).page(snapshot.page()).profile(snapshot)
              .organization(ru.gospubliki.model.Organization.builder().name("Школа " + text).build()).build();
          for (Rule rule : profileRules) rule.evaluate(context, RuleParameters.of(rule.definition(), java.util.Map.of()));
        }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parsers")
  void parsesAdversarialTextInLinearTime(String name, Consumer<String> parser) {
    for (String text : adversarial()) {
      assertTimeoutPreemptively(LIMIT, () -> parser.accept(text),
          () -> name + " on " + text.substring(0, 12).replace("\u00A0", "NBSP") + "… (" + text.length() + " chars)");
    }
  }
}
