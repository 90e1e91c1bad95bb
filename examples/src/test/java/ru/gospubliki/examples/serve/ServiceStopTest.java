package ru.gospubliki.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.publish.JournalStatus;
import ru.gospubliki.publish.PublishJournal;
import ru.gospubliki.store.Store;
import ru.gospubliki.testing.InMemoryPlatform;

/** Stopping the service finishes what is in flight: a post under way is sent and recorded, new requests are refused. */
class ServiceStopTest {
  @Test
  void stopRefusesNewRequestsAndLetsAPostUnderWayFinishAndBeRecorded() throws Exception {
    Clock clock = Clock.systemUTC();
    PageRef page = PageRef.of(PlatformId.VK, "1");
    InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, clock);
    vk.putProfile(ProfileSnapshot.builder().page(page).takenAt(clock.instant()).build());
    CountDownLatch sending = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    vk.onSend(request -> {
      sending.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Store store = Store.inMemory();
    Service service = Service.builder(store).addPlatform(vk).apiKeys(Served.ALL + "=*")
        .stopTimeout(Duration.ofSeconds(20)).build();
    service.start();
    String url = service.url();
    CompletableFuture<Served.Answer> post = CompletableFuture.supplyAsync(() -> {
      try {
        return Served.call(new Request.Builder().url(url + "api/v1/posts").header("Authorization", "Bearer " + Served.ALL)
            .header("Idempotency-Key", "stop-1")
            .post(RequestBody.create(ServiceApiTest.news("Новости #школа", "https://vk.com/club1"), Served.JSON)).build());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<List<String>> stopped = CompletableFuture.supplyAsync(service::stop);
    // A request that arrives now is refused: the service is stopping.
    Served.Answer refused = null;
    for (int i = 0; i < 100; i++) {
      refused = Served.call(new Request.Builder().url(url + "api/v1/reports/latest")
          .header("Authorization", "Bearer " + Served.ALL).build());
      if (refused.status() == 503) break;
      Thread.sleep(20);
    }
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.error()).contains("останавливается");
    assertThat(stopped.isDone()).isFalse(); // waiting for the post
    release.countDown();
    assertThat(post.get(10, TimeUnit.SECONDS).results()).extracting(r -> r.get("status")).containsExactly("PUBLISHED");
    assertThat(stopped.get(30, TimeUnit.SECONDS)).isEmpty();
    PublishJournal journal = store.journal();
    assertThat(journal.entries(Posts.journalKey(Scope.ALL, "stop-1"))).extracting(e -> e.status())
        .containsExactly(JournalStatus.PUBLISHED);
    assertThat(vk.posts(page)).hasSize(1);
  }
}
