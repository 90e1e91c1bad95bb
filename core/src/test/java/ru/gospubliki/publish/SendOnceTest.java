package ru.gospubliki.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.CaptchaAnswer;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.Operation;
import ru.gospubliki.platform.PublishResult;
import ru.gospubliki.platform.PublishStatus;
import ru.gospubliki.platform.SendRequest;
import ru.gospubliki.platform.SendResult;
import ru.gospubliki.rules.Policy;
import ru.gospubliki.rules.RuleCatalog;
import ru.gospubliki.testing.InMemoryPlatform;
import ru.gospubliki.testing.MutableClock;

/**
 * The send-once skeleton behind {@link CrossPoster}, driven through the in-memory platform's
 * failures: lost answers, timeouts, refusals, captchas, crashes mid-send and concurrent callers.
 */
final class SendOnceTest {
  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  final MutableClock clock = MutableClock.at(T0);
  final Policy policy = Policy.builder(RuleCatalog.builder().build()).build();
  final PageRef page = PageRef.of(PlatformId.OK, "1");
  final PageRef other = PageRef.of(PlatformId.OK, "2");
  final PostDraft draft = PostDraft.builder().text("Новости #школа").build();
  final PublishJournal journal = PublishJournal.inMemory();
  /** OK-like: no deduplication of its own, so only the journal prevents a second post. */
  final InMemoryPlatform ok = platform(PlatformId.OK, Duration.ZERO);
  /** VK-like: a repeated send within one hour is dropped by the platform (its guid). */
  final InMemoryPlatform vk = platform(PlatformId.VK, Duration.ofHours(1));
  final PageRef vkPage = PageRef.of(PlatformId.VK, "1");

  InMemoryPlatform platform(PlatformId id, Duration window) {
    InMemoryPlatform platform = InMemoryPlatform.create(Capabilities.builder().platform(id)
        .operations(EnumSet.allOf(Operation.class)).dedupWindow(window).maxTextLength(1000).maxMedia(10)
        .maxPhotoBytes(1000).photoMediaTypes(Set.of("image/jpeg")).build(), clock);
    platform.putProfile(ProfileSnapshot.builder().page(PageRef.of(id, "1")).takenAt(T0).build());
    platform.putProfile(ProfileSnapshot.builder().page(PageRef.of(id, "2")).takenAt(T0).build());
    return platform;
  }

  CrossPoster.Builder builder() {
    return CrossPoster.builder().addPlatform(ok).addPlatform(vk).policy(policy).clock(clock).journal(journal)
        .sleeper(d -> clock.advance(d));
  }

  PublishResult post(PageRef target) {
    return builder().build().post(draft, List.of(target)).results().get(0);
  }

  @Test
  void aLostAnswerWithoutADedupWindowIsReconciledOnThePageNotResent() {
    ok.loseNextPublishResponse();
    PublishResult result = post(page);
    assertThat(result).isInstanceOf(PublishResult.Published.class);
    assertThat(((PublishResult.Published) result).postId()).isEqualTo(ok.posts(page).get(0).id());
    assertThat(ok.sends()).isEqualTo(1);
    assertThat(ok.posts(page)).hasSize(1);
    assertThat(journal.lookup(draft.idempotencyKey(), page).status()).isEqualTo(JournalStatus.PUBLISHED);
  }

  @Test
  void anAnswerLostAndAPageThatCannotBeReadIsUnknownAndNeverResent() {
    ok.loseNextPublishResponse().failLookups(1);
    PublishResult first = post(page);
    assertThat(first.status()).isEqualTo(PublishStatus.UNKNOWN);
    assertThat(((PublishResult.Unknown) first).detail()).contains("ответ платформы потерян", "страницу не удалось прочитать");
    clock.advance(Duration.ofDays(3));
    assertThat(post(page)).isEqualTo(first);
    assertThat(ok.sends()).isEqualTo(1);
    assertThat(ok.posts(page)).hasSize(1);
  }

  @Test
  void aTimeoutThatPostedNothingIsFoundAbsentAndTheNextRunSends() {
    ok.timeOutBeforeRecording(1);
    PublishResult first = post(page);
    assertThat(first).isInstanceOf(PublishResult.Failed.class);
    assertThat(((PublishResult.Failed) first).reason()).isEqualTo(FailureReason.TIMEOUT);
    assertThat(((PublishResult.Failed) first).error()).contains("на странице её нет");
    assertThat(ok.posts(page)).isEmpty();
    assertThat(post(page).status()).isEqualTo(PublishStatus.PUBLISHED);
    assertThat(ok.posts(page)).hasSize(1);
  }

  @Test
  void withinThePlatformsDedupWindowALostAnswerIsSimplyResent() {
    vk.loseNextPublishResponse();
    PublishResult result = post(vkPage);
    assertThat(result.status()).isEqualTo(PublishStatus.PUBLISHED);
    assertThat(vk.sends()).isEqualTo(2); // the resend is dropped by the platform and answers the post
    assertThat(vk.posts(vkPage)).hasSize(1);
    assertThat(journal.lookup(draft.idempotencyKey(), vkPage).attempts()).isEqualTo(2);
  }

  /** The first send's answer is lost; the resend inside VK's guid hour is asked for a captcha. */
  InMemoryPlatform captchaOnTheResend() {
    return vk.onSend(request -> {
      if (vk.sends() == 2) vk.requireCaptcha("42");
    });
  }

  @Test
  void aCaptchaAfterALostAnswerIsNotAFailureWhenTheFirstSendPosted() {
    captchaOnTheResend().loseNextPublishResponse();
    PublishResult result = post(vkPage);
    assertThat(result.status()).isEqualTo(PublishStatus.PUBLISHED);
    assertThat(vk.posts(vkPage)).hasSize(1);
    assertThat(journal.lookup(draft.idempotencyKey(), vkPage).status()).isEqualTo(JournalStatus.PUBLISHED);
  }

  @Test
  void aCaptchaAfterALostAnswerIsUnknownWhenThePageCannotBeRead() {
    captchaOnTheResend().loseNextPublishResponse().failLookups(1);
    PublishResult result = post(vkPage);
    assertThat(result.status()).isEqualTo(PublishStatus.UNKNOWN);
    assertThat(post(vkPage)).isEqualTo(result); // never sent again on a guess
    assertThat(vk.sends()).isEqualTo(2);
  }

  @Test
  void aCaptchaAfterATimeoutThatPostedNothingKeepsItsChallenge() {
    captchaOnTheResend().timeOutBeforeRecording(1);
    PublishResult result = post(vkPage);
    assertThat(result).isInstanceOf(PublishResult.Failed.class);
    assertThat(((PublishResult.Failed) result).reason()).isEqualTo(FailureReason.CAPTCHA);
    assertThat(((PublishResult.Failed) result).captcha()).isNotNull();
    assertThat(vk.posts(vkPage)).isEmpty();
  }

  @Test
  void resendsAreBoundedThenThePageIsChecked() {
    vk.loseResponses(10);
    PublishResult result = post(vkPage);
    assertThat(result.status()).isEqualTo(PublishStatus.PUBLISHED);
    assertThat(vk.sends()).isEqualTo(3); // the first send and two resends
    assertThat(vk.posts(vkPage)).hasSize(1);
  }

  @Test
  void aResendCarriesTheFirstAttemptTime() {
    List<SendRequest> requests = new ArrayList<>();
    vk.loseNextPublishResponse().onSend(requests::add);
    post(vkPage);
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).firstAttemptAt()).isNull();
    assertThat(requests.get(1).firstAttemptAt()).isEqualTo(T0);
  }

  @Test
  void afterThePlatformsWindowTheJournalNotTheGuidPreventsAResend() {
    assertThat(post(vkPage).status()).isEqualTo(PublishStatus.PUBLISHED);
    clock.advance(Duration.ofHours(2)); // VK would now take the same guid as a new post
    assertThat(post(vkPage).status()).isEqualTo(PublishStatus.PUBLISHED);
    assertThat(vk.sends()).isEqualTo(1);
    assertThat(vk.posts(vkPage)).hasSize(1);
  }

  @Test
  void aClaimLeftBySenderThatStoppedIsReconciledByTheNextRun() {
    // A process claimed the page, sent, and died before recording the answer.
    ok.send(SendRequest.builder().page(page).draft(draft).build());
    journal.insert(JournalEntry.builder().idempotencyKey(draft.idempotencyKey()).page(page)
        .status(JournalStatus.SENDING).firstAttemptAt(T0).attempts(1).updatedAt(T0).build());
    clock.advance(Duration.ofMinutes(5));
    PublishResult result = post(page);
    assertThat(result.status()).isEqualTo(PublishStatus.PUBLISHED);
    assertThat(ok.sends()).isEqualTo(1); // found on the page, not sent again
    assertThat(ok.posts(page)).hasSize(1);
  }

  @Test
  void aClaimLeftBySenderThatStoppedBeforeThePlatformActedIsSentByTheRunAfterTheCheck() {
    journal.insert(JournalEntry.builder().idempotencyKey(draft.idempotencyKey()).page(page)
        .status(JournalStatus.SENDING).firstAttemptAt(T0).attempts(1).updatedAt(T0).build());
    clock.advance(Duration.ofMinutes(5));
    assertThat(post(page).status()).isEqualTo(PublishStatus.FAILED); // absent: recorded, not guessed
    assertThat(post(page).status()).isEqualTo(PublishStatus.PUBLISHED);
    assertThat(ok.posts(page)).hasSize(1);
  }

  @Test
  void aSecondCallerWaitsForTheFirstOnesOutcomeInsteadOfSending() {
    JournalEntry claim = JournalEntry.builder().idempotencyKey(draft.idempotencyKey()).page(page)
        .status(JournalStatus.SENDING).firstAttemptAt(T0).attempts(1).updatedAt(T0).build();
    journal.insert(claim);
    int[] sleeps = {0};
    PublishResult result = CrossPoster.builder().addPlatform(ok).policy(policy).clock(clock).journal(journal)
        .sleeper(d -> {
          if (++sleeps[0] == 3) { // the first caller finishes meanwhile
            journal.replace(claim, JournalEntry.builder().from(claim).status(JournalStatus.PUBLISHED).postId("77")
                .url("https://ok.ru/group/1/topic/77").version(1).build());
          }
        }).build().post(draft, List.of(page)).results().get(0);
    assertThat(result).isEqualTo(new PublishResult.Published(page, "77", "https://ok.ru/group/1/topic/77"));
    assertThat(ok.sends()).isZero();
  }

  @Test
  void aRefusalIsAFailureAndTheNextRunSendsAgain() {
    ok.failNextPublish("сервис недоступен");
    PublishResult failed = post(page);
    assertThat(failed).isEqualTo(new PublishResult.Failed(page, FailureReason.REFUSED, "сервис недоступен"));
    assertThat(post(page).status()).isEqualTo(PublishStatus.PUBLISHED);
    assertThat(ok.posts(page)).hasSize(1);
  }

  @Test
  void aCaptchaAnswerGoesToTheChallengedPageOnly() {
    List<SendRequest> requests = new ArrayList<>();
    ok.onSend(requests::add);
    ok.requireCaptcha("x7k2");
    CrossPoster poster = builder().build();
    PublishResult.Failed challenged = (PublishResult.Failed) poster.post(draft, List.of(page)).results().get(0);
    assertThat(challenged.reason()).isEqualTo(FailureReason.CAPTCHA);
    assertThat(challenged.captcha()).isNotNull();
    CaptchaAnswer answer = challenged.captcha().answer("x7k2");

    assertThatThrownBy(() -> poster.postWithCaptchaAnswer(draft, other, answer))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("нет капчи");
    assertThatThrownBy(() -> poster.postWithCaptchaAnswer(draft, page, new CaptchaAnswer("other-sid", "x7k2")))
        .isInstanceOf(IllegalStateException.class);

    PublishResult retried = poster.postWithCaptchaAnswer(draft, page, answer);
    assertThat(retried.status()).isEqualTo(PublishStatus.PUBLISHED);
    assertThat(requests).extracting(SendRequest::captchaAnswer).containsExactly(null, answer);
    assertThat(ok.posts(page)).hasSize(1);
  }

  @Test
  void aPersonSettlesAnUnknownOutcome() {
    ok.loseNextPublishResponse().failLookups(1);
    CrossPoster poster = builder().build();
    assertThat(poster.post(draft, List.of(page, other)).results()).extracting(PublishResult::status)
        .containsExactly(PublishStatus.UNKNOWN, PublishStatus.PUBLISHED);

    assertThatThrownBy(() -> poster.settle(draft.idempotencyKey(), other, Settlement.SENT))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("нечего закрывать");
    JournalEntry settled = poster.settle(draft.idempotencyKey(), page, Settlement.SENT);
    assertThat(settled.status()).isEqualTo(JournalStatus.PUBLISHED);
    assertThat(settled.settledAt()).isEqualTo(T0);
    assertThat(poster.post(draft, List.of(page)).results().get(0).status()).isEqualTo(PublishStatus.PUBLISHED);
    assertThat(ok.sends()).isEqualTo(2); // one per page, nothing after the settlement
    assertThat(poster.journal().entries(draft.idempotencyKey())).hasSize(2);
  }

  @Test
  void settledAsNotSentTheNextRunSends() {
    ok.timeOutBeforeRecording(1).failLookups(1);
    CrossPoster poster = builder().build();
    assertThat(poster.post(draft, List.of(page)).results().get(0).status()).isEqualTo(PublishStatus.UNKNOWN);
    assertThat(poster.settle(draft.idempotencyKey(), page, Settlement.NOT_SENT).status())
        .isEqualTo(JournalStatus.NOT_SENT);
    assertThat(poster.post(draft, List.of(page)).results().get(0).status()).isEqualTo(PublishStatus.PUBLISHED);
    assertThat(ok.posts(page)).hasSize(1);
  }

  @Test
  void anAdapterThatThrowsMidSendIsAmbiguousAndReconciled() {
    InMemoryPlatform throwing = platform(PlatformId.OK, Duration.ZERO);
    throwing.onSend(request -> {
      throw new IllegalStateException("connection reset");
    });
    PublishResult result = CrossPoster.builder().addPlatform(throwing).policy(policy).clock(clock).journal(journal)
        .build().post(draft, List.of(page)).results().get(0);
    assertThat(result.status()).isEqualTo(PublishStatus.FAILED); // the page was read: nothing there
    assertThat(((PublishResult.Failed) result).error()).contains("connection reset");
  }

  @Test
  void aJournalThatFailsMeansNothingIsSent() {
    PublishJournal broken = new PublishJournal() {
      @Override public @Nullable JournalEntry lookup(String key, PageRef page) { throw new IllegalStateException("database is down"); }
      @Override public List<JournalEntry> entries(String key) { throw new IllegalStateException("database is down"); }
      @Override public boolean insert(JournalEntry entry) { throw new IllegalStateException("database is down"); }
      @Override public boolean replace(JournalEntry expected, JournalEntry updated) { throw new IllegalStateException("database is down"); }
    };
    PublishResult result = CrossPoster.builder().addPlatform(ok).policy(policy).clock(clock).journal(broken)
        .build().post(draft, List.of(page)).results().get(0);
    assertThat(result.status()).isEqualTo(PublishStatus.FAILED);
    assertThat(((PublishResult.Failed) result).error()).contains("журнал публикаций недоступен", "database is down");
    assertThat(ok.sends()).isZero();
  }

  @Test
  void twoPostersOnOneJournalPostingAtOnceMakeOnePostPerPage() throws Exception {
    List<PageRef> pages = new ArrayList<>();
    InMemoryPlatform many = InMemoryPlatform.create(PlatformId.OK, java.time.Clock.systemUTC());
    for (int i = 1; i <= 50; i++) {
      PageRef p = PageRef.of(PlatformId.OK, Integer.toString(i));
      many.putProfile(ProfileSnapshot.builder().page(p).takenAt(T0).build());
      pages.add(p);
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<CrossPostResult>> results = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        results.add(threads.submit(() -> {
          start.await();
          return CrossPoster.builder().addPlatform(many).policy(policy).journal(journal).build().post(draft, pages);
        }));
      }
      start.countDown();
      for (Future<CrossPostResult> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS).results()).extracting(PublishResult::status)
            .containsOnly(PublishStatus.PUBLISHED);
      }
    } finally {
      threads.shutdownNow();
    }
    for (PageRef p : pages) assertThat(many.posts(p)).as(p.url()).hasSize(1);
    assertThat(many.sends()).isEqualTo(50);
  }

  @Test
  void sendResultsAreMappedToEntries() {
    ok.requireCaptcha("a");
    SendResult refused = ok.send(SendRequest.builder().page(page).draft(draft).build());
    assertThat(refused).isInstanceOf(SendResult.Refused.class);
    assertThat(((SendResult.Refused) refused).captcha().imageUrl()).startsWith("https://");
  }
}
