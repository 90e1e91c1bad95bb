package ru.gospubliki.internal.registry;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Picks a registry file's encoding when none is given: UTF-8 (with or without BOM) when the bytes
 * are valid UTF-8, else Windows-1251, the encoding Russian Excel saves CSV in.
 */
final class Encodings {
  static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
  /** How much of a stream is checked; a file is checked whole. */
  static final int STREAM_SAMPLE = 1 << 20;

  private Encodings() {}

  /** Checks the whole file, streaming: UTF-8 if every byte sequence is valid UTF-8. */
  static Charset detect(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return isUtf8(in, Long.MAX_VALUE) ? StandardCharsets.UTF_8 : WINDOWS_1251;
    }
  }

  /** Checks the first {@link #STREAM_SAMPLE} bytes of {@code in}, which must support mark/reset. */
  static Charset detect(BufferedInputStream in) throws IOException {
    in.mark(STREAM_SAMPLE + 1);
    boolean utf8 = isUtf8(in, STREAM_SAMPLE);
    in.reset();
    return utf8 ? StandardCharsets.UTF_8 : WINDOWS_1251;
  }

  private static boolean isUtf8(InputStream in, long limit) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.allocate(8192);
    CharBuffer chars = CharBuffer.allocate(8192);
    long remaining = limit;
    boolean end = false;
    while (!end) {
      int read = in.read(bytes.array(), bytes.position(), (int) Math.min(bytes.remaining(), remaining));
      if (read < 0) {
        end = true;
      } else {
        bytes.position(bytes.position() + read);
        remaining -= read;
        if (remaining == 0) {
          // A cut sample may end inside a character: what was read so far is all we judge.
          bytes.flip();
          return !decoder.decode(bytes, chars, false).isError();
        }
      }
      bytes.flip();
      CoderResult result;
      do {
        chars.clear();
        result = decoder.decode(bytes, chars, end);
        if (result.isError()) return false;
      } while (result.isOverflow());
      bytes.compact();
    }
    chars.clear();
    return !decoder.flush(chars).isError();
  }

  /** A reader that fails on bytes invalid in UTF-8 (so a mis-detected stream is an error, not mojibake). */
  static Reader reader(InputStream in, Charset charset) {
    CharsetDecoder decoder = charset.newDecoder();
    if (charset.equals(StandardCharsets.UTF_8)) {
      decoder.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    } else {
      decoder.onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    }
    return new InputStreamReader(in, decoder);
  }
}
