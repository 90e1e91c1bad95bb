package ru.gospubliki.publish;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.Policy;
import ru.gospubliki.rules.Rule;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleResult;
import ru.gospubliki.rules.RuleScope;

/**
 * Checks a draft against the policy's {@code DRAFT_*} rules and each target platform's limits and
 * returns every problem at once, before any network call: an operator fixes the draft in one go.
 *
 * <pre>{@code
 * DraftValidator validator = new DraftValidator(Policy.federal(), Clock.systemUTC());
 * List<DraftProblem> problems = validator.validate(draft, List.of(vk.capabilities(), ok.capabilities()));
 * if (problems.stream().anyMatch(DraftProblem::blocking)) { ... }
 * }</pre>
 */
public final class DraftValidator {
  private final Policy policy;
  private final Clock clock;

  public DraftValidator(Policy policy, Clock clock) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Every problem of {@code draft} for each of {@code targets}. A problem that every platform has
   * alike is reported once, with no platform.
   */
  public List<DraftProblem> validate(PostDraft draft, Collection<Capabilities> targets) {
    Map<String, List<DraftProblem>> byMessage = new LinkedHashMap<>();
    List<Capabilities> platforms = new ArrayList<>(targets);
    for (Capabilities capabilities : platforms) {
      RuleContext context = RuleContext.builder()
          .now(clock.instant()).draft(draft).capabilities(capabilities).build();
      for (Rule rule : policy.catalog().rules(RuleScope.DRAFT)) {
        String id = rule.definition().id();
        if (!policy.isEnabled(id)) continue;
        RuleResult result = rule.evaluate(context, policy.parameters(rule.definition()));
        if (result.outcome() != Outcome.FAIL && result.outcome() != Outcome.UNKNOWN) continue;
        String message = Objects.requireNonNull(result.message());
        byMessage.computeIfAbsent(id + '\u0000' + message, k -> new ArrayList<>())
            .add(DraftProblem.builder()
                .rule(id)
                .platform(capabilities.platform())
                .severity(policy.severity(rule.definition()))
                .message(message)
                .build());
      }
    }
    List<DraftProblem> result = new ArrayList<>();
    for (List<DraftProblem> same : byMessage.values()) {
      if (platforms.size() > 1 && same.size() == platforms.size()) {
        DraftProblem first = same.get(0);
        result.add(DraftProblem.builder().from(first).platform(null).build());
      } else {
        result.addAll(same);
      }
    }
    return result;
  }
}
