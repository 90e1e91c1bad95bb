package ru.gospubliki.internal.http;

import java.util.Locale;
import java.util.Objects;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * A platform's complete answer to one call: the HTTP status, the declared media type and the body
 * (decompressed, within the transport's size limit).
 *
 * @param code the HTTP status.
 * @param contentType the {@code Content-Type} header; null when absent.
 * @param body the body as text.
 * @param headers the answer's headers (OK names its error code in {@code invocation-error}).
 */
public record Answer(int code, @Nullable String contentType, String body, Headers headers) {
  public Answer {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(headers, "headers");
  }

  /** An answer with no headers but its media type. */
  public Answer(int code, @Nullable String contentType, String body) {
    this(code, contentType, body, Headers.of());
  }

  /** The value of header {@code name}, or null when absent. */
  public @Nullable String header(String name) {
    return headers.get(name);
  }

  public boolean successful() {
    return code >= 200 && code < 300;
  }

  /** True for an HTML page (a proxy's or a login page) where an API answer was expected. */
  public boolean looksLikeHtml() {
    String type = contentType;
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html")) return true;
    String start = body.stripLeading();
    return start.startsWith("<");
  }

  @Override
  public String toString() {
    return "Answer{" + code + ", " + body.length() + " chars}";
  }
}
