package ru.gospubliki.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.MediaKind;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PageState;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.model.WallAccess;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.platform.PostQuery;
import ru.gospubliki.registry.Registry;
import ru.gospubliki.registry.RegistryWarning;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.Policy;
import ru.gospubliki.rules.RuleCatalog;
import ru.gospubliki.testing.InMemoryPlatform;

/** The auditor on the federal catalogue: what real pages and registries look like, judged right. */
final class AuditFidelityTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  /** A page that meets every federal rule. */
  static ProfileSnapshot.Builder compliant(PageRef page) {
    return ProfileSnapshot.builder()
        .page(page)
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

  /** Enough own posts, spread over every week of the window, with photos and hashtags. */
  static void postRegularly(InMemoryPlatform platform, PageRef page) {
    for (int i = 0; i < 16; i++) {
      platform.addPost(Post.builder().page(page).id(Integer.toString(i + 1)).url(page.url() + "?w=" + (i + 1))
          .publishedAt(NOW.minus(Duration.ofHours(12 + 40L * i))).authorKind(AuthorKind.COMMUNITY)
          .authorId(page.id()).text("Новости школы #школа9").addMedia(MediaKind.PHOTO).build());
    }
  }

  static Organization org(String name, PageRef... pages) {
    return Organization.builder().name(name).district("Амурский район").responsible("Иванова")
        .responsibleContact("+7 914 123-45-67").addPages(pages).build();
  }

  PageAudit only(ComplianceReport report) {
    return report.organizations().get(0).pages().get(0);
  }

  @Test
  void aCompliantPageIsGreenAndComplete() {
    InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, clock);
    PageRef page = PageRef.of(PlatformId.VK, "1");
    vk.putProfile(compliant(page).build());
    postRegularly(vk, page);
    PageAudit audit = only(Auditor.builder().clock(clock).addPlatform(vk).build()
        .auditRegistry(Registry.builder().addOrganizations(org("МБОУ СОШ № 9", page)).build()));
    assertThat(audit.findings()).isEmpty();
    assertThat(audit.status()).isEqualTo(PageStatus.COMPLIANT);
    assertThat(audit.score()).isEqualTo(100);
    assertThat(audit.scoreRules()).isEqualTo(10);
    assertThat(audit.light()).isEqualTo(ScoreLight.GREEN);
    // The metric rule always passes: its rate is kept on the page, for the report.
    assertThat(audit.engagementRate()).isNull(); // no views, no likes in these posts
  }

  @Test
  void theEngagementRateIsKeptOnThePage() {
    InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, clock);
    PageRef page = PageRef.of(PlatformId.VK, "1");
    vk.putProfile(compliant(page).build());
    vk.addPost(Post.builder().page(page).id("1").url(page.url() + "?w=1").publishedAt(NOW.minus(Duration.ofDays(1)))
        .authorKind(AuthorKind.COMMUNITY).authorId("1").views(200L).likes(8L).reposts(1L).comments(1L).build());
    PageAudit audit = only(Auditor.builder().clock(clock).addPlatform(vk).build()
        .auditRegistry(Registry.builder().addOrganizations(org("МБОУ СОШ № 9", page)).build()));
    assertThat(audit.engagementRate()).isEqualTo(0.05);
  }

  /** A person's page known from its link: PAGE_IS_COMMUNITY fails, the platform is never asked. */
  @Test
  void aPersonsPageFromItsLinkIsNotACommunity() {
    InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, clock);
    InMemoryPlatform ok = InMemoryPlatform.create(PlatformId.OK, clock);
    PageRef vkPerson = PageRef.parse("https://vk.com/id123");
    PageRef okPerson = PageRef.parse("https://ok.ru/profile/575000000001");
    ComplianceReport report = Auditor.builder().clock(clock).addPlatform(vk).addPlatform(ok).build()
        .auditRegistry(Registry.builder().addOrganizations(org("Школа", vkPerson, okPerson)).build());
    for (PageAudit audit : report.organizations().get(0).pages()) {
      assertThat(audit.status()).isEqualTo(PageStatus.NON_COMPLIANT);
      assertThat(audit.reason()).isNull();
      assertThat(audit.findings()).extracting(Finding::rule, Finding::outcome)
          .containsExactly(tuple("PAGE_IS_COMMUNITY", Outcome.FAIL));
      assertThat(audit.findings().get(0).message()).contains("принадлежит человеку, а не сообществу");
    }
    assertThat(vk.calls() + ok.calls()).isZero();
    // A person's page is no official page of the organisation.
    assertThat(report.organizations().get(0).findings()).extracting(Finding::rule).contains("ORG_HAS_PAGE");
  }

  /** A screen name the platform resolves to a person: the adapter answers a snapshot that is not a community. */
  @Test
  void aScreenNameThatResolvesToAPersonIsNotACommunity() {
    InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, clock);
    PageRef resolved = PageRef.of(PlatformId.VK, "77");
    vk.putProfile(ProfileSnapshot.builder().page(resolved).screenName("ivan.petrov").name("Иван Петров")
        .isCommunity(false).takenAt(NOW).build());
    PageAudit audit = only(Auditor.builder().clock(clock).addPlatform(vk).build()
        .auditRegistry(Registry.builder().addOrganizations(org("Школа", PageRef.parse("https://vk.com/ivan.petrov")))
            .build()));
    assertThat(audit.status()).isEqualTo(PageStatus.NON_COMPLIANT);
    assertThat(audit.findings()).extracting(Finding::rule, Finding::outcome)
        .containsExactly(tuple("PAGE_IS_COMMUNITY", Outcome.FAIL));
    assertThat(audit.resolved()).isEqualTo(resolved);
    assertThat(vk.calls()).isEqualTo(1); // profiles only: a person's wall is not read
  }

  /** A Telegram page is kept: the law's platforms do not include it, so the page breaks the law. */
  @Test
  void aPageOnAPlatformTheLawDoesNotNameIsReported() {
    PageRef telegram = PageRef.parse("https://t.me/school9");
    Auditor auditor = Auditor.builder().clock(clock).build();
    ComplianceReport report = auditor.auditRegistry(Registry.builder().addOrganizations(org("Школа", telegram)).build());
    PageAudit audit = only(report);
    assertThat(audit.status()).isEqualTo(PageStatus.NON_COMPLIANT);
    assertThat(audit.findings()).extracting(Finding::rule, Finding::outcome)
        .containsExactly(tuple("PAGE_PLATFORM_ALLOWED", Outcome.FAIL));
    assertThat(audit.findings().get(0).message()).contains("«Telegram»");
    // Not an official page: the organisation is not «подключена».
    assertThat(report.summary().byDistrict().get(0).withPage()).isZero();

    // A policy that allows Telegram, but no Telegram adapter: the page could not be read.
    Policy withTelegram = Policy.federal().toBuilder().parameter("PAGE_PLATFORM_ALLOWED", "allowed", "vk,ok,max,telegram")
        .build();
    PageAudit unread = only(Auditor.builder().policy(withTelegram).clock(clock).build()
        .auditRegistry(Registry.builder().addOrganizations(org("Школа", telegram)).build()));
    assertThat(unread.status()).isEqualTo(PageStatus.UNREACHABLE);
    assertThat(unread.reason()).startsWith("unsupported: платформа telegram не подключена");
  }

  /** MAX channels are allowed; with no MAX adapter configured they are unreachable with a clear reason. */
  @Test
  void aMaxChannelWithoutAMaxAdapterIsUnreachableNotACrash() {
    PageRef channel = PageRef.parse("https://max.ru/school9_amur");
    ComplianceReport report = Auditor.builder().clock(clock).build()
        .auditRegistry(Registry.builder().addOrganizations(org("Школа", channel)).build());
    PageAudit audit = only(report);
    assertThat(audit.status()).isEqualTo(PageStatus.UNREACHABLE);
    assertThat(audit.reason()).isEqualTo("unsupported: платформа max не подключена: нет её адаптера или ключей доступа");
    assertThat(report.summary().byDistrict().get(0).withMax()).isEqualTo(1);
  }

  /** A closed group breaks the law: however well it scores otherwise, it is never green and never 100. */
  @Test
  void aPageBreakingTheLawIsNeverGreen() {
    InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, clock);
    PageRef page = PageRef.of(PlatformId.VK, "1");
    vk.putProfile(compliant(page).state(PageState.CLOSED).build());
    PageAudit audit = only(Auditor.builder().clock(clock).addPlatform(vk).build()
        .auditRegistry(Registry.builder().addOrganizations(org("МБОУ СОШ № 9", page)).build()));
    assertThat(audit.status()).isEqualTo(PageStatus.NON_COMPLIANT);
    assertThat(audit.score()).isEqualTo(PageAudit.NON_COMPLIANT_MAX_SCORE);
    assertThat(audit.light()).isNotEqualTo(ScoreLight.GREEN);
    // The posts of a closed group are not read: cadence and posting as the community are out of the score.
    assertThat(audit.scoreRules()).isEqualTo(8);
  }

  /** Posts that could not be read (a quota, a broken answer) leave the page unverified, never compliant. */
  @Test
  void postsThatCouldNotBeReadLeaveThePageUnverified() {
    InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, clock);
    PageRef quota = PageRef.of(PlatformId.VK, "1");
    PageRef malformed = PageRef.of(PlatformId.VK, "2");
    vk.putProfile(compliant(quota).build()).putProfile(compliant(malformed).screenName("x2").build());
    Platform failingPosts = new ForwardingPlatform(vk) {
      @Override
      public Map<PageRef, FetchResult<PostHistory>> fetchPosts(Collection<PageRef> pages, PostQuery query) {
        return Map.of(quota, FetchResult.failure(FailureReason.QUOTA, "error 29"),
            malformed, FetchResult.failure(FailureReason.API_ERROR, "post 5: date is not a number"));
      }
    };
    ComplianceReport report = Auditor.builder().clock(clock).addPlatform(failingPosts).build()
        .auditRegistry(Registry.builder().addOrganizations(org("Школа 1", quota)).addOrganizations(org("Школа 2", malformed))
            .build());
    for (OrganizationAudit organization : report.organizations()) {
      PageAudit audit = organization.pages().get(0);
      assertThat(audit.status()).isEqualTo(PageStatus.UNVERIFIED);
      assertThat(audit.postsLast28Days()).as("never a silent 0").isNull();
      assertThat(audit.findings()).filteredOn(f -> f.rule().startsWith("POSTS_"))
          .extracting(Finding::outcome).containsOnly(Outcome.UNKNOWN).isNotEmpty();
    }
    assertThat(AuditorTest.find(report.organizations().get(0).pages().get(0), "POSTS_CADENCE").message())
        .contains("исчерпан суточный лимит");
    assertThat(AuditorTest.find(report.organizations().get(1).pages().get(0), "POSTS_CADENCE").message())
        .contains("date is not a number");
    assertThat(report.summary().unverified()).isEqualTo(2);
    assertThat(report.summary().compliant()).isZero();
    assertThat(report.summary().byDistrict().get(0).compliant()).isZero();
  }

  /** The mark field VK normally returns, absent from an answer: GOV_MARK unknown and the page unverified. */
  @Test
  void anAbsentMarkFieldLeavesThePageUnverified() {
    InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, clock);
    PageRef page = PageRef.of(PlatformId.VK, "1");
    vk.putProfile(compliant(page).mark(MarkStatus.UNKNOWN).build());
    postRegularly(vk, page);
    PageAudit audit = only(Auditor.builder().clock(clock).addPlatform(vk).build()
        .auditRegistry(Registry.builder().addOrganizations(org("МБОУ СОШ № 9", page)).build()));
    assertThat(audit.status()).isEqualTo(PageStatus.UNVERIFIED);
    assertThat(audit.findings()).extracting(Finding::rule, Finding::outcome)
        .containsExactly(tuple("GOV_MARK", Outcome.UNKNOWN));
    assertThat(audit.scoreRules()).isEqualTo(9);
  }

  /** The read follows the policy: its longest window, and as many own posts as POSTS_MIN_COUNT needs. */
  @Test
  void postsAreReadForThePolicysLongestWindow() {
    InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, clock);
    PageRef page = PageRef.of(PlatformId.VK, "1");
    vk.putProfile(compliant(page).build());
    for (int i = 0; i < 24; i++) {
      vk.addPost(Post.builder().page(page).id("p" + i).url(page.url() + "?p" + i)
          .publishedAt(NOW.minus(Duration.ofHours(12 + 55L * i))).authorKind(AuthorKind.COMMUNITY)
          .authorId("1").text("#новости").addMedia(MediaKind.PHOTO).build());
    }
    List<PostQuery> queries = new CopyOnWriteArrayList<>();
    Platform recording = new ForwardingPlatform(vk) {
      @Override
      public Map<PageRef, FetchResult<PostHistory>> fetchPosts(Collection<PageRef> pages, PostQuery query) {
        queries.add(query);
        return super.fetchPosts(pages, query);
      }
    };
    Policy eightWeeks = Policy.federal().toBuilder().parameter("POSTS_CADENCE", "windowDays", "56")
        .parameter("POSTS_MIN_COUNT", "min", "5").build();
    Auditor auditor = Auditor.builder().policy(eightWeeks).clock(clock).addPlatform(recording).build();
    PageAudit audit = only(auditor.auditRegistry(Registry.builder().addOrganizations(org("МБОУ СОШ № 9", page)).build()));
    assertThat(queries).extracting(PostQuery::since, PostQuery::minOwnPosts)
        .containsExactly(tuple(NOW.minus(Duration.ofDays(56)), 5));
    assertThat(auditor.postQuery()).isEqualTo(queries.get(0));
    // 24 posts in 56 days, about three a week: the eight-week cadence passes on what was read.
    assertThat(audit.findings()).extracting(Finding::rule).doesNotContain("POSTS_CADENCE");
    assertThat(audit.postsLast28Days()).isEqualTo(13);
  }

  /** Reading VK and OK at the same time: both platforms are inside a read at once, or this times out. */
  @Test
  void platformsAreReadAtTheSameTime() {
    CyclicBarrier bothReading = new CyclicBarrier(2);
    List<String> problems = new CopyOnWriteArrayList<>();
    List<Platform> platforms = new ArrayList<>();
    Registry.Builder registry = Registry.builder();
    for (PlatformId id : List.of(PlatformId.VK, PlatformId.OK)) {
      InMemoryPlatform platform = InMemoryPlatform.create(id, clock);
      PageRef page = PageRef.of(id, "1");
      platform.putProfile(compliant(page).build());
      platforms.add(new ForwardingPlatform(platform) {
        @Override
        public Map<PageRef, FetchResult<ProfileSnapshot>> fetchProfiles(Collection<PageRef> pages) {
          try {
            bothReading.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            problems.add(id + " read alone: " + e);
          }
          return super.fetchProfiles(pages);
        }
      });
      registry.addOrganizations(org("Школа " + id, page));
    }
    Auditor.Builder auditor = Auditor.builder().clock(clock);
    platforms.forEach(auditor::addPlatform);
    ComplianceReport report = auditor.build().auditRegistry(registry.build());
    assertThat(problems).isEmpty();
    assertThat(report.summary().pages()).isEqualTo(2);
  }

  /** A list of pages is audited as it is: no registry, no organisation rules, each page its own entry. */
  @Test
  void auditPagesNeedsNoRegistry() {
    InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, clock);
    PageRef page = PageRef.of(PlatformId.VK, "1");
    vk.putProfile(compliant(page).name("Совсем другое название").build());
    postRegularly(vk, page);
    ComplianceReport report = Auditor.builder().clock(clock).addPlatform(vk).build()
        .auditPages(List.of(PageRef.parse("https://vk.com/school9_amur"), PageRef.parse("https://vk.com/id5")));
    assertThat(report.organizations()).extracting(o -> o.organization().name())
        .containsExactly("https://vk.com/school9_amur", "https://vk.com/id5");
    assertThat(report.organizations()).allSatisfy(o -> assertThat(o.findings()).isEmpty());
    PageAudit school = report.organizations().get(0).pages().get(0);
    assertThat(school.status()).isEqualTo(PageStatus.COMPLIANT); // no registry name to compare with
    assertThat(school.resolved()).isEqualTo(page);
    assertThat(report.organizations().get(1).pages().get(0).status()).isEqualTo(PageStatus.NON_COMPLIANT);
    assertThat(report.summary().pages()).isEqualTo(2);
  }

  /** An organisation whose only pages are gone has no page: not in «подключено», and ORG_HAS_PAGE names the links. */
  @Test
  void deadPagesGiveAnOrganisationNoPage() {
    InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, clock);
    PageRef deleted = PageRef.of(PlatformId.VK, "1");
    PageRef alive = PageRef.of(PlatformId.VK, "3");
    vk.putProfile(compliant(deleted).state(PageState.DELETED).build()).putProfile(compliant(alive).screenName("a").build());
    PageRef missing = PageRef.of(PlatformId.VK, "404");
    ComplianceReport report = Auditor.builder().clock(clock).addPlatform(vk).build().auditRegistry(Registry.builder()
        .addOrganizations(org("Детский сад", deleted, missing))
        .addOrganizations(org("Школа", alive))
        .build());
    OrganizationAudit kindergarten = report.organizations().get(0);
    Finding hasPage = kindergarten.findings().stream().filter(f -> f.rule().equals("ORG_HAS_PAGE")).findFirst().orElseThrow();
    assertThat(hasPage.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(hasPage.message()).contains("https://vk.com/club1 — удалена", "https://vk.com/club404 — не найдена");
    DistrictSummary district = report.summary().byDistrict().get(0);
    assertThat(district.organizations()).isEqualTo(2);
    assertThat(district.withPage()).isEqualTo(1);
    assertThat(district.withVk()).isEqualTo(1);
  }

  @Test
  void registryWarningsAndCountsReachTheReport() {
    Registry registry = Registry.builder()
        .addWarnings(RegistryWarning.of(3, "столбец «ИНН»: неверная контрольная сумма"))
        .warningCount(1_500)
        .rejectedRowCount(0)
        .build();
    ComplianceReport report = Auditor.builder().clock(clock).build().auditRegistry(registry);
    assertThat(report.warnings()).extracting(RegistryWarning::line).containsExactly(3L);
    assertThat(report.warningCount()).isEqualTo(1_500);
  }

  @Test
  void federalCatalogueStillLoads() {
    assertThat(RuleCatalog.federal().get("PAGE_PLATFORM_ALLOWED")).isNotNull();
  }

  /** Forwards everything to another platform, for tests that watch or change one call. */
  static class ForwardingPlatform implements Platform {
    private final Platform delegate;

    ForwardingPlatform(Platform delegate) {
      this.delegate = delegate;
    }

    @Override
    public PlatformId id() {
      return delegate.id();
    }

    @Override
    public Capabilities capabilities() {
      return delegate.capabilities();
    }

    @Override
    public Map<PageRef, FetchResult<PageRef>> resolve(Collection<PageRef> pages) {
      return delegate.resolve(pages);
    }

    @Override
    public Map<PageRef, FetchResult<ProfileSnapshot>> fetchProfiles(Collection<PageRef> pages) {
      return delegate.fetchProfiles(pages);
    }

    @Override
    public Map<PageRef, FetchResult<PostHistory>> fetchPosts(Collection<PageRef> pages, PostQuery query) {
      return delegate.fetchPosts(pages, query);
    }

    @Override
    public ru.gospubliki.platform.SendResult send(ru.gospubliki.platform.SendRequest request) {
      return delegate.send(request);
    }

    @Override
    public ru.gospubliki.platform.PostLookup findExisting(PageRef page, PostDraft draft, Instant sentAfter) {
      return delegate.findExisting(page, draft, sentAfter);
    }

    @Override
    public ru.gospubliki.platform.SendResult.Sent edit(PageRef page, String postId, PostDraft draft) {
      return delegate.edit(page, postId, draft);
    }

    @Override
    public void delete(PageRef page, String postId) {
      delegate.delete(page, postId);
    }
  }
}
