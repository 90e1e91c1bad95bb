package ru.gospubliki.rules;

import java.util.List;

/** A policy file that cannot be used: every problem found, each naming the rule or field. */
public final class PolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public PolicyException(String source, List<String> problems) {
    super(source + ": " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, in Russian, e.g. {@code неизвестное правило «PROFILE_MAIL»}. */
  public List<String> problems() {
    return problems;
  }
}
