package ru.gospubliki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.examples.cli.Cli.MAX_CHAT_ID;
import static ru.gospubliki.examples.cli.Cli.MAX_PAGE;
import static ru.gospubliki.examples.cli.Cli.list;
import static ru.gospubliki.examples.cli.Cli.OK_PAGE;
import static ru.gospubliki.examples.cli.Cli.VK_GROUP_ID;
import static ru.gospubliki.examples.cli.Cli.VK_PAGE;
import static ru.gospubliki.examples.cli.Cli.map;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.gospubliki.examples.sandbox.Sandbox;

/**
 * {@code post} then {@code audit} against one in-process sandbox: what the tool publishes is what
 * the next audit counts.
 */
final class PostEndToEndTest {
  @TempDir Path dir;
  /** "Now" for the sandbox and for --as-of: the sandbox dates its sample posts and new posts by it. */
  final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  Sandbox sandbox;

  @BeforeEach
  void startSandbox() {
    sandbox = Sandbox.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).build();
  }

  @AfterEach
  void stopSandbox() {
    sandbox.close();
  }

  Cli post(String... args) {
    return Cli.against(sandbox, "post", args);
  }

  /** postsLast28Days of each page, from a JSON audit of just these pages as of {@link #now}. */
  Map<String, Object> postsLast28Days() {
    Cli audit = Cli.against(sandbox, "audit", "--page", VK_PAGE, "--page", OK_PAGE, "--format", "json",
        "--as-of", now.toString());
    assertThat(audit.exit).as(audit.toString()).isEqualTo(0);
    List<Object> organizations = list(audit.json().get("organizations"));
    assertThat(organizations).hasSize(2);
    Map<String, Object> vk = map(list(map(organizations.get(0)).get("pages")).get(0));
    Map<String, Object> ok = map(list(map(organizations.get(1)).get("pages")).get(0));
    assertThat(vk).containsEntry("ref", VK_PAGE).containsEntry("status", "COMPLIANT");
    assertThat(ok).containsEntry("ref", OK_PAGE).containsEntry("status", "COMPLIANT");
    return Map.of("vk", vk.get("postsLast28Days"), "ok", ok.get("postsLast28Days"));
  }

  /** Each page's status and postsLast28Days, from a JSON audit of VK, OK and MAX as of {@link #now}. */
  Map<String, Map<String, Object>> auditAllThree() {
    Cli audit = Cli.against(sandbox, "audit", "--page", VK_PAGE, "--page", OK_PAGE, "--page", MAX_PAGE,
        "--format", "json", "--as-of", now.toString());
    assertThat(audit.exit).as(audit.toString()).isEqualTo(0);
    Map<String, Map<String, Object>> pages = new java.util.LinkedHashMap<>();
    for (Object organization : list(audit.json().get("organizations"))) {
      Map<String, Object> page = map(list(map(organization).get("pages")).get(0));
      pages.put((String) page.get("platform"), page);
    }
    assertThat(pages.keySet()).containsExactly("vk", "ok", "max");
    return pages;
  }

  Path png(String name) throws IOException {
    return Files.write(dir.resolve(name), PostEndToEndTestImages.png());
  }

  @Test
  void postedToVkAndOkThenTheAuditCountsTheNewPosts() throws IOException {
    Map<String, Object> before = postsLast28Days();
    assertThat(before).containsEntry("vk", 18.0).containsEntry("ok", 14.0);
    int vkPosts = sandbox.vkPostCount(VK_GROUP_ID);

    Cli post = post("--page", VK_PAGE, "--page", OK_PAGE, "--text", "День открытых дверей в субботу #Заречный",
        "--photo", png("афиша.png").toString());
    assertThat(post.exit).as(post.toString()).isEqualTo(0);
    assertThat(post.err).isEmpty();
    List<Map<String, Object>> lines = post.jsonLines();
    assertThat(lines).hasSize(2);
    for (Map<String, Object> line : lines) {
      assertThat(line).containsOnlyKeys("page", "platform", "status", "postId", "url", "error")
          .containsEntry("status", "PUBLISHED").containsEntry("error", null);
      assertThat((String) line.get("postId")).isNotBlank();
    }
    Map<String, Object> vk = lines.get(0);
    assertThat(vk).containsEntry("page", VK_PAGE).containsEntry("platform", "vk");
    assertThat(vk.get("url")).isEqualTo("https://vk.com/wall-" + VK_GROUP_ID + "_" + vk.get("postId"));
    Map<String, Object> ok = lines.get(1);
    assertThat(ok).containsEntry("page", OK_PAGE).containsEntry("platform", "ok");
    assertThat(ok.get("url")).isEqualTo(OK_PAGE + "/topic/" + ok.get("postId"));
    assertThat(sandbox.vkPostCount(VK_GROUP_ID)).isEqualTo(vkPosts + 1);

    Map<String, Object> after = postsLast28Days();
    assertThat(after).containsEntry("vk", 19.0).containsEntry("ok", 15.0);
  }

  @Test
  void theSameCommandTwiceDoesNotPostTwice() {
    int vkPosts = sandbox.vkPostCount(VK_GROUP_ID);
    String[] args = {"--page", VK_PAGE, "--text", "Итоги олимпиады #школа"};
    Cli first = post(args);
    assertThat(first.exit).as(first.toString()).isEqualTo(0);
    Cli second = post(args);
    assertThat(second.exit).as(second.toString()).isEqualTo(0);
    assertThat(sandbox.vkPostCount(VK_GROUP_ID)).isEqualTo(vkPosts + 1);
    // The second run reports the post the first one made.
    assertThat(second.jsonLines().get(0).get("postId")).isEqualTo(first.jsonLines().get(0).get("postId"));
    assertThat(postsLast28Days()).containsEntry("vk", 19.0);
  }

  @Test
  void aPostForLaterIsScheduledAndNotYetCounted() {
    Instant at = now.plus(Duration.ofDays(2));
    Cli post = post("--page", VK_PAGE, "--page", OK_PAGE, "--text", "Завтра собрание #Заречный", "--at", at.toString());
    assertThat(post.exit).as(post.toString()).isEqualTo(0);
    List<Map<String, Object>> lines = post.jsonLines();
    assertThat(lines).hasSize(2).allSatisfy(line -> {
      assertThat(line).containsEntry("status", "SCHEDULED").containsEntry("error", null);
      assertThat((String) line.get("postId")).isNotBlank();
    });
    assertThat(lines).extracting(l -> l.get("platform")).containsExactly("vk", "ok");
    // Not published yet: the audit as of now sees the same posts as before.
    assertThat(postsLast28Days()).containsEntry("vk", 18.0).containsEntry("ok", 14.0);
  }

  @Test
  void aTextThatStartsWithDashesIsPublished() {
    int vkPosts = sandbox.vkPostCount(VK_GROUP_ID);
    Cli post = post("--page", VK_PAGE, "--text", "-- Внимание: завтра собрание #Заречный");
    assertThat(post.exit).as(post.toString()).isEqualTo(0);
    assertThat(post.jsonLines()).singleElement().satisfies(l -> assertThat(l).containsEntry("status", "PUBLISHED"));
    assertThat(sandbox.vkPostCount(VK_GROUP_ID)).isEqualTo(vkPosts + 1);
  }

  @Test
  void eachTargetsLineIsOutBeforeTheNextTargetIsSent() throws IOException {
    // stdout is buffered as a pipe is: a line counts only once the tool has flushed it.
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(new BufferedOutputStream(printed, 1 << 16), false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    List<String> printedWhenOkWasCalled = new CopyOnWriteArrayList<>();
    int exit;
    try (MockWebServer ok = new MockWebServer()) {
      ok.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          printedWhenOkWasCalled.add(printed.toString(StandardCharsets.UTF_8));
          return new MockResponse.Builder().setHeader("Content-Type", "application/json")
              .body("{\"error_code\":102,\"error_msg\":\"PARAM_SESSION_EXPIRED : Session expired\"}").build();
        }
      });
      ok.start();
      exit = Gospubliki.run(new String[] {"post", "--page", VK_PAGE, "--page", OK_PAGE, "--text", "Новости #Заречный",
          "--vk-api-url", sandbox.vkApiUrl(), "--ok-api-url", ok.url("/fb.do").toString()},
          Cli.env(sandbox), out, err, new CountDownLatch(0));
    }
    assertThat(printedWhenOkWasCalled).isNotEmpty();
    Map<String, Object> vkLine = Cli.json(printedWhenOkWasCalled.get(0).strip());
    assertThat(vkLine).containsEntry("page", VK_PAGE).containsEntry("status", "PUBLISHED");
    out.flush();
    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(Cli.json(lines.get(1))).containsEntry("page", OK_PAGE).doesNotContainEntry("status", "PUBLISHED");
    assertThat(exit).isIn(1, 4);
  }

  @Test
  void oneDraftPostedToVkOkAndMaxIsCountedByTheAuditOfAllThree() throws IOException {
    Map<String, Map<String, Object>> before = auditAllThree();
    assertThat(before.values()).allSatisfy(page -> assertThat(page).containsEntry("status", "COMPLIANT"));
    assertThat(before.get("max")).containsEntry("postsLast28Days", 14.0).containsEntry("ref", MAX_PAGE);
    int maxMessages = sandbox.maxMessageCount(MAX_CHAT_ID);

    Cli post = post("--page", VK_PAGE, "--page", OK_PAGE, "--page", MAX_PAGE,
        "--text", "**День открытых дверей** в субботу #Заречный", "--photo", png("афиша.png").toString());

    assertThat(post.exit).as(post.toString()).isEqualTo(0);
    List<Map<String, Object>> lines = post.jsonLines();
    assertThat(lines).extracting(l -> l.get("platform")).containsExactly("vk", "ok", "max");
    assertThat(lines).allSatisfy(l -> assertThat(l).containsEntry("status", "PUBLISHED").containsEntry("error", null));
    Map<String, Object> max = lines.get(2);
    assertThat(max).containsEntry("page", MAX_PAGE);
    assertThat((String) max.get("postId")).startsWith("mid.");
    assertThat((String) max.get("url")).startsWith(MAX_PAGE + "/");
    // The bot learnt the channel from its bot_added update before posting.
    assertThat(post.err).contains("MAX: бот добавлен в канал «Администрация Заречного района»");
    assertThat(sandbox.maxMessageCount(MAX_CHAT_ID)).isEqualTo(maxMessages + 1);

    Map<String, Map<String, Object>> after = auditAllThree();
    assertThat(after.get("vk")).containsEntry("postsLast28Days", 19.0);
    assertThat(after.get("ok")).containsEntry("postsLast28Days", 15.0);
    assertThat(after.get("max")).containsEntry("postsLast28Days", 15.0).containsEntry("status", "COMPLIANT");
  }

  @Test
  void aDraftWithATimeIsRefusedForMaxBeforeAnythingIsSent() {
    int vkPosts = sandbox.vkPostCount(VK_GROUP_ID);
    int maxMessages = sandbox.maxMessageCount(MAX_CHAT_ID);
    Cli post = post("--page", VK_PAGE, "--page", MAX_PAGE, "--text", "Завтра собрание #Заречный",
        "--at", now.plus(Duration.ofDays(2)).toString());

    assertThat(post.exit).as(post.toString()).isEqualTo(2);
    assertThat(post.err).contains("MAX не поддерживает отложенные публикации: в API MAX нет времени публикации");
    assertThat(post.jsonLines()).extracting(l -> l.get("status")).containsOnly("REJECTED");
    assertThat(sandbox.vkPostCount(VK_GROUP_ID)).isEqualTo(vkPosts);
    assertThat(sandbox.maxMessageCount(MAX_CHAT_ID)).isEqualTo(maxMessages);
  }
}
