package ru.gospubliki.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.Operation;
import ru.gospubliki.platform.PublishResult;
import ru.gospubliki.platform.PublishStatus;
import ru.gospubliki.platform.SendRequest;
import ru.gospubliki.platform.SendResult;
import ru.gospubliki.rules.Obligation;
import ru.gospubliki.rules.Policy;
import ru.gospubliki.rules.Rule;
import ru.gospubliki.rules.RuleCatalog;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleDefinition;
import ru.gospubliki.rules.RuleParameters;
import ru.gospubliki.rules.RuleResult;
import ru.gospubliki.rules.RuleScope;
import ru.gospubliki.testing.InMemoryPlatform;

final class CrossPosterTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  /** A platform limit: text within capabilities.maxTextLength(). */
  static final Rule LENGTH = draftRule("T_LENGTH", Obligation.PLATFORM, context -> {
    Capabilities capabilities = context.capabilities();
    PostDraft draft = context.draft();
    if (draft == null || capabilities == null) return RuleResult.notApplicable();
    return draft.fullText().length() <= capabilities.maxTextLength() ? RuleResult.pass()
        : RuleResult.fail("текст длиннее " + capabilities.maxTextLength() + " символов");
  });
  /** Platform independent, blocking. */
  static final Rule NOT_EMPTY = draftRule("T_NOT_EMPTY", Obligation.PLATFORM, context -> {
    PostDraft draft = context.draft();
    if (draft == null) return RuleResult.notApplicable();
    return draft.fullText().isBlank() && draft.photos().isEmpty() ? RuleResult.fail("пустая публикация") : RuleResult.pass();
  });
  /** A notice: does not block. */
  static final Rule HASHTAG = draftRule("T_HASHTAG", Obligation.RECOMMENDATION, context -> {
    PostDraft draft = context.draft();
    if (draft == null) return RuleResult.notApplicable();
    return draft.fullText().contains("#") ? RuleResult.pass() : RuleResult.fail("добавьте хэштег");
  });

  final Policy policy = Policy.builder(RuleCatalog.builder().add(LENGTH).add(NOT_EMPTY).add(HASHTAG).build()).build();
  final InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, clock);
  final InMemoryPlatform ok = InMemoryPlatform.create(Capabilities.builder()
      .platform(PlatformId.OK).operations(EnumSet.allOf(Operation.class))
      .maxTextLength(20).maxMedia(5).maxPhotoBytes(1000).photoMediaTypes(Set.of("image/jpeg")).build(), clock);
  final PageRef vkPage = PageRef.of(PlatformId.VK, "1");
  final PageRef okPage = PageRef.of(PlatformId.OK, "2");

  CrossPosterTest() {
    vk.putProfile(ProfileSnapshot.builder().page(vkPage).takenAt(NOW).build());
    ok.putProfile(ProfileSnapshot.builder().page(okPage).takenAt(NOW).build());
  }

  CrossPoster poster() {
    return CrossPoster.builder().addPlatform(vk).addPlatform(ok).policy(policy).clock(clock).build();
  }

  @Test
  void anOperationAPlatformDoesNotOfferIsRefusedWithThePlatformsOwnReason() {
    InMemoryPlatform max = InMemoryPlatform.create(Capabilities.builder()
        .platform(PlatformId.MAX).addOperations(Operation.PUBLISH, Operation.UPLOAD_PHOTOS)
        .putUnavailableBecause(Operation.SCHEDULE, "MAX не поддерживает отложенные публикации: опубликуйте в срок")
        .maxTextLength(4000).maxMedia(12).maxPhotoBytes(1000).photoMediaTypes(Set.of("image/jpeg")).build(), clock);
    PageRef channel = PageRef.parse("max:-70000000000101");
    CrossPoster poster = CrossPoster.builder().addPlatform(vk).addPlatform(max).policy(policy).clock(clock).build();

    CrossPostResult result = poster.post(PostDraft.builder().text("Завтра #школа")
        .scheduledAt(NOW.plusSeconds(86_400)).build(), List.of(vkPage, channel));

    assertThat(result.problems()).anySatisfy(problem -> assertThat(problem.message())
        .isEqualTo("MAX не поддерживает отложенные публикации: опубликуйте в срок"));
    assertThat(result.results()).extracting(PublishResult::status)
        .containsExactly(PublishStatus.REJECTED, PublishStatus.REJECTED);
  }

  @Test
  void publishesToEveryTargetWithOneResultEach() {
    PostDraft draft = PostDraft.builder().text("Новости #школа").build();
    CrossPostResult result = poster().post(draft, List.of(vkPage, okPage));
    assertThat(result.results()).extracting(PublishResult::status)
        .containsExactly(PublishStatus.PUBLISHED, PublishStatus.PUBLISHED);
    assertThat(result.allSucceeded()).isTrue();
    assertThat(result.problems()).isEmpty();
    PublishResult.Published vkResult = (PublishResult.Published) result.results().get(0);
    assertThat(vkResult.url()).isEqualTo("https://vk.com/wall-1_" + vkResult.postId());
    assertThat(vk.posts(vkPage)).extracting(p -> p.text()).containsExactly("Новости #школа");
    assertThat(ok.posts(okPage)).hasSize(1);
  }

  @Test
  void aDraftOneTargetRefusesIsSentNowhereAndEveryProblemIsReported() {
    PostDraft draft = PostDraft.builder().text("Очень длинный текст новости без тега").build();
    CrossPostResult result = poster().post(draft, List.of(vkPage, okPage));

    assertThat(result.results()).extracting(PublishResult::status)
        .containsExactly(PublishStatus.REJECTED, PublishStatus.REJECTED);
    assertThat(((PublishResult.Rejected) result.results().get(0)).reasons())
        .containsExactly("ok: текст длиннее 20 символов");
    // The notice is the same on both platforms: reported once, without a platform; not blocking.
    assertThat(result.problems()).extracting(DraftProblem::rule, DraftProblem::platform, DraftProblem::blocking)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("T_LENGTH", PlatformId.OK, true),
            org.assertj.core.groups.Tuple.tuple("T_HASHTAG", null, false));
    assertThat(vk.posts(vkPage)).isEmpty();
    assertThat(ok.posts(okPage)).isEmpty();
    assertThat(vk.calls()).isZero();
  }

  @Test
  void validateSaysWhatPostWouldRefuseAndSendsNothing() {
    CrossPoster poster = CrossPoster.builder().addPlatform(vk).policy(policy).clock(clock).build();
    List<DraftProblem> problems = poster.validate(
        PostDraft.builder().text("Очень длинный текст новости без тега").build(), List.of(vkPage, okPage));
    assertThat(problems).extracting(DraftProblem::rule, DraftProblem::blocking).contains(
        org.assertj.core.groups.Tuple.tuple("DRAFT_PLATFORM", true), org.assertj.core.groups.Tuple.tuple("T_HASHTAG", false));
    assertThat(poster.validate(PostDraft.builder().text("Новости #школа").build(), List.of(vkPage))).isEmpty();
    assertThat(vk.calls()).isZero();
    assertThat(poster.journal().entries(PostDraft.builder().text("Новости #школа").build().idempotencyKey())).isEmpty();
  }

  @Test
  void anUnknownOutcomeIsNeverResentAndAPublishedTargetIsNotDuplicated() {
    PostDraft draft = PostDraft.builder().text("Новости #школа").build();
    CrossPoster poster = poster();
    // Every answer is lost (VK's window allows two resends) and the wall cannot be read.
    vk.loseResponses(3).failLookups(1);
    CrossPostResult first = poster.post(draft, List.of(vkPage, okPage));
    assertThat(first.results()).extracting(PublishResult::status)
        .containsExactly(PublishStatus.UNKNOWN, PublishStatus.PUBLISHED);
    assertThat(first.anyUnknown()).isTrue();

    CrossPostResult again = poster.post(draft, List.of(vkPage, okPage));
    assertThat(again.results()).extracting(PublishResult::status)
        .containsExactly(PublishStatus.UNKNOWN, PublishStatus.PUBLISHED);
    assertThat(vk.posts(vkPage)).hasSize(1);
    assertThat(ok.posts(okPage)).hasSize(1);
    assertThat(vk.sends()).isEqualTo(3); // all in the first post: the second sent nothing
    assertThat(ok.sends()).isEqualTo(1);
  }

  @Test
  void aRetrySafeFailureIsRetriedOnTheNextPost() {
    PostDraft draft = PostDraft.builder().text("Новости #школа").build();
    CrossPoster poster = poster();
    vk.failNextPublish("сервис недоступен");
    PublishResult failed = poster.post(draft, List.of(vkPage)).results().get(0);
    assertThat(failed).isInstanceOf(PublishResult.Failed.class);
    assertThat(((PublishResult.Failed) failed).retrySafe()).isTrue();
    assertThat(poster.post(draft, List.of(vkPage)).results().get(0).status()).isEqualTo(PublishStatus.PUBLISHED);
    assertThat(vk.posts(vkPage)).hasSize(1);
  }

  @Test
  void scheduledDraftIsScheduledWhenThePlatformAllowsIt() {
    Instant at = NOW.plusSeconds(3600);
    PostDraft draft = PostDraft.builder().text("Анонс #школа").scheduledAt(at).build();
    PublishResult result = poster().post(draft, List.of(vkPage)).results().get(0);
    assertThat(result).isInstanceOf(PublishResult.Scheduled.class);
    assertThat(((PublishResult.Scheduled) result).publishAt()).isEqualTo(at);
  }

  @Test
  void credentialsWithoutThePublishRightAreRefusedBeforeAnyCall() {
    InMemoryPlatform readOnly = InMemoryPlatform.create(Capabilities.builder()
        .platform(PlatformId.VK).operations(EnumSet.of(Operation.READ_PROFILES, Operation.READ_POSTS))
        .maxTextLength(100).maxMedia(10).maxPhotoBytes(1000).photoMediaTypes(Set.of("image/jpeg")).build(), clock);
    Policy withCredentials = Policy.builder(RuleCatalog.builder().add(LENGTH).add(NOT_EMPTY).add(HASHTAG)
        .add(RuleCatalog.federal().get("DRAFT_CREDENTIALS")).build()).build();
    CrossPostResult result = CrossPoster.builder().addPlatform(readOnly).policy(withCredentials).clock(clock).build()
        .post(PostDraft.builder().text("Новости #школа").build(), List.of(vkPage));
    assertThat(result.results().get(0)).isInstanceOf(PublishResult.Rejected.class);
    assertThat(((PublishResult.Rejected) result.results().get(0)).reasons().get(0))
        .contains("ключ доступа не позволяет: публикация");
    assertThat(readOnly.calls()).isZero();
  }

  @Test
  void aTargetOnAPlatformThatIsNotConfiguredRejectsTheWholePost() {
    CrossPostResult result = CrossPoster.builder().addPlatform(vk).policy(policy).clock(clock).build()
        .post(PostDraft.builder().text("Новости #школа").build(), List.of(vkPage, okPage));
    assertThat(result.results()).extracting(PublishResult::status)
        .containsExactly(PublishStatus.REJECTED, PublishStatus.REJECTED);
    assertThat(vk.posts(vkPage)).isEmpty();
  }

  @Test
  void anAdapterThatThrowsMidSendOnAPageThatCannotBeCheckedGivesUnknown() {
    ru.gospubliki.platform.Platform broken = new ThrowingPlatform(vk);
    PublishResult result = CrossPoster.builder().addPlatform(broken).policy(policy).clock(clock).build()
        .post(PostDraft.builder().text("Новости #школа").build(), List.of(vkPage)).results().get(0);
    assertThat(result.status()).isEqualTo(PublishStatus.UNKNOWN);
    assertThat(((PublishResult.Unknown) result).detail()).contains("connection reset", "wall unreadable");
  }

  @Test
  void aPlatformRefusalIsAFailureThatMayBeRetriedNotAnUnknown() {
    ThrowingPlatform refusing = new ThrowingPlatform(vk) {
      @Override
      public SendResult send(SendRequest request) {
        return new SendResult.Refused(ru.gospubliki.platform.FailureReason.CAPTCHA, "VK требует ввести капчу");
      }
    };
    CrossPoster poster = CrossPoster.builder().addPlatform(refusing).policy(policy).clock(clock).build();
    PostDraft draft = PostDraft.builder().text("Новости #школа").build();
    PublishResult result = poster.post(draft, List.of(vkPage)).results().get(0);
    assertThat(result).isEqualTo(new PublishResult.Failed(vkPage, ru.gospubliki.platform.FailureReason.CAPTCHA, "VK требует ввести капчу"));
    // Not recorded as unknown: the next post of the same draft goes to the platform again.
    assertThat(poster.post(draft, List.of(vkPage)).results().get(0).status()).isEqualTo(PublishStatus.FAILED);
  }

  @Test
  void builderNeedsAPlatformAndPostNeedsTargets() {
    assertThatThrownBy(() -> CrossPoster.builder().build()).hasMessage("no platform added");
    assertThatThrownBy(() -> poster().post(PostDraft.builder().text("x").build(), List.of()))
        .hasMessage("no targets");
  }

  @Test
  void eachResultReachesTheListenerOnceRecordedAndBeforeTheNextTargetIsSent() {
    PublishJournal journal = PublishJournal.inMemory();
    CrossPoster poster = CrossPoster.builder().addPlatform(vk).addPlatform(ok).policy(policy).clock(clock)
        .journal(journal).build();
    PostDraft draft = PostDraft.builder().text("Новости #школа").idempotencyKey("k1").build();
    List<PublishResult> heard = new java.util.ArrayList<>();
    CrossPostResult result = poster.post(draft, List.of(vkPage, okPage), target -> {
      assertThat(java.util.Objects.requireNonNull(journal.lookup("k1", target.page())).result()).isEqualTo(target);
      if (target.page().equals(vkPage)) assertThat(ok.posts(okPage)).isEmpty();
      heard.add(target);
    });
    assertThat(heard).containsExactlyElementsOf(result.results()).hasSize(2);
    assertThat(ok.posts(okPage)).hasSize(1);
  }

  @Test
  void rejectedTargetsReachTheListenerToo() {
    List<PublishResult> heard = new java.util.ArrayList<>();
    CrossPostResult result = poster().post(PostDraft.builder().text("").build(), List.of(vkPage, okPage), heard::add);
    assertThat(heard).containsExactlyElementsOf(result.results())
        .extracting(PublishResult::status).containsExactly(PublishStatus.REJECTED, PublishStatus.REJECTED);
  }

  @Test
  void aListenerThatThrowsStopsThePostButKeepsWhatIsDone() {
    PublishJournal journal = PublishJournal.inMemory();
    CrossPoster poster = CrossPoster.builder().addPlatform(vk).addPlatform(ok).policy(policy).clock(clock)
        .journal(journal).build();
    PostDraft draft = PostDraft.builder().text("Новости #школа").idempotencyKey("k2").build();
    assertThatThrownBy(() -> poster.post(draft, List.of(vkPage, okPage), target -> {
      throw new IllegalStateException("stdout closed");
    })).hasMessage("stdout closed");
    assertThat(java.util.Objects.requireNonNull(journal.lookup("k2", vkPage)).result()).isInstanceOf(PublishResult.Published.class);
    assertThat(ok.posts(okPage)).isEmpty();
  }

  /**
   * An adapter that breaks in the middle of a send and cannot read the page after, as one losing its
   * connection would.
   */
  static class ThrowingPlatform implements ru.gospubliki.platform.Platform {
    final InMemoryPlatform delegate;

    ThrowingPlatform(InMemoryPlatform delegate) {
      this.delegate = delegate;
    }

    @Override public PlatformId id() { return delegate.id(); }
    @Override public Capabilities capabilities() { return delegate.capabilities(); }
    @Override public java.util.Map<PageRef, ru.gospubliki.platform.FetchResult<PageRef>> resolve(java.util.Collection<PageRef> pages) { return delegate.resolve(pages); }
    @Override public java.util.Map<PageRef, ru.gospubliki.platform.FetchResult<ProfileSnapshot>> fetchProfiles(java.util.Collection<PageRef> pages) { return delegate.fetchProfiles(pages); }
    @Override public java.util.Map<PageRef, ru.gospubliki.platform.FetchResult<ru.gospubliki.platform.PostHistory>> fetchPosts(java.util.Collection<PageRef> pages, ru.gospubliki.platform.PostQuery query) { return delegate.fetchPosts(pages, query); }
    @Override public SendResult send(SendRequest request) { throw new IllegalStateException("connection reset"); }
    @Override public ru.gospubliki.platform.PostLookup findExisting(PageRef page, PostDraft draft, java.time.Instant sentAfter) { throw new IllegalStateException("wall unreadable"); }
    @Override public SendResult.Sent edit(PageRef page, String postId, PostDraft draft) { return delegate.edit(page, postId, draft); }
    @Override public void delete(PageRef page, String postId) { delegate.delete(page, postId); }
  }

  interface Check {
    RuleResult apply(RuleContext context);
  }

  static Rule draftRule(String id, Obligation obligation, Check check) {
    RuleDefinition definition = RuleDefinition.builder().id(id).scope(RuleScope.DRAFT)
        .obligation(obligation).addOtherBasis("тест").title("тест").build();
    return new Rule() {
      @Override
      public RuleDefinition definition() {
        return definition;
      }

      @Override
      public RuleResult evaluate(RuleContext context, RuleParameters parameters) {
        return check.apply(context);
      }
    };
  }
}
