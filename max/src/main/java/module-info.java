/**
 * The MAX adapter of the Gospubliki SDK: {@link ru.gospubliki.max.MaxPlatform} reads official MAX
 * channels and publishes to them through the MAX Bot API.
 */
@SuppressWarnings("requires-automatic") // Moshi has no descriptor.
module ru.gospubliki.max {
  requires transitive ru.gospubliki.core;
  // MaxPlatform.Builder takes the embedder's OkHttpClient.
  requires transitive okhttp3;
  requires com.squareup.moshi;
  requires static org.immutables.value;

  exports ru.gospubliki.max;

  // Answers of the MAX Bot API are read into records by Moshi's reflective adapter.
  opens ru.gospubliki.max.internal to com.squareup.moshi;
}
