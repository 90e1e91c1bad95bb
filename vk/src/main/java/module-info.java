/**
 * The VK adapter of the Gospubliki SDK: {@link ru.gospubliki.vk.VkPlatform} reads communities in
 * bulk and publishes to their walls through the VK API.
 */
@SuppressWarnings("requires-automatic") // Moshi has no descriptor.
module ru.gospubliki.vk {
  requires transitive ru.gospubliki.core;
  // VkPlatform.Builder takes the embedder's OkHttpClient.
  requires transitive okhttp3;
  requires com.squareup.moshi;
  requires java.logging;
  requires static org.immutables.value;

  exports ru.gospubliki.vk;

  // Answers of the VK API are read into plain classes by Moshi's reflective adapter.
  opens ru.gospubliki.vk.internal to com.squareup.moshi;
}
