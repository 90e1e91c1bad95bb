package ru.gospubliki.vk.internal;

/** A monotonic nanosecond clock; tests inject a fake one. */
@FunctionalInterface
public interface Ticker {
  Ticker SYSTEM = System::nanoTime;

  long nanos();
}
