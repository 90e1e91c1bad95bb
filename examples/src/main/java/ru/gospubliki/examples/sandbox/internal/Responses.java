package ru.gospubliki.examples.sandbox.internal;

import mockwebserver3.MockResponse;
import org.jspecify.annotations.Nullable;

final class Responses {
  private Responses() {}

  static MockResponse json(@Nullable Object body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body(Json.write(body))
        .build();
  }

  static MockResponse status(int code, String text) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "text/plain; charset=utf-8")
        .body(text)
        .build();
  }
}
