package ru.gospubliki.ok.internal;

import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.internal.DraftGate;
import ru.gospubliki.internal.http.CallFailure;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.ok.OkApiException;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.PlatformException;
import ru.gospubliki.platform.PostLookup;
import ru.gospubliki.platform.SendRequest;
import ru.gospubliki.platform.SendResult;

/**
 * Writes to a group, keeping nothing between calls: one {@code mediatopic.post} attempt per
 * {@link #send}, the lookup of a topic whose answer was lost ({@link #findExisting}), edits and
 * deletions. Whether to send again is the caller's decision (the SDK's send-once publishing).
 *
 * <p>Editing and deleting use {@code mediatopic.edit} and {@code mediatopic.deleteTopic} with {@code
 * gid} and {@code topic_id}. Neither method is in OK's documentation repository (apiok/documentation
 * has only {@code post}, {@code getByIds}, {@code getRepublishedTopic} and {@code
 * getPollAnswerVoters} of {@code mediatopic}); what is used here is what independent clients send:
 * {@code deleteTopic} answers {@code {"success":true,...}} or {@code true}, {@code edit} takes an
 * {@code attachment} like {@code mediatopic.post}'s. A wrong name or parameter fails safely, as OK
 * error 3 or 100. Edit and delete report failures alike: a {@link PlatformException} ({@link
 * OkApiException} for OK's own errors) with the same reason and Russian message.
 */
public final class OkSender {
  /** Tolerated difference between this clock and OK's when matching a topic to a send. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
  private static final String POST = "mediatopic.post";

  private final OkClient client;
  private final OkReader reader;
  private final TokenPool pool;
  private final PhotoUploader photos;

  public OkSender(OkClient client, OkReader reader, TokenPool pool) {
    this.client = client;
    this.reader = reader;
    this.pool = pool;
    this.photos = new PhotoUploader(client);
  }

  /**
   * One attempt to publish: photos first (a failed upload means no topic and a {@link
   * SendResult.Refused}), then {@code mediatopic.post} once. An answer that is not a topic id (a
   * {@code true}, {@code "abc"}, an error that does not say OK did not act, a lost connection) is
   * {@link SendResult.Ambiguous}: the topic may exist.
   */
  public SendResult send(SendRequest request) {
    PageRef page = request.page();
    PostDraft draft = request.draft();
    OkReader.Target target = reader.targets(List.of(page)).get(page);
    if (target instanceof OkReader.Person) {
      return new SendResult.Refused(FailureReason.REFUSED, "«" + page.url() + "» — личная страница ОК, а не группа: "
          + "публиковать можно только в группу");
    }
    if (!(target instanceof OkReader.Group group)) {
      FetchResult.Failure<Object> failure = unresolved(target);
      return new SendResult.Refused(safe(failure.reason()), "группа ОК " + page.url() + " не определена: "
          + failure.detail() + "; тема не отправлена");
    }
    String unreadable = PhotoUploader.unreadable(draft.photos());
    if (unreadable != null) return new SendResult.Refused(FailureReason.REFUSED, unreadable + "; тема не отправлена");
    long gid = group.gid();
    for (int tried = 0; tried <= pool.tokens().size(); tried++) {
      OkToken token = pool.first();
      if (token == null) {
        FetchResult.Failure<Object> none = pool.exhausted();
        return new SendResult.Refused(none.reason(), none.detail().replace("не прочитано", "тема не отправлена"));
      }
      List<String> uploaded;
      try {
        uploaded = photos.upload(token, gid, draft.photos());
      } catch (OkApiException e) {
        if (setAside(token, e)) continue;
        return new SendResult.Refused(safe(e.reason()), "фото не загружены, тема не отправлена: " + e.getMessage());
      } catch (CallFailure e) {
        return new SendResult.Refused(safe(e.reason()), "фото не загружены, тема не отправлена: " + e.getMessage());
      } catch (InterruptedIOException e) {
        Thread.currentThread().interrupt();
        return new SendResult.Refused(FailureReason.NETWORK, "публикация прервана до отправки темы");
      }
      Map<String, String> params = new LinkedHashMap<>();
      params.put("gid", Long.toString(gid));
      params.put("type", "GROUP_THEME");
      params.put("attachment", Attachment.write(draft.fullText(), uploaded, draft.link(), draft.scheduledAt()));
      String body;
      try {
        body = client.once(token, POST, params);
      } catch (OkApiException e) {
        if (setAside(token, e)) continue; // A refusal about the token: nothing was posted, another token may.
        return e.reason().retrySafe()
            ? new SendResult.Refused(e.reason(), String.valueOf(e.getMessage()))
            : new SendResult.Ambiguous(e.reason(), e.getMessage() + "; тема могла быть создана");
      } catch (CallFailure e) {
        return e.reason().retrySafe()
            ? new SendResult.Refused(e.reason(), String.valueOf(e.getMessage()))
            : new SendResult.Ambiguous(e.reason(), String.valueOf(e.getMessage()));
      } catch (InterruptedIOException e) {
        Thread.currentThread().interrupt();
        return new SendResult.Ambiguous(FailureReason.CONNECTION_LOST, "публикация прервана после отправки темы в ОК");
      }
      return sent(gid, body, draft.scheduledAt());
    }
    FetchResult.Failure<Object> none = pool.exhausted();
    return new SendResult.Refused(none.reason(), none.detail().replace("не прочитано", "тема не отправлена"));
  }

  /** The topic {@code body} names, if it is a topic id; otherwise the topic may exist all the same. */
  private SendResult sent(long gid, String body, @Nullable Instant scheduledAt) {
    String raw;
    try {
      raw = client.parse(POST, body, OkAnswers.TOPIC_ID);
    } catch (OkApiException e) {
      return new SendResult.Ambiguous(FailureReason.API_ERROR, e.getMessage() + "; тема могла быть создана");
    }
    String id = topicIdOrNull(raw);
    if (id == null) {
      String shown = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
      return new SendResult.Ambiguous(FailureReason.API_ERROR, "ОК ответил на " + POST + " не идентификатором темы («"
          + shown + "»); тема могла быть создана");
    }
    return new SendResult.Sent(id, TopicMapper.topicUrl(gid, id), scheduledAt);
  }

  /**
   * Looks for the group's own topic with the draft's exact text and number of photos, created at
   * or after {@code sentAfter} (less {@link #CLOCK_SKEW}). A scheduled topic is not among the
   * group's topics until its time, so not finding it proves nothing: {@link PostLookup.CannotTell}.
   */
  public PostLookup findExisting(PageRef page, PostDraft draft, Instant sentAfter) {
    String text = normalise(draft.fullText());
    if (text.isEmpty()) {
      return new PostLookup.CannotTell("запись без текста нельзя отличить от других тем группы: проверьте группу вручную");
    }
    OkReader.Target target = reader.targets(List.of(page)).get(page);
    if (!(target instanceof OkReader.Group group)) {
      if (target instanceof OkReader.Person) {
        return new PostLookup.CannotTell("«" + page.url() + "» — личная страница ОК, а не группа");
      }
      return new PostLookup.CannotTell("группа ОК " + page.url() + " не определена: " + unresolved(target).detail());
    }
    Instant since = sentAfter.minus(CLOCK_SKEW);
    FetchResult<List<OkAnswers.Topic>> read = reader.recentTopics(group.gid(), since);
    if (read instanceof FetchResult.Failure<List<OkAnswers.Topic>> failure) {
      return new PostLookup.CannotTell("не удалось прочитать последние темы группы: " + failure.detail());
    }
    OkAnswers.Topic match = null;
    for (OkAnswers.Topic topic : ((FetchResult.Success<List<OkAnswers.Topic>>) read).value()) {
      Long created = topic.createdMs();
      if (created == null || Instant.ofEpochMilli(created).isBefore(since)) continue;
      if (!TopicMapper.isOwn(topic, group.gid()) || !normalise(TopicMapper.text(topic)).equals(text)) continue;
      if (TopicMapper.photos(topic) != draft.photos().size()) continue;
      // The earliest match after the send is the one the send made; later ones are later sends.
      if (match == null || created < Objects.requireNonNull(match.createdMs())) match = topic;
    }
    if (match != null) {
      String id = Objects.requireNonNull(ProfileMapper.text(match.id()));
      return new PostLookup.Found(new SendResult.Sent(id, TopicMapper.topicUrl(group.gid(), id), draft.scheduledAt()));
    }
    Instant at = draft.scheduledAt();
    if (at != null) {
      return new PostLookup.CannotTell("отложенную тему не видно среди тем группы до времени публикации ("
          + Attachment.publishAt(at) + " МСК): проверьте отложенные темы группы вручную");
    }
    return new PostLookup.Absent();
  }

  /**
   * Replaces the media of topic {@code postId} with the draft's through {@code mediatopic.edit}. An
   * edit sent twice leaves the same topic, so it is repeated like a read after failures that may
   * pass. Fails as {@link #delete} does.
   *
   * @throws PlatformException when OK refuses or does not confirm, or cannot be reached.
   * @throws IllegalArgumentException for a topic id that is not one, or a draft OK cannot take as an edit.
   */
  public SendResult.Sent edit(PageRef page, String postId, PostDraft draft, Capabilities capabilities, Clock clock) {
    String topicId = topicId(postId);
    if (draft.scheduledAt() != null) {
      throw new IllegalArgumentException("время публикации при правке темы ОК не меняется: уберите его из черновика");
    }
    DraftGate.require(draft, capabilities, clock);
    String unreadable = PhotoUploader.unreadable(draft.photos());
    if (unreadable != null) throw new IllegalArgumentException(unreadable + "; тема не изменена");
    try {
      long gid = group(page, "тема не изменена");
      OkToken token = token("тема не изменена");
      List<String> uploaded = photos.upload(token, gid, draft.photos());
      Map<String, String> params = new LinkedHashMap<>();
      params.put("gid", Long.toString(gid));
      params.put("topic_id", topicId);
      params.put("attachment", Attachment.write(draft.fullText(), uploaded, draft.link(), null));
      boolean confirmed;
      try {
        confirmed = client.read(token, "mediatopic.edit", params, OkAnswers.CONFIRMATION);
      } catch (OkApiException e) {
        setAside(token, e);
        throw e;
      }
      if (!confirmed) {
        throw new OkApiException(FailureReason.API_ERROR, "mediatopic.edit", 0, "ОК не подтвердил правку темы "
            + topicId + " группы " + gid + "; изменена ли тема, неизвестно", null);
      }
      return new SendResult.Sent(topicId, TopicMapper.topicUrl(gid, topicId), null);
    } catch (CallFailure e) {
      throw new PlatformException(e.reason(), outcome(e, "тема не изменена", "изменена ли тема, неизвестно"), e);
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException(FailureReason.CONNECTION_LOST, "правка прервана; изменена ли тема, неизвестно", e);
    }
  }

  /**
   * Deletes topic {@code postId} through {@code mediatopic.deleteTopic}, sent once.
   *
   * @throws OkApiException when OK refuses, or answers with something that is not a confirmation.
   * @throws PlatformException when the group cannot be resolved or OK cannot be reached; its
   *     message says whether the topic may be gone.
   */
  public void delete(PageRef page, String postId) {
    String topicId = topicId(postId);
    String method = "mediatopic.deleteTopic";
    try {
      long gid = group(page, "тема не удалена");
      OkToken token = token("тема не удалена");
      boolean confirmed;
      try {
        String body = client.once(token, method, Map.of("gid", Long.toString(gid), "topic_id", topicId));
        confirmed = client.parse(method, body, OkAnswers.CONFIRMATION);
      } catch (OkApiException e) {
        setAside(token, e);
        throw e;
      }
      if (!confirmed) {
        throw new OkApiException(FailureReason.API_ERROR, method, 0, "ОК не подтвердил удаление темы " + topicId
            + " группы " + gid + "; удалена ли тема, неизвестно", null);
      }
    } catch (CallFailure e) {
      throw new PlatformException(e.reason(), outcome(e, "тема не удалена", "удалена ли тема, неизвестно — проверьте группу"), e);
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException(FailureReason.CONNECTION_LOST, "удаление прервано; удалена ли тема, неизвестно", e);
    }
  }

  /** The group {@code page} is, or the failure to report. */
  private long group(PageRef page, String consequence) {
    OkReader.Target target = reader.targets(List.of(page)).get(page);
    if (target instanceof OkReader.Group group) return group.gid();
    if (target instanceof OkReader.Person) {
      throw new PlatformException(FailureReason.REFUSED, "«" + page.url() + "» — личная страница ОК, а не группа; " + consequence);
    }
    FetchResult.Failure<Object> failure = unresolved(target);
    throw new PlatformException(failure.reason(), "группа ОК " + page.url() + " не определена: " + failure.detail()
        + "; " + consequence);
  }

  private OkToken token(String consequence) {
    OkToken token = pool.first();
    if (token != null) return token;
    FetchResult.Failure<Object> none = pool.exhausted();
    throw new PlatformException(none.reason(), none.detail().replace("не прочитано", consequence));
  }

  /** Sets {@code token} aside when {@code e} is about it; true when it did. */
  private boolean setAside(OkToken token, OkApiException e) {
    try {
      pool.checkToken(token, e);
      return false;
    } catch (TokenPool.TokenUnusable unusable) {
      return true;
    }
  }

  private static String outcome(CallFailure e, String notDone, String unknown) {
    return e.getMessage() + "; " + (e.reason().retrySafe() ? notDone : unknown);
  }

  private static FetchResult.Failure<Object> unresolved(OkReader.@Nullable Target target) {
    return target instanceof OkReader.Unresolved unresolved ? unresolved.failure()
        : new FetchResult.Failure<>(FailureReason.NOT_FOUND, "нет ответа");
  }

  /** A reason for a refusal: nothing was sent, so never one that says the platform may have acted. */
  private static FailureReason safe(FailureReason reason) {
    return reason.retrySafe() ? reason : FailureReason.NETWORK;
  }

  private static String normalise(String text) {
    return text.replace("\r\n", "\n").strip();
  }

  /** {@code raw} when it is an OK topic id (a positive 64-bit number), else null. */
  static @Nullable String topicIdOrNull(String raw) {
    String id = raw.strip();
    if (id.isEmpty() || id.length() > 19 || id.charAt(0) == '0') return null;
    for (int i = 0; i < id.length(); i++) if (id.charAt(i) < '0' || id.charAt(i) > '9') return null;
    try {
      Long.parseLong(id);
    } catch (NumberFormatException e) {
      return null;
    }
    return id;
  }

  /** {@code postId} stripped, or a Russian {@link IllegalArgumentException} naming it. */
  static String topicId(String postId) {
    Objects.requireNonNull(postId, "postId == null");
    String id = topicIdOrNull(postId);
    if (id == null) {
      throw new IllegalArgumentException("идентификатор темы ОК должен быть положительным числом: «" + postId + "»");
    }
    return id;
  }

  @Override
  public String toString() {
    return "OkSender";
  }
}
