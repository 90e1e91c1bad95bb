package ru.gospubliki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.examples.cli.Cli.list;
import static ru.gospubliki.examples.cli.Cli.map;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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
  static final String VK_PAGE = "https://vk.com/zarechny_adm";
  static final long VK_GROUP_ID = 218400101L;
  static final String OK_PAGE = "https://ok.ru/group/53350000000101";
  static final String MAX_PAGE = "https://max.ru/zarechny_adm";
  static final long MAX_CHAT_ID = -70000000000101L;

  @TempDir Path dir;
  /** "Now" for the sandbox and for --as-of: the sandbox dates its sample posts and new posts by it. */
  final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  Sandbox sandbox;
  Map<String, String> env;

  @BeforeEach
  void startSandbox() {
    sandbox = Sandbox.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    env = Cli.env(sandbox);
  }

  @AfterEach
  void stopSandbox() {
    sandbox.close();
  }

  Cli post(String... args) {
    String[] full = new String[args.length + 7];
    full[0] = "post";
    System.arraycopy(args, 0, full, 1, args.length);
    full[args.length + 1] = "--vk-api-url";
    full[args.length + 2] = sandbox.vkApiUrl();
    full[args.length + 3] = "--ok-api-url";
    full[args.length + 4] = sandbox.okApiUrl();
    full[args.length + 5] = "--max-api-url";
    full[args.length + 6] = sandbox.maxApiUrl();
    return Cli.run(env, full);
  }

  /** postsLast28Days of each page, from a JSON audit of just these pages as of {@link #now}. */
  Map<String, Object> postsLast28Days() {
    Cli audit = Cli.run(env, "audit", "--page", VK_PAGE, "--page", OK_PAGE, "--format", "json",
        "--as-of", now.toString(), "--vk-api-url", sandbox.vkApiUrl(), "--ok-api-url", sandbox.okApiUrl());
    assertThat(audit.exit).as(audit.toString()).isEqualTo(0);
    List<Object> organizations = list(audit.json().get("organizations"));
    assertThat(organizations).hasSize(2);
    Map<String, Object> vk = map(list(map(organizations.get(0)).get("pages")).get(0));
    Map<String, Object> ok = map(list(map(organizations.get(1)).get("pages")).get(0));
    assertThat(vk).containsEntry("url", VK_PAGE).containsEntry("status", "COMPLIANT");
    assertThat(ok).containsEntry("url", OK_PAGE).containsEntry("status", "COMPLIANT");
    return Map.of("vk", vk.get("postsLast28Days"), "ok", ok.get("postsLast28Days"));
  }

  /** Each page's status and postsLast28Days, from a JSON audit of VK, OK and MAX as of {@link #now}. */
  Map<String, Map<String, Object>> auditAllThree() {
    Cli audit = Cli.run(env, "audit", "--page", VK_PAGE, "--page", OK_PAGE, "--page", MAX_PAGE, "--format", "json",
        "--as-of", now.toString(), "--vk-api-url", sandbox.vkApiUrl(), "--ok-api-url", sandbox.okApiUrl(),
        "--max-api-url", sandbox.maxApiUrl());
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
  void oneDraftPostedToVkOkAndMaxIsCountedByTheAuditOfAllThree() throws IOException {
    Map<String, Map<String, Object>> before = auditAllThree();
    assertThat(before.values()).allSatisfy(page -> assertThat(page).containsEntry("status", "COMPLIANT"));
    assertThat(before.get("max")).containsEntry("postsLast28Days", 14.0).containsEntry("url", MAX_PAGE);
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
    assertThat(after.get("max")).containsEntry("postsLast28Days", 15.0);
    assertThat(after.get("max").get("status")).isEqualTo("COMPLIANT");
  }

  @Test
  void aDraftWithATimeIsRefusedForMaxBeforeAnythingIsSent() {
    int vkPosts = sandbox.vkPostCount(VK_GROUP_ID);
    int maxMessages = sandbox.maxMessageCount(MAX_CHAT_ID);
    Cli post = post("--page", VK_PAGE, "--page", MAX_PAGE, "--text", "Завтра собрание #Заречный",
        "--at", now.plus(Duration.ofDays(2)).toString());

    assertThat(post.exit).as(post.toString()).isEqualTo(2);
    assertThat(post.err).contains("отложенн");
    assertThat(post.jsonLines()).extracting(l -> l.get("status")).containsOnly("REJECTED");
    assertThat(sandbox.vkPostCount(VK_GROUP_ID)).isEqualTo(vkPosts);
    assertThat(sandbox.maxMessageCount(MAX_CHAT_ID)).isEqualTo(maxMessages);
  }
}
