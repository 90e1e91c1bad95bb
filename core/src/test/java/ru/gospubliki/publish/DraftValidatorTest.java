package ru.gospubliki.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.Operation;
import ru.gospubliki.rules.Policy;

/** The one draft check: per page, with each page's credential, every problem at once. */
final class DraftValidatorTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  final DraftValidator validator = new DraftValidator(Policy.federal(), Clock.fixed(NOW, ZoneOffset.UTC));

  static Capabilities.Builder vk() {
    return Capabilities.builder().platform(PlatformId.VK).operations(EnumSet.allOf(Operation.class))
        .maxTextLength(16_384).maxMedia(10).maxPhotoBytes(50L << 20)
        .photoMediaTypes(Set.of("image/jpeg", "image/png", "image/gif")).maxPhotoDimensionSum(14_000)
        .maxPhotoAspectRatio(20.0);
  }

  static Capabilities.Builder ok() {
    return Capabilities.builder().platform(PlatformId.OK).operations(EnumSet.allOf(Operation.class))
        .maxTextLength(8_000).maxMedia(20).maxPhotoBytes(20L << 20).photoMediaTypes(Set.of("image/jpeg", "image/png"));
  }

  static DraftPhoto png() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", out);
    return DraftPhoto.fromBytes("photo.png", out.toByteArray());
  }

  /** A page posted to with a community key cannot take photos: that page is named, the others are fine. */
  @Test
  void aProblemOfSomePagesNamesThem() throws IOException {
    PageRef school = PageRef.parse("vk:1");
    PageRef library = PageRef.parse("vk:2");
    PageRef okGroup = PageRef.parse("ok:3");
    Capabilities communityKey = vk().operations(EnumSet.of(Operation.PUBLISH)).credential("ключ сообщества")
        .unavailableBecause(Map.of(Operation.UPLOAD_PHOTOS, "загрузка фото на стену требует ключа пользователя"))
        .build();
    Map<PageRef, Capabilities> targets = new LinkedHashMap<>();
    targets.put(school, vk().build());
    targets.put(library, communityKey);
    targets.put(okGroup, ok().build());
    PostDraft draft = PostDraft.builder().text("Фотоотчёт #школа").addPhotos(png()).build();

    List<DraftProblem> problems = validator.validate(draft, targets);
    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.rule()).isEqualTo("DRAFT_CREDENTIALS");
      assertThat(problem.platform()).isEqualTo(PlatformId.VK);
      assertThat(problem.pages()).containsExactly(library);
      assertThat(problem.blocking()).isTrue();
      assertThat(problem.toString()).startsWith("vk (https://vk.com/club2): ")
          .contains("загрузка фото на стену требует ключа пользователя");
    });
  }

  /** What is wrong for every target is said once; what one platform refuses is said for that platform. */
  @Test
  void aProblemOfEveryTargetIsSaidOnce() {
    Map<PageRef, Capabilities> targets = Map.of(PageRef.parse("vk:1"), vk().build(), PageRef.parse("ok:3"), ok().build());
    PostDraft draft = PostDraft.builder().text("x".repeat(9_000)).link("ftp://school9.ru").build();
    List<DraftProblem> problems = validator.validate(draft, targets);
    assertThat(problems).extracting(DraftProblem::rule, DraftProblem::platform).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("DRAFT_TEXT_LENGTH", PlatformId.OK),
        org.assertj.core.groups.Tuple.tuple("DRAFT_LINKS", null),
        org.assertj.core.groups.Tuple.tuple("DRAFT_HASHTAGS", null));
    assertThat(problems).allSatisfy(problem -> assertThat(problem.pages()).isEmpty());
  }
}
