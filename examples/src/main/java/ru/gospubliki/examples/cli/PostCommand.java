package ru.gospubliki.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.examples.serve.PageResult;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.Operation;
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

/** {@code gospubliki post}: validates one draft for every target, then publishes or schedules it. */
final class PostCommand {
  static final Arguments.Spec FLAGS = PlatformAccess.flags(new Arguments.Spec("post")
      .text("--text")
      .valued("--text-file", "--link", "--at", "--store", "--settle")
      .switches("--check", "--text-only-fallback")
      .repeatable("--page", "--photo"));

  static final String USAGE = String.join("\n",
      "Использование: gospubliki post --page URL [--page URL ...] (--text TEXT | --text-file FILE)",
      "                       [--photo FILE ...] [--link URL] [--at ISO-8601] [--sandbox]",
      "                       [--vk-api-url URL] [--ok-api-url URL] [--max-api-url URL]",
      "                       [--store URL|PATH|none] [--settle sent|not-sent] [--check]",
      "                       [--text-only-fallback]",
      "",
      "Публикует одну запись на нескольких страницах. Сначала проверяет запись для каждой страницы:",
      "если хоть одна страница её не примет, ничего не отправляется.",
      "  --page URL        страница VK, OK или канал MAX; можно указать несколько раз",
      "  --text TEXT       текст записи (может начинаться с --) или --text-file FILE — текст из файла UTF-8",
      "  --photo FILE      фотография JPG/PNG/GIF; можно указать несколько раз",
      "  --link URL        ссылка",
      "  --at ISO-8601     отложенная публикация (без часового пояса — московское время);",
      "                    MAX отложенных публикаций не поддерживает",
      "  --check           ничего не отправлять: для каждой страницы показать, каким ключом она была бы",
      "                    опубликована (ключ пользователя, ключ сообщества, бот), что он позволяет",
      "                    (текст, фото, отложенная публикация) и чего не хватает; код 0 — все страницы",
      "                    примут запись, 1 — нет",
      "  --text-only-fallback  на страницах, чей ключ не может загружать фото (ключ сообщества VK),",
      "                    опубликовать запись без фото, а не отказать всем страницам",
      "  --settle sent|not-sent  закрыть результат UNKNOWN прошлого запуска (та же запись, те же",
      "                    страницы), посмотрев на страницу: sent — запись есть (ничего не отправляется),",
      "                    not-sent — записи нет (следующий запуск post её отправит)",
      PlatformAccess.USAGE,
      StoreOption.USAGE,
      "Журнал публикаций в хранилище: та же команда, запущенная снова (даже одновременно или после сбоя),",
      "не опубликует запись второй раз — страница получит записанный результат.",
      "Результат — по одной строке JSON на страницу, сразу, как он известен. UNKNOWN — запись могла",
      "дойти: она не будет отправлена снова, пока вы не посмотрите страницу и не закроете результат",
      "(--settle). Коды выхода: 0 — всё опубликовано или запланировано (с --settle: всё закрыто);",
      "1 — где-то ошибка или отказ, или журнал публикаций недоступен; 2 — ошибка в параметрах или запись",
      "не прошла проверку (ничего не отправлено); 4 — результат для какой-то страницы неизвестен.",
      "Ключи для VK — VK_USER_TOKEN (ключ пользователя — администратора сообществ) и/или",
      "VK_COMMUNITY_TOKENS_FILE (файл group_id=ключ с собственными ключами сообществ, chmod 600: только текст);",
      "для OK — OK_APPLICATION_KEY,",
      "OK_APPLICATION_SECRET_KEY, OK_ACCESS_TOKEN; для MAX — MAX_BOT_TOKEN (бот — администратор канала).");

  static final Command COMMAND = new Command(
      "опубликовать запись на нескольких страницах VK, OK и MAX", FLAGS, USAGE, PostCommand::run);

  /** The validated options of one post run. */
  static final class Options {
    final List<PageRef> pages;
    final String text;
    final List<Path> photos;
    final @Nullable HttpUrl link;
    final @Nullable Instant at;
    final PlatformAccess access;
    /** The publish journal's place. */
    final StoreOption store;
    /** With {@code --settle}: how to close the earlier run's unknown outcomes instead of posting. */
    final @Nullable Settlement settle;
    /** {@code --check}: say what each page's credential allows, send nothing. */
    boolean check;
    /** {@code --text-only-fallback}: photos dropped where the credential cannot upload them. */
    boolean textOnlyFallback;

    Options(List<PageRef> pages, String text, List<Path> photos, @Nullable HttpUrl link, @Nullable Instant at,
        PlatformAccess access) {
      this(pages, text, photos, link, at, access, StoreOption.NONE, null);
    }

    Options(List<PageRef> pages, String text, List<Path> photos, @Nullable HttpUrl link, @Nullable Instant at,
        PlatformAccess access, StoreOption store, @Nullable Settlement settle) {
      this.pages = pages;
      this.text = text;
      this.photos = photos;
      this.link = link;
      this.at = at;
      this.access = access;
      this.store = store;
      this.settle = settle;
    }
  }

  private PostCommand() {}

  static int run(Arguments a, Terminal terminal) throws UsageException {
    Options options = options(a, terminal.env);
    try (StoreOption store = options.store) {
      return options.access.use(null, (access, sample) -> post(options, access, terminal));
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
    PlatformAccess access = PlatformAccess.of(a, env);
    String settleValue = a.value("--settle");
    Settlement settle = null;
    if (settleValue != null) {
      settle = Values.oneOf("--settle", settleValue, "sent", "not-sent").equals("sent")
          ? Settlement.SENT : Settlement.NOT_SENT;
    }
    Options options = new Options(pages, text, photos, link, at, access,
        StoreOption.parse(a.value("--store"), env, access.sandbox), settle);
    options.check = a.has("--check");
    options.textOnlyFallback = a.has("--text-only-fallback");
    if (options.check && settle != null) throw new UsageException("укажите либо --check, либо --settle, но не оба");
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
   * Validates the draft for every target, then publishes it through the store's journal; prints
   * each target's JSON line as soon as its outcome is known and recorded, so a run cut short still
   * says which targets were done. Exit 0 all published/scheduled, 1 some failed or rejected (or no
   * journal), 2 invalid draft (nothing sent), 4 some outcome unknown (never re-sent until settled).
   */
  static int post(Options options, PlatformAccess access, Terminal terminal) throws UsageException {
    PrintStream out = terminal.out;
    List<Platform> platforms = access.platforms(options.store.channels());
    try {
      if (platforms.isEmpty()) {
        terminal.err.println(COMMAND.prefix() + "нет ключей доступа: для VK задайте VK_USER_TOKEN или VK_COMMUNITY_TOKENS_FILE, для OK — "
            + "OK_APPLICATION_KEY, OK_APPLICATION_SECRET_KEY, OK_ACCESS_TOKEN, для MAX — MAX_BOT_TOKEN");
        return Gospubliki.EXIT_USAGE;
      }
      PostDraft draft = draft(options, smallestPhotoLimit(platforms, options.pages));
      if (options.check) return check(options, platforms, draft, terminal);
      Store store;
      try {
        store = options.store.open();
      } catch (StoreException e) {
        terminal.err.println(COMMAND.prefix() + "журнал публикаций «" + options.store.description + "» недоступен, "
            + "ничего не отправлено: без него нельзя обещать, что запись не уйдёт дважды (" + StoreOption.reason(e)
            + "); опубликовать без журнала: --store none");
        return Gospubliki.EXIT_FAILED;
      }
      // After the store is open: the channels learnt are kept for the next runs.
      PlatformAccess.learnMaxChannels(platforms, options.pages, terminal.err, COMMAND.prefix());
      CrossPoster.Builder poster = CrossPoster.builder().journal(store.journal())
          .textOnlyFallback(options.textOnlyFallback);
      platforms.forEach(poster::addPlatform);
      Settlement settlement = options.settle;
      if (settlement != null) return settle(poster.build(), draft, options.pages, settlement, terminal);
      CrossPostResult result = poster.build().post(draft, options.pages, target -> {
        out.println(PageResult.of(target).toJson());
        out.flush();
      });

      boolean blocked = false;
      for (DraftProblem problem : result.problems()) {
        terminal.err.println(COMMAND.prefix() + (problem.blocking() ? "" : "замечание: ") + problem);
        blocked |= problem.blocking();
      }
      boolean failed = false;
      boolean unknown = false;
      for (PublishResult target : result.results()) {
        failed |= target.status() == PublishStatus.FAILED || target.status() == PublishStatus.REJECTED;
        unknown |= target.status() == PublishStatus.UNKNOWN;
      }
      if (unknown) return Gospubliki.EXIT_UNKNOWN;
      if (blocked) return Gospubliki.EXIT_USAGE;
      return failed ? Gospubliki.EXIT_FAILED : Gospubliki.EXIT_OK;
    } finally {
      platforms.forEach(Platform::close); // threads and connections of this run
    }
  }

  /**
   * {@code --check}: for each page, the credential that would post there and what it allows, and
   * the draft's problems there; nothing is sent (a VK page may be asked whether the user key's
   * user administers it). Exit 0 when every page can take the draft, 1 otherwise.
   */
  static int check(Options options, List<Platform> platforms, PostDraft draft, Terminal terminal) {
    PrintStream out = terminal.out;
    CrossPoster.Builder builder = CrossPoster.builder().textOnlyFallback(options.textOnlyFallback);
    Map<PlatformId, Platform> byId = new java.util.LinkedHashMap<>();
    for (Platform platform : platforms) {
      builder.addPlatform(platform);
      byId.put(platform.id(), platform);
    }
    List<DraftProblem> problems = builder.build().validate(draft, options.pages);
    out.println("Проверка ключей перед публикацией (ничего не отправлено)");
    out.println("| страница | ключ | текст | фото | отложенная | проблема |");
    out.println("|---|---|---|---|---|---|");
    boolean blocked = false;
    for (PageRef page : new LinkedHashSet<>(options.pages)) {
      Platform platform = byId.get(page.platform());
      List<String> here = new ArrayList<>();
      for (DraftProblem problem : problems) {
        boolean concerns = problem.platform() == null
            || problem.platform().equals(page.platform()) && (problem.pages().isEmpty() || problem.pages().contains(page));
        if (!concerns) continue;
        if (problem.blocking()) {
          here.add(problem.message());
          blocked = true;
        } else if ("DRAFT_CREDENTIALS".equals(problem.rule())) {
          here.add("замечание: " + problem.message());
        }
      }
      if (platform == null) {
        out.println("| " + page.url() + " | нет ключа | нет | нет | нет | " + String.join("; ", here) + " |");
        continue;
      }
      Capabilities can = platform.capabilities(page);
      String credential = can.credential();
      out.println("| " + page.url() + " | " + (credential == null ? "ключ доступа" : credential)
          + " | " + yes(can, Operation.PUBLISH) + " | " + yes(can, Operation.UPLOAD_PHOTOS)
          + " | " + yes(can, Operation.SCHEDULE) + " | " + (here.isEmpty() ? "—" : String.join("; ", here)) + " |");
    }
    for (DraftProblem problem : problems) {
      if (problem.blocking() && problem.platform() == null) continue; // already in every row
      if (!problem.blocking() && !"DRAFT_CREDENTIALS".equals(problem.rule())) {
        terminal.err.println(COMMAND.prefix() + "замечание: " + problem);
      }
    }
    out.println(blocked ? "Не все страницы примут запись: исправьте запись или ключи (см. «проблема»)."
        : "Все страницы примут запись.");
    return blocked ? Gospubliki.EXIT_FAILED : Gospubliki.EXIT_OK;
  }

  private static String yes(Capabilities can, Operation operation) {
    return can.allows(operation) ? "да" : "нет";
  }

  /** The largest photo every target's platform takes; a larger one will fail validation. */
  static long smallestPhotoLimit(List<Platform> platforms, List<PageRef> pages) {
    Set<PlatformId> targeted = new LinkedHashSet<>();
    for (PageRef page : pages) targeted.add(page.platform());
    long limit = Long.MAX_VALUE;
    for (Platform platform : platforms) {
      if (targeted.contains(platform.id())) limit = Math.min(limit, platform.capabilities().maxPhotoBytes());
    }
    return limit;
  }

  /**
   * The draft. Its idempotency key is the SDK's default, derived from the content (text, photos'
   * bytes, link, time): the same command run again, from another process or after a crash, is the
   * same publication, and the store's journal answers its recorded result instead of posting again.
   *
   * <p>A photo larger than {@code readablePhotoBytes}, the smallest limit of the targets, is never
   * read: every target refuses the draft before anything is sent, so its key is never recorded
   * (and a {@code --settle} with it finds nothing to close). That draft's key is made from the
   * photos' sizes instead ({@code cli-}, never equal to a content key); the content key itself
   * reads the photos as a stream, so memory stays small whatever their sizes.
   */
  static PostDraft draft(Options options, long readablePhotoBytes) throws UsageException {
    PostDraft.Builder draft = PostDraft.builder().text(options.text);
    List<DraftPhoto> photos = new ArrayList<>();
    for (Path photo : options.photos) {
      try {
        photos.add(DraftPhoto.fromPath(photo));
      } catch (IOException e) {
        throw new UsageException("--photo: не удалось прочитать «" + photo + "»");
      }
    }
    draft.addAllPhotos(photos);
    HttpUrl link = options.link;
    if (link != null) draft.link(link.toString());
    Instant at = options.at;
    if (at != null) draft.scheduledAt(at);
    if (photos.stream().anyMatch(photo -> photo.size() > readablePhotoBytes)) {
      draft.idempotencyKey(unsendableKey(options, photos));
    }
    try {
      return draft.build();
    } catch (UncheckedIOException e) {
      // A photo that changed or vanished since it was described, read for the key.
      throw new UsageException("--photo: не удалось прочитать фотографию: файл изменился или пропал");
    }
  }

  /**
   * The key of a draft the targets refuse for a photo past their limit: the text, link, time and
   * each photo's size in tagged, length-prefixed fields, no photo read. The key is never recorded.
   */
  private static String unsendableKey(Options options, List<DraftPhoto> photos) {
    MessageDigest digest = sha256();
    field(digest, "text", options.text.getBytes(StandardCharsets.UTF_8));
    for (DraftPhoto photo : photos) tag(digest, "photo size", photo.size());
    HttpUrl link = options.link;
    if (link != null) field(digest, "link", link.toString().getBytes(StandardCharsets.UTF_8));
    Instant at = options.at;
    if (at != null) field(digest, "at", at.toString().getBytes(StandardCharsets.UTF_8));
    byte[] hash = digest.digest();
    StringBuilder key = new StringBuilder("cli-");
    for (int i = 0; i < 16; i++) key.append(String.format("%02x", hash[i]));
    return key.toString();
  }

  /**
   * Closes the unknown outcomes of the draft on {@code pages}; one JSON line per page with its
   * status now ({@code PUBLISHED}, {@code NOT_SENT}) or why there was nothing to close, printed as
   * soon as it is recorded. Exit 0 when every page was closed, 1 otherwise.
   */
  static int settle(CrossPoster poster, PostDraft draft, List<PageRef> pages, Settlement settlement,
      Terminal terminal) {
    PrintStream out = terminal.out;
    boolean failed = false;
    for (PageRef page : new LinkedHashSet<>(pages)) {
      try {
        JournalEntry entry = poster.settle(draft.idempotencyKey(), page, settlement);
        out.println(new PageResult(page, entry.status().name(), entry.postId(), entry.url(), null).toJson());
      } catch (IllegalStateException e) {
        failed = true;
        JournalEntry entry = poster.journal().lookup(draft.idempotencyKey(), page);
        PageResult now = entry == null ? new PageResult(page, null, null, null, null)
            : new PageResult(page, entry.status().name(), entry.postId(), entry.url(), null);
        out.println(now.withError(e.getMessage()).toJson());
        terminal.err.println(COMMAND.prefix() + e.getMessage());
      }
      out.flush();
    }
    return failed ? Gospubliki.EXIT_FAILED : Gospubliki.EXIT_OK;
  }

  /** Adds one tagged, length-prefixed field, so that no two different drafts hash alike. */
  private static void field(MessageDigest digest, String tag, byte[] value) {
    tag(digest, tag, value.length);
    digest.update(value);
  }

  /** The tag and length that precede a field's content. */
  private static void tag(MessageDigest digest, String tag, long length) {
    digest.update(tag.getBytes(StandardCharsets.UTF_8));
    digest.update(ByteBuffer.allocate(8).putLong(length).array());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e); // Every JDK has SHA-256.
    }
  }
}
