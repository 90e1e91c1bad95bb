package ru.gospubliki.examples.sandbox.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/** Sliding one-second window per key, as VK counts "requests per second" per token. */
final class RateLimiter {
  private final Map<String, ArrayDeque<Long>> windows = new HashMap<>();

  /** Records a request at {@code nowMillis}; false when it is more than {@code limit} in 1 s. */
  synchronized boolean tryAcquire(String key, int limit, long nowMillis) {
    ArrayDeque<Long> window = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
    while (!window.isEmpty() && window.peekFirst() <= nowMillis - 1000) window.pollFirst();
    if (window.size() >= limit) return false;
    window.addLast(nowMillis);
    return true;
  }
}
