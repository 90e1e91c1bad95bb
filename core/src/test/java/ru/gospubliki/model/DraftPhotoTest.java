package ru.gospubliki.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DraftPhotoTest {
  static final long THREE_GB = 3L << 30;

  @TempDir Path dir;

  @Test
  void describesAPhotoAndReadsItBack() throws IOException {
    byte[] png = png();
    Path file = Files.write(dir.resolve("школа.png"), png);
    DraftPhoto photo = DraftPhoto.fromPath(file);
    assertThat(photo.fileName()).isEqualTo("школа.png");
    assertThat(photo.mediaType()).isEqualTo("image/png");
    assertThat(photo.size()).isEqualTo(png.length);
    assertThat(photo.width()).isEqualTo(64);
    assertThat(photo.readAll()).isEqualTo(png);
    assertThat(DraftPhoto.fromBytes("a.png", png).readAll()).isEqualTo(png);
  }

  @Test
  void aSparseThreeGigabyteFileIsDescribedByItsSizeNotRead() throws IOException {
    Path file = sparse(dir.resolve("огромное.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0},
        THREE_GB);
    DraftPhoto photo = DraftPhoto.fromPath(file);
    assertThat(photo.size()).isEqualTo(THREE_GB);
    assertThat(photo.mediaType()).isEqualTo("image/jpeg");
    assertThat(photo.width()).isNull();
    // Too large for memory: refused by its size before a byte is read.
    assertThatThrownBy(photo::readAll).isInstanceOf(IOException.class)
        .hasMessageContaining("«огромное.jpg»").hasMessageContaining(Long.toString(THREE_GB));
  }

  @Test
  void aFileReplacedAfterItWasDescribedIsNotRead() throws IOException {
    Path file = Files.write(dir.resolve("афиша.png"), png());
    DraftPhoto photo = DraftPhoto.fromPath(file);
    sparse(file, png(), THREE_GB); // validated as small, swapped for 3 GB before the upload
    assertThatThrownBy(photo::readAll).isInstanceOf(IOException.class)
        .hasMessage("фото «афиша.png» изменилось после проверки: было " + photo.size() + " байт, стало " + THREE_GB);
    assertThatThrownBy(photo::open).isInstanceOf(IOException.class).hasMessageContaining("изменилось");
  }

  static Path sparse(Path file, byte[] head, long length) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.write(head);
      raf.setLength(length); // sparse: takes no disk
    }
    return file;
  }

  static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
