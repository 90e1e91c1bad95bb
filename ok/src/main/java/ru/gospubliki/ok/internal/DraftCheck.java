package ru.gospubliki.ok.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.platform.Capabilities;

/**
 * Finds what in a draft OK would refuse, before anything is uploaded or sent, so a person gets every
 * problem at once, in Russian, instead of one OK error at a time.
 */
public final class DraftCheck {
  private DraftCheck() {}

  /** Every problem of {@code draft} against {@code limits}; empty when OK should accept it. */
  public static List<String> problems(PostDraft draft, Capabilities limits, Instant now) {
    List<String> problems = new ArrayList<>();
    String text = draft.fullText();
    int length = text.codePointCount(0, text.length());
    if (length > limits.maxTextLength()) {
      problems.add("текст длиннее " + limits.maxTextLength() + " символов, допустимых для ОК: " + length);
    }
    if (text.isBlank() && draft.photos().isEmpty() && draft.link() == null) {
      problems.add("пост пуст: нет ни текста, ни фото, ни ссылки");
    }
    if (draft.photos().size() > limits.maxMedia()) {
      problems.add("фото больше " + limits.maxMedia() + ", допустимых для ОК: " + draft.photos().size());
    }
    for (DraftPhoto photo : draft.photos()) {
      if (!limits.photoMediaTypes().contains(photo.mediaType().toLowerCase(Locale.ROOT))) {
        problems.add("фото «" + photo.fileName() + "»: формат " + photo.mediaType()
            + " не принимается ОК (нужен JPEG, PNG или GIF)");
      }
      if (photo.size() > limits.maxPhotoBytes()) {
        problems.add("фото «" + photo.fileName() + "»: " + photo.size() + " байт, больше предела "
            + limits.maxPhotoBytes());
      }
    }
    String link = draft.link();
    if (link != null && HttpUrl.parse(link) == null) {
      problems.add("ссылка «" + link + "» должна быть адресом http:// или https://");
    }
    Instant at = draft.scheduledAt();
    if (at != null && !at.isAfter(now)) {
      problems.add("время публикации " + Attachment.publishAt(at) + " (МСК) уже прошло");
    }
    return problems;
  }
}
