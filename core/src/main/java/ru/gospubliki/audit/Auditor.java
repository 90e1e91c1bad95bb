package ru.gospubliki.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.platform.PostQuery;
import ru.gospubliki.registry.Registry;
import ru.gospubliki.rules.Policy;
import ru.gospubliki.rules.Rule;
import ru.gospubliki.rules.RuleParameters;
import ru.gospubliki.rules.RuleScope;

/**
 * Audits official pages against a {@link Policy}: one page from what was read about it, a list of
 * pages, or a whole registry, reading every page in bulk through the configured {@link Platform}s
 * (all platforms at the same time).
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
 *
 * ComplianceReport two = auditor.auditPages(List.of(PageRef.parse("https://vk.com/school9_amur"),
 *     PageRef.parse("https://ok.ru/group/53350000000001")));
 * }</pre>
 *
 * <p>Evaluation is deterministic: "now" comes from the builder's {@link Clock}. Missing data is
 * never a failure: a rule that cannot tell answers {@code UNKNOWN}, and a page whose data could not
 * all be read is {@code UNVERIFIED}, never {@code COMPLIANT}. Snapshots are loaded and saved, and
 * progress reported, on the calling thread only.
 */
public final class Auditor {
  private static final System.Logger LOG = System.getLogger(Auditor.class.getName());
  /** The publication window of the rating methodology, used when no rule sets a longer one. */
  static final int DEFAULT_WINDOW_DAYS = 28;

  private final Policy policy;
  private final Clock clock;
  private final Map<PlatformId, Platform> platforms;
  private final SnapshotStore snapshots;
  private final AuditProgress progress;
  private final PageEvaluator evaluator;
  /** Shares the findings of single-page audits; each registry audit has its own. */
  private final Findings singlePages = Findings.bounded();

  Auditor(Builder builder) {
    this.policy = builder.policy != null ? builder.policy : Policy.federal();
    this.clock = builder.clock;
    this.platforms = Map.copyOf(builder.platforms);
    this.snapshots = builder.snapshots;
    this.progress = builder.progress;
    this.evaluator = new PageEvaluator(policy);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Policy policy() {
    return policy;
  }

  /**
   * The posts this auditor's policy needs from each page, as of now: every post of the longest
   * publication window ({@code windowDays}; 28 days at least), and older posts until as many own
   * posts as {@code POSTS_MIN_COUNT} asks for (one, for {@code POSTS_LAST_AGE}) are seen. Embedders
   * who read pages themselves for {@link #auditPage} ask their platforms for this.
   */
  public PostQuery postQuery() {
    return postQuery(clock.instant());
  }

  private PostQuery postQuery(Instant now) {
    int days = DEFAULT_WINDOW_DAYS;
    int minOwn = 0;
    for (Rule rule : policy.catalog().rules(RuleScope.PUBLICATION)) {
      String id = rule.definition().id();
      if (!policy.isEnabled(id)) continue;
      RuleParameters parameters = policy.parameters(rule.definition());
      if (parameters.asMap().containsKey("windowDays")) days = Math.max(days, parameters.getInt("windowDays"));
      if (id.equals("POSTS_MIN_COUNT")) minOwn = Math.max(minOwn, parameters.getInt("min"));
      if (id.equals("POSTS_LAST_AGE")) minOwn = Math.max(minOwn, 1);
    }
    return PostQuery.builder().since(now.minus(Duration.ofDays(days))).minOwnPosts(minOwn).build();
  }

  /**
   * Evaluates one page from what was read about it. Pure: reads nothing and saves no snapshot.
   *
   * @param organization the registry's organisation, for rules that compare with it; may be null.
   */
  public PageAudit auditPage(PageObservation observation, @Nullable Organization organization) {
    return evaluator.evaluate(observation, organization, clock.instant(), null, singlePages).audit;
  }

  /**
   * The organisation rules' findings ({@code FAIL} or {@code UNKNOWN}) on {@code organization}
   * alone, as if every page of it exists.
   */
  public List<Finding> auditOrganization(Organization organization) {
    return evaluator.evaluate(organization, clock.instant(), Map.of(), Set.of(), singlePages);
  }

  /**
   * Audits every organisation of {@code registry}: reads all their pages in bulk, evaluates page,
   * publication and organisation rules, saves the new snapshots and summarises by district. A page
   * listed under two organisations is read once.
   */
  public ComplianceReport auditRegistry(Registry registry) {
    Instant now = clock.instant();
    Set<PageRef> pages = new LinkedHashSet<>();
    Map<PageRef, Organization> ownerOf = new HashMap<>();
    for (Organization organization : registry.organizations()) {
      for (PageRef page : organization.pages()) {
        if (pages.add(page)) ownerOf.put(page, organization);
      }
    }
    Run run = read(pages, ownerOf, now);
    DistrictTally tally = new DistrictTally();
    List<OrganizationAudit> organizations = new ArrayList<>(registry.organizations().size());
    for (Organization organization : registry.organizations()) {
      List<PageAudit> pageAudits = new ArrayList<>(organization.pages().size());
      Map<PageRef, FailureReason> dead = new LinkedHashMap<>();
      Set<PageRef> persons = new HashSet<>();
      for (PageRef page : organization.pages()) {
        PageAudit audit = Objects.requireNonNull(run.audits.get(page));
        pageAudits.add(audit);
        FailureReason gone = DistrictTally.dead(audit);
        if (gone != null) dead.put(page, gone);
        if (run.persons.contains(page)) persons.add(page);
      }
      OrganizationAudit audit = OrganizationAudit.builder()
          .organization(organization)
          .findings(evaluator.evaluate(organization, now, dead, persons, run.findings))
          .pages(pageAudits)
          .build();
      tally.add(audit, run.persons);
      organizations.add(audit);
    }
    return ComplianceReport.builder()
        .asOf(now)
        .policy(policy.name())
        .summary(tally.summary())
        .organizations(organizations)
        .rejectedRows(registry.rejectedRows())
        .rejectedRowCount(registry.rejectedRowCount())
        .warnings(registry.warnings())
        .warningCount(registry.warningCount())
        .build();
  }

  /**
   * Audits {@code pages} without a registry: each page is read and judged on its own (page and
   * publication rules; no organisation, so no organisation rules and no comparison with a registry
   * name). In the report every page stands as its own entry, named by its URL, with no district.
   */
  public ComplianceReport auditPages(Collection<PageRef> pages) {
    Instant now = clock.instant();
    Set<PageRef> unique = new LinkedHashSet<>(pages);
    if (unique.isEmpty()) throw new IllegalArgumentException("no pages to audit");
    Run run = read(unique, Map.of(), now);
    DistrictTally tally = new DistrictTally();
    List<OrganizationAudit> entries = new ArrayList<>(unique.size());
    for (PageRef page : unique) {
      OrganizationAudit entry = OrganizationAudit.builder()
          .organization(Organization.builder().name(page.url()).addPages(page).build())
          .addPages(Objects.requireNonNull(run.audits.get(page)))
          .build();
      tally.add(entry, run.persons);
      entries.add(entry);
    }
    return ComplianceReport.builder()
        .asOf(now)
        .policy(policy.name())
        .summary(tally.summary())
        .organizations(entries)
        .build();
  }

  /** What one audit found of its pages. */
  private static final class Run {
    final Map<PageRef, PageAudit> audits = new HashMap<>();
    final Set<PageRef> persons = new HashSet<>();
    final Findings findings = Findings.forRun();
  }

  /**
   * Reads {@code pages} (platforms at the same time) and evaluates each chunk as it arrives, with
   * what earlier audits knew of its pages; then keeps what is known now.
   */
  private Run read(Set<PageRef> pages, Map<PageRef, Organization> ownerOf, Instant now) {
    PostQuery query = postQuery(now);
    PageReader reader = new PageReader(platforms, query, PageReader.CHUNK);
    Run run = new Run();
    int total = pages.size();
    int[] done = {0};
    reader.read(pages, chunk -> {
      List<PageRef> read = new ArrayList<>(chunk.size());
      for (PageObservation observation : chunk) {
        if (observation.profile() instanceof FetchResult.Success<ProfileSnapshot> success) {
          read.add(success.value().page());
        }
      }
      Map<PageRef, KnownProfile> known = loadSnapshots(read);
      Map<PageRef, KnownProfile> current = new LinkedHashMap<>();
      for (PageObservation observation : chunk) {
        PageObservation withPrevious = observation;
        KnownProfile before = null;
        if (observation.profile() instanceof FetchResult.Success<ProfileSnapshot> success) {
          before = known.get(success.value().page());
          if (before != null) {
            withPrevious = PageObservation.builder().from(observation).previous(before.snapshot())
                .markLastSeen(before.markLastSeen()).build();
          }
        }
        PageEvaluator.Evaluated evaluated =
            evaluator.evaluate(withPrevious, ownerOf.get(observation.page()), now, query.since(), run.findings);
        run.audits.put(observation.page(), evaluated.audit);
        if (evaluated.person) run.persons.add(observation.page());
        if (observation.profile() instanceof FetchResult.Success<ProfileSnapshot> success) {
          KnownProfile after = KnownProfile.after(before, success.value());
          current.put(after.page(), after);
        }
      }
      saveSnapshots(current.values());
      done[0] += chunk.size();
      progress.onPages(done[0], total);
    });
    return run;
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

  @Override
  public String toString() {
    return "Auditor{" + policy.name() + ", " + platforms.keySet() + "}";
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
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Where "now" comes from; the system clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Adds the adapter that reads pages of {@code platform.id()}; one per platform. Pages of a
     * platform with no adapter are {@code UNREACHABLE} (reason {@code unsupported}), or {@code
     * NON_COMPLIANT} when the platform is not allowed.
     */
    public Builder addPlatform(Platform platform) {
      if (platforms.putIfAbsent(platform.id(), platform) != null) {
        throw new IllegalArgumentException("platform already added: " + platform.id());
      }
      return this;
    }

    /**
     * Where what earlier audits knew of each page is kept (snapshots, the last known mark); in this
     * process's memory by default. Called on the auditing thread only; a store that fails never
     * fails the audit.
     */
    public Builder snapshotStore(SnapshotStore snapshots) {
      this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
      return this;
    }

    /** Hears how far an audit has got; called on the auditing thread. */
    public Builder progress(AuditProgress progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    public Auditor build() {
      return new Auditor(this);
    }
  }
}
