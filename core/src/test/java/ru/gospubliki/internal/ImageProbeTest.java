package ru.gospubliki.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

final class ImageProbeTest {
  @Test
  void readsTheDimensionsOfARealImage() throws IOException {
    for (String format : new String[] {"png", "jpg", "gif"}) {
      ImageProbe.Result result = ImageProbe.probe(new ByteArrayInputStream(image(format, 640, 480)));
      assertThat(result.mediaType()).isEqualTo(format.equals("jpg") ? "image/jpeg" : "image/" + format);
      assertThat(result.width()).isEqualTo(640);
      assertThat(result.height()).isEqualTo(480);
    }
  }

  @Test
  void aDamagedThreeGigabyteJpegIsProbedWithoutReadingItWhole() throws IOException {
    // A JPEG start followed by 3 GB of zeros: the JPEG reader would scan all of it for a frame header.
    Counting in = new Counting(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 3L << 30);
    ImageProbe.Result result = ImageProbe.probe(in);
    assertThat(result.mediaType()).isEqualTo("image/jpeg");
    assertThat(result.width()).isNull();
    assertThat(in.served).isLessThanOrEqualTo(4L << 20); // a few megabytes, not 3 GB
  }

  static byte[] image(String format, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(image, format, out)) throw new IOException("no writer for " + format);
    return out.toByteArray();
  }

  /** {@code head}, then zeros up to {@code length} bytes, counting what was read. */
  static final class Counting extends InputStream {
    final byte[] head;
    final long length;
    long served;

    Counting(byte[] head, long length) {
      this.head = head;
      this.length = length;
    }

    @Override
    public int read() {
      if (served >= length) return -1;
      int b = served < head.length ? head[(int) served] & 0xff : 0;
      served++;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (served >= length) return -1;
      int n = (int) Math.min(len, length - served);
      for (int i = 0; i < n; i++) b[off + i] = served + i < head.length ? head[(int) (served + i)] : 0;
      served += n;
      return n;
    }
  }
}
