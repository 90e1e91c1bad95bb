/**
 * The OK (Одноклассники) adapter of the Gospubliki SDK: {@link ru.gospubliki.ok.OkPlatform} reads
 * groups and publishes group topics through the OK API.
 */
@SuppressWarnings("requires-automatic") // Moshi has no descriptor.
module ru.gospubliki.ok {
  requires transitive ru.gospubliki.core;
  // OkPlatform.Builder takes the embedder's OkHttpClient.
  requires transitive okhttp3;
  requires com.squareup.moshi;
  requires java.logging;
  requires static org.immutables.value;

  exports ru.gospubliki.ok;

  // Answers of the OK API are read into plain classes by Moshi's reflective adapter.
  opens ru.gospubliki.ok.internal to com.squareup.moshi;
}
