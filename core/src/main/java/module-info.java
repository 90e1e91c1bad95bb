/**
 * The platform-neutral core of the Gospubliki SDK: the model, the rule catalogue and policies,
 * audits and reports, registry import, the platform SPI, publishing, and test doubles.
 *
 * <p>On the module path an embedder requires this module (and the adapters it uses); everything it
 * needs at run time is required here, so no {@code --add-modules} is needed:
 *
 * <pre>{@code
 * module my.portal {
 *   requires ru.gospubliki.core;
 *   requires ru.gospubliki.vk;
 * }
 * }</pre>
 */
// Moshi and Okio have no module descriptor.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module ru.gospubliki.core {
  requires transitive org.jspecify;
  // The JSON writers use Okio inside; no Okio type is in the API (JsonReportWriter takes a Writer or
  // an OutputStream).
  requires okio;
  requires com.squareup.moshi;
  requires kotlin.stdlib;
  requires org.apache.commons.csv;
  // JdbcStore works through the embedder's javax.sql.DataSource.
  requires transitive java.sql;
  // Image dimensions of draft photos are read from the header with javax.imageio.
  requires java.desktop;
  // The shared HTTP transport of the adapters; they bring OkHttp.
  requires static okhttp3;
  // Annotations of the value classes, needed to compile only.
  requires static org.immutables.value;

  exports ru.gospubliki.audit;
  exports ru.gospubliki.model;
  exports ru.gospubliki.platform;
  exports ru.gospubliki.publish;
  exports ru.gospubliki.registry;
  exports ru.gospubliki.report;
  exports ru.gospubliki.rules;
  exports ru.gospubliki.store;
  exports ru.gospubliki.testing;

  // What the adapters share: the HTTP transport, the value style, text checks (Emails) and the
  // draft check of what they send or edit (DraftGate). Theirs
  // alone, not an API.
  exports ru.gospubliki.internal.http to ru.gospubliki.vk, ru.gospubliki.ok, ru.gospubliki.max;
  exports ru.gospubliki.internal to ru.gospubliki.vk, ru.gospubliki.ok, ru.gospubliki.max;

  // The rule catalogue's JSON is read into plain classes by Moshi's reflective adapter.
  opens ru.gospubliki.internal.rules to com.squareup.moshi;
}
