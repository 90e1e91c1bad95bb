package ru.gospubliki.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import com.squareup.moshi.JsonWriter;
import okio.Buffer;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.platform.PublishResult;
import ru.gospubliki.platform.PublishStatus;
import ru.gospubliki.publish.CrossPostResult;
import ru.gospubliki.publish.CrossPoster;
import ru.gospubliki.publish.DraftProblem;
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
      Set.of("--text", "--text-file", "--link", "--at", "--vk-api-url", "--ok-api-url", "--max-api-url"),
      Set.of("--page", "--photo"), Set.of("--sandbox"));

  static final String USAGE = String.join("\n",
      "Использование: gospubliki post --page URL [--page URL ...] (--text TEXT | --text-file FILE)",
      "                       [--photo FILE ...] [--link URL] [--at ISO-8601] [--sandbox]",
      "                       [--vk-api-url URL] [--ok-api-url URL] [--max-api-url URL]",
      "",
      "Публикует одну запись на нескольких страницах. Сначала проверяет запись для каждой страницы:",
      "если хоть одна страница её не примет, ничего не отправляется.",
      "  --page URL        страница VK, OK или канал MAX; можно указать несколько раз",
      "  --text TEXT       текст записи (или --text-file FILE — текст из файла UTF-8)",
      "  --photo FILE      фотография JPG/PNG/GIF; можно указать несколько раз",
      "  --link URL        ссылка",
      "  --at ISO-8601     отложенная публикация (без часового пояса — московское время);",
      "                    MAX отложенных публикаций не поддерживает",
      "  --sandbox         публиковать во встроенную песочницу",
      "Результат — по одной строке JSON на страницу. UNKNOWN — запись могла дойти: проверьте страницу,",
      "прежде чем запускать команду для неё снова. Коды выхода: 0 — всё опубликовано или",
      "запланировано; 1 — где-то ошибка или отказ; 2 — ошибка в параметрах или запись не прошла",
      "проверку (ничего не отправлено); 4 — результат для какой-то страницы неизвестен.",
      "Ключ для VK — переменная VK_USER_TOKEN; для OK — OK_APPLICATION_KEY,",
      "OK_APPLICATION_SECRET_KEY, OK_ACCESS_TOKEN; для MAX — MAX_BOT_TOKEN (бот — администратор канала).");

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
    HttpUrl maxApiUrl;
    Credentials credentials;

    Options(List<PageRef> pages, String text, List<Path> photos, @Nullable HttpUrl link, @Nullable Instant at,
        boolean sandbox, HttpUrl vkApiUrl, HttpUrl okApiUrl, HttpUrl maxApiUrl, Credentials credentials) {
      this.pages = pages;
      this.text = text;
      this.photos = photos;
      this.link = link;
      this.at = at;
      this.sandbox = sandbox;
      this.vkApiUrl = vkApiUrl;
      this.okApiUrl = okApiUrl;
      this.maxApiUrl = maxApiUrl;
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
    if (!options.sandbox) return post(options, out, err);
    try (Sandbox sandbox = Sandbox.startWithSampleData()) {
      options.vkApiUrl = HttpUrl.get(sandbox.vkApiUrl());
      options.okApiUrl = HttpUrl.get(sandbox.okApiUrl());
      options.maxApiUrl = HttpUrl.get(sandbox.maxApiUrl());
      options.credentials = Credentials.of(sandbox);
      return post(options, out, err);
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
    if (sandbox && (a.has("--vk-api-url") || a.has("--ok-api-url") || a.has("--max-api-url"))) {
      throw new UsageException("--sandbox сам задаёт адреса API: уберите --vk-api-url/--ok-api-url/--max-api-url");
    }
    String vk = a.value("--vk-api-url");
    String ok = a.value("--ok-api-url");
    String max = a.value("--max-api-url");
    return new Options(pages, text, photos, link, at, sandbox,
        Values.url("--vk-api-url", vk == null ? Gospubliki.DEFAULT_VK_API_URL : vk),
        Values.url("--ok-api-url", ok == null ? Gospubliki.DEFAULT_OK_API_URL : ok),
        Values.url("--max-api-url", max == null ? Gospubliki.DEFAULT_MAX_API_URL : max),
        Credentials.fromEnvironment(env));
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
    List<Platform> platforms = Platforms.create(options.vkApiUrl, options.okApiUrl, options.maxApiUrl,
        options.credentials, Clock.systemUTC(), options.sandbox);
    if (platforms.isEmpty()) {
      err.println("gospubliki post: нет ключей доступа: для VK задайте VK_USER_TOKEN, для OK — "
          + "OK_APPLICATION_KEY, OK_APPLICATION_SECRET_KEY, OK_ACCESS_TOKEN, для MAX — MAX_BOT_TOKEN");
      return Gospubliki.EXIT_USAGE;
    }
    if (options.pages.stream().anyMatch(page -> page.platform().equals(PlatformId.MAX))) {
      Platforms.learnMaxChannels(platforms, err, "post");
    }
    CrossPoster.Builder poster = CrossPoster.builder();
    platforms.forEach(poster::addPlatform);
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
   * The draft. Its idempotency key is derived from the content, so running the same command again
   * within VK's one-hour {@code guid} window does not post twice on VK. Nothing else carries over
   * between runs (OK has no such key): a target reported {@code UNKNOWN} must be checked on the page
   * before the command is run again for it.
   */
  static PostDraft draft(Options options) throws UsageException {
    PostDraft.Builder draft = PostDraft.builder().text(options.text);
    MessageDigest digest = sha256();
    field(digest, "text", options.text.getBytes(StandardCharsets.UTF_8));
    for (Path photo : options.photos) {
      try {
        DraftPhoto described = DraftPhoto.fromPath(photo);
        draft.addPhotos(described);
        field(digest, "photo", described.readAll()); // the content, not the name: a replaced photo is a new post
      } catch (IOException e) {
        throw new UsageException("--photo: не удалось прочитать «" + photo + "»");
      }
    }
    HttpUrl link = options.link;
    if (link != null) {
      draft.link(link.toString());
      field(digest, "link", link.toString().getBytes(StandardCharsets.UTF_8));
    }
    Instant at = options.at;
    if (at != null) {
      draft.scheduledAt(at);
      field(digest, "at", at.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] hash = digest.digest();
    StringBuilder key = new StringBuilder("cli-");
    for (int i = 0; i < 16; i++) key.append(String.format("%02x", hash[i]));
    return draft.idempotencyKey(key.toString()).build();
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
        postId = published.postId();
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

  /** Adds one tagged, length-prefixed field, so that no two different drafts hash alike. */
  private static void field(MessageDigest digest, String tag, byte[] value) {
    digest.update(tag.getBytes(StandardCharsets.UTF_8));
    digest.update(java.nio.ByteBuffer.allocate(8).putLong(value.length).array());
    digest.update(value);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e); // Every JDK has SHA-256.
    }
  }
}
