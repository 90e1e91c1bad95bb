package ru.gospubliki.examples.serve;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.platform.PublishResult;
import ru.gospubliki.publish.JournalEntry;

/**
 * One page's outcome of a publication, as {@code gospubliki post} prints it (one JSON line per
 * page) and {@code POST /api/v1/posts} answers it: {@code {"page","platform","status","postId",
 * "url","error"}}. Shared by the two so that they answer alike.
 *
 * @param page the page posted to.
 * @param status the outcome's {@code PublishStatus} name, or the journal's status while a send is under way.
 * @param postId the platform's id of the post; null when none is known.
 * @param url the post's link; null when none is known.
 * @param error why the page was not posted to, in Russian; null when it was.
 */
public record PageResult(PageRef page, @Nullable String status, @Nullable String postId, @Nullable String url,
    @Nullable String error) {

  /** The outcome of a publication: its post id and link, or why it was not made. */
  public static PageResult of(PublishResult result) {
    String postId = null;
    String url = null;
    String error = null;
    if (result instanceof PublishResult.Published published) {
      postId = published.postId().isEmpty() ? null : published.postId(); // settled by a person: no id known
      url = published.url();
    } else if (result instanceof PublishResult.Scheduled scheduled) {
      postId = scheduled.postId();
      url = scheduled.url();
    } else if (result instanceof PublishResult.Rejected rejected) {
      error = String.join("; ", rejected.reasons());
    } else if (result instanceof PublishResult.Failed failed) {
      error = failed.error();
    } else if (result instanceof PublishResult.Unknown unknown) {
      error = unknown.detail();
    }
    return new PageResult(result.page(), result.status().name(), postId, url, error);
  }

  /** What the journal holds for the page: its result, or its status (a send under way) and message. */
  public static PageResult of(JournalEntry entry) {
    PublishResult result = entry.result();
    if (result != null) return of(result);
    return new PageResult(entry.page(), entry.status().name(), null, null, entry.message());
  }

  /** This result with {@code error} as its error, the rest as it is. */
  public PageResult withError(@Nullable String error) {
    return new PageResult(page, status, postId, url, error);
  }

  /** Writes the object; a writer that serializes nulls writes every field ({@code null} where there is no value). */
  public void write(JsonWriter json) throws IOException {
    json.beginObject();
    json.name("page").value(page.url());
    json.name("platform").value(page.platform().name());
    json.name("status").value(status);
    json.name("postId").value(postId);
    json.name("url").value(url);
    json.name("error").value(error);
    json.endObject();
  }

  /** The object as one line of JSON, as {@code post} prints it. */
  public String toJson() {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.setSerializeNulls(true);
      write(json);
    } catch (IOException e) {
      throw new AssertionError(e); // A Buffer does not fail.
    }
    return buffer.readUtf8();
  }
}
