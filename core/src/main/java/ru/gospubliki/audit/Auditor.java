package ru.gospubliki.audit;

import java.text.Collator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
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
import ru.gospubliki.platform.Platform;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.platform.PostQuery;
import ru.gospubliki.registry.Registry;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.Policy;
import ru.gospubliki.rules.Rule;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleDefinition;
import ru.gospubliki.rules.RuleResult;
import ru.gospubliki.rules.RuleScope;
import ru.gospubliki.rules.Severity;

/**
 * Audits official pages against a {@link Policy}: one page from what was read about it, or a whole
 * registry, reading every page in bulk through the configured {@link Platform}s.
 *
 * <pre>{@code
 * Auditor auditor = Auditor.builder()
 *     .policy(Policy.federal())
 *     .addPlatform(vk)
 *     .addPlatform(ok)
 *     .build();
 * Registry registry = RegistryReader.read(Path.of("reestr.csv"), null);
 * ComplianceReport report = auditor.auditRegistry(registry);
 * System.out.println(report.summary().compliant() + " of " + report.summary().pages());
 * }</pre>
 *
 * <p>Evaluation is deterministic: "now" comes from the builder's {@link Clock}. Missing data is
 * never a failure: a rule that cannot tell answers {@code UNKNOWN}.
 */
public final class Auditor {
  private static final System.Logger LOG = System.getLogger(Auditor.class.getName());
  /** The publication window of the rating methodology. */
  static final Duration POSTS_WINDOW = Duration.ofDays(28);
  /** Pages read per bulk call: a multiple of VK's 500 ({@code groups.getById}) and 25 ({@code execute}). */
  static final int CHUNK = 2_500;
  static final String NO_DISTRICT = "Без района";
  /** Distinct findings shared across pages, at most. */
  static final int MAX_SHARED = 50_000;

  private final Policy policy;
  private final Clock clock;
  private final Map<PlatformId, Platform> platforms;
  private final SnapshotStore snapshots;
  private final AuditProgress progress;
  private final List<Rule> pageRules;
  private final List<Rule> organizationRules;
  private final Map<String, Integer> scoreWeights;
  private final Map<Finding, Finding> shared = new java.util.concurrent.ConcurrentHashMap<>();

  Auditor(Builder builder) {
    this.policy = builder.policy != null ? builder.policy : Policy.federal();
    this.clock = builder.clock;
    this.platforms = Map.copyOf(builder.platforms);
    this.snapshots = builder.snapshots;
    this.progress = builder.progress;
    List<Rule> page = new ArrayList<>();
    for (Rule rule : policy.catalog().rules(RuleScope.PAGE)) {
      if (policy.isEnabled(rule.definition().id())) page.add(rule);
    }
    for (Rule rule : policy.catalog().rules(RuleScope.PUBLICATION)) {
      if (policy.isEnabled(rule.definition().id())) page.add(rule);
    }
    this.pageRules = List.copyOf(page);
    List<Rule> organization = new ArrayList<>();
    for (Rule rule : policy.catalog().rules(RuleScope.ORGANIZATION)) {
      if (policy.isEnabled(rule.definition().id())) organization.add(rule);
    }
    this.organizationRules = List.copyOf(organization);
    this.scoreWeights = Map.copyOf(policy.scoreWeights());
  }

  public static Builder builder() {
    return new Builder();
  }

  public Policy policy() {
    return policy;
  }

  /**
   * Evaluates one page from what was read about it. Pure: reads nothing and saves no snapshot.
   *
   * @param organization the registry's organisation, for rules that compare with it; may be null.
   */
  public PageAudit auditPage(PageObservation observation, @Nullable Organization organization) {
    return evaluate(observation, organization, clock.instant());
  }

  /** The organisation rules' findings ({@code FAIL} or {@code UNKNOWN}) on {@code organization} alone. */
  public List<Finding> auditOrganization(Organization organization) {
    RuleContext context = RuleContext.builder().now(clock.instant()).organization(organization).build();
    List<Finding> findings = new ArrayList<>(organizationRules.size());
    for (Rule rule : organizationRules) {
      Finding finding = run(rule, context);
      if (finding != null) findings.add(finding);
    }
    return findings;
  }

  /**
   * Audits every organisation of {@code registry}: reads all their pages in bulk, evaluates page,
   * publication and organisation rules, saves the new snapshots and summarises by district.
   */
  public ComplianceReport auditRegistry(Registry registry) {
    Instant now = clock.instant();
    Set<PageRef> pages = new LinkedHashSet<>();
    for (Organization organization : registry.organizations()) pages.addAll(organization.pages());
    Map<PageRef, Organization> ownerOf = new HashMap<>();
    for (Organization organization : registry.organizations()) {
      for (PageRef page : organization.pages()) ownerOf.putIfAbsent(page, organization);
    }

    Map<PageRef, PageAudit> audits = new HashMap<>();
    Map<PlatformId, List<PageRef>> byPlatform = new LinkedHashMap<>();
    for (PageRef page : pages) byPlatform.computeIfAbsent(page.platform(), p -> new ArrayList<>()).add(page);
    int done = 0;
    int total = pages.size();
    for (Map.Entry<PlatformId, List<PageRef>> entry : byPlatform.entrySet()) {
      Platform platform = platforms.get(entry.getKey());
      List<PageRef> refs = entry.getValue();
      for (int from = 0; from < refs.size(); from += CHUNK) {
        List<PageRef> chunk = refs.subList(from, Math.min(refs.size(), from + CHUNK));
        Map<PageRef, KnownProfile> known = new LinkedHashMap<>();
        for (PageObservation observation : observe(platform, entry.getKey(), chunk, now)) {
          audits.put(observation.page(), evaluate(observation, ownerOf.get(observation.page()), now));
          if (observation.profile() instanceof FetchResult.Success<ProfileSnapshot> read) {
            ProfileSnapshot previous = observation.previous();
            KnownProfile before = previous == null ? null
                : KnownProfile.builder().snapshot(previous).markLastSeen(observation.markLastSeen()).build();
            KnownProfile after = KnownProfile.after(before, read.value());
            known.put(after.page(), after);
          }
        }
        saveSnapshots(known.values());
        done += chunk.size();
        progress.onPages(done, total);
      }
    }

    List<OrganizationAudit> organizations = new ArrayList<>(registry.organizations().size());
    for (Organization organization : registry.organizations()) {
      List<PageAudit> pageAudits = new ArrayList<>(organization.pages().size());
      for (PageRef page : organization.pages()) pageAudits.add(audits.get(page));
      RuleContext context = RuleContext.builder().now(now).organization(organization).build();
      List<Finding> findings = new ArrayList<>(organizationRules.size());
      for (Rule rule : organizationRules) {
        Finding finding = run(rule, context);
        if (finding != null) findings.add(finding);
      }
      organizations.add(OrganizationAudit.builder()
          .organization(organization).findings(findings).pages(pageAudits).build());
    }
    return ComplianceReport.builder()
        .asOf(now)
        .policy(policy.name())
        .summary(summarise(organizations))
        .organizations(organizations)
        .rejectedRows(registry.rejectedRows())
        .build();
  }

  /** Reads one chunk of pages of one platform: profiles first, then posts of the readable ones. */
  private List<PageObservation> observe(@Nullable Platform platform, PlatformId id, List<PageRef> chunk, Instant now) {
    List<PageObservation> result = new ArrayList<>(chunk.size());
    if (platform == null) {
      for (PageRef page : chunk) {
        result.add(PageObservation.builder().page(page)
            .profile(FetchResult.failure(FailureReason.ACCESS_DENIED, "платформа " + id + " не подключена"))
            .build());
      }
      return result;
    }
    Map<PageRef, FetchResult<ProfileSnapshot>> profiles = safeProfiles(platform, chunk);
    List<PageRef> readable = new ArrayList<>();
    for (PageRef page : chunk) {
      FetchResult<ProfileSnapshot> profile = profiles.get(page);
      if (profile instanceof FetchResult.Success<ProfileSnapshot> success && isReadable(success.value())) {
        readable.add(success.value().page());
      }
    }
    Map<PageRef, FetchResult<PostHistory>> posts =
        readable.isEmpty() ? Map.of() : safePosts(platform, readable, now.minus(POSTS_WINDOW));
    List<PageRef> read = new ArrayList<>();
    for (FetchResult<ProfileSnapshot> profile : profiles.values()) {
      if (profile instanceof FetchResult.Success<ProfileSnapshot> success) read.add(success.value().page());
    }
    Map<PageRef, KnownProfile> known = loadSnapshots(read);
    for (PageRef page : chunk) {
      FetchResult<ProfileSnapshot> profile = profiles.get(page);
      if (profile == null) {
        profile = FetchResult.failure(FailureReason.API_ERROR, "платформа не вернула страницу");
      }
      PageObservation.Builder observation = PageObservation.builder().page(page).profile(profile);
      if (profile instanceof FetchResult.Success<ProfileSnapshot> success) {
        PageRef resolved = success.value().page();
        KnownProfile before = known.get(resolved);
        observation.posts(posts.get(resolved));
        if (before != null) observation.previous(before.snapshot()).markLastSeen(before.markLastSeen());
      }
      result.add(observation.build());
    }
    return result;
  }

  /** What earlier audits knew; nothing when the store fails (the audit goes on as a first audit). */
  private Map<PageRef, KnownProfile> loadSnapshots(List<PageRef> pages) {
    if (pages.isEmpty()) return Map.of();
    try {
      return snapshots.loadAll(pages);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "snapshot store failed to load {0} pages: {1}", pages.size(), e.toString());
      return Map.of();
    }
  }

  /** Keeps what is now known; a store that fails loses the snapshots, never the audit. */
  private void saveSnapshots(Collection<KnownProfile> known) {
    if (known.isEmpty()) return;
    try {
      snapshots.saveAll(known);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "snapshot store failed to save {0} pages: {1}", known.size(), e.toString());
    }
  }

  private static Map<PageRef, FetchResult<ProfileSnapshot>> safeProfiles(Platform platform, List<PageRef> pages) {
    try {
      return platform.fetchProfiles(pages);
    } catch (RuntimeException e) {
      return failAll(pages, e);
    }
  }

  private static Map<PageRef, FetchResult<PostHistory>> safePosts(Platform platform, List<PageRef> pages, Instant since) {
    try {
      return platform.fetchPosts(pages, PostQuery.since(since));
    } catch (RuntimeException e) {
      return failAll(pages, e);
    }
  }

  /** A bulk call that failed as a whole fails each of its pages with the same reason. */
  private static <T> Map<PageRef, FetchResult<T>> failAll(List<PageRef> pages, RuntimeException e) {
    FailureReason reason = e instanceof ru.gospubliki.platform.PlatformException
        ? ((ru.gospubliki.platform.PlatformException) e).reason()
        : FailureReason.API_ERROR;
    String detail = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    Map<PageRef, FetchResult<T>> result = new LinkedHashMap<>();
    for (PageRef page : pages) result.put(page, FetchResult.failure(reason, detail));
    return result;
  }

  private static boolean isReadable(ProfileSnapshot profile) {
    return profile.state() == PageState.OPEN;
  }

  private PageAudit evaluate(PageObservation observation, @Nullable Organization organization, Instant now) {
    FetchResult<ProfileSnapshot> read = observation.profile();
    if (read instanceof FetchResult.Failure<ProfileSnapshot> failure) {
      return PageAudit.builder()
          .page(observation.page())
          .status(PageStatus.UNREACHABLE)
          .reason(failure.reportReason())
          .build();
    }
    ProfileSnapshot profile = ((FetchResult.Success<ProfileSnapshot>) read).value();
    if (profile.state() == PageState.DELETED || profile.state() == PageState.BANNED) {
      return PageAudit.builder()
          .page(observation.page())
          .status(PageStatus.UNREACHABLE)
          .reason(profile.state() == PageState.DELETED ? FailureReason.DELETED.code() : FailureReason.BANNED.code())
          .name(profile.name())
          .mark(profile.mark())
          .build();
    }
    List<Post> posts = null;
    FetchResult<PostHistory> postsRead = observation.posts();
    if (postsRead instanceof FetchResult.Success<PostHistory> success) posts = success.value().posts();

    RuleContext context = RuleContext.builder()
        .now(now)
        .organization(organization)
        .page(profile.page())
        .profile(profile)
        .previous(observation.previous())
        .markLastSeen(observation.markLastSeen())
        .posts(posts)
        .build();
    List<Finding> findings = new ArrayList<>();
    boolean violation = false;
    long passedWeight = 0;
    long evaluatedWeight = 0;
    Map<String, Integer> weights = scoreWeights;
    for (Rule rule : pageRules) {
      RuleDefinition definition = rule.definition();
      RuleResult result = evaluate(rule, context);
      Outcome outcome = result.outcome();
      if (outcome == Outcome.NOT_APPLICABLE) continue;
      Integer weight = weights.get(definition.id());
      if (weight != null && outcome != Outcome.UNKNOWN) {
        evaluatedWeight += weight;
        if (outcome == Outcome.PASS) passedWeight += weight;
      }
      if (outcome == Outcome.PASS) continue;
      Finding finding = finding(definition, result);
      findings.add(finding);
      if (outcome == Outcome.FAIL && finding.severity() == Severity.VIOLATION) violation = true;
    }
    return PageAudit.builder()
        .page(observation.page())
        .status(violation ? PageStatus.NON_COMPLIANT : PageStatus.COMPLIANT)
        .name(profile.name())
        .mark(profile.mark())
        .score(evaluatedWeight == 0 ? null : (int) Math.round(100.0 * passedWeight / evaluatedWeight))
        .postsLast28Days(posts == null ? null : countOwnSince(posts, now.minus(POSTS_WINDOW), now))
        .findings(findings)
        .build();
  }

  private static int countOwnSince(List<Post> posts, Instant since, Instant now) {
    int count = 0;
    for (Post post : posts) {
      Instant at = post.publishedAt();
      if (post.authorKind() == AuthorKind.COMMUNITY && !at.isBefore(since) && !at.isAfter(now)) count++;
    }
    return count;
  }

  /** Runs one rule; a rule that throws is reported as UNKNOWN, never as a crash of the audit. */
  private RuleResult evaluate(Rule rule, RuleContext context) {
    RuleDefinition definition = rule.definition();
    try {
      return rule.evaluate(context, policy.parameters(definition));
    } catch (RuntimeException e) {
      return RuleResult.unknown("Правило " + definition.id() + " не удалось проверить: " + e.getMessage());
    }
  }

  /** Runs one organisation rule; null when it passes or does not apply. */
  private @Nullable Finding run(Rule rule, RuleContext context) {
    RuleResult result = evaluate(rule, context);
    if (result.outcome() == Outcome.NOT_APPLICABLE || result.outcome() == Outcome.PASS) return null;
    return finding(rule.definition(), result);
  }

  /**
   * Findings are values, and most repeat across pages (the same rule, outcome and message): a
   * registry audit shares one instance of each, so 130,000 pages fit a small heap.
   */
  private Finding finding(RuleDefinition definition, RuleResult result) {
    Finding finding = Finding.builder()
        .rule(definition.id())
        .outcome(result.outcome())
        .severity(policy.severity(definition))
        .obligation(definition.obligation())
        .basis(definition.basis())
        .message(result.message())
        .details(result.details())
        .build();
    if (shared.size() >= MAX_SHARED) return finding;
    Finding previous = shared.putIfAbsent(finding, finding);
    return previous != null ? previous : finding;
  }

  private static AuditSummary summarise(List<OrganizationAudit> organizations) {
    Collator russian = Collator.getInstance(Locale.forLanguageTag("ru"));
    Map<String, int[]> districts = new TreeMap<>(russian);
    int pages = 0;
    int compliant = 0;
    int nonCompliant = 0;
    int unreachable = 0;
    for (OrganizationAudit audit : organizations) {
      String district = audit.organization().district();
      int[] counts = districts.computeIfAbsent(
          district == null || district.isBlank() ? NO_DISTRICT : district, d -> new int[6]);
      counts[0]++;
      boolean hasPage = !audit.organization().pages().isEmpty();
      boolean allCompliant = hasPage;
      boolean withVk = false;
      boolean withOk = false;
      boolean withMark = false;
      for (PageAudit page : audit.pages()) {
        pages++;
        switch (page.status()) {
          case COMPLIANT:
            compliant++;
            break;
          case NON_COMPLIANT:
            nonCompliant++;
            allCompliant = false;
            break;
          default:
            unreachable++;
            allCompliant = false;
        }
        withVk |= page.page().platform().equals(PlatformId.VK);
        withOk |= page.page().platform().equals(PlatformId.OK);
        withMark |= page.mark() == MarkStatus.CONFIRMED;
      }
      if (hasPage) counts[1]++;
      if (withVk) counts[2]++;
      if (withOk) counts[3]++;
      if (withMark) counts[4]++;
      if (allCompliant) counts[5]++;
    }
    List<DistrictSummary> byDistrict = new ArrayList<>(districts.size());
    districts.forEach((name, counts) -> byDistrict.add(DistrictSummary.builder()
        .district(name).organizations(counts[0]).withPage(counts[1]).withVk(counts[2])
        .withOk(counts[3]).withMark(counts[4]).compliant(counts[5]).build()));
    return AuditSummary.builder()
        .organizations(organizations.size())
        .pages(pages)
        .compliant(compliant)
        .nonCompliant(nonCompliant)
        .unreachable(unreachable)
        .byDistrict(byDistrict)
        .build();
  }

  /** Builds an {@link Auditor}. */
  public static final class Builder {
    private @Nullable Policy policy;
    private Clock clock = Clock.systemUTC();
    private final Map<PlatformId, Platform> platforms = new LinkedHashMap<>();
    private SnapshotStore snapshots = SnapshotStore.inMemory();
    private AuditProgress progress = AuditProgress.NONE;

    Builder() {}

    /** The policy to apply; {@link Policy#federal()} by default. */
    public Builder policy(Policy policy) {
      this.policy = java.util.Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Where "now" comes from; the system clock by default. */
    public Builder clock(Clock clock) {
      this.clock = java.util.Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Adds the adapter that reads pages of {@code platform.id()}; one per platform. */
    public Builder addPlatform(Platform platform) {
      if (platforms.putIfAbsent(platform.id(), platform) != null) {
        throw new IllegalArgumentException("platform already added: " + platform.id());
      }
      return this;
    }

    /**
     * Where what earlier audits knew of each page is kept (snapshots, the last known mark); in this
     * process's memory by default. A store that fails never fails the audit.
     */
    public Builder snapshotStore(SnapshotStore snapshots) {
      this.snapshots = java.util.Objects.requireNonNull(snapshots, "snapshots");
      return this;
    }

    public Builder progress(AuditProgress progress) {
      this.progress = java.util.Objects.requireNonNull(progress, "progress");
      return this;
    }

    public Auditor build() {
      return new Auditor(this);
    }
  }
}
