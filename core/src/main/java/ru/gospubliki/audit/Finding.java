package ru.gospubliki.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.CompactMap;
import ru.gospubliki.rules.Message;
import ru.gospubliki.rules.Obligation;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.Severity;

/**
 * One rule's result on one page or organisation, with its severity under the policy and its basis.
 *
 * <p>A hand-written value class rather than an Immutables one: a national audit holds hundreds of
 * thousands of findings. Equal findings are shared by the audit; a finding unique to its page keeps
 * its message as a {@link Message} (the rule's fixed text shared, only the page's values its own)
 * and its details in one small array.
 *
 * <pre>{@code
 * Finding finding = Finding.builder().rule("PROFILE_EMAIL").outcome(Outcome.FAIL)
 *     .severity(Severity.VIOLATION).obligation(Obligation.LAW).basis("8-ФЗ ст. 13 ч. 1.1")
 *     .message("Укажите email.").build();
 * }</pre>
 */
public final class Finding {
  private final String rule;
  private final Outcome outcome;
  private final Severity severity;
  private final Obligation obligation;
  private final String basis;
  private final @Nullable CharSequence message;
  private final Map<String, String> details;

  private Finding(Builder builder) {
    this.rule = Objects.requireNonNull(builder.rule, "rule");
    this.outcome = Objects.requireNonNull(builder.outcome, "outcome");
    this.severity = Objects.requireNonNull(builder.severity, "severity");
    this.obligation = Objects.requireNonNull(builder.obligation, "obligation");
    this.basis = Objects.requireNonNull(builder.basis, "basis");
    this.message = builder.message;
    this.details = CompactMap.copyOf(builder.details);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The rule's stable id. */
  public String rule() {
    return rule;
  }

  public Outcome outcome() {
    return outcome;
  }

  public Severity severity() {
    return severity;
  }

  public Obligation obligation() {
    return obligation;
  }

  /** The legal basis, cited. */
  public String basis() {
    return basis;
  }

  /** Russian: what is wrong and what to fix; null on {@code PASS}. */
  public @Nullable String message() {
    return message == null ? null : message.toString();
  }

  /** The message as kept: a {@link String}, or a {@link Message} sharing its fixed text with other findings. */
  @Nullable CharSequence messageText() {
    return message;
  }

  /** Measured values and evidence, in the order the rule gave them. */
  public Map<String, String> details() {
    return details;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) return true;
    if (!(other instanceof Finding)) return false;
    Finding that = (Finding) other;
    return rule.equals(that.rule) && outcome == that.outcome && severity == that.severity
        && obligation == that.obligation && basis.equals(that.basis) && Objects.equals(message(), that.message())
        && details.equals(that.details);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rule, outcome, severity, obligation, basis, message(), details);
  }

  @Override
  public String toString() {
    return "Finding{rule=" + rule + ", outcome=" + outcome + ", severity=" + severity + ", obligation=" + obligation
        + ", basis=" + basis + ", message=" + message + ", details=" + details + "}";
  }

  /** Builds {@link Finding} values; rule, outcome, severity, obligation and basis are required. */
  public static final class Builder {
    private @Nullable String rule;
    private @Nullable Outcome outcome;
    private @Nullable Severity severity;
    private @Nullable Obligation obligation;
    private @Nullable String basis;
    private @Nullable CharSequence message;
    private final Map<String, String> details = new LinkedHashMap<>();

    Builder() {}

    /** Copies every field of {@code finding}. */
    public Builder from(Finding finding) {
      rule = finding.rule;
      outcome = finding.outcome;
      severity = finding.severity;
      obligation = finding.obligation;
      basis = finding.basis;
      message = finding.message;
      details.clear();
      details.putAll(finding.details);
      return this;
    }

    public Builder rule(String rule) {
      this.rule = Objects.requireNonNull(rule, "rule");
      return this;
    }

    public Builder outcome(Outcome outcome) {
      this.outcome = Objects.requireNonNull(outcome, "outcome");
      return this;
    }

    public Builder severity(Severity severity) {
      this.severity = Objects.requireNonNull(severity, "severity");
      return this;
    }

    public Builder obligation(Obligation obligation) {
      this.obligation = Objects.requireNonNull(obligation, "obligation");
      return this;
    }

    public Builder basis(String basis) {
      this.basis = Objects.requireNonNull(basis, "basis");
      return this;
    }

    /** The message: a {@link String}, or a {@link Message} whose fixed text is shared; null for none. */
    public Builder message(@Nullable CharSequence message) {
      this.message = message;
      return this;
    }

    /** Replaces the details with {@code details}, in their order. */
    public Builder details(Map<String, String> details) {
      this.details.clear();
      return putAllDetails(details);
    }

    public Builder putDetail(String name, String value) {
      details.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder putAllDetails(Map<String, String> details) {
      details.forEach(this::putDetail);
      return this;
    }

    public Finding build() {
      return new Finding(this);
    }
  }
}
