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
import org.junit.jupiter.api.Test;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.platform.PostQuery;
import ru.gospubliki.testing.InMemoryPlatform;

/** How an audit reads one platform: chunk by chunk, the next chunk's profiles while this one's posts. */
final class PageReaderTest {
  final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void theNextChunksProfilesAreReadWhileThisChunksPostsAre() {
    InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, clock);
    List<PageRef> pages = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      PageRef page = PageRef.of(PlatformId.VK, Integer.toString(i));
      vk.putProfile(AuditFidelityTest.compliant(page).build());
      pages.add(page);
    }
    CountDownLatch secondChunkProfiles = new CountDownLatch(1);
    List<String> calls = new ArrayList<>();
    Platform platform = new AuditFidelityTest.ForwardingPlatform(vk) {
      @Override
      public Map<PageRef, FetchResult<ProfileSnapshot>> fetchProfiles(Collection<PageRef> chunk) {
        synchronized (calls) {
          calls.add("profiles " + chunk.iterator().next().id());
        }
        if (chunk.contains(pages.get(2))) secondChunkProfiles.countDown();
        return super.fetchProfiles(chunk);
      }

      @Override
      public Map<PageRef, FetchResult<PostHistory>> fetchPosts(Collection<PageRef> chunk, PostQuery query) {
        if (chunk.contains(pages.get(0))) {
          try {
            // The first chunk's posts take as long as it takes the second chunk's profiles to be asked for.
            boolean overlapped = secondChunkProfiles.await(10, TimeUnit.SECONDS);
            synchronized (calls) {
              calls.add(overlapped ? "posts 1 after profiles 3" : "posts 1 alone");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return super.fetchPosts(chunk, query);
      }
    };
    PostQuery query = PostQuery.builder().since(clock.instant().minus(Duration.ofDays(30))).build();
    List<PageObservation> observed = new ArrayList<>();
    new PageReader(Map.of(PlatformId.VK, platform), query, 2).read(pages, observed::addAll);

    assertThat(calls).contains("posts 1 after profiles 3").doesNotContain("posts 1 alone");
    assertThat(observed).extracting(PageObservation::page).containsExactlyElementsOf(pages);
    assertThat(observed).allSatisfy(o -> {
      assertThat(o.profile()).isInstanceOf(FetchResult.Success.class);
      assertThat(o.posts()).isInstanceOf(FetchResult.Success.class);
    });
  }
}
