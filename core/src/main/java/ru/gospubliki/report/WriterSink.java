package ru.gospubliki.report;

import java.io.IOException;
import java.io.Writer;
import okio.Buffer;
import okio.Sink;
import okio.Timeout;

/** An Okio sink that decodes UTF-8 into a {@link Writer}, never splitting a character. */
final class WriterSink implements Sink {
  private final Writer out;
  private final Buffer pending = new Buffer();

  WriterSink(Writer out) {
    this.out = out;
  }

  @Override
  public void write(Buffer source, long byteCount) throws IOException {
    source.read(pending, byteCount);
    long complete = completeCharacters();
    if (complete > 0) out.write(pending.readUtf8(complete));
  }

  /** How many leading bytes of {@link #pending} end on a character boundary. */
  private long completeCharacters() {
    long size = pending.size();
    long start = Math.max(0, size - 4);
    for (long i = size - 1; i >= start; i--) {
      int b = pending.getByte(i) & 0xff;
      if ((b & 0xC0) == 0x80) continue; // A continuation byte: look further back for its lead.
      int length = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : 4;
      return i + length <= size ? size : i;
    }
    return size;
  }

  @Override
  public void flush() throws IOException {
    if (pending.size() > 0) out.write(pending.readUtf8());
    out.flush();
  }

  @Override
  public Timeout timeout() {
    return Timeout.NONE;
  }

  /** Flushes; the writer stays open: whoever opened it closes it. */
  @Override
  public void close() throws IOException {
    flush();
  }
}
