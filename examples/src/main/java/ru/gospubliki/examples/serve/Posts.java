package ru.gospubliki.examples.serve;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.platform.PublishResult;
import ru.gospubliki.publish.CrossPostResult;
import ru.gospubliki.publish.CrossPoster;
import ru.gospubliki.publish.DraftProblem;
import ru.gospubliki.publish.JournalEntry;
import ru.gospubliki.publish.JournalStatus;
import ru.gospubliki.publish.Settlement;

/**
 * Posting over the API, once and only once per {@code Idempotency-Key}: the same key and body
 * answer the recorded results and never post again (the journal claims each page before sending);
 * the same key with another body is refused (409); a draft a target would refuse is refused whole
 * (422) before the key is used, so the corrected draft may take the same key.
 *
 * <p>The caller's key is kept apart per scope: two districts that happen to choose the same key
 * publish two different things. The journal's key is {@code api-} and a digest of (scope, key).
 */
final class Posts {
  /** Results that are final: the same request answers them again instead of sending. */
  private static final Set<JournalStatus> SETTLED = EnumSet.of(JournalStatus.PUBLISHED, JournalStatus.SCHEDULED,
      JournalStatus.UNKNOWN);

  private final CrossPoster poster;
  private final Reports reports;
  private final Runnable beforePost;

  Posts(CrossPoster poster, Reports reports, Runnable beforePost) {
    this.poster = poster;
    this.reports = reports;
    this.beforePost = beforePost;
  }

  /** The caller's {@code Idempotency-Key} header, checked: 1..64 visible ASCII characters. */
  static String idempotencyKey(@Nullable String header) {
    if (header == null || header.isEmpty()) {
      throw ApiError.badRequest("нужен заголовок Idempotency-Key: свой для каждой новой публикации (например, id записи "
          + "в CMS); повтор с тем же ключом не опубликует запись второй раз");
    }
    if (header.length() > 64 || header.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      throw ApiError.badRequest("Idempotency-Key: от 1 до 64 латинских букв, цифр и знаков ASCII без пробелов");
    }
    return header;
  }

  /** The journal's key of the caller's key in {@code scope}. */
  static String journalKey(Scope scope, String key) {
    return "api-" + Bodies.sha256(scope.name() + "\n" + key).substring(0, 40);
  }

  /** A parsed {@code POST /api/v1/posts} body. */
  record Request(PostDraft draft, List<PageRef> pages) {}

  /** Reads the body {@code {"text", "pages", "link"?, "at"?, "photos"?: [{"name", "base64"}]}}. */
  static Request parse(Map<String, Object> body, String journalKey) {
    String text = Bodies.string(body, "text", false);
    List<PageRef> pages = pages(Bodies.array(body, "pages", true));
    PostDraft.Builder draft = PostDraft.builder().text(text == null ? "" : text).idempotencyKey(journalKey);
    String link = Bodies.string(body, "link", false);
    if (link != null) draft.link(link);
    String at = Bodies.string(body, "at", false);
    if (at != null) {
      try {
        draft.scheduledAt(OffsetDateTime.parse(at).toInstant());
      } catch (DateTimeException e) {
        throw ApiError.badRequest("поле «at»: ожидается дата и время ISO-8601 с часовым поясом, например "
            + "2026-12-01T10:00:00+03:00, получено «" + at + "»");
      }
    }
    List<?> photos = Bodies.array(body, "photos", false);
    if (photos != null) {
      for (int i = 0; i < photos.size(); i++) {
        String where = "photos[" + i + "]";
        if (!(photos.get(i) instanceof Map<?, ?> photo)) throw ApiError.badRequest(where + ": ожидается {\"name\", \"base64\"}");
        if (!(photo.get("name") instanceof String name) || name.isBlank()) {
          throw ApiError.badRequest(where + ": нет имени файла (name)");
        }
        if (!(photo.get("base64") instanceof String base64)) throw ApiError.badRequest(where + ": нет содержимого (base64)");
        byte[] bytes;
        try {
          bytes = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
          throw ApiError.badRequest(where + ": содержимое — не base64");
        }
        try {
          draft.addPhotos(DraftPhoto.fromBytes(name, bytes));
        } catch (IllegalArgumentException e) {
          throw ApiError.badRequest(where + ": " + e.getMessage());
        }
      }
    }
    if ((text == null || text.isBlank()) && photos == null) throw ApiError.badRequest("нет ни текста (text), ни фотографий (photos)");
    try {
      return new Request(draft.build(), pages);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw ApiError.badRequest(String.valueOf(e.getMessage()));
    }
  }

  static List<PageRef> pages(@Nullable List<?> values) {
    if (values == null || values.isEmpty()) throw ApiError.badRequest("поле «pages»: укажите хотя бы одну страницу");
    Set<PageRef> pages = new LinkedHashSet<>();
    for (int i = 0; i < values.size(); i++) {
      if (!(values.get(i) instanceof String value)) throw ApiError.badRequest("pages[" + i + "]: ожидается ссылка-строка");
      try {
        pages.add(PageRef.parse(value));
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest("pages[" + i + "]: " + e.getMessage());
      }
    }
    return List.copyOf(pages);
  }

  /** 403 unless every page is one of the scope's organisations'; nothing is sent then. */
  static void checkOwned(Reports reports, Scope scope, List<PageRef> pages) {
    List<String> foreign = new ArrayList<>();
    for (PageRef page : pages) {
      if (!reports.owns(scope, page)) foreign.add(page.url());
    }
    if (!foreign.isEmpty()) {
      throw new ApiError(403, "ключ района «" + scope.name() + "» не даёт доступа к страницам других районов "
          + "(или не найденным в последней проверке района): " + String.join(", ", foreign) + "; ничего не отправлено");
    }
  }

  /**
   * Posts the request, or answers its recorded results; returns one result per page.
   *
   * @param body the request's body as sent: the same key with another body is a 409.
   */
  List<PageResult> post(Scope scope, String key, byte[] body, Request request) {
    String journalKey = journalKey(scope, key);
    String digest = Bodies.sha256(body);
    checkOwned(reports, scope, request.pages());
    List<JournalEntry> recorded = poster.journal().entries(journalKey);
    if (!recorded.isEmpty()) {
      bind(journalKey, digest, key);
      List<PageResult> answered = recordedResults(recorded, request.pages());
      if (answered != null) return answered;
    }
    List<DraftProblem> problems = poster.validate(request.draft(), request.pages());
    List<ApiError.Problem> blocking = new ArrayList<>();
    for (DraftProblem problem : problems) {
      if (!problem.blocking()) continue;
      PlatformId platform = problem.platform();
      blocking.add(new ApiError.Problem(problem.rule(), platform == null ? "" : platform.name(),
          problem.severity().name(), problem.message()));
    }
    if (!blocking.isEmpty()) {
      List<String> messages = new ArrayList<>();
      for (ApiError.Problem problem : blocking) {
        messages.add(problem.platform().isEmpty() ? problem.message() : problem.platform() + ": " + problem.message());
      }
      throw new ApiError(422, "запись не прошла проверку, ничего не отправлено: " + String.join("; ", messages), blocking);
    }
    bind(journalKey, digest, key);
    beforePost.run();
    CrossPostResult result = poster.post(request.draft(), request.pages());
    List<PageResult> results = new ArrayList<>();
    for (PublishResult target : result.results()) results.add(PageResult.of(target));
    return results;
  }

  private void bind(String journalKey, String digest, String key) {
    if (!poster.journal().bindRequest(journalKey, digest).equals(digest)) {
      throw new ApiError(409, "ключ Idempotency-Key «" + key + "» уже использован для другой записи или других "
          + "страниц: для новой публикации нужен новый ключ; ничего не отправлено");
    }
  }

  /** The recorded results when every page has one that is final; null when some page is still to send. */
  private static @Nullable List<PageResult> recordedResults(List<JournalEntry> recorded, List<PageRef> pages) {
    List<PageResult> results = new ArrayList<>();
    for (PageRef page : pages) {
      JournalEntry found = null;
      for (JournalEntry entry : recorded) {
        if (entry.page().platform().equals(page.platform()) && entry.page().id().equals(page.id())) found = entry;
      }
      if (found == null || !SETTLED.contains(found.status())) return null;
      results.add(PageResult.of(found));
    }
    return results;
  }

  /** Every page's entry of the caller's key, including {@code SENDING} and {@code UNKNOWN}; null when the key is unused. */
  @Nullable List<PageResult> results(Scope scope, String key) {
    List<JournalEntry> entries = poster.journal().entries(journalKey(scope, key));
    if (entries.isEmpty()) return null;
    List<PageResult> results = new ArrayList<>();
    for (JournalEntry entry : entries) results.add(PageResult.of(entry));
    return results;
  }

  /**
   * Closes the unknown outcomes of the caller's key on {@code pages} (null: every unknown or
   * stalled page of it) after a person has looked; one result per page, with why when there was
   * nothing to close. Null when the key is unused.
   */
  @Nullable List<PageResult> settle(Scope scope, String key, @Nullable List<PageRef> pages, Settlement settlement) {
    String journalKey = journalKey(scope, key);
    List<JournalEntry> entries = poster.journal().entries(journalKey);
    if (entries.isEmpty()) return null;
    List<PageRef> targets = new ArrayList<>();
    if (pages != null) {
      checkOwned(reports, scope, pages);
      targets.addAll(pages);
    } else {
      for (JournalEntry entry : entries) {
        if (entry.status() == JournalStatus.UNKNOWN || entry.status() == JournalStatus.SENDING) targets.add(entry.page());
      }
    }
    List<PageResult> results = new ArrayList<>();
    for (PageRef page : targets) {
      try {
        results.add(PageResult.of(poster.settle(journalKey, page, settlement)));
      } catch (IllegalStateException e) {
        JournalEntry entry = poster.journal().lookup(journalKey, page);
        PageResult now = entry == null ? new PageResult(page, null, null, null, null) : PageResult.of(entry);
        results.add(new PageResult(page, now.status(), now.postId(), now.url(), e.getMessage()));
      }
    }
    return results;
  }

  /** One page's result as {@code post} prints it: {@code {"page","platform","status","postId","url","error"}}. */
  record PageResult(PageRef page, @Nullable String status, @Nullable String postId, @Nullable String url,
      @Nullable String error) {

    static PageResult of(PublishResult result) {
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

    static PageResult of(JournalEntry entry) {
      PublishResult result = entry.result();
      if (result != null) return of(result);
      return new PageResult(entry.page(), entry.status().name(), null, null, entry.message());
    }

    void write(JsonWriter json) throws IOException {
      json.beginObject();
      json.name("page").value(page.url());
      json.name("platform").value(page.platform().name());
      json.name("status").value(status);
      json.name("postId").value(postId);
      json.name("url").value(url);
      json.name("error").value(error);
      json.endObject();
    }
  }

  /** Parses {@code "sent"} or {@code "not-sent"}. */
  static Settlement settlement(@Nullable String outcome) {
    if ("sent".equals(outcome)) return Settlement.SENT;
    if ("not-sent".equals(outcome)) return Settlement.NOT_SENT;
    throw ApiError.badRequest("поле «outcome»: sent (запись на странице есть) или not-sent (записи нет), получено «"
        + outcome + "»");
  }
}
