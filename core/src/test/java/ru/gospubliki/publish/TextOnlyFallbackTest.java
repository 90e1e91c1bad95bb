package ru.gospubliki.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.Operation;
import ru.gospubliki.platform.PublishStatus;
import ru.gospubliki.platform.SendRequest;
import ru.gospubliki.testing.InMemoryPlatform;

/** {@code CrossPoster.Builder.textOnlyFallback}: photos dropped only where the credential cannot upload, and said. */
final class TextOnlyFallbackTest {
  static final String NO_PHOTOS = "загрузка фото на стену требует ключа пользователя";
  final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  /** A platform whose credential publishes text only. */
  final InMemoryPlatform textOnly = InMemoryPlatform.create(Capabilities.builder()
      .platform(PlatformId.VK).addOperations(Operation.READ_PROFILES, Operation.PUBLISH, Operation.SCHEDULE)
      .putUnavailableBecause(Operation.UPLOAD_PHOTOS, NO_PHOTOS)
      .maxTextLength(1000).maxMedia(10).maxPhotoBytes(1_000_000).photoMediaTypes(Set.of("image/png")).build(), clock);
  /** A platform whose credential uploads photos too. */
  final InMemoryPlatform full = InMemoryPlatform.create(PlatformId.OK, clock);
  final PageRef vkPage = PageRef.of(PlatformId.VK, "1");
  final PageRef okPage = PageRef.of(PlatformId.OK, "2");
  final List<SendRequest> sent = new ArrayList<>();

  TextOnlyFallbackTest() {
    textOnly.putProfile(ProfileSnapshot.builder().page(vkPage).takenAt(clock.instant()).build());
    full.putProfile(ProfileSnapshot.builder().page(okPage).takenAt(clock.instant()).build());
    textOnly.onSend(sent::add);
    full.onSend(sent::add);
  }

  static DraftPhoto png() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_BINARY), "png", out);
    return DraftPhoto.fromBytes("a.png", out.toByteArray());
  }

  CrossPoster poster(boolean fallback) {
    return CrossPoster.builder().addPlatform(textOnly).addPlatform(full).clock(clock).textOnlyFallback(fallback).build();
  }

  @Test
  void withoutTheOptionAPhotoDraftIsRefusedEverywhereSayingWhyAndWhatToDo() throws IOException {
    PostDraft draft = PostDraft.builder().text("Афиша #школа").addPhotos(png()).build();

    CrossPostResult result = poster(false).post(draft, List.of(vkPage, okPage));

    assertThat(result.results()).allSatisfy(r -> assertThat(r.status()).isEqualTo(PublishStatus.REJECTED));
    assertThat(result.problems()).anySatisfy(p -> assertThat(p.blocking()).isTrue())
        .anySatisfy(p -> assertThat(p.message()).contains(NO_PHOTOS));
    assertThat(sent).isEmpty();
  }

  @Test
  void withTheOptionOnlyThePagesThatCannotUploadGetTheTextAloneUnderTheSameKey() throws IOException {
    PostDraft draft = PostDraft.builder().text("Афиша #школа").addPhotos(png()).build();
    CrossPoster poster = poster(true);

    assertThat(poster.validate(draft, List.of(vkPage, okPage))).noneMatch(DraftProblem::blocking);
    CrossPostResult result = poster.post(draft, List.of(vkPage, okPage));
    CrossPostResult again = poster.post(draft, List.of(vkPage, okPage));

    assertThat(result.allSucceeded()).as(result.results().toString()).isTrue();
    assertThat(again.results()).isEqualTo(result.results());
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).page()).isEqualTo(vkPage);
    assertThat(sent.get(0).draft().photos()).isEmpty();
    assertThat(sent.get(0).draft().idempotencyKey()).isEqualTo(draft.idempotencyKey());
    assertThat(sent.get(1).draft().photos()).hasSize(1);
    assertThat(result.problems()).filteredOn(p -> p.rule().equals("DRAFT_CREDENTIALS")).singleElement()
        .satisfies(problem -> {
          assertThat(problem.blocking()).isFalse();
          assertThat(problem.pages()).containsExactly(vkPage);
          assertThat(problem.message()).contains("без фото", NO_PHOTOS);
        });
  }

  @Test
  void aDraftOfPhotosAloneIsRefusedWhereOnlyTextCouldGo() throws IOException {
    PostDraft draft = PostDraft.builder().addPhotos(png()).build();

    CrossPostResult result = poster(true).post(draft, List.of(vkPage, okPage));

    assertThat(result.results()).allSatisfy(r -> assertThat(r.status()).isEqualTo(PublishStatus.REJECTED));
    assertThat(result.problems()).anySatisfy(p -> {
      assertThat(p.blocking()).isTrue();
      assertThat(p.message()).contains("без фото запись пуста");
    });
    assertThat(sent).isEmpty();
  }
}
