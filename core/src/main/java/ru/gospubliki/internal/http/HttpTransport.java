package ru.gospubliki.internal.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.platform.FailureReason;

/**
 * Makes one API call at a time for an adapter, under the policy every API call follows:
 *
 * <ul>
 *   <li>no redirect is followed ({@code followRedirects(false)}, {@code followSslRedirects(false)}):
 *       a 3xx is a {@link CallFailure} naming the status, and a token or signature never goes to
 *       another host;
 *   <li>a total deadline per call ({@code callTimeout}, {@value #DEFAULT_CALL_TIMEOUT_SECONDS} s by
 *       default), so an answer trickled a byte at a time ends as {@link FailureReason#TIMEOUT};
 *   <li>bodies read up to a limit after decompression ({@value #DEFAULT_MAX_BODY_BYTES} bytes by
 *       default), so a gzip bomb ends in a clear error with bounded memory;
 *   <li>writes are never repeated by OkHttp itself ({@code retryOnConnectionFailure(false)}); reads
 *       may be, on a stale pooled connection;
 *   <li>the token's {@link RateLimiter} before the call, told when the answer came;
 *   <li>Nagle's algorithm off on the default sockets ({@link NoDelaySocketFactory}), so a request
 *       never waits for the acknowledgement of its own first part;
 *   <li>network failures classified ({@link #classify}) and described in Russian with the host
 *       and the method;
 *   <li>an interrupted thread stops at once: the call is cancelled, {@link InterruptedIOException}
 *       is thrown and the interrupt flag stays set.
 * </ul>
 *
 * <p>The clients are derived from the embedder's {@link OkHttpClient} (connection pool, proxy,
 * interceptors shared) with a dispatcher of the transport's own, so the embedder's limits are
 * untouched and {@link #close()} releases only what the transport owns.
 */
public final class HttpTransport implements Closeable {
  static final int DEFAULT_CALL_TIMEOUT_SECONDS = 60;
  /** The default deadline of one call, from connecting to the last byte of the answer. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(DEFAULT_CALL_TIMEOUT_SECONDS);
  /** The default limit on an answer's body, after decompression: 10 MB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

  /** Whether a call may be repeated by the HTTP client on a stale connection. */
  public enum Kind {
    /** Reads nothing changes: a silent repeat is harmless. */
    READ,
    /** May create or change something: never repeated behind the adapter's back. */
    WRITE
  }

  private final String platform;
  private final OkHttpClient reads;
  private final OkHttpClient writes;
  private final ExecutorService executor;
  private final @Nullable OkHttpClient owned;
  private final Duration callTimeout;
  private final long maxBodyBytes;

  private HttpTransport(Builder builder) {
    OkHttpVersion.requireCompatible();
    this.platform = builder.platform;
    this.callTimeout = builder.callTimeout;
    this.maxBodyBytes = builder.maxBodyBytes;
    OkHttpClient given = builder.client;
    OkHttpClient base = given != null ? given : new OkHttpClient();
    this.owned = given == null ? base : null;
    AtomicInteger threads = new AtomicInteger();
    String name = "gospubliki-" + platform.toLowerCase(Locale.ROOT) + "-http-";
    this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread thread = new Thread(r, name + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    Dispatcher dispatcher = new Dispatcher(executor);
    // The token's rate limiters bound what is in flight; the dispatcher must not add a lower bound.
    dispatcher.setMaxRequests(512);
    dispatcher.setMaxRequestsPerHost(512);
    OkHttpClient.Builder derived = base.newBuilder();
    // An embedder's own socket factory is kept as it is; the default one gets Nagle's algorithm off.
    if (base.socketFactory() == SocketFactory.getDefault()) {
      derived.socketFactory(new NoDelaySocketFactory(base.socketFactory()));
    }
    OkHttpClient policy = derived
        .dispatcher(dispatcher)
        .addNetworkInterceptor(chain -> {
          // The moment the request goes onto the connection: the rate limiter's departure.
          Sending sending = chain.request().tag(Sending.class);
          if (sending != null) sending.run();
          return chain.proceed(chain.request());
        })
        .followRedirects(false)
        .followSslRedirects(false)
        .callTimeout(callTimeout)
        .build();
    this.reads = policy.newBuilder().retryOnConnectionFailure(true).build();
    this.writes = policy.newBuilder().retryOnConnectionFailure(false).build();
  }

  /** A transport for {@code platform} (its name in messages, e.g. {@code VK}). */
  public static Builder builder(String platform) {
    return new Builder(platform);
  }

  /** {@code callTimeout} when it is a usable deadline; adapters' builders check theirs eagerly with it. */
  public static Duration checkCallTimeout(Duration callTimeout) {
    Objects.requireNonNull(callTimeout, "callTimeout == null");
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("callTimeout must be > 0: " + callTimeout);
    }
    return callTimeout;
  }

  /** {@code maxBodyBytes} when it is a usable limit; adapters' builders check theirs eagerly with it. */
  public static long checkMaxBodyBytes(long maxBodyBytes) {
    if (maxBodyBytes < 1) throw new IllegalArgumentException("maxBodyBytes must be > 0: " + maxBodyBytes);
    return maxBodyBytes;
  }

  public Duration callTimeout() {
    return callTimeout;
  }

  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * Makes one call: waits for {@code token}'s rate limiter (when given), sends {@code request} and
   * reads the whole answer.
   *
   * @param method the API method, for messages.
   * @throws CallFailure when no usable answer came: a network failure, the deadline, a redirect, a
   *     body over the limit.
   * @throws InterruptedIOException when the thread was interrupted (its flag stays set).
   */
  public Answer execute(Request request, String method, Kind kind, @Nullable ApiToken token)
      throws CallFailure, InterruptedIOException {
    if (Thread.currentThread().isInterrupted()) throw interrupted(null);
    long ticket = -1;
    if (token != null) {
      try {
        ticket = token.limiter().acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(e);
      }
    }
    String host = request.url().host();
    if (token != null) {
      long sentTicket = ticket;
      request = request.newBuilder().tag(Sending.class, () -> token.limiter().sent(sentTicket)).build();
    }
    Call call = (kind == Kind.READ ? reads : writes).newCall(request);
    CompletableFuture<Answer> result = new CompletableFuture<>();
    AtomicBoolean answered = new AtomicBoolean();
    long finalTicket = ticket;
    Runnable finish = () -> {
      if (token != null && answered.compareAndSet(false, true)) token.limiter().finished(finalTicket);
    };
    call.enqueue(new Callback() {
      @Override
      public void onFailure(Call failed, IOException e) {
        finish.run();
        result.completeExceptionally(e);
      }

      @Override
      public void onResponse(Call done, Response response) {
        finish.run();
        try (response) {
          result.complete(read(response, method, host));
        } catch (IOException | RuntimeException e) {
          result.completeExceptionally(e);
        }
      }
    });
    try {
      return result.get();
    } catch (InterruptedException e) {
      call.cancel();
      finish.run();
      Thread.currentThread().interrupt();
      throw interrupted(e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof CallFailure failure) throw failure;
      if (cause instanceof IOException io) {
        if (Thread.currentThread().isInterrupted()) throw interrupted(io);
        throw classify(io, method, host);
      }
      if (cause instanceof RuntimeException runtime) throw runtime;
      throw new IllegalStateException(cause);
    }
  }

  /** Tells a request's rate limiter that it is being sent. */
  @FunctionalInterface
  private interface Sending {
    void run();
  }

  private Answer read(Response response, String method, String host) throws IOException {
    int code = response.code();
    if (code >= 300 && code < 400) {
      throw new CallFailure(FailureReason.API_ERROR, platform + ": " + host + " ответил на " + method
          + " перенаправлением (HTTP " + code + "); перенаправления не выполняются, запрос больше никуда не отправлен",
          null);
    }
    ResponseBody body = response.body();
    if (body.contentLength() > maxBodyBytes) throw tooLarge(method, host);
    Buffer buffer = new Buffer();
    BufferedSource source = body.source();
    while (source.read(buffer, 8192) != -1) {
      if (buffer.size() > maxBodyBytes) throw tooLarge(method, host);
    }
    MediaType type = body.contentType();
    Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
    return new Answer(code, response.header("Content-Type"), buffer.readString(charset == null ? StandardCharsets.UTF_8 : charset),
        response.headers());
  }

  private CallFailure tooLarge(String method, String host) {
    return new CallFailure(FailureReason.API_ERROR, platform + ": ответ " + host + " на " + method + " больше "
        + megabytes(maxBodyBytes) + " после распаковки; чтение прервано", null);
  }

  /**
   * What a failed call means and a Russian description of it, with the host and the method: could
   * not connect (host not found, refused, TLS, connect timeout: nothing was sent, {@link
   * FailureReason#NETWORK}), no complete answer within the deadline ({@link FailureReason#TIMEOUT}),
   * anything else after the request may have been sent ({@link FailureReason#CONNECTION_LOST}).
   */
  public CallFailure classify(IOException e, String method, String host) {
    if (e instanceof CallFailure failure) return failure;
    String notSent = ", " + method + " не отправлен";
    if (e instanceof UnknownHostException) {
      return new CallFailure(FailureReason.NETWORK, platform + ": сервер " + host + " не найден (DNS)" + notSent, e);
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof PortUnreachableException) {
      return new CallFailure(FailureReason.NETWORK, platform + ": " + host + " не принимает соединения" + notSent, e);
    }
    if (e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException) {
      return new CallFailure(FailureReason.NETWORK,
          platform + ": не удалось установить защищённое соединение (TLS) с " + host + notSent, e);
    }
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (e instanceof SocketTimeoutException && message.contains("connect")) {
      return new CallFailure(FailureReason.NETWORK,
          platform + ": не удалось соединиться с " + host + ": время ожидания истекло" + notSent, e);
    }
    if (e instanceof InterruptedIOException) {
      return new CallFailure(FailureReason.TIMEOUT, platform + ": " + host + " не ответил на " + method + " за "
          + seconds(callTimeout) + "; запрос мог дойти до сервера", e);
    }
    return new CallFailure(FailureReason.CONNECTION_LOST, platform + ": соединение с " + host + " оборвалось во время "
        + method + "; запрос мог дойти до сервера", e);
  }

  private static InterruptedIOException interrupted(@Nullable Throwable cause) {
    InterruptedIOException e = new InterruptedIOException("interrupted");
    if (cause != null) e.initCause(cause);
    return e;
  }

  private static String megabytes(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " МБ" : bytes + " байт";
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " с" : String.format(Locale.ROOT, "%.1f с", millis / 1000.0);
  }

  /**
   * Cancels what is in flight and releases the transport's threads; the connection pool too when
   * the transport created its client (never the embedder's).
   */
  @Override
  public void close() {
    reads.dispatcher().cancelAll();
    executor.shutdown();
    OkHttpClient client = owned;
    if (client != null) client.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return "HttpTransport{" + platform + "}";
  }

  /** Configures a {@link HttpTransport}. */
  public static final class Builder {
    private final String platform;
    private @Nullable OkHttpClient client;
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

    private Builder(String platform) {
      if (platform.isBlank()) throw new IllegalArgumentException("platform is blank");
      this.platform = platform;
    }

    /** The embedder's client to derive from (pool, proxy, interceptors); a new one by default. */
    public Builder client(@Nullable OkHttpClient client) {
      this.client = client;
      return this;
    }

    /** The deadline of one call; {@link #DEFAULT_CALL_TIMEOUT} by default. */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = checkCallTimeout(callTimeout);
      return this;
    }

    /** The largest answer body after decompression; {@link #DEFAULT_MAX_BODY_BYTES} by default. */
    public Builder maxBodyBytes(long maxBodyBytes) {
      this.maxBodyBytes = checkMaxBodyBytes(maxBodyBytes);
      return this;
    }

    public HttpTransport build() {
      return new HttpTransport(this);
    }
  }
}
