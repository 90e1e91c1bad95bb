package ru.gospubliki.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.Rule;
import ru.gospubliki.rules.RuleCatalog;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleParameters;
import ru.gospubliki.rules.RuleScope;

/**
 * The audit's budget is 50,000 pages/s on one core with 30 posts per page and the ~26 page and
 * publication rules. This measures the rules alone on fresh contexts (own posts not cached), in
 * this thread's CPU time (one core, whatever else the machine runs), and fails well below the
 * budget so that a busy build machine does not make it flaky.
 */
class RulesThroughputTest {
  private static final int PAGES = 5_000;

  @Test
  void evaluatesPagesFastEnough() {
    List<Rule> rules = new ArrayList<>(RuleCatalog.federal().rules(RuleScope.PAGE));
    rules.addAll(RuleCatalog.federal().rules(RuleScope.PUBLICATION));
    assertThat(rules).hasSize(26);
    RuleParameters[] parameters = new RuleParameters[rules.size()];
    for (int i = 0; i < rules.size(); i++) parameters[i] = RuleParameters.of(rules.get(i).definition(), Map.of());

    List<Post> posts = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Post.Builder post = i % 7 == 6 ? Fixtures.personPost(i, i * 1.3) : Fixtures.post(i, i * 1.3);
      posts.add(post.views(100L + i).likes(5L).reposts(1L).comments(2L).build());
    }
    ProfileSnapshot previous = Fixtures.profile().build();
    ProfileSnapshot[] profiles = {
      Fixtures.profile().build(),
      Fixtures.profile().mark(MarkStatus.ABSENT).email("school9@mail").name("Школа 9").build(),
      Fixtures.profile().phones(List.of("+7 701 123 45 67")).website(null).description("коротко").build(),
    };

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    assertThat(threads.isCurrentThreadCpuTimeSupported()).isTrue();
    double best = 0;
    long sink = 0;
    for (int round = 0; round < 8; round++) {
      RuleContext[] contexts = new RuleContext[PAGES];
      for (int p = 0; p < PAGES; p++) {
        contexts[p] = Fixtures.context().organization(Fixtures.organization().build()).page(Fixtures.VK_PAGE)
            .profile(profiles[p % profiles.length]).previous(previous).posts(posts).build();
      }
      long start = threads.getCurrentThreadCpuTime();
      for (RuleContext context : contexts) {
        for (int r = 0; r < parameters.length; r++) {
          if (rules.get(r).evaluate(context, parameters[r]).outcome() == Outcome.FAIL) sink++;
        }
      }
      double pagesPerSecond = PAGES / ((threads.getCurrentThreadCpuTime() - start) / 1e9);
      best = Math.max(best, pagesPerSecond);
    }
    System.out.printf("rules throughput: %.0f pages/s (26 rules, 30 posts per page, best of 8 rounds, thread CPU time)%n", best);
    assertThat(sink).isPositive();
    assertThat(best).isGreaterThan(10_000);
  }
}
