package ru.gospubliki.max;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import ru.gospubliki.internal.http.Sleeper;
import ru.gospubliki.internal.http.Ticker;
import ru.gospubliki.internal.http.TokenBudgets;
import ru.gospubliki.testing.MutableClock;

/**
 * A {@link FakeMax} on 127.0.0.1 with virtual time, and platforms built against it. Its first bot
 * administers the district administration's channel {@link #CHAT}. A test class registers one per
 * test ({@code @RegisterExtension final MaxServer server = new MaxServer();}), started before each
 * test and closed after it; elsewhere {@link #start()} and {@link #close()} it.
 */
final class MaxServer implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
  static final String TOKEN = "f9LHodD0cOJ2Kp4GmfOBxkQjn5w-bot-key-1";
  static final String OTHER_TOKEN = "Zq81mvdP0sAa33-bot-key-2";
  static final long BOT = 229229229L;
  static final long OTHER_BOT = 330330330L;
  /** The channel {@code https://max.ru/zarechny_adm}, administered by {@link #BOT}. */
  static final long CHAT = -70000000000101L;

  /** Virtual time: it moves only when the platform waits (rate limits, backoffs) or a test advances it. */
  final MutableClock time = MutableClock.at(Instant.parse("2026-11-23T09:00:00Z"));
  /** Every wait of platforms built here, in order: rate limits' and backoffs'. */
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final FakeMax max = new FakeMax(() -> time.instant().toEpochMilli());
  final MockWebServer server = new MockWebServer();
  final MaxChannelDirectory directory = MaxChannelDirectory.inMemory();

  MaxServer() {
    max.bot(TOKEN, BOT).bot(OTHER_TOKEN, OTHER_BOT);
    max.channel(CHAT, "zarechny_adm", "Администрация Заречного района", BOT);
    server.setDispatcher(max);
  }

  /** Serves on a free port of 127.0.0.1. */
  MaxServer start() {
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    max.uploadBase = server.url("/");
    return this;
  }

  /** A platform with the first bot's key, virtual time and its own per-key budgets. */
  MaxPlatform.Builder platform() {
    return MaxPlatform.builder()
        .botToken(TOKEN)
        .baseUrl(server.url("/").toString())
        .channels(directory)
        .clock(time)
        .sleeper(sleeper())
        .ticker(Ticker.of(time))
        .budgets(budgets());
  }

  /** Per-key budgets on this server's virtual time; platforms that share one share their keys' limits. */
  TokenBudgets budgets() {
    return new TokenBudgets(Ticker.of(time), sleeper());
  }

  private Sleeper sleeper() {
    Sleeper advancing = Sleeper.advancing(time);
    return nanos -> {
      if (nanos > 0) sleeps.add(Duration.ofNanos(nanos));
      advancing.sleep(nanos);
    };
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    server.close();
  }
}
