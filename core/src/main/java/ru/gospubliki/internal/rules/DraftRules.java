package ru.gospubliki.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.Hashtags;
import ru.gospubliki.internal.Spaces;
import ru.gospubliki.internal.WebUrls;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.Operation;
import ru.gospubliki.rules.RuleContext;
import ru.gospubliki.rules.RuleParameters;
import ru.gospubliki.rules.RuleResult;

/**
 * Draft rules, checked before anything is sent: the one check of a draft in the SDK (the adapters
 * keep none of their own). Platform limits come only from the target's {@link Capabilities};
 * without capabilities only the platform-independent checks run.
 *
 * <p>Text length is counted in UTF-16 code units ({@link String#length()}): never fewer than the
 * code points or graphemes a platform might count instead, so a text accepted here is not refused
 * as too long whichever way the platform counts; an emoji costs two.
 */
final class DraftRules {
  private DraftRules() {}

  /** The context's capabilities when it has a draft and capabilities, or null: the rule does not apply. */
  private static @Nullable Capabilities capabilities(RuleContext context) {
    return context.draft() == null ? null : context.capabilities();
  }

  private static String on(Capabilities capabilities) {
    return Texts.platformName(capabilities.platform());
  }

  static RuleResult notEmpty(RuleContext context, RuleParameters parameters) {
    PostDraft draft = context.draft();
    if (draft == null) return RuleResult.notApplicable();
    String link = draft.link();
    if (!Spaces.isBlank(draft.fullText()) || !draft.photos().isEmpty() || !Spaces.isBlank(link)) {
      return RuleResult.pass();
    }
    return RuleResult.fail("Публикация пустая: нет ни текста, ни фото, ни ссылки. Добавьте текст или вложение.");
  }

  static RuleResult textLength(RuleContext context, RuleParameters parameters) {
    Capabilities capabilities = capabilities(context);
    if (capabilities == null) return RuleResult.notApplicable();
    String text = Objects.requireNonNull(context.draft()).fullText();
    int length = text.length();
    int max = capabilities.maxTextLength();
    if (length <= max) return RuleResult.pass();
    return RuleResult.fail("Текст публикации длиннее допустимого на платформе " + on(capabilities) + ": " + length
        + " симв. при ограничении " + max + ". Сократите текст на " + (length - max) + " симв.",
        Map.of("length", Integer.toString(length), "max", Integer.toString(max)));
  }

  static RuleResult mediaCount(RuleContext context, RuleParameters parameters) {
    Capabilities capabilities = capabilities(context);
    if (capabilities == null) return RuleResult.notApplicable();
    int count = Objects.requireNonNull(context.draft()).photos().size();
    int max = capabilities.maxMedia();
    if (count <= max) return RuleResult.pass();
    return RuleResult.fail("К публикации приложено " + Texts.count(count, "фото", "фото", "фото")
        + ", а платформа " + on(capabilities) + " допускает не больше " + max + ". Уберите лишние "
        + "или разделите публикацию на несколько.", Map.of("count", Integer.toString(count), "max",
        Integer.toString(max)));
  }

  static RuleResult mediaFormat(RuleContext context, RuleParameters parameters) {
    Capabilities capabilities = capabilities(context);
    if (capabilities == null) return RuleResult.notApplicable();
    List<DraftPhoto> photos = Objects.requireNonNull(context.draft()).photos();
    if (photos.isEmpty()) return RuleResult.notApplicable();
    List<String> problems = new ArrayList<>();
    List<String> badFiles = new ArrayList<>();
    for (DraftPhoto photo : photos) {
      List<String> reasons = new ArrayList<>(2);
      if (!capabilities.photoMediaTypes().contains(photo.mediaType())) {
        reasons.add("формат " + photo.mediaType() + " не поддерживается (допустимы: "
            + formats(capabilities) + ")");
      }
      if (photo.size() > capabilities.maxPhotoBytes()) {
        reasons.add("размер " + megabytes(photo.size()) + " больше допустимых " + megabytes(capabilities.maxPhotoBytes()));
      }
      Integer width = photo.width();
      Integer height = photo.height();
      boolean typeAccepted = capabilities.photoMediaTypes().contains(photo.mediaType());
      if (typeAccepted && (width == null || height == null || width <= 0 || height <= 0)) {
        reasons.add("изображение не читается (файл повреждён или это не изображение)");
      } else if (width != null && height != null && width > 0 && height > 0) {
        Integer maxSum = capabilities.maxPhotoDimensionSum();
        if (maxSum != null && width + height > maxSum) {
          reasons.add("ширина + высота " + (width + height) + " пикс. больше допустимых " + maxSum);
        }
        Double maxRatio = capabilities.maxPhotoAspectRatio();
        double ratio = (double) Math.max(width, height) / Math.min(width, height);
        if (maxRatio != null && ratio > maxRatio) {
          reasons.add("соотношение сторон " + width + "×" + height + " вытянутее допустимого 1:"
              + Texts.decimal(maxRatio));
        }
      }
      if (!reasons.isEmpty()) {
        problems.add("«" + photo.fileName() + "»: " + String.join(", ", reasons));
        badFiles.add(photo.fileName());
      }
    }
    if (problems.isEmpty()) return RuleResult.pass();
    return RuleResult.fail("Фото не подходят для платформы " + on(capabilities) + ": " + String.join("; ", problems)
        + ". Замените или уменьшите эти файлы.", Map.of("files", String.join(",", badFiles)));
  }

  private static String formats(Capabilities capabilities) {
    List<String> names = new ArrayList<>();
    for (String type : capabilities.photoMediaTypes()) {
      int slash = type.indexOf('/');
      names.add((slash >= 0 ? type.substring(slash + 1) : type).toUpperCase(java.util.Locale.ROOT));
    }
    names.sort(null);
    return String.join(", ", names);
  }

  private static String megabytes(long bytes) {
    return Texts.decimal(Math.round(bytes / 10_485.76) / 100.0) + " МБ";
  }

  static RuleResult links(RuleContext context, RuleParameters parameters) {
    PostDraft draft = context.draft();
    if (draft == null) return RuleResult.notApplicable();
    String link = draft.link();
    if (Spaces.isBlank(link)) return RuleResult.pass();
    String url = Spaces.strip(Objects.requireNonNull(link));
    boolean scheme = url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8);
    if (!scheme || WebUrls.host(url) == null) {
      return RuleResult.fail("Ссылка «" + Texts.quote(url) + "» — не адрес сайта: укажите полный адрес, начиная с "
          + "http:// или https://, например https://school9.example.ru/news.");
    }
    Capabilities capabilities = capabilities(context);
    if (capabilities == null) return RuleResult.pass();
    int max = capabilities.maxLinks();
    if (1 <= max) return RuleResult.pass();
    return RuleResult.fail("Платформа " + on(capabilities) + " не принимает ссылку-вложение"
        + (max > 0 ? " больше " + max : "") + ". Уберите ссылку из вложений и укажите её в тексте.",
        Map.of("count", "1", "max", Integer.toString(max)));
  }

  /**
   * The credential configured for the target allows what the draft needs: publishing, uploading
   * its photos, scheduling it. The reason and what to do come from the platform's {@link
   * Capabilities#unavailableBecause()}.
   */
  /**
   * The credential allows publishing, uploading the draft's photos and scheduling it. Where the
   * platform says why not ({@link Capabilities#unavailableBecause()}, e.g. MAX has no scheduling at
   * all), its own words are the message; else the message says which right the key lacks.
   */
  static RuleResult credentials(RuleContext context, RuleParameters parameters) {
    Capabilities capabilities = capabilities(context);
    if (capabilities == null) return RuleResult.notApplicable();
    PostDraft draft = Objects.requireNonNull(context.draft());
    List<String> lacking = new ArrayList<>(3);
    List<String> platformReasons = new ArrayList<>(3);
    List<String> operations = new ArrayList<>(3);
    need(capabilities, Operation.PUBLISH, "публикация", lacking, platformReasons, operations);
    if (!draft.photos().isEmpty()) {
      need(capabilities, Operation.UPLOAD_PHOTOS, "загрузка фото", lacking, platformReasons, operations);
    }
    if (draft.scheduledAt() != null) {
      need(capabilities, Operation.SCHEDULE, "отложенная публикация", lacking, platformReasons, operations);
    }
    if (operations.isEmpty()) return RuleResult.pass();
    List<String> parts = new ArrayList<>(2);
    if (!lacking.isEmpty()) {
      String credential = capabilities.credential();
      parts.add("На платформе " + on(capabilities) + " ключ доступа" + (credential != null ? " («" + credential + "»)" : "")
          + " не позволяет: " + String.join("; ", lacking) + (platformReasons.isEmpty() ? "." : ""));
    }
    parts.addAll(platformReasons);
    return RuleResult.fail(String.join("; ", parts), Map.of("operations", String.join(",", operations)));
  }

  private static void need(Capabilities capabilities, Operation operation, String what, List<String> lacking,
      List<String> platformReasons, List<String> operations) {
    if (capabilities.allows(operation)) return;
    String because = capabilities.unavailableBecause().get(operation);
    if (because != null) {
      platformReasons.add(because);
    } else {
      lacking.add(what + " — " + defaultReason(operation));
    }
    operations.add(operation.name());
  }

  /** What to do when the platform gives no reason of its own. */
  private static String defaultReason(Operation operation) {
    switch (operation) {
      case PUBLISH:
        return "нужен ключ доступа администратора сообщества с правом публикации";
      case UPLOAD_PHOTOS:
        return "нужен ключ доступа с правом на фотографии";
      case SCHEDULE:
        return "отложенная публикация с этим ключом доступа невозможна: опубликуйте сразу";
      default:
        return "ключ доступа этого не позволяет";
    }
  }

  private static final java.time.format.DateTimeFormatter MOSCOW = java.time.format.DateTimeFormatter
      .ofPattern("dd.MM.yyyy HH:mm 'МСК'").withZone(java.time.ZoneId.of("Europe/Moscow"));

  static RuleResult schedule(RuleContext context, RuleParameters parameters) {
    PostDraft draft = context.draft();
    if (draft == null || draft.scheduledAt() == null) return RuleResult.notApplicable();
    if (Objects.requireNonNull(draft.scheduledAt()).isAfter(context.now())) return RuleResult.pass();
    return RuleResult.fail("Время отложенной публикации " + MOSCOW.format(Objects.requireNonNull(draft.scheduledAt()))
        + " уже прошло (сейчас " + MOSCOW.format(context.now()) + "). Укажите время в будущем или опубликуйте сразу.");
  }

  static RuleResult hashtags(RuleContext context, RuleParameters parameters) {
    PostDraft draft = context.draft();
    if (draft == null) return RuleResult.notApplicable();
    if (!Hashtags.extract(draft.fullText()).isEmpty()) return RuleResult.pass();
    return RuleResult.fail("В публикации нет хэштегов. Добавьте хэштег организации или темы, например #школа9.");
  }

  static RuleResult notAds(RuleContext context, RuleParameters parameters) {
    PostDraft draft = context.draft();
    if (draft == null) return RuleResult.notApplicable();
    if (!draft.markedAsAd()) return RuleResult.pass();
    return RuleResult.fail("Публикация помечена как реклама. Официальные публикации не должны быть рекламой: "
        + "снимите отметку.");
  }
}
