package consumer;

import java.util.function.Supplier;
import okhttp3.OkHttp;
import okhttp3.OkHttpClient;
import ru.gospubliki.ok.OkPlatform;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.vk.VkPlatform;

/** Starts each adapter next to the portal's own OkHttp 4: each must refuse, naming both. */
public final class Main {
  public static void main(String[] args) {
    new OkHttpClient(); // the portal's own use of OkHttp
    refused("VkPlatform", () -> VkPlatform.builder().serviceToken("portal-service-token").build());
    refused("OkPlatform", () -> OkPlatform.builder().applicationKey("CBAPORTAL")
        .applicationSecretKey("secret").accessToken("token").build());
  }

  private static void refused(String adapter, Supplier<Platform> start) {
    Platform platform;
    try {
      platform = start.get();
    } catch (IllegalStateException e) {
      String message = String.valueOf(e.getMessage());
      for (String expected : new String[] {"okhttp-4.12.0.jar", "okhttp-jvm-5.3.2.jar", "OkHttp 4.12.0 was loaded"}) {
        if (!message.contains(expected)) throw new IllegalStateException("no '" + expected + "' in: " + message, e);
      }
      System.out.println(adapter + " refused: " + message);
      return;
    }
    platform.close();
    throw new IllegalStateException(adapter + " started next to OkHttp " + OkHttp.VERSION);
  }
}
