package ru.gospubliki.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.platform.PostQuery;
import ru.gospubliki.testing.InMemoryPlatform;

/** How an audit reads one platform: two chunks at a time while the evaluation waits for them, handed over in order. */
final class PageReaderTest {
  final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void twoChunksPostsAreReadAtOnceAndHandedOverInOrder() {
    InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, clock);
    List<PageRef> pages = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      PageRef page = PageRef.of(PlatformId.VK, Integer.toString(i));
      vk.putProfile(AuditFidelityTest.compliant(page).build());
      pages.add(page);
    }
    CountDownLatch bothInside = new CountDownLatch(2);
    List<String> calls = new ArrayList<>();
    AtomicInteger reading = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    Platform platform = new AuditFidelityTest.ForwardingPlatform(vk) {
      @Override
      public Map<PageRef, FetchResult<PostHistory>> fetchPosts(Collection<PageRef> chunk, PostQuery query) {
        mostAtOnce.accumulateAndGet(reading.incrementAndGet(), Math::max);
        try {
          if (chunk.contains(pages.get(0)) || chunk.contains(pages.get(2))) {
            // Each of the first two chunks' posts waits until the other's are being read too.
            bothInside.countDown();
            boolean overlapped = bothInside.await(10, TimeUnit.SECONDS);
            synchronized (calls) {
              calls.add("posts " + chunk.iterator().next().id() + (overlapped ? " with the other" : " alone"));
            }
          }
          return super.fetchPosts(chunk, query);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Map.of();
        } finally {
          reading.decrementAndGet();
        }
      }
    };
    PostQuery query = PostQuery.builder().since(clock.instant().minus(Duration.ofDays(30))).build();
    List<PageObservation> observed = new ArrayList<>();
    new PageReader(Map.of(PlatformId.VK, platform), query, 2).read(pages, observed::addAll);

    assertThat(calls).containsExactlyInAnyOrder("posts 1 with the other", "posts 3 with the other");
    assertThat(mostAtOnce.get()).isEqualTo(PageReader.IN_FLIGHT);
    assertThat(observed).extracting(PageObservation::page).containsExactlyElementsOf(pages);
    assertThat(observed).allSatisfy(o -> {
      assertThat(o.profile()).isInstanceOf(FetchResult.Success.class);
      assertThat(o.posts()).isInstanceOf(FetchResult.Success.class);
    });
  }

  @Test
  void whenTheEvaluationIsTheSlowerOneChunkIsReadAtATime() {
    InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, clock);
    List<PageRef> pages = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      PageRef page = PageRef.of(PlatformId.VK, Integer.toString(i));
      vk.putProfile(AuditFidelityTest.compliant(page).build());
      pages.add(page);
    }
    AtomicInteger profilesAsked = new AtomicInteger();
    Platform platform = new AuditFidelityTest.ForwardingPlatform(vk) {
      @Override
      public Map<PageRef, FetchResult<ProfileSnapshot>> fetchProfiles(Collection<PageRef> chunk) {
        profilesAsked.incrementAndGet();
        return super.fetchProfiles(chunk);
      }
    };
    PostQuery query = PostQuery.builder().since(clock.instant().minus(Duration.ofDays(30))).build();
    List<Integer> startedWhenHandedOver = new ArrayList<>();
    new PageReader(Map.of(PlatformId.VK, platform), query, 2).read(pages, chunk -> {
      try {
        Thread.sleep(200); // an evaluation slower than the reading: the readers must wait, not pile up
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      startedWhenHandedOver.add(profilesAsked.get());
    });

    // The first chunk was awaited, so the third was started with the second; from the second on the
    // evaluation was busy when a chunk was ready, so chunk k is evaluated while only chunk k+1 is read.
    assertThat(startedWhenHandedOver).hasSize(6);
    assertThat(startedWhenHandedOver.get(0)).isLessThanOrEqualTo(3);
    for (int k = 2; k <= 6; k++) assertThat(startedWhenHandedOver.get(k - 1)).isLessThanOrEqualTo(Math.min(6, k + 1));
  }
}
