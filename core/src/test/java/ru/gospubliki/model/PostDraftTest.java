package ru.gospubliki.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostDraftTest {
  @TempDir Path dir;

  private static byte[] image(String format, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0xFF0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, format, out)).isTrue();
    return out.toByteArray();
  }

  @Test
  void fullTextAppendsMissingHashtags() {
    PostDraft draft = PostDraft.builder().text("Открыта запись в первый класс #Школа9")
        .addHashtags("школа9", "Новости", "#амур").build();
    assertThat(draft.fullText()).isEqualTo("Открыта запись в первый класс #Школа9\n\n#Новости #амур");
  }

  @Test
  void fullTextOfHashtagsOnlyAndOfTextOnly() {
    assertThat(PostDraft.builder().addHashtags("a", "b").build().fullText()).isEqualTo("#a #b");
    assertThat(PostDraft.builder().text("Просто текст").build().fullText()).isEqualTo("Просто текст");
    assertThat(PostDraft.builder().build().fullText()).isEmpty();
  }

  @Test
  void rejectsBadHashtagsAndKeys() {
    assertThatThrownBy(() -> PostDraft.builder().text("x").addHashtags("два слова").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("хэштег «два слова»: допустимы только буквы, цифры и «_»");
    assertThatThrownBy(() -> PostDraft.builder().addHashtags("#").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("хэштег «#»: допустимы только буквы, цифры и «_»");
    assertThatThrownBy(() -> PostDraft.builder().idempotencyKey(" ").build())
        .isInstanceOf(IllegalStateException.class).hasMessage("idempotencyKey must be 1..64 characters: \" \"");
    assertThatThrownBy(() -> PostDraft.builder().idempotencyKey("k".repeat(65)).build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void idempotencyKeyIsDerivedFromTheContentUnlessGiven() {
    String key = PostDraft.builder().text("Новости").build().idempotencyKey();
    assertThat(key).startsWith("c1-").hasSize(51)
        .isEqualTo(PostDraft.builder().text("Новости").build().idempotencyKey());
    assertThat(PostDraft.builder().idempotencyKey("news-2026-11-23").build().idempotencyKey())
        .isEqualTo("news-2026-11-23");
  }

  @Test
  void everyFieldThatChangesThePostChangesTheKey() throws IOException {
    PostDraft base = PostDraft.builder().text("Новости").build();
    java.util.Set<String> keys = new java.util.HashSet<>();
    keys.add(base.idempotencyKey());
    keys.add(PostDraft.builder().text("Новости!").build().idempotencyKey());
    keys.add(rebuilt(base).addHashtags("школа").build().idempotencyKey());
    keys.add(rebuilt(base).link("https://school9.ru").build().idempotencyKey());
    keys.add(rebuilt(base).scheduledAt(java.time.Instant.parse("2026-12-01T07:00:00Z")).build().idempotencyKey());
    keys.add(rebuilt(base).markedAsAd(true).build().idempotencyKey());
    keys.add(rebuilt(base).addPhotos(DraftPhoto.fromBytes("a.png", image("png", 2, 2))).build().idempotencyKey());
    assertThat(keys).hasSize(7);
    // Fields cannot be shifted into each other: text "ab" is not text "a" plus something else.
    assertThat(PostDraft.builder().text("ab").build().idempotencyKey())
        .isNotEqualTo(PostDraft.builder().text("a").addHashtags("b").build().idempotencyKey());
  }

  @Test
  void photoKeyFollowsTheBytesNotTheFileName() throws IOException {
    byte[] red = image("png", 2, 2);
    Path first = Files.write(dir.resolve("a.png"), red);
    Path renamed = Files.write(dir.resolve("b.png"), red);
    String key = PostDraft.builder().text("x").addPhotos(DraftPhoto.fromPath(first)).build().idempotencyKey();
    assertThat(PostDraft.builder().text("x").addPhotos(DraftPhoto.fromPath(renamed)).build().idempotencyKey())
        .isEqualTo(key);
    assertThat(PostDraft.builder().text("x").addPhotos(DraftPhoto.fromBytes("a.png", red)).build().idempotencyKey())
        .isEqualTo(key);
    byte[] other = image("png", 3, 2);
    Files.write(first, other);
    assertThat(PostDraft.builder().text("x").addPhotos(DraftPhoto.fromPath(first)).build().idempotencyKey())
        .isNotEqualTo(key);
  }

  private static PostDraft.Builder rebuilt(PostDraft base) {
    return PostDraft.builder().text(base.text());
  }


  @Test
  void photoFromBytesReadsTypeAndSize() throws IOException {
    byte[] png = image("png", 3, 2);
    DraftPhoto photo = DraftPhoto.fromBytes("dot.png", png);
    assertThat(photo.fileName()).isEqualTo("dot.png");
    assertThat(photo.mediaType()).isEqualTo("image/png");
    assertThat(photo.width()).isEqualTo(3);
    assertThat(photo.height()).isEqualTo(2);
    assertThat(photo.size()).isEqualTo(png.length);
    assertThat(photo.readAll()).isEqualTo(png);
    assertThat(photo.toString()).doesNotContain(java.util.Arrays.toString(png)); // bytes are redacted
  }

  @Test
  void photoFromPathReadsTypeAndSize() throws IOException {
    byte[] jpeg = image("jpg", 40, 30);
    Path file = dir.resolve("news.jpg");
    Files.write(file, jpeg);
    DraftPhoto photo = DraftPhoto.fromPath(file);
    assertThat(photo.fileName()).isEqualTo("news.jpg");
    assertThat(photo.mediaType()).isEqualTo("image/jpeg");
    assertThat(photo.width()).isEqualTo(40);
    assertThat(photo.height()).isEqualTo(30);
    assertThat(photo.size()).isEqualTo(Files.size(file));
    assertThat(photo.readAll()).isEqualTo(jpeg);
  }

  @Test
  void photoThatIsNotAnImage() throws IOException {
    DraftPhoto text = DraftPhoto.fromBytes("readme.txt", "not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(text.mediaType()).isEqualTo("application/octet-stream");
    assertThat(text.width()).isNull();
    assertThat(text.height()).isNull();
    // A PNG signature with a damaged header: the type is known, the size is not.
    byte[] png = image("png", 3, 2);
    byte[] broken = java.util.Arrays.copyOf(png, 12);
    DraftPhoto damaged = DraftPhoto.fromBytes("broken.png", broken);
    assertThat(damaged.mediaType()).isEqualTo("image/png");
    assertThat(damaged.width()).isNull();
    assertThatThrownBy(() -> DraftPhoto.fromPath(dir.resolve("missing.jpg"))).isInstanceOf(IOException.class);
  }
}
