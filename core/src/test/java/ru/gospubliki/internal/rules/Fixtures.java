package ru.gospubliki.internal.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.Declared;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.MediaKind;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.model.WallAccess;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.Rule;
import ru.gospubliki.rules.RuleCatalog;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleParameters;
import ru.gospubliki.rules.RuleResult;

/** A compliant school page and helpers to evaluate catalogue rules on variations of it. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  static final PageRef VK_PAGE = PageRef.parse("vk:123");
  static final PageRef OK_PAGE = PageRef.parse("ok:53350000000001");

  private Fixtures() {}

  static ProfileSnapshot.Builder profile() {
    return ProfileSnapshot.builder()
        .page(VK_PAGE)
        .name("МБОУ СОШ № 9")
        .screenName("school9_amur")
        .description("Официальная страница МБОУ СОШ № 9 города Амурска: новости школы, расписание, приём в первый класс.")
        .postalAddress("682640, Хабаровский край, г. Амурск, ул. Лесная, д. 5")
        .email("school9@amur.edu.ru")
        .addPhones("8 (42142) 2-34-56")
        .website("https://school9.amur.ru")
        .workHours("пн-пт 8:00-17:00")
        .hasAvatar(true)
        .hasCover(true)
        .isCommunity(true)
        .members(1200L)
        .mark(MarkStatus.CONFIRMED)
        .wall(WallAccess.LIMITED)
        .commentsOpen(true)
        .takenAt(NOW);
  }

  static Organization.Builder organization() {
    return Organization.builder()
        .name("Муниципальное бюджетное общеобразовательное учреждение средняя общеобразовательная школа № 9")
        .responsible("Иванова Анна Петровна")
        .responsibleContact("+7 914 123-45-67")
        .addPages(VK_PAGE)
        .connected(Declared.YES)
        .responsibleOrder(Declared.YES)
        .accountPolicy(Declared.YES)
        .qrCodesPlaced(Declared.YES);
  }

  static RuleContext.Builder context() {
    return RuleContext.builder().now(NOW);
  }

  static RuleContext pageContext(ProfileSnapshot profile) {
    return context().page(profile.page()).profile(profile).build();
  }

  /** An own post with a photo and a hashtag, {@code daysAgo} days before {@link #NOW}. */
  static Post.Builder post(int number, double daysAgo) {
    return Post.builder()
        .page(VK_PAGE)
        .id(Integer.toString(number))
        .url("https://vk.com/wall-123_" + number)
        .publishedAt(NOW.minus(Duration.ofMinutes(Math.round(daysAgo * 24 * 60))))
        .authorKind(AuthorKind.COMMUNITY)
        .authorId("123")
        .text("Новость " + number + " #школа9")
        .addMedia(MediaKind.PHOTO);
  }

  static Post.Builder personPost(int number, double daysAgo) {
    return post(number, daysAgo).authorKind(AuthorKind.PERSON).authorId("777");
  }

  /** The whole history of a page: {@code posts}, nothing older. */
  static PostHistory history(List<Post> posts) {
    return PostHistory.builder().posts(posts).reachedStart(true).build();
  }

  static Rule rule(String id) {
    return Objects.requireNonNull(RuleCatalog.federal().get(id), id);
  }

  /** Evaluates rule {@code id} with its default parameters overridden by {@code overrides} (name, value, …). */
  static RuleResult evaluate(String id, RuleContext context, String... overrides) {
    Rule rule = rule(id);
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < overrides.length; i += 2) map.put(overrides[i], overrides[i + 1]);
    RuleResult result = rule.evaluate(context, RuleParameters.of(rule.definition(), map));
    if (result.outcome() == Outcome.FAIL || result.outcome() == Outcome.UNKNOWN) {
      if (!result.message().matches("(?s).*[А-Яа-яЁё].*")) throw new AssertionError("message not Russian: " + result);
    }
    return result;
  }
}
