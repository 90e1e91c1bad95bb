package ru.gospubliki.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads an image's type (by magic bytes) and dimensions (by its header, through ImageIO), looking
 * at no more than {@link #HEADER_LIMIT} bytes: a huge or damaged file costs the same as a small one.
 */
public final class ImageProbe {
  /**
   * How far into a file the dimensions are looked for. Real headers sit in the first kilobytes (a
   * JPEG's metadata segments are at most 64 KB each); without this bound ImageIO's JPEG reader
   * scans a damaged 3 GB file to its end.
   */
  public static final int HEADER_LIMIT = 4 * 1024 * 1024;

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

  /**
   * Probes {@code in}, reading only as far as the image header and never more than {@link
   * #HEADER_LIMIT} bytes; dimensions not found by then are unknown.
   */
  public static Result probe(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(new Limited(in, HEADER_LIMIT), 64 * 1024);
    buffered.mark(16);
    byte[] magic = buffered.readNBytes(8);
    buffered.reset();
    String type = mediaType(magic);
    if (!type.startsWith("image/")) return new Result(type, null, null);
    // Cached in memory (at most HEADER_LIMIT), not in a temporary file as ImageIO would by default.
    try (ImageInputStream images = new MemoryCacheImageInputStream(buffered)) {
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

  /** Ends after {@code limit} bytes, as if the file ended there. */
  private static final class Limited extends FilterInputStream {
    private long remaining;

    Limited(InputStream in, long limit) {
      super(in);
      this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) return -1;
      int b = in.read();
      if (b >= 0) remaining--;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) return -1;
      int n = in.read(b, off, (int) Math.min(len, remaining));
      if (n > 0) remaining -= n;
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = in.skip(Math.min(n, remaining));
      remaining -= skipped;
      return skipped;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(in.available(), remaining);
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
