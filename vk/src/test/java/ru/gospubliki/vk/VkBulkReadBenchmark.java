package ru.gospubliki.vk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.platform.FetchResult;

/**
 * Measures a bulk audit read against MockWebServer at VK's user-token rate: profiles and a 28-day
 * window of posts for 1,700 communities at 3 requests/s. Target: at most ⌈N/500⌉ +
 * ⌈N/25⌉ + 2 requests and wall time within 1.2 × requests ÷ rate.
 *
 * <p>Takes about 25 seconds, so it is off by default. Run:
 *
 * <pre>
 * mvn -o -q -B test -pl vk -am -Dtest=VkBulkReadBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark=true
 * </pre>
 */
@Tag("benchmark")
class VkBulkReadBenchmark {
  static final int COMMUNITIES = 1700;
  static final double RATE = 3;

  @Test
  @EnabledIfSystemProperty(named = "benchmark", matches = "true")
  void bulkReadAtTheUserTokenRate() throws IOException {
    Instant now = Instant.parse("2026-11-23T12:00:00Z");
    FakeVk vk = new FakeVk();
    List<PageRef> pages = new ArrayList<>();
    for (long gid = 1; gid <= COMMUNITIES; gid++) {
      vk.groups.put(gid, "{\"id\":" + gid + ",\"name\":\"МБОУ СОШ № " + gid + "\",\"screen_name\":\"club" + gid
          + "\",\"is_closed\":0,\"is_government_organization\":1,\"wall\":2}");
      List<String> wall = new ArrayList<>();
      wall.add(VkWallReadTest.post(gid, 1, now.minus(Duration.ofDays(300)), -gid, ",\"is_pinned\":1"));
      for (int i = 0; i < 14; i++) wall.add(VkWallReadTest.post(gid, 100 - i, now.minus(Duration.ofHours(45L * i + 3)), -gid, ""));
      vk.walls.put(gid, wall);
      pages.add(PageRef.parse("vk:" + gid));
    }
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(vk);
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      vk.tokenKinds.put("benchmark-user-token", "user");
      VkPlatform platform = VkPlatform.builder()
          .userToken("benchmark-user-token")
          .userRequestsPerSecond(RATE)
          .baseUrl(server.url("/method/").toString())
          .clock(Clock.fixed(now, ZoneOffset.UTC))
          .build();

      long started = System.nanoTime();
      var profiles = platform.fetchProfiles(pages);
      var posts = platform.fetchPosts(pages, ru.gospubliki.platform.PostQuery.since(now.minus(Duration.ofDays(28))));
      double seconds = (System.nanoTime() - started) / 1e9;

      int requests = vk.total();
      int budget = (COMMUNITIES + 499) / 500 + (COMMUNITIES + 24) / 25 + 2;
      double floor = requests / RATE;
      System.out.printf(Locale.ROOT, "VkBulkReadBenchmark: %d communities, %d requests (budget %d), %.1f s "
              + "(requests/rate %.1f s, ratio %.3f)%n", COMMUNITIES, requests, budget, seconds, floor, seconds / floor);
      assertThat(profiles.values()).allMatch(r -> r instanceof FetchResult.Success);
      assertThat(posts.values()).allMatch(r -> r instanceof FetchResult.Success);
      assertThat(requests).isLessThanOrEqualTo(budget);
      assertThat(seconds).isLessThanOrEqualTo(1.2 * floor);
    }
  }
}
