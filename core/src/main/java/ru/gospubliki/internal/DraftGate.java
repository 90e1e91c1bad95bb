package ru.gospubliki.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.publish.DraftProblem;
import ru.gospubliki.publish.DraftValidator;
import ru.gospubliki.rules.Policy;

/**
 * The SDK's draft validator as the platform adapters apply it to what they send or edit
 * themselves, so that no adapter keeps draft checks of its own: the federal policy's blocking
 * problems against the capabilities of the credential used.
 */
public final class DraftGate {
  private static final Policy POLICY = Policy.federal();

  private DraftGate() {}

  /** The blocking problems of {@code draft} for {@code capabilities}, each a Russian message; empty when it may go. */
  public static List<String> problems(PostDraft draft, Capabilities capabilities, Clock clock) {
    List<String> problems = new ArrayList<>();
    for (DraftProblem problem : new DraftValidator(POLICY, clock).validate(draft, List.of(capabilities))) {
      if (problem.blocking()) problems.add(problem.message());
    }
    return problems;
  }

  /**
   * Throws when {@code draft} has a blocking problem for {@code capabilities}.
   *
   * @throws IllegalArgumentException listing every problem, in Russian.
   */
  public static void require(PostDraft draft, Capabilities capabilities, Clock clock) {
    List<String> problems = problems(draft, capabilities, clock);
    if (!problems.isEmpty()) throw new IllegalArgumentException(String.join(" ", problems));
  }
}
