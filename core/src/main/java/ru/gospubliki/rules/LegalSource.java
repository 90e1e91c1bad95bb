package ru.gospubliki.rules;

import org.immutables.value.Value;

/**
 * A legal act or document a rule rests on, cited exactly (for example {@code 8-ФЗ ст. 13 ч. 1.1
 * ...}). Sources are data ({@code rule-catalog.json}), so a citation is corrected without touching
 * rule logic.
 */
@Value.Immutable
public abstract class LegalSource {
  LegalSource() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Stable key, e.g. {@code FZ8_ART13_P1_1}. */
  public abstract String key();

  /** The citation as it appears in reports. */
  public abstract String citation();

  /** How far the wording was verified against the act. */
  @Value.Default
  public String verified() {
    return "";
  }

  /** Builds {@link LegalSource} values. */
  public static final class Builder extends ImmutableLegalSource.Builder {
    Builder() {}
  }
}
