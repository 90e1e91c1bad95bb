package ru.gospubliki.ok.internal;

import java.time.Duration;

/** Waits; injected so that rate limiting and backoff do not really wait in tests. */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
