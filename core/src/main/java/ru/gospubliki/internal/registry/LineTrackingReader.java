package ru.gospubliki.internal.registry;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Counts physical lines under a CSV parser, so a record's character position becomes the line it
 * starts on. {@code \n}, {@code \r\n} and a lone {@code \r} each end one line. Only the line breaks
 * the parser has read but not yet asked about are kept: memory does not grow with the file.
 */
final class LineTrackingReader extends Reader {
  private final Reader delegate;
  private long position;
  private boolean lastWasCr;
  /** Positions of line breaks not yet passed by {@link #lineOf}, a FIFO queue. */
  private long[] breaks = new long[64];
  private int head;
  private int tail;
  private long linesPassed;

  LineTrackingReader(Reader delegate) {
    this.delegate = delegate;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int count = delegate.read(buffer, offset, length);
    for (int i = 0; i < count; i++) {
      char c = buffer[offset + i];
      if (c == '\n') {
        if (!lastWasCr) addBreak(position);
        lastWasCr = false;
      } else if (c == '\r') {
        addBreak(position);
        lastWasCr = true;
      } else {
        lastWasCr = false;
      }
      position++;
    }
    return count;
  }

  /** The 1-based line of character {@code characterPosition}; positions must not decrease between calls. */
  long lineOf(long characterPosition) {
    while (head < tail && breaks[head] < characterPosition) {
      head++;
      linesPassed++;
    }
    return linesPassed + 1;
  }

  private void addBreak(long at) {
    if (tail == breaks.length) {
      if (head > 0) {
        System.arraycopy(breaks, head, breaks, 0, tail - head);
        tail -= head;
        head = 0;
      } else {
        breaks = Arrays.copyOf(breaks, breaks.length * 2);
      }
    }
    breaks[tail++] = at;
  }

  /** Leaves the delegate open: whoever opened the source closes it. */
  @Override
  public void close() {}
}
