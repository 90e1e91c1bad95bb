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

/** How an audit reads one platform: two chunks at a time, handed over in order, never more held than three. */
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
    CountDownLatch secondChunkPosts = new CountDownLatch(1);
    List<String> calls = new ArrayList<>();
    AtomicInteger reading = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    Platform platform = new AuditFidelityTest.ForwardingPlatform(vk) {
      @Override
      public Map<PageRef, FetchResult<PostHistory>> fetchPosts(Collection<PageRef> chunk, PostQuery query) {
        mostAtOnce.accumulateAndGet(reading.incrementAndGet(), Math::max);
        try {
          if (chunk.contains(pages.get(2))) secondChunkPosts.countDown();
          if (chunk.contains(pages.get(0))) {
            // The first chunk's last answers are slow: the second chunk's posts are read meanwhile.
            boolean overlapped = secondChunkPosts.await(10, TimeUnit.SECONDS);
            synchronized (calls) {
              calls.add(overlapped ? "posts 1 while posts 3" : "posts 1 alone");
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

    assertThat(calls).containsExactly("posts 1 while posts 3");
    assertThat(mostAtOnce.get()).isEqualTo(PageReader.IN_FLIGHT);
    assertThat(observed).extracting(PageObservation::page).containsExactlyElementsOf(pages);
    assertThat(observed).allSatisfy(o -> {
      assertThat(o.profile()).isInstanceOf(FetchResult.Success.class);
      assertThat(o.posts()).isInstanceOf(FetchResult.Success.class);
    });
  }

  @Test
  void noMoreThanThreeChunksAreHeldWhileTheAuditIsSlowToEvaluate() {
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
        Thread.sleep(50); // an evaluation slower than the reading: the readers must wait, not pile up
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      startedWhenHandedOver.add(profilesAsked.get());
    });

    // Chunk k (from 1) is evaluated while chunks k+1 and k+2 at most are read or wait to be handed over.
    assertThat(startedWhenHandedOver).hasSize(6);
    for (int k = 1; k <= 6; k++) assertThat(startedWhenHandedOver.get(k - 1)).isLessThanOrEqualTo(Math.min(6, k + 2));
  }
}
