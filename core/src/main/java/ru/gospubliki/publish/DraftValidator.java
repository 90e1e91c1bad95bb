package ru.gospubliki.publish;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.Policy;
import ru.gospubliki.rules.Rule;
import ru.gospubliki.rules.RuleCatalog;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleResult;
import ru.gospubliki.rules.RuleScope;
import ru.gospubliki.rules.Severity;

/**
 * The one check of a draft in the SDK: the policy's {@code DRAFT_*} rules against each target's
 * {@link Capabilities} (the platform's limits and what the credential for that page allows),
 * returning every problem at once, before any network call, so an operator fixes the draft in one
 * go. {@code CrossPoster} uses it, and so does each platform adapter for what it sends or edits:
 * the adapters keep no draft checks of their own and state their limits only through {@link
 * Capabilities}.
 *
 * <p>What is checked: the draft is not empty; the text fits the platform's limit (counted in UTF-16
 * code units, never fewer than the platform counts); photos are few enough, of an accepted type and
 * size, readable as images, within the dimension and aspect limits; the link is an {@code http(s)}
 * address of a real host and the platform takes a link; a scheduled time is in the future; the
 * credential allows publishing, uploading the photos and scheduling ({@code DRAFT_CREDENTIALS},
 * saying why not and what to do from {@link Capabilities#unavailableBecause()}); and the
 * recommendations (a hashtag, not an ad).
 *
 * <p>What a platform or credential cannot do at all is always checked: a policy whose catalogue has
 * no {@code DRAFT_CREDENTIALS} rule (a custom catalogue) gets the built-in one, so a scheduled post is
 * never sent to a platform without scheduling. A policy may still switch the rule off by name.
 *
 * <pre>{@code
 * DraftValidator validator = new DraftValidator(Policy.federal(), Clock.systemUTC());
 * List<DraftProblem> problems = validator.validate(draft, Map.of(
 *     page, vk.capabilities(page), other, ok.capabilities(other)));
 * if (problems.stream().anyMatch(DraftProblem::blocking)) { ... }
 * }</pre>
 */
public final class DraftValidator {
  private static final String CREDENTIALS = "DRAFT_CREDENTIALS";

  private final Policy policy;
  private final Clock clock;
  /** The policy's draft rules, and the built-in {@code DRAFT_CREDENTIALS} when its catalogue lacks one. */
  private final List<Rule> rules;

  public DraftValidator(Policy policy, Clock clock) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    List<Rule> draftRules = new ArrayList<>(policy.catalog().rules(RuleScope.DRAFT));
    if (!policy.catalog().contains(CREDENTIALS)) draftRules.add(0, Objects.requireNonNull(RuleCatalog.federal().get(CREDENTIALS)));
    this.rules = List.copyOf(draftRules);
  }

  private boolean enabled(String id) {
    return id.equals(CREDENTIALS) && !policy.catalog().contains(CREDENTIALS) || policy.isEnabled(id);
  }

  /**
   * Every problem of {@code draft} for each target page, with the capabilities the credential for
   * that page has ({@code Platform.capabilities(PageRef)}). A problem every target has alike is
   * reported once with no platform; one that only some pages of a platform have names those pages.
   */
  public List<DraftProblem> validate(PostDraft draft, Map<PageRef, Capabilities> targets) {
    Map<Capabilities, List<PageRef>> groups = new LinkedHashMap<>();
    for (Map.Entry<PageRef, Capabilities> target : targets.entrySet()) {
      groups.computeIfAbsent(target.getValue(), c -> new ArrayList<>()).add(target.getKey());
    }
    return validateGroups(draft, groups);
  }

  /**
   * Every problem of {@code draft} for each of {@code targets}, platform-wide capabilities. A problem
   * that every platform has alike is reported once, with no platform.
   */
  public List<DraftProblem> validate(PostDraft draft, Collection<Capabilities> targets) {
    Map<Capabilities, List<PageRef>> groups = new LinkedHashMap<>();
    for (Capabilities capabilities : targets) groups.putIfAbsent(capabilities, List.of());
    return validateGroups(draft, groups);
  }

  private List<DraftProblem> validateGroups(PostDraft draft, Map<Capabilities, List<PageRef>> groups) {
    // Each distinct problem (rule and message), with the groups that have it, in order of finding.
    Map<String, Found> found = new LinkedHashMap<>();
    for (Capabilities capabilities : groups.keySet()) {
      RuleContext context = RuleContext.builder()
          .now(clock.instant()).draft(draft).capabilities(capabilities).build();
      for (Rule rule : rules) {
        String id = rule.definition().id();
        if (!enabled(id)) continue;
        RuleResult result;
        try {
          result = rule.evaluate(context, policy.parameters(rule.definition()));
        } catch (RuntimeException e) {
          result = RuleResult.unknown("Правило " + id + " не удалось проверить: " + e.getMessage());
        }
        if (result.outcome() != Outcome.FAIL && result.outcome() != Outcome.UNKNOWN) continue;
        String message = Objects.requireNonNull(result.message());
        found.computeIfAbsent(id + '\u0000' + message, k -> new Found(id, message, policy.severity(rule.definition())))
            .groups.add(capabilities);
      }
    }
    List<DraftProblem> result = new ArrayList<>();
    for (Found problem : found.values()) {
      if (groups.size() > 1 && problem.groups.size() == groups.size() && platforms(groups.keySet()) > 1) {
        result.add(problem.problem(null, List.of()));
        continue;
      }
      // One problem per platform; it names its pages unless every page of that platform has it.
      Map<PlatformId, List<PageRef>> byPlatform = new LinkedHashMap<>();
      for (Capabilities capabilities : problem.groups) {
        byPlatform.computeIfAbsent(capabilities.platform(), p -> new ArrayList<>()).addAll(groups.get(capabilities));
      }
      for (Map.Entry<PlatformId, List<PageRef>> entry : byPlatform.entrySet()) {
        int pagesOfPlatform = 0;
        for (Map.Entry<Capabilities, List<PageRef>> group : groups.entrySet()) {
          if (group.getKey().platform().equals(entry.getKey())) pagesOfPlatform += group.getValue().size();
        }
        boolean all = entry.getValue().size() == pagesOfPlatform;
        result.add(problem.problem(entry.getKey(), all ? List.of() : entry.getValue()));
      }
    }
    return result;
  }

  private static int platforms(Collection<Capabilities> groups) {
    return (int) groups.stream().map(Capabilities::platform).distinct().count();
  }

  /** A problem found, and the capabilities that have it. */
  private static final class Found {
    final String rule;
    final String message;
    final Severity severity;
    final List<Capabilities> groups = new ArrayList<>();

    Found(String rule, String message, Severity severity) {
      this.rule = rule;
      this.message = message;
      this.severity = severity;
    }

    DraftProblem problem(@Nullable PlatformId platform, List<PageRef> pages) {
      return DraftProblem.builder().rule(rule).platform(platform).pages(pages).severity(severity).message(message).build();
    }
  }

  @Override
  public String toString() {
    return "DraftValidator{" + policy.name() + "}";
  }
}
