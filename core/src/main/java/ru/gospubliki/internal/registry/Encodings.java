package ru.gospubliki.internal.registry;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.registry.RegistryFormatException;

/**
 * Picks a registry file's encoding: a byte-order mark decides (UTF-8, or UTF-16 as Excel's «Юникод
 * (текст)» saves); without one, UTF-8 when the bytes are valid UTF-8, else Windows-1251, the
 * encoding Russian Excel saves CSV in. A file with lines of both (rows pasted from another file) is
 * an error naming the lines: read either way, part of it would be garbled.
 */
final class Encodings {
  static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
  /** How much of a stream is checked; a file is checked whole. */
  static final int STREAM_SAMPLE = 1 << 20;
  /** Cyrillic letters a line must have, all valid UTF-8, to count as written in UTF-8. */
  private static final int UTF8_EVIDENCE = 3;

  private Encodings() {}

  /** The charset a byte-order mark at the start of {@code head} names, or null. */
  static @Nullable Charset fromBom(byte[] head, int length) {
    if (length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (length >= 2 && ((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE
        || (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF)) {
      return StandardCharsets.UTF_16; // Reads the mark and takes its byte order.
    }
    return null;
  }

  /** The charset of {@code file}: its byte-order mark, or the whole file checked line by line. */
  static Charset detect(Path file, @Nullable Charset given) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(3);
      Charset bom = fromBom(head, head.length);
      if (bom != null && !bom.equals(StandardCharsets.UTF_8)) return bom;
      if (given != null) return given;
      Scan scan = new Scan();
      scan.feed(head, head.length);
      byte[] buffer = new byte[1 << 16];
      for (int read; (read = in.read(buffer)) > 0; ) scan.feed(buffer, read);
      return scan.verdict();
    }
  }

  /** The charset of {@code in} (which must support mark/reset) from its first {@link #STREAM_SAMPLE} bytes. */
  static Charset detect(BufferedInputStream in, @Nullable Charset given) throws IOException {
    in.mark(STREAM_SAMPLE + 1);
    byte[] sample = in.readNBytes(STREAM_SAMPLE);
    in.reset();
    Charset bom = fromBom(sample, sample.length);
    if (bom != null && !bom.equals(StandardCharsets.UTF_8)) return bom;
    if (given != null) return given;
    Scan scan = new Scan();
    // A cut sample may end inside a character: the last three bytes are not judged.
    scan.feed(sample, sample.length < STREAM_SAMPLE ? sample.length : Math.max(0, sample.length - 3));
    return scan.verdict();
  }

  /**
   * Checks bytes for UTF-8 line by line: which lines have bytes that cannot be UTF-8, and which are
   * clearly UTF-8 (several Cyrillic letters, nothing invalid).
   */
  static final class Scan {
    private long line = 1;
    private boolean lineInvalid;
    private int lineCyrillic;
    private long firstInvalidLine;
    private long firstUtf8Line;
    /** Continuation bytes still expected, and the bounds of the next one. */
    private int pending;
    private int lead;
    private int low = 0x80;
    private int high = 0xBF;

    void feed(byte[] bytes, int length) {
      for (int i = 0; i < length; i++) {
        int b = bytes[i] & 0xff;
        if (pending > 0) {
          if (b >= low && b <= high) {
            pending--;
            low = 0x80;
            high = 0xBF;
            if (pending == 0 && (lead == 0xD0 || lead == 0xD1)) lineCyrillic++;
            continue;
          }
          lineInvalid = true; // The sequence broke off: judge this byte afresh.
          pending = 0;
          low = 0x80;
          high = 0xBF;
        }
        if (b < 0x80) {
          if (b == '\n') endLine();
        } else if (b >= 0xC2 && b <= 0xDF) {
          start(b, 1, 0x80, 0xBF);
        } else if (b >= 0xE0 && b <= 0xEF) {
          start(b, 2, b == 0xE0 ? 0xA0 : 0x80, b == 0xED ? 0x9F : 0xBF);
        } else if (b >= 0xF0 && b <= 0xF4) {
          start(b, 3, b == 0xF0 ? 0x90 : 0x80, b == 0xF4 ? 0x8F : 0xBF);
        } else {
          lineInvalid = true;
        }
      }
    }

    private void start(int b, int continuations, int firstLow, int firstHigh) {
      lead = b;
      pending = continuations;
      low = firstLow;
      high = firstHigh;
    }

    /** The first line found with bytes that cannot be UTF-8 so far, or 0. */
    long firstInvalidLine() {
      if (firstInvalidLine != 0) return firstInvalidLine;
      return lineInvalid ? line : 0;
    }

    private void endLine() {
      if (lineInvalid && firstInvalidLine == 0) firstInvalidLine = line;
      if (!lineInvalid && lineCyrillic >= UTF8_EVIDENCE && firstUtf8Line == 0) firstUtf8Line = line;
      line++;
      lineInvalid = false;
      lineCyrillic = 0;
    }

    /**
     * UTF-8 when nothing was invalid, Windows-1251 when no line was clearly UTF-8.
     *
     * @throws RegistryFormatException when some lines are UTF-8 and others are not.
     */
    Charset verdict() {
      if (pending > 0) lineInvalid = true;
      endLine();
      if (firstInvalidLine == 0) return StandardCharsets.UTF_8;
      if (firstUtf8Line == 0) return WINDOWS_1251;
      long first = Math.min(firstInvalidLine, firstUtf8Line);
      boolean utf8First = firstUtf8Line < firstInvalidLine;
      throw new RegistryFormatException(Math.max(firstInvalidLine, firstUtf8Line), "файл сохранён в разных кодировках: "
          + "строка " + first + " в " + (utf8First ? "UTF-8" : "Windows-1251") + ", а эта — в "
          + (utf8First ? "Windows-1251" : "UTF-8") + " (так бывает, когда строки вставлены из другого файла). "
          + "Пересохраните реестр целиком в одной кодировке, например в Excel: «Сохранить как» → «CSV UTF-8»");
    }
  }

  /** Watches the bytes on their way to the decoder, so a decoding failure can name its line. */
  static final class Watched extends java.io.FilterInputStream {
    final Scan scan = new Scan();

    Watched(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) scan.feed(new byte[] {(byte) b}, 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int count = super.read(buffer, offset, length);
      if (count > 0) {
        byte[] read = offset == 0 ? buffer : java.util.Arrays.copyOfRange(buffer, offset, offset + count);
        scan.feed(read, count);
      }
      return count;
    }

    /** Leaves the stream open: whoever opened it closes it. */
    @Override
    public void close() {}
  }

  /** A reader that fails on bytes invalid in UTF-8 (so a mis-detected stream is an error, not mojibake). */
  static Reader reader(InputStream in, Charset charset) {
    CharsetDecoder decoder = charset.newDecoder();
    if (charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.UTF_16)) {
      decoder.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    } else {
      decoder.onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    }
    return new InputStreamReader(in, decoder);
  }
}
