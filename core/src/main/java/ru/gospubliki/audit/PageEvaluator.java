package ru.gospubliki.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PageState;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.Policy;
import ru.gospubliki.rules.Rule;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleDefinition;
import ru.gospubliki.rules.RuleResult;
import ru.gospubliki.rules.RuleScope;
import ru.gospubliki.rules.Severity;

/**
 * Evaluates the policy's rules on one page (page and publication rules) or one organisation, and
 * decides the page's status and score. Pure: reads nothing, saves nothing; safe for several threads.
 *
 * <p>Status: {@code NON_COMPLIANT} when a rule of severity {@code VIOLATION} failed; else {@code
 * UNVERIFIED} when a rule of severity {@code VIOLATION} or {@code WARNING} is {@code UNKNOWN}
 * because data the platform normally returns was not read (an {@code UNKNOWN} because the platform
 * never shows the data, {@link RuleResult#notShown()}, does not count); else {@code COMPLIANT}. A
 * page that could not be read is judged on what its reference alone tells: a failed {@code
 * VIOLATION} there (a person's page, a platform the law does not name) makes it {@code
 * NON_COMPLIANT}, otherwise it is {@code UNREACHABLE} with the reason.
 */
final class PageEvaluator {
  /** The metric rule whose measured rate the page audit keeps. */
  static final String ENGAGEMENT = "POSTS_ENGAGEMENT";

  private final Policy policy;
  private final List<Rule> pageRules;
  private final List<Rule> organizationRules;
  private final Map<String, Integer> weights;

  PageEvaluator(Policy policy) {
    this.policy = policy;
    List<Rule> page = new ArrayList<>();
    for (RuleScope scope : new RuleScope[] {RuleScope.PAGE, RuleScope.PUBLICATION}) {
      for (Rule rule : policy.catalog().rules(scope)) {
        if (policy.isEnabled(rule.definition().id())) page.add(rule);
      }
    }
    this.pageRules = List.copyOf(page);
    List<Rule> organization = new ArrayList<>();
    for (Rule rule : policy.catalog().rules(RuleScope.ORGANIZATION)) {
      if (policy.isEnabled(rule.definition().id())) organization.add(rule);
    }
    this.organizationRules = List.copyOf(organization);
    this.weights = Map.copyOf(policy.scoreWeights());
  }

  /** A page's audit and whether it turned out to be a person's page. */
  static final class Evaluated {
    final PageAudit audit;
    final boolean person;

    Evaluated(PageAudit audit, boolean person) {
      this.audit = audit;
      this.person = person;
    }
  }

  /**
   * Evaluates one page.
   *
   * @param postsReadSince from when every post was read (the query's start), or null when unknown.
   */
  Evaluated evaluate(PageObservation observation, @Nullable Organization organization, Instant now,
      @Nullable Instant postsReadSince, Findings findings) {
    PageRef ref = observation.page();
    FetchResult<ProfileSnapshot> read = observation.profile();
    ProfileSnapshot profile = read instanceof FetchResult.Success<ProfileSnapshot> success ? success.value() : null;
    if (ref.isPerson() || profile == null) {
      String reason = read instanceof FetchResult.Failure<ProfileSnapshot> failure ? failure.reportReason()
          : FailureReason.UNSUPPORTED.code() + ": личная страница, а не сообщество";
      return new Evaluated(unread(ref, null, reason, MarkStatus.UNKNOWN, organization, now, findings), ref.isPerson());
    }
    if (profile.state() == PageState.DELETED || profile.state() == PageState.BANNED) {
      String reason = profile.state() == PageState.DELETED ? FailureReason.DELETED.code() : FailureReason.BANNED.code();
      PageAudit gone = unread(ref, profile.page(), reason, profile.mark(), organization, now, findings);
      return new Evaluated(PageAudit.builder().from(gone).name(profile.name()).build(), false);
    }

    RuleContext.Builder builder = RuleContext.builder()
        .now(now)
        .organization(organization)
        .page(profile.page())
        .profile(profile)
        .previous(observation.previous())
        .markLastSeen(observation.markLastSeen())
        .postsReadSince(postsReadSince);
    FetchResult<PostHistory> posts = observation.posts();
    if (posts instanceof FetchResult.Success<PostHistory> success) {
      builder.postHistory(success.value());
    } else if (posts instanceof FetchResult.Failure<PostHistory> failure) {
      builder.postsUnreadBecause(Reasons.russian(failure));
    }
    RuleContext context = builder.build();

    List<Finding> found = new ArrayList<>();
    boolean violation = false;
    boolean unverified = false;
    long passedWeight = 0;
    long evaluatedWeight = 0;
    int scoreRules = 0;
    Double engagement = null;
    for (Rule rule : pageRules) {
      RuleDefinition definition = rule.definition();
      RuleResult result = run(rule, context);
      Outcome outcome = result.outcome();
      if (definition.id().equals(ENGAGEMENT)) engagement = rate(result);
      if (outcome == Outcome.NOT_APPLICABLE) continue;
      Severity severity = policy.severity(definition);
      Integer weight = weights.get(definition.id());
      if (weight != null && outcome != Outcome.UNKNOWN) {
        evaluatedWeight += weight;
        scoreRules++;
        if (outcome == Outcome.PASS) passedWeight += weight;
      }
      if (outcome == Outcome.PASS) continue;
      found.add(findings.of(definition, severity, result));
      if (outcome == Outcome.FAIL && severity == Severity.VIOLATION) violation = true;
      if (outcome == Outcome.UNKNOWN && !result.notShown() && severity != Severity.NOTICE) unverified = true;
    }
    Integer score = null;
    if (evaluatedWeight > 0) {
      int raw = (int) Math.round(100.0 * passedWeight / evaluatedWeight);
      score = violation ? Math.min(raw, PageAudit.NON_COMPLIANT_MAX_SCORE) : raw;
    }
    PageStatus status = violation ? PageStatus.NON_COMPLIANT : unverified ? PageStatus.UNVERIFIED : PageStatus.COMPLIANT;
    PageAudit audit = PageAudit.builder()
        .page(ref)
        .resolved(profile.page())
        .status(status)
        .name(profile.name())
        .mark(profile.mark())
        .score(score)
        .scoreRules(scoreRules)
        .postsLast28Days(context.postHistory() == null ? null : context.ownPostsWithin(28).size())
        .engagementRate(engagement)
        .findings(found)
        .build();
    return new Evaluated(audit, context.isPersonPage());
  }

  /**
   * A page that could not be read: only what its reference tells is judged, so the rules run without
   * a profile and only their failures are kept.
   */
  private PageAudit unread(PageRef ref, @Nullable PageRef resolved, String reason, MarkStatus mark,
      @Nullable Organization organization, Instant now, Findings findings) {
    RuleContext context = RuleContext.builder().now(now).organization(organization).page(ref).build();
    List<Finding> found = new ArrayList<>(1);
    boolean violation = false;
    for (Rule rule : pageRules) {
      RuleResult result = run(rule, context);
      if (result.outcome() != Outcome.FAIL) continue;
      Severity severity = policy.severity(rule.definition());
      found.add(findings.of(rule.definition(), severity, result));
      violation |= severity == Severity.VIOLATION;
    }
    return PageAudit.builder()
        .page(ref)
        .resolved(resolved)
        .status(violation ? PageStatus.NON_COMPLIANT : PageStatus.UNREACHABLE)
        .reason(violation ? null : reason)
        .mark(mark)
        .findings(found)
        .build();
  }

  /** The organisation rules' findings ({@code FAIL} or {@code UNKNOWN}) on {@code organization}. */
  List<Finding> evaluate(Organization organization, Instant now, Map<PageRef, FailureReason> deadPages,
      Set<PageRef> personPages, Findings findings) {
    RuleContext context = RuleContext.builder().now(now).organization(organization)
        .deadPages(deadPages).personPages(personPages).build();
    List<Finding> found = new ArrayList<>(organizationRules.size());
    for (Rule rule : organizationRules) {
      RuleResult result = run(rule, context);
      if (result.outcome() == Outcome.NOT_APPLICABLE || result.outcome() == Outcome.PASS) continue;
      found.add(findings.of(rule.definition(), policy.severity(rule.definition()), result));
    }
    return found;
  }

  private static @Nullable Double rate(RuleResult result) {
    String rate = result.details().get("engagementRate");
    if (rate == null) return null;
    try {
      return Double.valueOf(rate);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Runs one rule; a rule that throws is reported as UNKNOWN, never as a crash of the audit. */
  private RuleResult run(Rule rule, RuleContext context) {
    RuleDefinition definition = rule.definition();
    try {
      return rule.evaluate(context, policy.parameters(definition));
    } catch (RuntimeException e) {
      return RuleResult.unknown("Правило " + definition.id() + " не удалось проверить: " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "PageEvaluator{" + policy.name() + "}";
  }
}
