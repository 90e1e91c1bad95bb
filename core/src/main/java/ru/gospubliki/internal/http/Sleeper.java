package ru.gospubliki.internal.http;

/** Waits; tests inject one that records or advances a fake {@link Ticker} instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM = nanos -> {
    if (nanos > 0) Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
  };

  void sleep(long nanos) throws InterruptedException;
}
