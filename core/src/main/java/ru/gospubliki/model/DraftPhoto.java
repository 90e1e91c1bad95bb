package ru.gospubliki.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.ImageProbe;

/**
 * A photo to attach to a {@link PostDraft}: a file on disk or bytes in memory, with the facts the
 * platforms' limits are checked against (type, size, dimensions) read up front, before any upload.
 *
 * <pre>{@code
 * DraftPhoto photo = DraftPhoto.fromPath(Path.of("news.jpg"));
 * }</pre>
 */
@Value.Immutable
public abstract class DraftPhoto {
  /** The largest photo {@link #readAll()} reads: what one Java array can hold. */
  private static final long MAX_IN_MEMORY = Integer.MAX_VALUE - 8;

  DraftPhoto() {}

  /**
   * Describes the photo at {@code path}: reads its size and image header (at most a few megabytes
   * from its start), never the whole file, so a 3 GB file is described as cheaply as a small one
   * and refused by its size when validated.
   *
   * @throws IOException when the file cannot be read.
   */
  public static DraftPhoto fromPath(Path path) throws IOException {
    long size = Files.size(path);
    ImageProbe.Result probe;
    try (InputStream in = Files.newInputStream(path)) {
      probe = ImageProbe.probe(in);
    }
    return new Builder()
        .fileName(path.getFileName().toString())
        .path(path)
        .size(size)
        .mediaType(probe.mediaType())
        .width(probe.width())
        .height(probe.height())
        .build();
  }

  /** Describes a photo held in memory. */
  public static DraftPhoto fromBytes(String fileName, byte[] bytes) {
    ImageProbe.Result probe;
    try {
      probe = ImageProbe.probe(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new AssertionError(e); // In-memory streams don't fail.
    }
    return new Builder()
        .fileName(fileName)
        .bytes(bytes)
        .size(bytes.length)
        .mediaType(probe.mediaType())
        .width(probe.width())
        .height(probe.height())
        .build();
  }

  /** The file name sent to the platform. */
  public abstract String fileName();

  /** Detected from the content: {@code image/jpeg}, {@code image/png}, {@code image/gif}, or another type. */
  public abstract String mediaType();

  /** Size in bytes. */
  public abstract long size();

  /** Width in pixels; null when the content is not an image the JDK can read. */
  public abstract @Nullable Integer width();

  public abstract @Nullable Integer height();

  abstract @Nullable Path path();

  @Value.Redacted
  abstract byte @Nullable [] bytes();

  /**
   * Opens the photo's content. A file is checked first: if its size is no longer {@link #size()}
   * (replaced since it was described and validated), nothing is read.
   *
   * @throws IOException when the file cannot be read or has changed size.
   */
  public final InputStream open() throws IOException {
    Path path = path();
    if (path != null) {
      long now = Files.size(path);
      if (now != size()) {
        throw new IOException("фото «" + fileName() + "» изменилось после проверки: было " + size()
            + " байт, стало " + now);
      }
      return Files.newInputStream(path);
    }
    byte[] bytes = bytes();
    if (bytes == null) throw new IllegalStateException("photo has no content");
    return new ByteArrayInputStream(bytes);
  }

  /**
   * Reads the whole photo into memory: {@link #size()} bytes, never more, so a photo validated
   * against a platform's size limit takes at most that much memory.
   *
   * @throws IOException when the file cannot be read, has changed, or is too large for one array.
   */
  public final byte[] readAll() throws IOException {
    if (size() > MAX_IN_MEMORY) {
      throw new IOException("фото «" + fileName() + "» слишком велико, чтобы прочитать его целиком: "
          + size() + " байт");
    }
    try (InputStream in = open()) {
      byte[] content = in.readNBytes((int) size());
      if (content.length != size() || in.read() != -1) {
        throw new IOException("фото «" + fileName() + "» изменилось во время чтения");
      }
      return content;
    }
  }

  @Value.Check
  void check() {
    if ((path() == null) == (bytes() == null)) {
      throw new IllegalStateException("a photo has exactly one of path or bytes");
    }
    if (size() < 0) throw new IllegalStateException("size < 0: " + size());
  }

  static final class Builder extends ImmutableDraftPhoto.Builder {}
}
