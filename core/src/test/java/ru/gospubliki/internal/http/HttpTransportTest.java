package ru.gospubliki.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import javax.net.SocketFactory;
import mockwebserver3.SocketEffect;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okio.BufferedSink;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import ru.gospubliki.platform.FailureReason;

class HttpTransportTest {
  private MockWebServer server;
  private HttpTransport transport;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    transport = HttpTransport.builder("VK").build();
  }

  @AfterEach
  void stop() {
    transport.close();
    server.close();
  }

  private Request post(HttpUrl url) {
    return new Request.Builder().url(url).header("Authorization", "Bearer secret-token-1")
        .post(new FormBody.Builder().add("sig", "secret-signature").build()).build();
  }

  @Test
  void requestsGoOverSocketsWithNagleOffUnlessTheEmbedderChoseTheSockets() throws IOException {
    AtomicReference<Boolean> noDelay = new AtomicReference<>();
    EventListener listener = new EventListener() {
      @Override
      public void connectionAcquired(Call call, Connection connection) {
        try {
          noDelay.set(connection.socket().getTcpNoDelay());
        } catch (SocketException e) {
          throw new AssertionError(e);
        }
      }
    };
    OkHttpClient embedders = new OkHttpClient.Builder().eventListener(listener).build();
    server.enqueue(new MockResponse.Builder().body("{}").build());
    try (HttpTransport ours = HttpTransport.builder("VK").client(embedders).build()) {
      ours.execute(post(server.url("/method/x")), "x", HttpTransport.Kind.READ, null);
    }
    assertThat(noDelay.get()).isTrue();

    noDelay.set(null);
    server.enqueue(new MockResponse.Builder().body("{}").build());
    OkHttpClient ownSockets = embedders.newBuilder().connectionPool(new ConnectionPool()).socketFactory(new SocketFactory() {
      @Override
      public Socket createSocket() {
        return new Socket();
      }

      @Override
      public Socket createSocket(String host, int port) throws IOException {
        return new Socket(host, port);
      }

      @Override
      public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
        return new Socket(host, port, local, localPort);
      }

      @Override
      public Socket createSocket(InetAddress host, int port) throws IOException {
        return new Socket(host, port);
      }

      @Override
      public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
        return new Socket(host, port, local, localPort);
      }
    }).build();
    try (HttpTransport theirs = HttpTransport.builder("VK").client(ownSockets).build()) {
      theirs.execute(post(server.url("/method/x")), "x", HttpTransport.Kind.READ, null);
    }
    assertThat(noDelay.get()).isFalse();
  }

  @Test
  void readsTheWholeAnswer() throws IOException {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json; charset=utf-8")
        .body("{\"response\":\"Школа\"}").build());

    Answer answer = transport.execute(post(server.url("/method/x")), "x", HttpTransport.Kind.READ, null);

    assertThat(answer.code()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"response\":\"Школа\"}");
    assertThat(answer.looksLikeHtml()).isFalse();
  }

  @Test
  void aRedirectIsNotFollowedAndNothingReachesTheOtherHost() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start(InetAddress.getByName("127.0.0.1"), 0);
      server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", other.url("/steal").toString()).build());
      other.enqueue(new MockResponse.Builder().body("{}").build());

      assertThatThrownBy(() -> transport.execute(post(server.url("/fb.do")), "mediatopic.post",
          HttpTransport.Kind.WRITE, null))
          .isInstanceOfSatisfying(CallFailure.class, e -> {
            assertThat(e.reason()).isEqualTo(FailureReason.API_ERROR);
            assertThat(e.getMessage()).contains("307", "mediatopic.post", "перенаправлени")
                .doesNotContain("secret");
          });
      assertThat(other.getRequestCount()).isZero();
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void anEmbeddersClientThatFollowsRedirectsFollowsNoneHere() throws Exception {
    try (MockWebServer other = new MockWebServer();
        HttpTransport derived = HttpTransport.builder("OK")
            .client(new OkHttpClient.Builder().followRedirects(true).followSslRedirects(true).build()).build()) {
      other.start(InetAddress.getByName("127.0.0.1"), 0);
      server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", other.url("/").toString()).build());

      assertThatThrownBy(() -> derived.execute(post(server.url("/")), "group.getInfo", HttpTransport.Kind.READ, null))
          .isInstanceOf(CallFailure.class).hasMessageContaining("302");
      assertThat(other.getRequestCount()).isZero();
    }
  }

  @Test
  @Timeout(20)
  void anAnswerTrickledByteByByteEndsAtTheDeadline() {
    HttpTransport impatient = HttpTransport.builder("VK").callTimeout(Duration.ofMillis(700)).build();
    server.enqueue(new MockResponse.Builder().body("{\"response\":{\"items\":[]}}")
        .throttleBody(1, 5, TimeUnit.SECONDS).build());

    try {
      assertThatThrownBy(() -> impatient.execute(post(server.url("/method/wall.get")), "wall.get",
          HttpTransport.Kind.READ, null))
          .isInstanceOfSatisfying(CallFailure.class, e -> {
            assertThat(e.reason()).isEqualTo(FailureReason.TIMEOUT);
            assertThat(e.getMessage()).contains("wall.get", server.url("/").host(), "0.7 с");
          });
    } finally {
      impatient.close();
    }
  }

  @Test
  @Timeout(60)
  void aGzipBombEndsInAClearErrorWithoutReadingItAll() {
    AtomicLong produced = new AtomicLong();
    long inflated = 1_900L * 1024 * 1024; // 1.9 GB of zeros, about 1.8 MB compressed
    MockResponseBody bomb = new MockResponseBody() {
      @Override
      public long getContentLength() {
        return -1;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        byte[] zeros = new byte[64 * 1024];
        try (BufferedSink gzip = Okio.buffer(new GzipSink(sink))) {
          while (produced.get() < inflated) {
            gzip.write(zeros);
            produced.addAndGet(zeros.length);
          }
        }
      }
    };
    server.enqueue(new MockResponse.Builder().addHeader("Content-Encoding", "gzip").body(bomb).build());

    assertThatThrownBy(() -> transport.execute(post(server.url("/method/execute")), "execute",
        HttpTransport.Kind.READ, null))
        .isInstanceOfSatisfying(CallFailure.class, e -> {
          assertThat(e.reason()).isEqualTo(FailureReason.API_ERROR);
          assertThat(e.getMessage()).contains("больше 10 МБ", "после распаковки", "execute");
        });
    // The client stopped after 10 MB: the server never got to produce the whole bomb.
    assertThat(produced.get()).isLessThan(inflated / 10);
  }

  @Test
  void aBodyDeclaredTooLargeIsRefusedBeforeReading() {
    HttpTransport small = HttpTransport.builder("VK").maxBodyBytes(1024).build();
    server.enqueue(new MockResponse.Builder().body("x".repeat(5000)).build());
    try {
      assertThatThrownBy(() -> small.execute(post(server.url("/")), "groups.getById", HttpTransport.Kind.READ, null))
          .isInstanceOf(CallFailure.class).hasMessageContaining("больше 1024 байт");
    } finally {
      small.close();
    }
  }

  @Test
  void anUnknownHostIsANetworkFailureNamingTheHost() {
    OkHttpClient noDns = new OkHttpClient.Builder().dns(host -> {
      throw new UnknownHostException(host);
    }).build();
    try (HttpTransport offline = HttpTransport.builder("VK").client(noDns).build()) {
      assertThatThrownBy(() -> offline.execute(post(HttpUrl.get("https://api.vk.example/method/wall.get")),
          "wall.get", HttpTransport.Kind.READ, null))
          .isInstanceOfSatisfying(CallFailure.class, e -> {
            assertThat(e.reason()).isEqualTo(FailureReason.NETWORK);
            assertThat(e.reason().retrySafe()).isTrue();
            assertThat(e.getMessage()).contains("api.vk.example", "не найден", "wall.get не отправлен");
          });
    }
  }

  @Test
  void aRefusedConnectionIsANetworkFailure() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = socket.getLocalPort();
    }
    HttpUrl closed = HttpUrl.get("http://127.0.0.1:" + port + "/method/groups.getById");

    assertThatThrownBy(() -> transport.execute(post(closed), "groups.getById", HttpTransport.Kind.READ, null))
        .isInstanceOfSatisfying(CallFailure.class, e -> {
          assertThat(e.reason()).isEqualTo(FailureReason.NETWORK);
          assertThat(e.getMessage()).contains("127.0.0.1", "не принимает соединения");
        });
  }

  @Test
  void aConnectionCutAfterTheRequestIsConnectionLost() {
    server.enqueue(new MockResponse.Builder().body("{}").onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

    assertThatThrownBy(() -> transport.execute(post(server.url("/method/wall.post")), "wall.post",
        HttpTransport.Kind.WRITE, null))
        .isInstanceOfSatisfying(CallFailure.class, e -> {
          assertThat(e.reason()).isEqualTo(FailureReason.CONNECTION_LOST);
          assertThat(e.reason().retrySafe()).isFalse();
          assertThat(e.getMessage()).contains("оборвалось", "wall.post", "мог дойти");
        });
    assertThat(server.getRequestCount()).isEqualTo(1); // a write is never repeated by OkHttp
  }

  @Test
  @Timeout(20)
  void anInterruptedCallStopsPromptlyAndKeepsTheFlag() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").headersDelay(30, TimeUnit.SECONDS).build());
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flag = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        transport.execute(post(server.url("/")), "wall.get", HttpTransport.Kind.READ, null);
      } catch (IOException e) {
        thrown.set(e);
        flag.set(Thread.currentThread().isInterrupted());
      }
    });
    caller.start();
    server.takeRequest(10, TimeUnit.SECONDS);
    long interruptedAt = System.nanoTime();
    caller.interrupt();
    caller.join(10_000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - interruptedAt)).isLessThan(Duration.ofSeconds(5));
    assertThat(thrown.get()).isInstanceOf(InterruptedIOException.class).isNotInstanceOf(CallFailure.class);
    assertThat(flag.get()).isTrue();
  }

  @Test
  void anInterruptedWaitForTheLimiterSendsNothing() {
    ApiToken token = ApiToken.of(new TokenBudgets(Ticker.SYSTEM, nanos -> {
      throw new InterruptedException();
    }), "VK", "userTokens[0]", "user-token-1", 1);
    // The first call passes at once; the second must wait and is interrupted while waiting.
    server.enqueue(new MockResponse.Builder().body("{}").build());

    try {
      assertThat(catchCall(token)).isNull();
      assertThat(catchCall(token)).isInstanceOf(InterruptedIOException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  private Throwable catchCall(ApiToken token) {
    try {
      transport.execute(post(server.url("/")), "wall.get", HttpTransport.Kind.READ, token);
      return null;
    } catch (IOException e) {
      return e;
    }
  }

  @Test
  void anHtmlPageIsRecognised() throws IOException {
    server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
        .body("<html><body>502 Bad Gateway</body></html>").build());

    Answer answer = transport.execute(post(server.url("/")), "x", HttpTransport.Kind.READ, null);

    assertThat(answer.successful()).isFalse();
    assertThat(answer.looksLikeHtml()).isTrue();
  }

  @Test
  void rejectsBadLimits() {
    assertThatThrownBy(() -> HttpTransport.builder("VK").callTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callTimeout");
    assertThatThrownBy(() -> HttpTransport.builder("VK").maxBodyBytes(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBodyBytes");
  }
}
