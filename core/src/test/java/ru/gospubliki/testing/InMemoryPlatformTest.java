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
import ru.gospubliki.platform.PublishResult;

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
  void publishIsIdempotentPerDraftKeyAndEditAndDeleteWork() {
    PostDraft draft = PostDraft.builder().text("Новость").addHashtags("школа").idempotencyKey("k-1").build();
    PublishResult first = vk.publish(page, draft);
    PublishResult second = vk.publish(page, draft);
    assertThat(first).isEqualTo(second);
    assertThat(vk.posts(page)).singleElement().satisfies(post -> {
      assertThat(post.text()).isEqualTo("Новость\n\n#школа");
      assertThat(post.hashtags()).containsExactly("школа");
      assertThat(post.authorKind()).isEqualTo(AuthorKind.COMMUNITY);
    });
    String postId = ((PublishResult.Published) first).postId();

    PublishResult edited = vk.edit(page, postId, PostDraft.builder().text("Исправлено #новости").build());
    assertThat(edited.status()).isEqualTo(ru.gospubliki.platform.PublishStatus.PUBLISHED);
    assertThat(vk.posts(page).get(0).hashtags()).containsExactly("новости");

    vk.delete(page, postId);
    assertThat(vk.posts(page)).isEmpty();
    assertThatThrownBy(() -> vk.delete(page, postId)).isInstanceOf(PlatformException.class)
        .hasMessageContaining("not found");
  }

  @Test
  void publishingToAnUnknownPageFailsAsNotFound() {
    PublishResult result = vk.publish(PageRef.of(PlatformId.VK, "404"), PostDraft.builder().text("x").build());
    assertThat(result).isInstanceOfSatisfying(PublishResult.Failed.class,
        failed -> assertThat(failed.reason()).isEqualTo(ru.gospubliki.platform.FailureReason.NOT_FOUND));
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
