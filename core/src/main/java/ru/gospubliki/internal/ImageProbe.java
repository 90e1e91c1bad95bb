package ru.gospubliki.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jspecify.annotations.Nullable;

/** Reads an image's type (by magic bytes) and dimensions (by its header, through ImageIO). */
public final class ImageProbe {
  private ImageProbe() {}

  /** What a probe found. */
  public static final class Result {
    private final String mediaType;
    private final @Nullable Integer width;
    private final @Nullable Integer height;

    Result(String mediaType, @Nullable Integer width, @Nullable Integer height) {
      this.mediaType = mediaType;
      this.width = width;
      this.height = height;
    }

    public String mediaType() {
      return mediaType;
    }

    public @Nullable Integer width() {
      return width;
    }

    public @Nullable Integer height() {
      return height;
    }
  }

  /** Probes {@code in}, reading only as far as the image header. */
  public static Result probe(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
    buffered.mark(16);
    byte[] magic = buffered.readNBytes(8);
    buffered.reset();
    String type = mediaType(magic);
    if (!type.startsWith("image/")) return new Result(type, null, null);
    try (ImageInputStream images = ImageIO.createImageInputStream(buffered)) {
      if (images == null) return new Result(type, null, null);
      Iterator<ImageReader> readers = ImageIO.getImageReaders(images);
      if (!readers.hasNext()) return new Result(type, null, null);
      ImageReader reader = readers.next();
      try {
        reader.setInput(images, true, true);
        return new Result(type, reader.getWidth(0), reader.getHeight(0));
      } catch (IOException | RuntimeException e) {
        return new Result(type, null, null); // A damaged header: type known, size unknown.
      } finally {
        reader.dispose();
      }
    }
  }

  static String mediaType(byte[] magic) {
    if (magic.length >= 3 && (magic[0] & 0xff) == 0xFF && (magic[1] & 0xff) == 0xD8 && (magic[2] & 0xff) == 0xFF) {
      return "image/jpeg";
    }
    if (magic.length >= 8 && (magic[0] & 0xff) == 0x89 && magic[1] == 'P' && magic[2] == 'N' && magic[3] == 'G') {
      return "image/png";
    }
    if (magic.length >= 4 && magic[0] == 'G' && magic[1] == 'I' && magic[2] == 'F' && magic[3] == '8') {
      return "image/gif";
    }
    if (magic.length >= 4 && magic[0] == 'R' && magic[1] == 'I' && magic[2] == 'F' && magic[3] == 'F') {
      return "image/webp";
    }
    return "application/octet-stream";
  }
}
