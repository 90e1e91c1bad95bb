package ru.gospubliki.rules;

/** The result of one rule on one subject. */
public enum Outcome {
  PASS,
  FAIL,
  /** The data the rule needs is not available: never counted as a failure. */
  UNKNOWN,
  /** The rule does not apply to this subject. */
  NOT_APPLICABLE
}
