package ru.gospubliki.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.gospubliki.internal.rules.Fixtures.NOW;
import static ru.gospubliki.internal.rules.Fixtures.context;
import static ru.gospubliki.internal.rules.Fixtures.evaluate;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.Operation;
import ru.gospubliki.rules.Outcome;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleResult;

class DraftRulesTest {
  private static Capabilities.Builder vk() {
    return Capabilities.builder()
        .platform(PlatformId.VK)
        .operations(EnumSet.allOf(Operation.class))
        .maxTextLength(16_384)
        .maxMedia(10)
        .maxLinks(1)
        .maxPhotoBytes(50L * 1024 * 1024)
        .photoMediaTypes(Set.of("image/jpeg", "image/png", "image/gif"))
        .maxPhotoDimensionSum(14_000)
        .maxPhotoAspectRatio(20.0);
  }

  private static PostDraft.Builder draft() {
    return PostDraft.builder().text("Открыта запись в первый класс #школа9");
  }

  private static RuleContext of(PostDraft draft, Capabilities capabilities) {
    return context().draft(draft).capabilities(capabilities).build();
  }

  private static DraftPhoto image(String name, String format, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) throw new IllegalStateException("no writer for " + format);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return DraftPhoto.fromBytes(name, out.toByteArray());
  }

  @ParameterizedTest
  @ValueSource(strings = {"DRAFT_NOT_EMPTY", "DRAFT_TEXT_LENGTH", "DRAFT_MEDIA_COUNT", "DRAFT_MEDIA_FORMAT",
    "DRAFT_LINKS", "DRAFT_SCHEDULE", "DRAFT_HASHTAGS", "DRAFT_NOT_ADS"})
  void noDraftIsNotApplicable(String id) {
    assertThat(evaluate(id, context().capabilities(vk().build()).build()).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"DRAFT_TEXT_LENGTH", "DRAFT_MEDIA_COUNT", "DRAFT_MEDIA_FORMAT", "DRAFT_CREDENTIALS"})
  void platformChecksNeedCapabilities(String id) {
    PostDraft bad = draft().text("x".repeat(20_000)).link("https://school9.ru")
        .addPhotos(image("a.png", "png", 400, 10)).build();
    RuleResult result = evaluate(id, context().draft(bad).build());
    assertThat(result.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    RuleResult limited = evaluate(id, of(bad, vk().maxTextLength(100).maxMedia(0).maxLinks(0)
        .operations(Set.of()).build()));
    assertThat(limited.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(limited.message()).contains("ВКонтакте");
  }

  @Test
  void goodDraftPassesEverything() {
    PostDraft good = draft().link("https://school9.ru").scheduledAt(NOW.plusSeconds(3600))
        .addPhotos(image("a.png", "png", 800, 600), image("b.jpg", "jpg", 600, 800)).build();
    for (String id : List.of("DRAFT_NOT_EMPTY", "DRAFT_TEXT_LENGTH", "DRAFT_MEDIA_COUNT", "DRAFT_MEDIA_FORMAT",
        "DRAFT_LINKS", "DRAFT_SCHEDULE", "DRAFT_HASHTAGS", "DRAFT_NOT_ADS", "DRAFT_CREDENTIALS")) {
      assertThat(evaluate(id, of(good, vk().build())).outcome()).as(id).isEqualTo(Outcome.PASS);
    }
  }

  @Test
  void notEmpty() {
    Capabilities vk = vk().build();
    assertThat(evaluate("DRAFT_NOT_EMPTY", of(PostDraft.builder().text("  ").build(), vk)).outcome())
        .isEqualTo(Outcome.FAIL);
    assertThat(evaluate("DRAFT_NOT_EMPTY", of(PostDraft.builder().addHashtags("школа9").build(), vk)).outcome())
        .isEqualTo(Outcome.PASS);
    assertThat(evaluate("DRAFT_NOT_EMPTY", of(PostDraft.builder().link("https://school9.ru").build(), vk))
        .outcome()).isEqualTo(Outcome.PASS);
    assertThat(evaluate("DRAFT_NOT_EMPTY",
        of(PostDraft.builder().addPhotos(image("a.png", "png", 10, 10)).build(), vk)).outcome())
        .isEqualTo(Outcome.PASS);
    assertThat(evaluate("DRAFT_NOT_EMPTY", context().draft(PostDraft.builder().build()).build()).outcome())
        .isEqualTo(Outcome.FAIL);
  }

  /** UTF-16 code units: never fewer than a platform counts, whichever way it counts (an emoji is two). */
  @Test
  void textLengthCountsUtf16UnitsOfFullText() {
    PostDraft emoji = PostDraft.builder().text("😀".repeat(100)).build();
    assertThat(evaluate("DRAFT_TEXT_LENGTH", of(emoji, vk().maxTextLength(200).build())).outcome())
        .isEqualTo(Outcome.PASS);
    RuleResult fail = evaluate("DRAFT_TEXT_LENGTH", of(emoji, vk().maxTextLength(199).build()));
    assertThat(fail.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(fail.details()).containsEntry("length", "200").containsEntry("max", "199");
    assertThat(fail.message()).contains("на 1 симв.");
    PostDraft tagged = PostDraft.builder().text("абв").addHashtags("где").build(); // "абв\n\n#где"
    assertThat(evaluate("DRAFT_TEXT_LENGTH", of(tagged, vk().maxTextLength(8).build())).outcome())
        .isEqualTo(Outcome.FAIL);
    assertThat(evaluate("DRAFT_TEXT_LENGTH", of(tagged, vk().maxTextLength(9).build())).outcome())
        .isEqualTo(Outcome.PASS);
  }

  @Test
  void mediaCount() {
    List<DraftPhoto> photos = new ArrayList<>();
    DraftPhoto photo = image("a.png", "png", 10, 10);
    for (int i = 0; i < 11; i++) photos.add(photo);
    RuleResult fail = evaluate("DRAFT_MEDIA_COUNT", of(draft().photos(photos).build(), vk().build()));
    assertThat(fail.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(fail.details()).containsEntry("count", "11").containsEntry("max", "10");
    assertThat(evaluate("DRAFT_MEDIA_COUNT", of(draft().photos(photos).build(), vk().maxMedia(11).build())).outcome())
        .isEqualTo(Outcome.PASS);
  }

  @Test
  void mediaFormatListsEveryBadPhotoWithReasons() {
    DraftPhoto good = image("good.png", "png", 800, 600);
    DraftPhoto bmp = image("scan.bmp", "bmp", 100, 100);
    DraftPhoto thin = image("banner.png", "png", 2100, 100);
    DraftPhoto text = DraftPhoto.fromBytes("notes.txt", "просто текст".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    RuleResult fail = evaluate("DRAFT_MEDIA_FORMAT", of(draft().addPhotos(good, bmp, thin, text).build(), vk().build()));
    assertThat(fail.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(fail.details()).containsEntry("files", "scan.bmp,banner.png,notes.txt");
    assertThat(fail.message()).contains("«scan.bmp»: формат application/octet-stream не поддерживается (допустимы: GIF, JPEG, PNG)",
        "«banner.png»: соотношение сторон 2100×100 вытянутее допустимого 1:20", "«notes.txt»")
        .doesNotContain("good.png");
    assertThat(evaluate("DRAFT_MEDIA_FORMAT", of(draft().addPhotos(good, thin).build(),
        vk().maxPhotoAspectRatio(21.0).build())).outcome()).isEqualTo(Outcome.PASS);
    assertThat(evaluate("DRAFT_MEDIA_FORMAT", of(draft().addPhotos(good, thin).build(),
        vk().maxPhotoAspectRatio(null).build())).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void mediaFormatSizeAndDimensionSum() {
    DraftPhoto photo = image("big.png", "png", 900, 700);
    RuleResult sum = evaluate("DRAFT_MEDIA_FORMAT", of(draft().addPhotos(photo).build(),
        vk().maxPhotoDimensionSum(1_599).build()));
    assertThat(sum.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(sum.message()).contains("ширина + высота 1600 пикс. больше допустимых 1599");
    assertThat(evaluate("DRAFT_MEDIA_FORMAT", of(draft().addPhotos(photo).build(),
        vk().maxPhotoDimensionSum(1_600).build())).outcome()).isEqualTo(Outcome.PASS);
    RuleResult size = evaluate("DRAFT_MEDIA_FORMAT", of(draft().addPhotos(photo).build(),
        vk().maxPhotoBytes(photo.size() - 1).build()));
    assertThat(size.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(size.message()).contains("«big.png»: размер", "МБ");
    assertThat(evaluate("DRAFT_MEDIA_FORMAT", of(draft().build(), vk().build())).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  void links() {
    PostDraft linked = draft().link("https://school9.ru").build();
    assertThat(evaluate("DRAFT_LINKS", of(linked, vk().maxLinks(0).build())).outcome()).isEqualTo(Outcome.FAIL);
    assertThat(evaluate("DRAFT_LINKS", of(draft().build(), vk().maxLinks(0).build())).outcome())
        .isEqualTo(Outcome.PASS);
  }

  /** A link must be a site's address on every platform: checked once, without the platform's limits. */
  @ParameterizedTest
  @ValueSource(strings = {"ftp://school9.ru", "not a url", "school9.ru", "https://", "https://localhost/x",
    "javascript:alert(1)", "https://school9"})
  void aLinkThatIsNoSiteAddressFails(String link) {
    RuleResult result = evaluate("DRAFT_LINKS", context().draft(draft().link(link).build()).build());
    assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(result.message()).contains("не адрес сайта", "http://");
  }

  /** A file whose type is an image but which cannot be read as one fails: every platform would refuse it. */
  @Test
  void anUnreadableImageFails() {
    byte[] header = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 1, 2, 3};
    DraftPhoto broken = DraftPhoto.fromBytes("broken.png", header);
    assertThat(broken.mediaType()).isEqualTo("image/png");
    RuleResult result = evaluate("DRAFT_MEDIA_FORMAT", of(draft().addPhotos(broken).build(), vk().build()));
    assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(result.message()).contains("«broken.png»: изображение не читается");
  }

  @Test
  void credentialsSayWhatIsMissingAndWhy() {
    Capabilities textOnly = vk().operations(EnumSet.of(Operation.PUBLISH)).credential("ключ сообщества")
        .unavailableBecause(Map.of(Operation.UPLOAD_PHOTOS, "загрузка фото на стену требует ключа пользователя"))
        .build();
    PostDraft withPhoto = draft().addPhotos(image("a.png", "png", 10, 10)).scheduledAt(NOW.plusSeconds(60)).build();
    RuleResult fail = evaluate("DRAFT_CREDENTIALS", of(withPhoto, textOnly));
    assertThat(fail.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(fail.message()).isEqualTo("На платформе ВКонтакте ключ доступа («ключ сообщества») не позволяет: "
        + "отложенная публикация — отложенная публикация с этим ключом доступа невозможна: опубликуйте сразу; "
        + "загрузка фото на стену требует ключа пользователя");
    assertThat(fail.details()).containsEntry("operations", "UPLOAD_PHOTOS,SCHEDULE");
    assertThat(evaluate("DRAFT_CREDENTIALS", of(draft().build(), textOnly)).outcome()).isEqualTo(Outcome.PASS);
    // The platform's own reason, alone, is the message.
    Capabilities noScheduling = vk().operations(EnumSet.of(Operation.PUBLISH, Operation.UPLOAD_PHOTOS))
        .unavailableBecause(Map.of(Operation.SCHEDULE, "MAX не поддерживает отложенные публикации: опубликуйте в срок"))
        .build();
    assertThat(evaluate("DRAFT_CREDENTIALS", of(draft().scheduledAt(NOW.plusSeconds(60)).build(), noScheduling))
        .message()).isEqualTo("MAX не поддерживает отложенные публикации: опубликуйте в срок");
  }

  @Test
  void schedule() {
    Capabilities vk = vk().build();
    assertThat(evaluate("DRAFT_SCHEDULE", of(draft().build(), vk)).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    RuleResult past = evaluate("DRAFT_SCHEDULE", of(draft().scheduledAt(NOW).build(), vk));
    assertThat(past.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(past.message()).contains("уже прошло");
    assertThat(evaluate("DRAFT_SCHEDULE", context().draft(draft().scheduledAt(NOW.plusSeconds(1)).build()).build())
        .outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void hashtagsAndAds() {
    Capabilities vk = vk().build();
    assertThat(evaluate("DRAFT_HASHTAGS", of(draft().text("Без хэштегов").build(), vk)).outcome())
        .isEqualTo(Outcome.FAIL);
    assertThat(evaluate("DRAFT_HASHTAGS", of(draft().text("Без хэштегов").addHashtags("школа9").build(), vk))
        .outcome()).isEqualTo(Outcome.PASS);
    assertThat(evaluate("DRAFT_NOT_ADS", of(draft().markedAsAd(true).build(), vk)).outcome())
        .isEqualTo(Outcome.FAIL);
  }
}
