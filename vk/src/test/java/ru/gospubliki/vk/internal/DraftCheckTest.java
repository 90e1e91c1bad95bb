package ru.gospubliki.vk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.Operation;

class DraftCheckTest {
  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  static Capabilities limits(long maxBytes, int maxSum) {
    return Capabilities.builder().platform(PlatformId.VK).addOperations(Operation.PUBLISH)
        .maxTextLength(100).maxMedia(2).maxPhotoBytes(maxBytes)
        .photoMediaTypes(Set.of("image/jpeg", "image/png", "image/gif"))
        .maxPhotoDimensionSum(maxSum).maxPhotoAspectRatio(20.0).build();
  }

  static DraftPhoto png(int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY), "png", out);
    return DraftPhoto.fromBytes("p.png", out.toByteArray());
  }

  @Test
  void aDraftWithinTheLimitsHasNoProblems() throws IOException {
    PostDraft draft = PostDraft.builder().text("Новости").addPhotos(png(200, 100)).link("https://example.ru")
        .scheduledAt(NOW.plusSeconds(3600)).build();

    assertThat(DraftCheck.problems(draft, limits(50L << 20, 14_000), NOW)).isEmpty();
  }

  @Test
  void sizeAndDimensionSumAreChecked() throws IOException {
    DraftPhoto photo = png(900, 200);
    PostDraft draft = PostDraft.builder().text("Новости").addPhotos(photo).build();

    assertThat(DraftCheck.problems(draft, limits(photo.size() - 1, 1000), NOW))
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("p.png", "МБ"))
        .anySatisfy(p -> assertThat(p).contains("1100", "1000"));
  }

  @Test
  void emptyDraftsAndBadLinksAreProblems() {
    assertThat(DraftCheck.problems(PostDraft.builder().build(), limits(1, 1), NOW))
        .containsExactly("пустая запись: нет ни текста, ни фото, ни ссылки");
    assertThat(DraftCheck.problems(PostDraft.builder().text("a").link("ftp://x").build(), limits(1, 1), NOW))
        .singleElement().asString().contains("ftp://x");
  }
}
