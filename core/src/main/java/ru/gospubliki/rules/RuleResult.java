package ru.gospubliki.rules;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.CompactMap;

/**
 * What one rule found on one subject: the outcome, a Russian message telling what to fix (for
 * {@code FAIL} and {@code UNKNOWN}), and details such as measured values or offending post links.
 *
 * <p>A hand-written value class rather than an Immutables one: audits create one per rule per page.
 * The message may be a {@link Message}, kept in parts so that the findings of many pages share its
 * fixed text; the details are copied once, compactly.
 */
public final class RuleResult {
  private static final RuleResult PASS = new RuleResult(Outcome.PASS, null, Map.of(), false);
  private static final RuleResult NOT_APPLICABLE = new RuleResult(Outcome.NOT_APPLICABLE, null, Map.of(), false);

  private final Outcome outcome;
  private final @Nullable CharSequence message;
  private final Map<String, String> details;
  private final boolean notShown;

  private RuleResult(Outcome outcome, @Nullable CharSequence message, Map<String, String> details, boolean notShown) {
    boolean needsMessage = outcome == Outcome.FAIL || outcome == Outcome.UNKNOWN;
    if (needsMessage && (message == null || message.toString().isBlank())) {
      throw new IllegalStateException(outcome + " needs a message");
    }
    this.outcome = outcome;
    this.message = message;
    this.details = CompactMap.copyOf(details);
    this.notShown = notShown;
  }

  public static RuleResult pass() {
    return PASS;
  }

  public static RuleResult pass(Map<String, String> details) {
    return new RuleResult(Outcome.PASS, null, details, false);
  }

  /** {@code FAIL} with a message in Russian: what is wrong and what to fix. */
  public static RuleResult fail(CharSequence message) {
    return new RuleResult(Outcome.FAIL, message, Map.of(), false);
  }

  public static RuleResult fail(CharSequence message, Map<String, String> details) {
    return new RuleResult(Outcome.FAIL, message, details, false);
  }

  /** {@code UNKNOWN}: data the platform normally returns could not be read this time. */
  public static RuleResult unknown(CharSequence message) {
    return new RuleResult(Outcome.UNKNOWN, message, Map.of(), false);
  }

  /** {@code UNKNOWN} with the measured values so far, e.g. how many posts were seen. */
  public static RuleResult unknown(CharSequence message, Map<String, String> details) {
    return new RuleResult(Outcome.UNKNOWN, message, details, false);
  }

  /**
   * {@code UNKNOWN} because the platform never shows the data the rule needs (OK has no email
   * field, MAX no mark), not because this read failed: such a result does not make the page
   * {@code UNVERIFIED}, since reading again would not tell more.
   */
  public static RuleResult notShown(CharSequence message) {
    return new RuleResult(Outcome.UNKNOWN, message, Map.of(), true);
  }

  public static RuleResult notApplicable() {
    return NOT_APPLICABLE;
  }

  public Outcome outcome() {
    return outcome;
  }

  /** Russian, for people: what is wrong and what to fix. Null on {@code PASS}. */
  public @Nullable String message() {
    return message == null ? null : message.toString();
  }

  /**
   * The message as the rule gave it: a {@link String}, or a {@link Message} whose fixed text is
   * shared with other results. Null on {@code PASS}.
   */
  public @Nullable CharSequence messageText() {
    return message;
  }

  /**
   * True for an {@code UNKNOWN} made by {@link #notShown}: the platform never shows the data.
   * Any other {@code UNKNOWN} means data the platform normally returns could not be read this time.
   */
  public boolean notShown() {
    return notShown;
  }

  /** Measured values and evidence, e.g. {@code weeklyCounts=3,4,2,5}, in the order the rule gave them. */
  public Map<String, String> details() {
    return details;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (!(other instanceof RuleResult)) return false;
    RuleResult that = (RuleResult) other;
    return outcome == that.outcome && Objects.equals(message(), that.message()) && details.equals(that.details)
        && notShown == that.notShown;
  }

  @Override
  public int hashCode() {
    return Objects.hash(outcome, message(), details, notShown);
  }

  @Override
  public String toString() {
    return "RuleResult{" + outcome + (message != null ? ", " + message : "") + (details.isEmpty() ? "" : ", " + details) + "}";
  }
}
