package ru.gospubliki.max;

import java.io.IOException;
import java.net.InetAddress;
import mockwebserver3.MockWebServer;
import ru.gospubliki.internal.http.TokenBudgets;

/** A {@link FakeMax} on 127.0.0.1 with virtual time, and platforms built against it. */
final class MaxServer implements AutoCloseable {
  static final String TOKEN = "f9LHodD0cOJ2Kp4GmfOBxkQjn5w-bot-key-1";
  static final String OTHER_TOKEN = "Zq81mvdP0sAa33-bot-key-2";
  static final long BOT = 229229229L;
  static final long OTHER_BOT = 330330330L;

  final FakeTime time = new FakeTime();
  final FakeMax max = new FakeMax(() -> time.instant().toEpochMilli());
  final MockWebServer server = new MockWebServer();
  final MaxChannelDirectory directory = MaxChannelDirectory.inMemory();

  MaxServer() throws IOException {
    max.bot(TOKEN, BOT).bot(OTHER_TOKEN, OTHER_BOT);
    server.setDispatcher(max);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    max.uploadBase = server.url("/");
  }

  /** A platform with the first bot's key, virtual time and its own per-key budgets. */
  MaxPlatform.Builder platform() {
    return MaxPlatform.builder()
        .botToken(TOKEN)
        .baseUrl(server.url("/").toString())
        .channels(directory)
        .clock(time)
        .sleeper(time)
        .ticker(time)
        .budgets(new TokenBudgets(time, time));
  }

  @Override
  public void close() {
    server.close();
  }
}
