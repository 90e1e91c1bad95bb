package ru.gospubliki.vk.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.platform.Capabilities;

/** Checks a draft against VK's limits before anything is uploaded; every problem at once, in Russian. */
public final class DraftCheck {
  private DraftCheck() {}

  public static List<String> problems(PostDraft draft, Capabilities limits, Instant now) {
    List<String> problems = new ArrayList<>();
    String text = draft.fullText();
    if (text.isBlank() && draft.photos().isEmpty() && draft.link() == null) {
      problems.add("пустая запись: нет ни текста, ни фото, ни ссылки");
    }
    if (text.length() > limits.maxTextLength()) {
      problems.add("текст длиннее " + limits.maxTextLength() + " символов: " + text.length());
    }
    if (draft.photos().size() > limits.maxMedia()) {
      problems.add("больше " + limits.maxMedia() + " фото в записи: " + draft.photos().size());
    }
    String link = draft.link();
    if (link != null && !(link.startsWith("https://") || link.startsWith("http://"))) {
      problems.add("ссылка «" + link + "» должна начинаться с http:// или https://");
    }
    for (DraftPhoto photo : draft.photos()) {
      String name = "фото «" + photo.fileName() + "»: ";
      if (!limits.photoMediaTypes().contains(photo.mediaType())) {
        problems.add(name + "формат " + photo.mediaType() + " не поддерживается, нужен JPG, PNG или GIF");
        continue;
      }
      if (photo.size() > limits.maxPhotoBytes()) {
        problems.add(name + "размер " + megabytes(photo.size()) + " МБ больше допустимых "
            + megabytes(limits.maxPhotoBytes()) + " МБ");
      }
      Integer width = photo.width();
      Integer height = photo.height();
      if (width == null || height == null || width <= 0 || height <= 0) {
        problems.add(name + "не удалось определить размеры изображения");
        continue;
      }
      Integer maxSum = limits.maxPhotoDimensionSum();
      if (maxSum != null && width + height > maxSum) {
        problems.add(name + "ширина + высота " + (width + height) + " пикс. больше " + maxSum);
      }
      Double maxAspect = limits.maxPhotoAspectRatio();
      double aspect = (double) Math.max(width, height) / Math.min(width, height);
      if (maxAspect != null && aspect > maxAspect) {
        problems.add(name + "соотношение сторон " + width + "×" + height + " больше 1:"
            + String.format(Locale.ROOT, "%.0f", maxAspect));
      }
    }
    Instant scheduledAt = draft.scheduledAt();
    if (scheduledAt != null && !scheduledAt.isAfter(now)) {
      problems.add("время публикации " + scheduledAt + " уже прошло");
    }
    return problems;
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1024d / 1024d);
  }
}
