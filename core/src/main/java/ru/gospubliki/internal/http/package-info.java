/**
 * The HTTP transport the platform adapters (VK, OK, MAX) share, so that rate limiting, backoff,
 * deadlines, body limits, failure descriptions, secret scrubbing and JSON quirks exist once.
 *
 * <p>An adapter builds one {@link ru.gospubliki.internal.http.HttpTransport} (it derives its
 * clients from the embedder's {@code OkHttpClient} with the API policy: no redirects, a total
 * deadline per call, bounded bodies), one {@link ru.gospubliki.internal.http.ApiToken} per token
 * (each token's {@link ru.gospubliki.internal.http.RateLimiter} is shared by the whole process
 * through {@link ru.gospubliki.internal.http.TokenBudgets}), and reads answers with the Moshi of
 * {@link ru.gospubliki.internal.http.PlatformJson}:
 *
 * <pre>{@code
 * HttpTransport http = HttpTransport.builder("VK").client(embedderClient).build();
 * ApiToken token = ApiToken.of(TokenBudgets.process(), "VK", "serviceTokens[0]", secret, 3);
 * for (int attempt = 1; ; attempt++) {
 *   try {
 *     Answer answer = http.execute(request, "groups.getById", HttpTransport.Kind.READ, token);
 *     return reader.read(answer.body());
 *   } catch (CallFailure e) {
 *     if (!e.reason().retrySafe() && write || attempt >= backoff.maxAttempts()) throw e;
 *     Backoff.sleep(sleeper, backoff.delayNanos(attempt));
 *   }
 * }
 * }</pre>
 *
 * <p>Internal: exported to the adapter modules only; may change in any release. Nothing here
 * knows a particular platform.
 */
@NullMarked
package ru.gospubliki.internal.http;

import org.jspecify.annotations.NullMarked;
