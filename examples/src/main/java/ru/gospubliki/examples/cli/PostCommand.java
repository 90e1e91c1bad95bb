package ru.gospubliki.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import com.squareup.moshi.JsonWriter;
import okio.Buffer;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.platform.PublishResult;
import ru.gospubliki.platform.PublishStatus;
import ru.gospubliki.publish.CrossPostResult;
import ru.gospubliki.publish.CrossPoster;
import ru.gospubliki.publish.DraftProblem;
import ru.gospubliki.publish.JournalEntry;
import ru.gospubliki.publish.Settlement;
import ru.gospubliki.store.Store;
import ru.gospubliki.store.StoreException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.examples.sandbox.Sandbox;
import ru.gospubliki.model.PageRef;

/** {@code gospubliki post}: validates one draft for every target, then publishes or schedules it. */
final class PostCommand {
  static final Arguments.Spec SPEC = new Arguments.Spec("post",
      Set.of("--text", "--text-file", "--link", "--at", "--vk-api-url", "--ok-api-url", "--store", "--settle"),
      Set.of("--page", "--photo"), Set.of("--sandbox"));

  static final String USAGE = String.join("\n",
      "Использование: gospubliki post --page URL [--page URL ...] (--text TEXT | --text-file FILE)",
      "                       [--photo FILE ...] [--link URL] [--at ISO-8601] [--sandbox]",
      "                       [--vk-api-url URL] [--ok-api-url URL] [--store URL|PATH|none]",
      "                       [--settle sent|not-sent]",
      "",
      "Публикует одну запись на нескольких страницах. Сначала проверяет запись для каждой страницы:",
      "если хоть одна страница её не примет, ничего не отправляется.",
      "  --page URL        страница VK или OK; можно указать несколько раз",
      "  --text TEXT       текст записи (или --text-file FILE — текст из файла UTF-8)",
      "  --photo FILE      фотография JPG/PNG/GIF; можно указать несколько раз",
      "  --link URL        ссылка",
      "  --at ISO-8601     отложенная публикация (без часового пояса — московское время)",
      "  --sandbox         публиковать во встроенную песочницу",
      "  --store           журнал публикаций: адрес jdbc:..., папка или none (как у audit); по умолчанию",
      "                    ~/.gospubliki. Та же команда, запущенная снова (даже одновременно или после",
      "                    сбоя), не опубликует запись второй раз: страница получит записанный результат",
      "  --settle sent|not-sent  закрыть результат UNKNOWN прошлого запуска (та же запись, те же",
      "                    страницы), посмотрев на страницу: sent — запись есть (ничего не отправляется),",
      "                    not-sent — записи нет (следующий запуск post её отправит)",
      "Результат — по одной строке JSON на страницу. UNKNOWN — запись могла дойти: она не будет",
      "отправлена снова, пока вы не посмотрите страницу и не закроете результат (--settle). Коды выхода: 0 — всё опубликовано или",
      "запланировано; 1 — где-то ошибка или отказ; 2 — ошибка в параметрах или запись не прошла",
      "проверку (ничего не отправлено); 4 — результат для какой-то страницы неизвестен.",
      "Ключ для VK — переменная VK_USER_TOKEN; для OK — OK_APPLICATION_KEY,",
      "OK_APPLICATION_SECRET_KEY, OK_ACCESS_TOKEN.");

  /** The validated options of one post run. */
  static final class Options {
    final List<PageRef> pages;
    final String text;
    final List<Path> photos;
    final @Nullable HttpUrl link;
    final @Nullable Instant at;
    final boolean sandbox;
    HttpUrl vkApiUrl;
    HttpUrl okApiUrl;
    Credentials credentials;
    StoreOption store = StoreOption.NONE;
    @Nullable Settlement settle;

    Options(List<PageRef> pages, String text, List<Path> photos, @Nullable HttpUrl link, @Nullable Instant at,
        boolean sandbox, HttpUrl vkApiUrl, HttpUrl okApiUrl, Credentials credentials) {
      this.pages = pages;
      this.text = text;
      this.photos = photos;
      this.link = link;
      this.at = at;
      this.sandbox = sandbox;
      this.vkApiUrl = vkApiUrl;
      this.okApiUrl = okApiUrl;
      this.credentials = credentials;
    }
  }

  private PostCommand() {}

  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    Options options;
    try {
      Arguments a = Arguments.parse(SPEC, args);
      if (a.help()) {
        out.println(USAGE);
        return Gospubliki.EXIT_OK;
      }
      options = options(a, env);
    } catch (UsageException e) {
      err.println("gospubliki post: " + e.getMessage());
      return Gospubliki.EXIT_USAGE;
    }
    try (StoreOption store = options.store) {
      if (!options.sandbox) return post(options, out, err);
      try (Sandbox sandbox = Sandbox.startWithSampleData()) {
        options.vkApiUrl = HttpUrl.get(sandbox.vkApiUrl());
        options.okApiUrl = HttpUrl.get(sandbox.okApiUrl());
        options.credentials = Credentials.of(sandbox);
        return post(options, out, err);
      }
    }
  }

  static Options options(Arguments a, Map<String, String> env) throws UsageException {
    if (!a.has("--page")) throw new UsageException("укажите хотя бы одну страницу: --page URL");
    List<PageRef> pages = Values.pages(a.values("--page"));
    if (a.has("--text") && a.has("--text-file")) {
      throw new UsageException("укажите либо --text, либо --text-file, но не оба");
    }
    String text;
    if (a.has("--text")) {
      text = a.require("--text");
    } else if (a.has("--text-file")) {
      text = readUtf8(Values.readableFile("--text-file", a.require("--text-file")));
    } else {
      throw new UsageException("укажите текст записи: --text TEXT или --text-file FILE");
    }
    List<Path> photos = new ArrayList<>();
    for (String photo : a.values("--photo")) photos.add(Values.readableFile("--photo", photo));
    HttpUrl link = a.has("--link") ? Values.url("--link", a.require("--link")) : null;
    Instant at = a.has("--at") ? Values.instant("--at", a.require("--at")) : null;
    boolean sandbox = a.has("--sandbox");
    if (sandbox && (a.has("--vk-api-url") || a.has("--ok-api-url"))) {
      throw new UsageException("--sandbox сам задаёт адреса API: уберите --vk-api-url/--ok-api-url");
    }
    String vk = a.value("--vk-api-url");
    String ok = a.value("--ok-api-url");
    Options options = new Options(pages, text, photos, link, at, sandbox,
        Values.url("--vk-api-url", vk == null ? Gospubliki.DEFAULT_VK_API_URL : vk),
        Values.url("--ok-api-url", ok == null ? Gospubliki.DEFAULT_OK_API_URL : ok),
        Credentials.fromEnvironment(env));
    String settle = a.value("--settle");
    if (settle != null) {
      options.settle = Values.oneOf("--settle", settle, "sent", "not-sent").equals("sent")
          ? Settlement.SENT : Settlement.NOT_SENT;
    }
    options.store = StoreOption.parse(a.value("--store"), env, sandbox);
    return options;
  }

  private static String readUtf8(Path file) throws UsageException {
    try {
      byte[] bytes = Files.readAllBytes(file);
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new UsageException("--text-file: файл «" + file + "» не в кодировке UTF-8");
    } catch (IOException e) {
      throw new UsageException("--text-file: не удалось прочитать «" + file + "»");
    }
  }

  /**
   * Validates the draft for every target, then publishes it; prints one JSON object per target.
   * Exit 0 all published/scheduled, 1 some failed or rejected, 2 invalid draft (nothing sent),
   * 4 some outcome unknown (checked by hand, never re-sent).
   */
  static int post(Options options, PrintStream out, PrintStream err) {
    PostDraft draft;
    try {
      draft = draft(options);
    } catch (UsageException e) {
      err.println("gospubliki post: " + e.getMessage());
      return Gospubliki.EXIT_USAGE;
    }
    List<Platform> platforms =
        Platforms.create(options.vkApiUrl, options.okApiUrl, options.credentials, Clock.systemUTC(), options.sandbox);
    if (platforms.isEmpty()) {
      err.println("gospubliki post: нет ключей доступа: для VK задайте VK_USER_TOKEN, для OK — "
          + "OK_APPLICATION_KEY, OK_APPLICATION_SECRET_KEY, OK_ACCESS_TOKEN");
      return Gospubliki.EXIT_USAGE;
    }
    Store store;
    try {
      store = options.store.open();
    } catch (StoreException e) {
      err.println("gospubliki post: журнал публикаций «" + options.store.description + "» недоступен, ничего не "
          + "отправлено: без него нельзя обещать, что запись не уйдёт дважды (" + e.getMessage()
          + "); опубликовать без журнала: --store none");
      return Gospubliki.EXIT_FAILED;
    }
    CrossPoster.Builder poster = CrossPoster.builder().journal(store.journal());
    platforms.forEach(poster::addPlatform);
    Settlement settlement = options.settle;
    if (settlement != null) return settle(poster.build(), draft, options.pages, settlement, out, err);
    CrossPostResult result = poster.build().post(draft, options.pages);

    boolean blocked = false;
    for (DraftProblem problem : result.problems()) {
      err.println("gospubliki post: " + (problem.blocking() ? "" : "замечание: ") + problem);
      blocked |= problem.blocking();
    }
    boolean failed = false;
    boolean unknown = false;
    for (PublishResult target : result.results()) {
      out.println(json(target));
      failed |= target.status() == PublishStatus.FAILED || target.status() == PublishStatus.REJECTED;
      unknown |= target.status() == PublishStatus.UNKNOWN;
    }
    out.flush();
    if (unknown) return Gospubliki.EXIT_UNKNOWN;
    if (blocked) return Gospubliki.EXIT_USAGE;
    return failed ? Gospubliki.EXIT_FAILED : Gospubliki.EXIT_OK;
  }

  /**
   * The draft. Its idempotency key is the SDK's default, derived from the content (text, link,
   * photos' bytes, time): the same command run again, from another process or after a crash, is the
   * same publication, and the store's journal answers its recorded result instead of posting again.
   */
  static PostDraft draft(Options options) throws UsageException {
    PostDraft.Builder draft = PostDraft.builder().text(options.text);
    for (Path photo : options.photos) {
      try {
        draft.addPhotos(DraftPhoto.fromPath(photo));
      } catch (IOException e) {
        throw new UsageException("--photo: не удалось прочитать «" + photo + "»");
      }
    }
    HttpUrl link = options.link;
    if (link != null) draft.link(link.toString());
    Instant at = options.at;
    if (at != null) draft.scheduledAt(at);
    try {
      return draft.build();
    } catch (java.io.UncheckedIOException e) {
      throw new UsageException("--photo: не удалось прочитать фотографию: " + e.getMessage());
    }
  }

  /**
   * Closes the unknown outcomes of the draft on {@code pages}; one JSON line per page with its
   * status now ({@code PUBLISHED}, {@code NOT_SENT}) or why there was nothing to close. Exit 0 when
   * every page was closed, 1 otherwise.
   */
  static int settle(CrossPoster poster, PostDraft draft, List<PageRef> pages, Settlement settlement, PrintStream out,
      PrintStream err) {
    boolean failed = false;
    for (PageRef page : new java.util.LinkedHashSet<>(pages)) {
      try {
        JournalEntry entry = poster.settle(draft.idempotencyKey(), page, settlement);
        out.println(line(page, entry.status().name(), entry.postId(), entry.url(), null));
      } catch (IllegalStateException e) {
        failed = true;
        JournalEntry entry = poster.journal().lookup(draft.idempotencyKey(), page);
        out.println(line(page, entry == null ? null : entry.status().name(), entry == null ? null : entry.postId(),
            entry == null ? null : entry.url(), e.getMessage()));
        err.println("gospubliki post: " + e.getMessage());
      }
    }
    out.flush();
    return failed ? Gospubliki.EXIT_FAILED : Gospubliki.EXIT_OK;
  }

  private static String line(PageRef page, @Nullable String status, @Nullable String postId, @Nullable String url,
      @Nullable String error) {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.setSerializeNulls(true);
      json.beginObject();
      json.name("page").value(page.url());
      json.name("platform").value(page.platform().name());
      json.name("status").value(status);
      json.name("postId").value(postId);
      json.name("url").value(url);
      json.name("error").value(error);
      json.endObject();
    } catch (IOException e) {
      throw new AssertionError(e); // A Buffer does not fail.
    }
    return buffer.readUtf8();
  }

  /** One target's line: {@code {"page":...,"platform":...,"status":...,"postId":...,"url":...,"error":...}}. */
  static String json(PublishResult result) {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.setSerializeNulls(true);
      json.beginObject();
      json.name("page").value(result.page().url());
      json.name("platform").value(result.page().platform().name());
      json.name("status").value(result.status().name());
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
      } else if (result instanceof PublishResult.Failed failedResult) {
        error = failedResult.error();
      } else if (result instanceof PublishResult.Unknown unknownResult) {
        error = unknownResult.detail();
      }
      json.name("postId").value(postId);
      json.name("url").value(url);
      json.name("error").value(error);
      json.endObject();
    } catch (IOException e) {
      throw new AssertionError(e); // A Buffer does not fail.
    }
    return buffer.readUtf8();
  }
}
