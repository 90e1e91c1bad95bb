package ru.gospubliki.examples.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import ru.gospubliki.max.ChannelUpdates;
import ru.gospubliki.max.MaxChannel;
import ru.gospubliki.max.MaxPlatform;
import ru.gospubliki.ok.OkPlatform;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.vk.VkPlatform;

/** Builds the VK, OK and MAX adapters from the API URLs and the credentials that are present. */
final class Platforms {
  private Platforms() {}

  /** OK calls per second against the embedded sandbox, which does not limit OK (the real OK: 3). */
  static final double SANDBOX_OK_REQUESTS_PER_SECOND = 100;

  /** VK when any VK token is present, OK when all three OK credentials are, MAX when a bot key is. */
  static List<Platform> create(HttpUrl vkApiUrl, HttpUrl okApiUrl, HttpUrl maxApiUrl, Credentials credentials,
      Clock clock) {
    return create(vkApiUrl, okApiUrl, maxApiUrl, credentials, clock, false);
  }

  /** As {@link #create(HttpUrl, HttpUrl, HttpUrl, Credentials, Clock)}; {@code sandbox} lifts OK's client-side rate. */
  static List<Platform> create(HttpUrl vkApiUrl, HttpUrl okApiUrl, HttpUrl maxApiUrl, Credentials credentials,
      Clock clock, boolean sandbox) {
    List<Platform> platforms = new ArrayList<>();
    String service = credentials.vkServiceToken;
    String user = credentials.vkUserToken;
    if (service != null || user != null) {
      VkPlatform.Builder vk = VkPlatform.builder().baseUrl(vkApiUrl.toString()).clock(clock);
      if (service != null) vk.serviceToken(service);
      if (user != null) vk.userToken(user);
      platforms.add(vk.build());
    }
    String key = credentials.okApplicationKey;
    String secret = credentials.okApplicationSecretKey;
    String token = credentials.okAccessToken;
    if (key != null && secret != null && token != null) {
      OkPlatform.Builder ok = OkPlatform.builder().baseUrl(okApiUrl.toString()).applicationKey(key)
          .applicationSecretKey(secret).accessToken(token).clock(clock);
      if (sandbox) ok.requestsPerSecond(SANDBOX_OK_REQUESTS_PER_SECOND);
      platforms.add(ok.build());
    }
    if (!credentials.maxBotTokens.isEmpty()) {
      platforms.add(MaxPlatform.builder().baseUrl(maxApiUrl.toString()).botTokens(credentials.maxBotTokens)
          .clock(clock).build());
    }
    return platforms;
  }

  /**
   * Reads the MAX bots' pending updates, so that channels a bot was just added to are known to this
   * run: MAX tells a bot a channel's id only then. Says on {@code err} which channels were learnt
   * (with the {@code max:<chat id>} to put in the registry) and what could not be read.
   */
  static void learnMaxChannels(List<Platform> platforms, PrintStream err, String command) {
    for (Platform platform : platforms) {
      if (!(platform instanceof MaxPlatform max)) continue;
      ChannelUpdates updates = max.pollUpdates();
      for (MaxChannel channel : updates.added()) {
        err.println("gospubliki " + command + ": MAX: бот добавлен в канал «" + (channel.title() == null ? "" : channel.title())
            + "»" + (channel.link() == null ? "" : " (" + channel.link() + ")") + ", в реестре: max:" + channel.chatId());
      }
      for (MaxChannel channel : updates.removed()) {
        err.println("gospubliki " + command + ": MAX: бот удалён из канала max:" + channel.chatId());
      }
      for (String problem : updates.problems()) err.println("gospubliki " + command + ": " + problem);
    }
  }
}
