package ru.gospubliki.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PageState;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.registry.Registry;
import ru.gospubliki.registry.RejectedRow;
import ru.gospubliki.rules.Obligation;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.Policy;
import ru.gospubliki.rules.Rule;
import ru.gospubliki.rules.RuleCatalog;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleDefinition;
import ru.gospubliki.rules.RuleParameters;
import ru.gospubliki.rules.RuleResult;
import ru.gospubliki.rules.RuleScope;
import ru.gospubliki.rules.Severity;
import ru.gospubliki.testing.InMemoryPlatform;

/** The auditor's mechanics, on a small catalogue of test rules (the built-in rules have their own tests). */
final class AuditorTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  /** LAW: email present (UNKNOWN when the platform cannot say). */
  static final Rule EMAIL = rule("T_EMAIL", RuleScope.PAGE, Obligation.LAW, context -> {
    ProfileSnapshot profile = context.profile();
    if (profile == null) return RuleResult.notApplicable();
    if (profile.isUnavailable(ru.gospubliki.model.ProfileField.EMAIL)) return RuleResult.notShown("платформа не показывает");
    return profile.email() != null ? RuleResult.pass() : RuleResult.fail("укажите email");
  });
  /** RATING: the mark. */
  static final Rule MARK = rule("T_MARK", RuleScope.PAGE, Obligation.RATING, context -> {
    ProfileSnapshot profile = context.profile();
    if (profile == null) return RuleResult.notApplicable();
    switch (profile.mark()) {
      case CONFIRMED: return RuleResult.pass();
      case ABSENT: return RuleResult.fail("нет отметки");
      default: return RuleResult.unknown("нет данных об отметке");
    }
  });
  /** RATING: at least one own post; UNKNOWN without posts. */
  static final Rule POSTS = rule("T_POSTS", RuleScope.PUBLICATION, Obligation.RATING, context ->
      context.posts() == null ? RuleResult.unknown("публикации не прочитаны")
          : context.ownPosts().isEmpty() ? RuleResult.fail("нет публикаций") : RuleResult.pass());
  /** LAW: organisation has a page. */
  static final Rule HAS_PAGE = rule("T_HAS_PAGE", RuleScope.ORGANIZATION, Obligation.LAW, context -> {
    Organization organization = context.organization();
    if (organization == null) return RuleResult.notApplicable();
    return organization.pages().isEmpty() ? RuleResult.fail("нет страницы") : RuleResult.pass();
  });
  /** Throws: the auditor must report UNKNOWN, not crash. */
  static final Rule BROKEN = rule("T_BROKEN", RuleScope.PAGE, Obligation.RECOMMENDATION, context -> {
    throw new IllegalStateException("boom");
  });

  final RuleCatalog catalog = RuleCatalog.builder()
      .add(EMAIL).add(MARK).add(POSTS).add(HAS_PAGE).add(BROKEN)
      .scoreWeight("T_EMAIL", 10).scoreWeight("T_MARK", 30).scoreWeight("T_POSTS", 60)
      .build();
  final Policy policy = Policy.builder(catalog).name("test").build();

  @Test
  void compliantPageHasFullScoreAndCountsOwnPostsInTheWindow() {
    PageRef page = PageRef.of(PlatformId.VK, "1");
    ProfileSnapshot profile = profile(page).email("a@b.ru").mark(MarkStatus.CONFIRMED).build();
    List<Post> posts = List.of(
        post(page, "1", NOW.minus(Duration.ofDays(1)), AuthorKind.COMMUNITY),
        post(page, "2", NOW.minus(Duration.ofDays(27)), AuthorKind.COMMUNITY),
        post(page, "3", NOW.minus(Duration.ofDays(29)), AuthorKind.COMMUNITY),
        post(page, "4", NOW.minus(Duration.ofDays(2)), AuthorKind.PERSON));
    PageAudit audit = auditor().auditPage(observation(page, profile, posts), null);

    assertThat(audit.status()).isEqualTo(PageStatus.COMPLIANT);
    assertThat(audit.mark()).isEqualTo(MarkStatus.CONFIRMED);
    assertThat(audit.score()).isEqualTo(100);
    assertThat(audit.light()).isEqualTo(ScoreLight.GREEN);
    assertThat(audit.postsLast28Days()).isEqualTo(2);
    assertThat(audit.findings()).extracting(Finding::rule).containsExactly("T_BROKEN");
    assertThat(audit.findings().get(0).outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(audit.findings().get(0).message()).contains("T_BROKEN").contains("boom");
  }

  @Test
  void lawViolationMakesThePageNonCompliantAndRatingFailureDoesNot() {
    PageRef page = PageRef.of(PlatformId.VK, "1");
    PageAudit noEmail = auditor().auditPage(
        observation(page, profile(page).mark(MarkStatus.CONFIRMED).build(), List.of()), null);
    assertThat(noEmail.status()).isEqualTo(PageStatus.NON_COMPLIANT);
    Finding email = find(noEmail, "T_EMAIL");
    assertThat(email.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(email.severity()).isEqualTo(Severity.VIOLATION);
    assertThat(email.message()).isEqualTo("укажите email");

    PageAudit noMark = auditor().auditPage(
        observation(page, profile(page).email("a@b.ru").mark(MarkStatus.ABSENT).build(), List.of()), null);
    assertThat(noMark.status()).isEqualTo(PageStatus.COMPLIANT);
    assertThat(find(noMark, "T_MARK").severity()).isEqualTo(Severity.WARNING);
    // email 10 passed; mark 30 and posts 60 failed.
    assertThat(noMark.score()).isEqualTo(10);
    assertThat(noMark.light()).isEqualTo(ScoreLight.RED);
  }

  @Test
  void policyRaisesSeverityAndSwitchesRulesOff() {
    Policy strict = Policy.builder(catalog).name("strict")
        .severity("T_MARK", Severity.VIOLATION).disable("T_EMAIL").build();
    PageRef page = PageRef.of(PlatformId.VK, "1");
    PageAudit audit = Auditor.builder().policy(strict).clock(clock).build()
        .auditPage(observation(page, profile(page).mark(MarkStatus.ABSENT).build(), List.of()), null);
    assertThat(audit.status()).isEqualTo(PageStatus.NON_COMPLIANT);
    assertThat(audit.findings()).extracting(Finding::rule).doesNotContain("T_EMAIL");
  }

  @Test
  void missingDataIsUnknownNeverFailureAndLeavesTheScoreToWhatWasEvaluated() {
    PageRef page = PageRef.of(PlatformId.OK, "5");
    ProfileSnapshot profile = profile(page).mark(MarkStatus.UNKNOWN)
        .addUnavailableFields(ru.gospubliki.model.ProfileField.EMAIL).build();
    PageAudit audit = auditor().auditPage(PageObservation.builder().page(page)
        .profile(FetchResult.success(profile))
        .posts(FetchResult.failure(FailureReason.PRIVATE, "closed")).build(), null);

    // The mark and the posts, which the platform normally gives, were not read: not known to comply.
    assertThat(audit.status()).isEqualTo(PageStatus.UNVERIFIED);
    assertThat(find(audit, "T_EMAIL").outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(find(audit, "T_MARK").outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(find(audit, "T_POSTS").outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(audit.score()).isNull();
    assertThat(audit.scoreRules()).isZero();
    assertThat(audit.postsLast28Days()).isNull();
  }

  /** What the platform never shows (OK's email field) leaves a page COMPLIANT; what it failed to give does not. */
  @Test
  void onlyDataThePlatformNormallyGivesMakesAPageUnverified() {
    PageRef page = PageRef.of(PlatformId.OK, "5");
    ProfileSnapshot profile = profile(page).mark(MarkStatus.CONFIRMED)
        .addUnavailableFields(ru.gospubliki.model.ProfileField.EMAIL).build();
    List<Post> posts = List.of(post(page, "1", NOW.minus(Duration.ofDays(1)), AuthorKind.COMMUNITY));
    PageAudit audit = auditor().auditPage(observation(page, profile, posts), null);
    assertThat(audit.status()).isEqualTo(PageStatus.COMPLIANT);
    assertThat(find(audit, "T_EMAIL").outcome()).isEqualTo(Outcome.UNKNOWN);
    // Email unknown: the score rests on the mark and the posts only.
    assertThat(audit.score()).isEqualTo(100);
    assertThat(audit.scoreRules()).isEqualTo(2);
  }

  @Test
  void unreadableAndDeletedPagesAreUnreachableWithTheReason() {
    PageRef page = PageRef.of(PlatformId.VK, "1");
    PageAudit denied = auditor().auditPage(PageObservation.builder().page(page)
        .profile(FetchResult.failure(FailureReason.ACCESS_DENIED, "no")).build(), null);
    assertThat(denied.status()).isEqualTo(PageStatus.UNREACHABLE);
    assertThat(denied.reason()).isEqualTo("access_denied");
    assertThat(denied.findings()).isEmpty();

    PageAudit apiError = auditor().auditPage(PageObservation.builder().page(page)
        .profile(FetchResult.failure(FailureReason.API_ERROR, "Internal server error")).build(), null);
    assertThat(apiError.reason()).isEqualTo("api_error: Internal server error");

    PageAudit deleted = auditor().auditPage(
        observation(page, profile(page).state(PageState.DELETED).build(), List.of()), null);
    assertThat(deleted.status()).isEqualTo(PageStatus.UNREACHABLE);
    assertThat(deleted.reason()).isEqualTo("deleted");
  }

  @Test
  void registryAuditReadsInBulkSummarisesByDistrictAndKeepsSnapshots() {
    InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, clock);
    InMemoryPlatform ok = InMemoryPlatform.create(PlatformId.OK, clock);
    PageRef good = PageRef.of(PlatformId.VK, "1");
    PageRef noEmail = PageRef.of(PlatformId.VK, "2");
    PageRef okPage = PageRef.of(PlatformId.OK, "7");
    vk.putProfile(profile(good).screenName("school1").email("a@b.ru").mark(MarkStatus.CONFIRMED).build());
    vk.putProfile(profile(noEmail).mark(MarkStatus.ABSENT).build());
    ok.putProfile(profile(okPage).email("c@d.ru").mark(MarkStatus.CONFIRMED).build());
    vk.addPost(post(good, "10", NOW.minus(Duration.ofDays(3)), AuthorKind.COMMUNITY));
    PageRef missing = PageRef.of(PlatformId.VK, "404");

    Registry registry = Registry.builder()
        .addOrganizations(org("Школа № 1", "Амурский район", PageRef.parse("https://vk.com/school1"), okPage))
        .addOrganizations(org("Школа № 2", "Амурский район", noEmail))
        .addOrganizations(org("Детский сад № 3", "Бикинский район", missing))
        .addOrganizations(org("Библиотека", null))
        .addRejectedRows(RejectedRow.of(7, "ИНН «123»: неверная контрольная сумма"))
        .build();
    SnapshotStore store = SnapshotStore.inMemory();
    List<int[]> progress = new java.util.ArrayList<>();
    Auditor auditor = Auditor.builder().policy(policy).clock(clock).addPlatform(vk).addPlatform(ok)
        .snapshotStore(store).progress((done, total) -> progress.add(new int[] {done, total})).build();
    ComplianceReport report = auditor.auditRegistry(registry);

    assertThat(vk.calls()).isEqualTo(2); // one bulk profile read, one bulk posts read
    assertThat(ok.calls()).isEqualTo(2);
    assertThat(progress).last().satisfies(p -> assertThat(p).containsExactly(4, 4));
    assertThat(report.asOf()).isEqualTo(NOW);
    assertThat(report.policy()).isEqualTo("test");
    assertThat(report.rejectedRows()).extracting(RejectedRow::line).containsExactly(7L);
    AuditSummary summary = report.summary();
    assertThat(summary.organizations()).isEqualTo(4);
    assertThat(summary.pages()).isEqualTo(4);
    assertThat(summary.compliant()).isEqualTo(2);
    assertThat(summary.nonCompliant()).isEqualTo(1);
    assertThat(summary.unreachable()).isEqualTo(1);
    assertThat(summary.byDistrict()).extracting(DistrictSummary::district)
        .containsExactly("Амурский район", "Без района", "Бикинский район");
    DistrictSummary amur = summary.byDistrict().get(0);
    assertThat(amur.organizations()).isEqualTo(2);
    assertThat(amur.withPage()).isEqualTo(2);
    assertThat(amur.withVk()).isEqualTo(2);
    assertThat(amur.withOk()).isEqualTo(1);
    assertThat(amur.withMark()).isEqualTo(1);
    assertThat(amur.compliant()).isEqualTo(1);
    DistrictSummary none = summary.byDistrict().get(1);
    assertThat(none.organizations()).isEqualTo(1);
    assertThat(none.withPage()).isZero();
    assertThat(none.compliant()).isZero();

    OrganizationAudit school1 = report.organizations().get(0);
    assertThat(school1.pages()).extracting(p -> p.page().url())
        .containsExactly("https://vk.com/school1", "https://ok.ru/group/7");
    assertThat(school1.pages().get(0).status()).isEqualTo(PageStatus.COMPLIANT);
    assertThat(school1.pages().get(0).postsLast28Days()).isEqualTo(1);
    assertThat(report.organizations().get(2).pages().get(0).reason()).isEqualTo("not_found");
    OrganizationAudit library = report.organizations().get(3);
    assertThat(library.findings()).extracting(Finding::rule, Finding::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("T_HAS_PAGE", Outcome.FAIL));
    // Snapshots are saved under the resolved page, for the next audit's change rules.
    assertThat(store.load(good)).isNotNull();
    assertThat(store.load(good).snapshot().email()).isEqualTo("a@b.ru");
    assertThat(store.load(missing)).isNull();
  }

  @Test
  void previousSnapshotReachesTheRules() {
    Rule lost = rule("T_LOST", RuleScope.PAGE, Obligation.RATING, context -> {
      ProfileSnapshot previous = context.previous();
      ProfileSnapshot profile = context.profile();
      if (previous == null || profile == null) return RuleResult.notApplicable();
      return previous.mark() == MarkStatus.CONFIRMED && profile.mark() == MarkStatus.ABSENT
          ? RuleResult.fail("отметка пропала") : RuleResult.pass();
    });
    RuleCatalog lostCatalog = RuleCatalog.builder().add(lost).build();
    InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, clock);
    PageRef page = PageRef.of(PlatformId.VK, "1");
    vk.putProfile(profile(page).mark(MarkStatus.CONFIRMED).build());
    Auditor auditor = Auditor.builder().policy(Policy.builder(lostCatalog).build()).clock(clock)
        .addPlatform(vk).build();
    Registry registry = Registry.builder().addOrganizations(org("Школа", null, page)).build();

    PageAudit first = auditor.auditRegistry(registry).organizations().get(0).pages().get(0);
    assertThat(first.findings()).isEmpty(); // no previous snapshot: not applicable
    vk.putProfile(profile(page).mark(MarkStatus.ABSENT).build());
    PageAudit second = auditor.auditRegistry(registry).organizations().get(0).pages().get(0);
    assertThat(second.findings()).extracting(Finding::rule, Finding::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("T_LOST", Outcome.FAIL));
  }

  @Test
  void aPlatformThatIsNotConfiguredLeavesItsPagesUnreachable() {
    PageRef page = PageRef.of(PlatformId.OK, "7");
    ComplianceReport report = auditor().auditRegistry(
        Registry.builder().addOrganizations(org("Школа", null, page)).build());
    PageAudit audit = report.organizations().get(0).pages().get(0);
    assertThat(audit.status()).isEqualTo(PageStatus.UNREACHABLE);
    assertThat(audit.reason()).startsWith("unsupported: платформа ok не подключена");
  }

  private Auditor auditor() {
    return Auditor.builder().policy(policy).clock(clock).build();
  }

  static Finding find(PageAudit audit, String rule) {
    return audit.findings().stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
  }

  static ProfileSnapshot.Builder profile(PageRef page) {
    return ProfileSnapshot.builder().page(page).name("Школа").takenAt(NOW);
  }

  static Post post(PageRef page, String id, Instant at, AuthorKind author) {
    return Post.builder().page(page).id(id).url(page.url() + "?w=" + id).publishedAt(at)
        .authorKind(author).authorId(author == AuthorKind.COMMUNITY ? page.id() : "99").build();
  }

  static PageObservation observation(PageRef page, ProfileSnapshot profile, List<Post> posts) {
    return PageObservation.builder().page(page).profile(FetchResult.success(profile))
        .posts(FetchResult.success(ru.gospubliki.platform.PostHistory.of(posts))).build();
  }

  static Organization org(String name, @org.jspecify.annotations.Nullable String district, PageRef... pages) {
    return Organization.builder().name(name).district(district).addPages(pages).build();
  }

  interface Check {
    RuleResult apply(RuleContext context);
  }

  static Rule rule(String id, RuleScope scope, Obligation obligation, Check check) {
    RuleDefinition definition = RuleDefinition.builder().id(id).scope(scope).obligation(obligation)
        .addOtherBasis("тест").title("тестовое правило").build();
    return new Rule() {
      @Override
      public RuleDefinition definition() {
        return definition;
      }

      @Override
      public RuleResult evaluate(RuleContext context, RuleParameters parameters) {
        return check.apply(context);
      }
    };
  }
}
