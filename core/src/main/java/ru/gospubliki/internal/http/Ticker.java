package ru.gospubliki.internal.http;

/** A monotonic nanosecond clock, so tests can drive time. */
@FunctionalInterface
public interface Ticker {
  Ticker SYSTEM = System::nanoTime;

  long nanos();
}
