package ru.gospubliki.rules;

/** Where a rule comes from; decides its default {@link Severity}. */
public enum Obligation {
  /** Federal law or Government act (8-ФЗ as amended by 270-ФЗ; order 2523-р). */
  LAW(Severity.VIOLATION),
  /** What Минцифры / ЦУР monitoring and regional acts check and score. */
  RATING(Severity.WARNING),
  /** Methodological recommendations (Минцифры, АНО «Диалог Регионы»). */
  RECOMMENDATION(Severity.NOTICE),
  /** A platform's own limit on posts: a draft breaking it would be refused. */
  PLATFORM(Severity.VIOLATION);

  private final Severity defaultSeverity;

  Obligation(Severity defaultSeverity) {
    this.defaultSeverity = defaultSeverity;
  }

  /** The severity a failed rule of this obligation has unless a policy says otherwise. */
  public Severity defaultSeverity() {
    return defaultSeverity;
  }
}
