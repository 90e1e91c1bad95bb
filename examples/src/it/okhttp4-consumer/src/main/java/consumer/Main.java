package consumer;

import okhttp3.OkHttp;
import okhttp3.OkHttpClient;
import ru.gospubliki.vk.VkPlatform;

/** Starts the VK adapter next to the portal's own OkHttp 4: it must refuse, naming both. */
public final class Main {
  public static void main(String[] args) {
    new OkHttpClient(); // the portal's own use of OkHttp
    VkPlatform vk;
    try {
      vk = VkPlatform.builder().serviceToken("portal-service-token").build();
    } catch (IllegalStateException e) {
      String message = String.valueOf(e.getMessage());
      for (String expected : new String[] {"okhttp-4.12.0.jar", "okhttp-jvm-5.3.2.jar", "OkHttp 4.12.0 was loaded"}) {
        if (!message.contains(expected)) throw new IllegalStateException("no '" + expected + "' in: " + message, e);
      }
      System.out.println("refused: " + message);
      return;
    }
    vk.close();
    throw new IllegalStateException("VkPlatform started next to OkHttp " + OkHttp.VERSION);
  }
}
