package ru.gospubliki.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.gospubliki.examples.sandbox.Sandbox;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.MediaKind;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.Post;
import ru.gospubliki.ok.OkPlatform;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.platform.PublishResult;
import ru.gospubliki.platform.PublishStatus;
import ru.gospubliki.publish.CrossPostResult;
import ru.gospubliki.vk.VkPlatform;

final class CrossPostNewsTest {
  private static final long VK_GROUP = 218400103L; // school1_zarechny
  private static final long OK_GROUP = 53350000000102L;

  @Test
  @SuppressWarnings("unchecked")
  void publishesTheNewsWithItsPhotoToBothPagesOnce() throws Exception {
    try (Sandbox sandbox = Sandbox.startWithSampleData()) {
      int vkBefore = sandbox.vkPostCount(VK_GROUP);
      int okBefore = sandbox.okTopicCount(OK_GROUP);
      DraftPhoto photo = DraftPhoto.fromBytes("news.png", CrossPostNews.drawPhoto());
      assertThat(photo.mediaType()).isEqualTo("image/png");
      assertThat(photo.width()).isEqualTo(1200);

      CrossPostResult result = CrossPostNews.post(sandbox, photo);

      assertThat(result.results()).extracting(PublishResult::status)
          .containsExactly(PublishStatus.PUBLISHED, PublishStatus.PUBLISHED);
      assertThat(result.results()).extracting(PublishResult::page).containsExactlyElementsOf(CrossPostNews.TARGETS);
      assertThat(result.allSucceeded()).isTrue();
      assertThat(sandbox.vkPostCount(VK_GROUP)).isEqualTo(vkBefore + 1);
      assertThat(sandbox.okTopicCount(OK_GROUP)).isEqualTo(okBefore + 1);
      // A later read sees the new posts, with the photo attached, by the community.
      for (PublishResult published : result.results()) {
        Platform reader = published.page().platform().equals(PlatformId.VK)
            ? VkPlatform.builder().baseUrl(sandbox.vkApiUrl()).serviceToken(sandbox.vkServiceToken()).build()
            : OkPlatform.builder().baseUrl(sandbox.okApiUrl()).applicationKey(sandbox.okApplicationKey())
                .applicationSecretKey(sandbox.okApplicationSecretKey()).accessToken(sandbox.okAccessToken()).build();
        String id = ((PublishResult.Published) published).postId();
        FetchResult<List<Post>> posts = reader.fetchPosts(List.of(published.page()),
            ru.gospubliki.platform.PostQuery.since(Instant.now().minusSeconds(3600))).get(published.page())
            .map(ru.gospubliki.platform.PostHistory::posts);
        assertThat(posts).isInstanceOf(FetchResult.Success.class);
        Post post = ((FetchResult.Success<List<Post>>) posts).value().stream()
            .filter(p -> p.id().equals(id)).findFirst().orElseThrow();
        assertThat(post.media()).contains(MediaKind.PHOTO);
        assertThat(post.authorKind()).isEqualTo(AuthorKind.COMMUNITY);
      }
    }
  }
}
