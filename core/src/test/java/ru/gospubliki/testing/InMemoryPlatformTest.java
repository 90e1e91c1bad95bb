package ru.gospubliki.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.PlatformException;
import ru.gospubliki.platform.SendRequest;
import ru.gospubliki.platform.SendResult;

final class InMemoryPlatformTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  final InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, Clock.fixed(NOW, ZoneOffset.UTC));
  final PageRef page = PageRef.of(PlatformId.VK, "42");

  InMemoryPlatformTest() {
    vk.putProfile(ProfileSnapshot.builder().page(page).screenName("school42").name("Школа № 42")
        .takenAt(NOW.minus(Duration.ofDays(30))).build());
  }

  @Test
  void resolvesScreenNamesAndReportsUnknownPages() {
    PageRef byName = PageRef.parse("https://vk.com/school42");
    PageRef missing = PageRef.of(PlatformId.VK, "404");
    Map<PageRef, FetchResult<PageRef>> resolved = vk.resolve(List.of(byName, missing));
    assertThat(resolved.get(byName)).isEqualTo(FetchResult.success(page));
    assertThat(resolved.get(missing)).isInstanceOf(FetchResult.Failure.class);
    assertThat(((FetchResult.Failure<PageRef>) resolved.get(missing)).reason()).isEqualTo(FailureReason.NOT_FOUND);
  }

  @Test
  void profilesAreTakenNowAndFailuresAreInjectedPerPage() {
    PageRef other = PageRef.of(PlatformId.VK, "7");
    vk.putProfile(ProfileSnapshot.builder().page(other).takenAt(NOW).build());
    vk.failReads(other, FailureReason.PRIVATE, "закрыто");
    Map<PageRef, FetchResult<ProfileSnapshot>> profiles = vk.fetchProfiles(List.of(page, other));
    assertThat(profiles.keySet()).containsExactly(page, other);
    ProfileSnapshot profile = ((FetchResult.Success<ProfileSnapshot>) profiles.get(page)).value();
    assertThat(profile.takenAt()).isEqualTo(NOW);
    assertThat(profile.name()).isEqualTo("Школа № 42");
    assertThat(((FetchResult.Failure<ProfileSnapshot>) profiles.get(other)).reportReason()).isEqualTo("private");
  }

  @Test
  void postsAreFilteredByTheWindowButPinnedPostsAreKept() {
    vk.addPost(post("1", NOW.minus(Duration.ofDays(100)), true));
    vk.addPost(post("2", NOW.minus(Duration.ofDays(40)), false));
    vk.addPost(post("3", NOW.minus(Duration.ofDays(3)), false));
    vk.addPost(post("4", NOW.plus(Duration.ofDays(3)), false)); // scheduled, not visible yet
    List<Post> posts = ((FetchResult.Success<ru.gospubliki.platform.PostHistory>) vk.fetchPosts(List.of(page),
        ru.gospubliki.platform.PostQuery.since(NOW.minus(Duration.ofDays(28)))).get(page)).value().posts();
    assertThat(posts).extracting(Post::id).containsExactly("1", "3");
  }

  @Test
  void aSendRepeatedWithinTheDedupWindowAnswersTheSamePost() {
    PostDraft draft = PostDraft.builder().text("Новость").addHashtags("школа").idempotencyKey("k-1").build();
    SendResult first = vk.send(SendRequest.builder().page(page).draft(draft).build());
    SendResult second = vk.send(SendRequest.builder().page(page).draft(draft).firstAttemptAt(NOW).build());
    assertThat(first).isEqualTo(second).isInstanceOf(SendResult.Sent.class);
    assertThat(vk.sends()).isEqualTo(2);
    assertThat(vk.posts(page)).singleElement().satisfies(post -> {
      assertThat(post.text()).isEqualTo("Новость\n\n#школа");
      assertThat(post.hashtags()).containsExactly("школа");
      assertThat(post.authorKind()).isEqualTo(AuthorKind.COMMUNITY);
    });
  }

  @Test
  void editReplacesTheContentAndAnswersThePostDeleteRemovesIt() {
    SendResult.Sent sent = send(PostDraft.builder().text("Новость #школа").link("https://school42.example.ru").build());

    SendResult.Sent edited = vk.edit(page, sent.postId(), PostDraft.builder().text("Исправлено #новости").build());
    assertThat(edited).isEqualTo(new SendResult.Sent(sent.postId(), sent.url(), null));
    assertThat(vk.posts(page)).singleElement().satisfies(post -> {
      assertThat(post.text()).isEqualTo("Исправлено #новости");
      assertThat(post.hashtags()).containsExactly("новости");
      assertThat(post.media()).isEmpty(); // the link went with the old content
    });

    vk.delete(page, " " + sent.postId() + " ");
    assertThat(vk.posts(page)).isEmpty();
    assertThatThrownBy(() -> vk.delete(page, sent.postId())).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.reason()).isEqualTo(FailureReason.NOT_FOUND);
      assertThat(e).hasMessage("записи " + sent.postId() + " нет на странице https://vk.com/club42");
    });
    assertThatThrownBy(() -> vk.edit(page, sent.postId(), PostDraft.builder().text("x").build()))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.NOT_FOUND));
  }

  @Test
  void aScheduledPostIsEditedAndMovedAPublishedOneCannotBeScheduled() {
    Instant at = NOW.plus(Duration.ofDays(2));
    SendResult.Sent scheduled = send(PostDraft.builder().text("Анонс #школа").scheduledAt(at).build());
    SendResult.Sent live = send(PostDraft.builder().text("Новость #школа").build());

    Instant later = at.plus(Duration.ofHours(3));
    assertThat(vk.edit(page, scheduled.postId(), PostDraft.builder().text("Анонс #школа").scheduledAt(later).build())
        .scheduledAt()).isEqualTo(later);
    assertThat(vk.posts(page).get(0).publishedAt()).isEqualTo(later);
    assertThat(vk.edit(page, scheduled.postId(), PostDraft.builder().text("Анонс, исправлено #школа").build())
        .scheduledAt()).isEqualTo(later);

    assertThatThrownBy(() -> vk.edit(page, live.postId(), PostDraft.builder().text("Новость #школа").scheduledAt(at).build()))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.reason()).isEqualTo(FailureReason.REFUSED);
          assertThat(e).hasMessageContaining("уже опубликована");
        });
    assertThat(vk.posts(page).get(1).publishedAt()).isEqualTo(NOW);
  }

  @Test
  void aBadPostIdOrDraftIsAnIllegalArgumentBeforeAnythingChanges() {
    SendResult.Sent sent = send(PostDraft.builder().text("Новость #школа").build());
    assertThatThrownBy(() -> vk.edit(page, " ", PostDraft.builder().text("x").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("номер записи");
    assertThatThrownBy(() -> vk.delete(page, ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("номер записи");
    PostDraft bad = PostDraft.builder().text("x".repeat(16_385)).link("ftp://x").scheduledAt(NOW.minusSeconds(60)).build();
    assertThatThrownBy(() -> vk.edit(page, sent.postId(), bad)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Текст публикации длиннее").hasMessageContaining("ftp://x").hasMessageContaining("уже прошло");
    assertThat(vk.posts(page).get(0).text()).isEqualTo("Новость #школа");
  }

  @Test
  void anInjectedFailureMakesTheNextEditOrDeleteThrowAndChangesNothing() {
    SendResult.Sent sent = send(PostDraft.builder().text("Новость #школа").build());
    vk.failNextEditOrDelete(FailureReason.ACCESS_DENIED, "нет прав на правку записей");
    assertThatThrownBy(() -> vk.edit(page, sent.postId(), PostDraft.builder().text("Другое #школа").build()))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
          assertThat(e).hasMessage("нет прав на правку записей");
          assertThat(e.captcha()).isNull();
        });
    assertThat(vk.posts(page).get(0).text()).isEqualTo("Новость #школа");

    vk.failNextEditOrDelete(FailureReason.NETWORK, "платформа недоступна");
    assertThatThrownBy(() -> vk.delete(page, sent.postId())).isInstanceOfSatisfying(PlatformException.class,
        e -> assertThat(e.reason()).isEqualTo(FailureReason.NETWORK));
    assertThat(vk.posts(page)).hasSize(1);
    vk.delete(page, sent.postId()); // once only
    assertThat(vk.posts(page)).isEmpty();
  }

  @Test
  void sendingToAnUnknownPageIsRefusedAsNotFound() {
    SendResult result = vk.send(SendRequest.builder().page(PageRef.of(PlatformId.VK, "404"))
        .draft(PostDraft.builder().text("x").build()).build());
    assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class,
        refused -> assertThat(refused.reason()).isEqualTo(FailureReason.NOT_FOUND));
    assertThatThrownBy(() -> vk.delete(PageRef.of(PlatformId.VK, "404"), "1")).isInstanceOfSatisfying(
        PlatformException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.NOT_FOUND));
  }

  private SendResult.Sent send(PostDraft draft) {
    return (SendResult.Sent) vk.send(SendRequest.builder().page(page).draft(draft).build());
  }

  @Test
  void rejectsDataForAnotherPlatform() {
    assertThatThrownBy(() -> vk.putProfile(ProfileSnapshot.builder().page(PageRef.of(PlatformId.OK, "1")).takenAt(NOW).build()))
        .hasMessageContaining("is not on vk");
  }

  private Post post(String id, Instant at, boolean pinned) {
    return Post.builder().page(page).id(id).url("https://vk.com/wall-42_" + id).publishedAt(at)
        .authorKind(AuthorKind.COMMUNITY).authorId("42").pinned(pinned).build();
  }
}
