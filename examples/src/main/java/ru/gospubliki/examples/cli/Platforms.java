package ru.gospubliki.examples.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import ru.gospubliki.ok.OkPlatform;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.vk.VkPlatform;

/** Builds the VK and OK adapters from the API URLs and the credentials that are present. */
final class Platforms {
  private Platforms() {}

  /** OK calls per second against the embedded sandbox, which does not limit OK (the real OK: 3). */
  static final double SANDBOX_OK_REQUESTS_PER_SECOND = 100;

  /** The tokens of a comma-separated pool, without blanks around them. */
  static List<String> pool(String tokens) {
    List<String> pool = new ArrayList<>();
    for (String token : tokens.split(",", -1)) pool.add(token.strip());
    return pool;
  }

  /** VK when any VK token is present, OK when all three OK credentials are. */
  static List<Platform> create(HttpUrl vkApiUrl, HttpUrl okApiUrl, Credentials credentials, Clock clock) {
    return create(vkApiUrl, okApiUrl, credentials, clock, false);
  }

  /** As {@link #create(HttpUrl, HttpUrl, Credentials, Clock)}; {@code sandbox} lifts OK's client-side rate. */
  static List<Platform> create(HttpUrl vkApiUrl, HttpUrl okApiUrl, Credentials credentials, Clock clock,
      boolean sandbox) {
    List<Platform> platforms = new ArrayList<>();
    String service = credentials.vkServiceToken;
    String user = credentials.vkUserToken;
    if (service != null || user != null) {
      VkPlatform.Builder vk = VkPlatform.builder().baseUrl(vkApiUrl.toString()).clock(clock);
      // Each variable may hold a pool of tokens separated by commas.
      if (service != null) vk.serviceTokens(pool(service));
      if (user != null) vk.userTokens(pool(user));
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
    return platforms;
  }
}
