package ru.gospubliki.rules;

import java.util.Map;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * What one rule found on one subject: the outcome, a Russian message telling what to fix (for
 * {@code FAIL} and {@code UNKNOWN}), and details such as measured values or offending post links.
 */
@Value.Immutable
public abstract class RuleResult {
  private static final RuleResult PASS = new Builder().outcome(Outcome.PASS).build();
  private static final RuleResult NOT_APPLICABLE = new Builder().outcome(Outcome.NOT_APPLICABLE).build();

  RuleResult() {}

  public static RuleResult pass() {
    return PASS;
  }

  public static RuleResult pass(Map<String, String> details) {
    return new Builder().outcome(Outcome.PASS).details(details).build();
  }

  public static RuleResult fail(String message) {
    return new Builder().outcome(Outcome.FAIL).message(message).build();
  }

  public static RuleResult fail(String message, Map<String, String> details) {
    return new Builder().outcome(Outcome.FAIL).message(message).details(details).build();
  }

  public static RuleResult unknown(String message) {
    return new Builder().outcome(Outcome.UNKNOWN).message(message).build();
  }

  public static RuleResult notApplicable() {
    return NOT_APPLICABLE;
  }

  public abstract Outcome outcome();

  /** Russian, for people: what is wrong and what to fix. Null on {@code PASS}. */
  public abstract @Nullable String message();

  /** Measured values and evidence, e.g. {@code weeklyCounts=3,4,2,5}. */
  public abstract Map<String, String> details();

  @Value.Check
  void check() {
    boolean needsMessage = outcome() == Outcome.FAIL || outcome() == Outcome.UNKNOWN;
    if (needsMessage && (message() == null || message().isBlank())) {
      throw new IllegalStateException(outcome() + " needs a message");
    }
  }

  static final class Builder extends ImmutableRuleResult.Builder {}
}
