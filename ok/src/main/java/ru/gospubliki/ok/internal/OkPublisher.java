package ru.gospubliki.ok.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.ok.OkApiException;
import ru.gospubliki.ok.OkContentException;
import ru.gospubliki.ok.OkMalformedResponseException;
import ru.gospubliki.ok.OkRateLimitException;
import ru.gospubliki.ok.OkServiceException;
import ru.gospubliki.ok.OkSessionException;
import ru.gospubliki.ok.OkSignatureException;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.PlatformException;
import ru.gospubliki.platform.PublishResult;

/**
 * Writes to a group: publishes, edits and deletes topics.
 *
 * <p>Publishing checks the draft first ({@link DraftCheck}), uploads its photos, then sends {@code
 * mediatopic.post} exactly once. OK has no idempotency key, so this class keeps a journal of each
 * draft's outcome (by group and idempotency key): a draft already published is not sent again, and
 * after a failure that may have reached OK it looks for the topic among the group's recent topics
 * before anything is re-sent.
 *
 * <p>Editing and deleting use {@code mediatopic.edit} and {@code mediatopic.deleteTopic} with {@code
 * gid} and {@code topic_id}. Neither method is in OK's documentation repository (apiok/documentation
 * has only {@code post}, {@code getByIds}, {@code getRepublishedTopic} and {@code getPollAnswerVoters}
 * of {@code mediatopic}); what is used here is what independent clients send. {@code deleteTopic}
 * with {@code gid} and {@code topic_id}: several clients agree (a few send {@code delete_id}
 * instead), answer {@code {"success":true,"restore_id":"..."}} or {@code true}. {@code edit} with
 * {@code topic_id} and an {@code attachment} like {@code mediatopic.post}'s: one client, answer
 * {@code {"success":true}}. A wrong name or parameter fails safely, as OK error 3 or 100.
 */
public final class OkPublisher {
  /** Tolerated difference between this clock and OK's when matching a topic to a send. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
  private static final String NOT_FOUND = "связь с ОК прервалась после отправки, и тема не найдена среди "
      + "последних тем группы: проверьте группу вручную, прежде чем отправлять снова";
  private static final Pattern TOPIC_ID = Pattern.compile("[0-9]{1,19}");

  private final OkApiClient api;
  private final OkReader reader;
  private final PhotoUploader photos;
  private final Capabilities limits;
  private final Clock clock;
  private final Map<String, PublishResult> outcomes = new ConcurrentHashMap<>();
  /** When each draft (by group and idempotency key) was first sent. */
  private final Map<String, Instant> firstSent = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  public OkPublisher(OkApiClient api, OkReader reader, Capabilities limits, Clock clock) {
    this.api = api;
    this.reader = reader;
    this.photos = new PhotoUploader(api);
    this.limits = limits;
    this.clock = clock;
  }

  // Publishing.

  public PublishResult publish(PageRef page, PostDraft draft) {
    List<String> problems = DraftCheck.problems(draft, limits, clock.instant());
    if (!problems.isEmpty()) return new PublishResult.Rejected(page, problems);
    FetchResult<PageRef> resolved = reader.resolve(List.of(page)).get(page);
    if (!(resolved instanceof FetchResult.Success<PageRef> success)) return unresolved(page, resolved);
    long gid = success.value().numericId();
    String key = gid + "/" + draft.idempotencyKey();
    // One publication of a draft at a time, so two threads cannot both send it.
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      return publishOnce(page, gid, draft, key);
    }
  }

  private PublishResult publishOnce(PageRef page, long gid, PostDraft draft, String key) {
    PublishResult previous = outcomes.get(key);
    if (previous instanceof PublishResult.Published || previous instanceof PublishResult.Scheduled) {
      return previous;
    }
    if (previous instanceof PublishResult.Unknown) {
      // The earlier attempt may have arrived: look for it before sending anything again.
      PublishResult found = reconcile(page, gid, draft, firstSent.getOrDefault(key, clock.instant()));
      if (!(found instanceof PublishResult.Unknown unknown)) {
        outcomes.put(key, found);
        return found;
      }
      // Re-send only when the recent topics were read and the text is not among them. A scheduled
      // topic is not among the group's topics until its time: for it, absent proves nothing.
      if (!unknown.detail().equals(NOT_FOUND) || draft.scheduledAt() != null) {
        return draft.scheduledAt() != null && unknown.detail().equals(NOT_FOUND)
            ? new PublishResult.Unknown(page, "связь с ОК прервалась после отправки отложенной темы; "
                + "до времени публикации её не видно среди тем группы: проверьте отложенные темы группы вручную")
            : found;
      }
    }
    PublishResult result = send(page, gid, draft, key);
    outcomes.put(key, result);
    return result;
  }

  private PublishResult send(PageRef page, long gid, PostDraft draft, String key) {
    List<String> tokens;
    try {
      tokens = photoTokens(page, gid, draft);
    } catch (PhotosFailed e) {
      return e.result;
    }
    String attachment = Attachment.write(draft.fullText(), tokens, draft.link(), draft.scheduledAt());
    Map<String, String> params = new LinkedHashMap<>();
    params.put("gid", Long.toString(gid));
    params.put("type", "GROUP_THEME");
    params.put("attachment", attachment);
    Instant sentAt = firstSent.computeIfAbsent(key, k -> clock.instant());
    Object answer;
    try {
      answer = api.callOnce("mediatopic.post", params);
    } catch (OkServiceException | OkMalformedResponseException e) {
      return reconcile(page, gid, draft, sentAt); // OK may have recorded the topic before failing.
    } catch (OkApiException e) {
      return new PublishResult.Failed(page, OkFailures.of(e).reason(), OkFailures.of(e).reportReason());
    } catch (ConnectException | UnknownHostException e) {
      return new PublishResult.Failed(page, OkFailures.of(e).reason(), OkFailures.of(e).reportReason()); // Never sent.
    } catch (IOException e) {
      return reconcile(page, gid, draft, sentAt);
    }
    String id = OkJson.asString(answer);
    if (id == null) {
      Map<String, @Nullable Object> map = OkJson.asMap(answer);
      id = map == null ? null : OkJson.text(map, "id");
    }
    if (id == null || id.isBlank()) return reconcile(page, gid, draft, sentAt);
    return result(page, gid, id.strip(), draft.scheduledAt());
  }

  private static PublishResult result(PageRef page, long gid, String topicId, @Nullable Instant scheduledAt) {
    String url = TopicMapper.topicUrl(gid, topicId);
    return scheduledAt == null
        ? new PublishResult.Published(page, topicId, url)
        : new PublishResult.Scheduled(page, topicId, url, scheduledAt);
  }

  /**
   * Looks for the draft's topic among the group's topics created since it was first sent: the group's
   * own topic with the same text, not already known as another draft's, means it was published.
   */
  private PublishResult reconcile(PageRef page, long gid, PostDraft draft, Instant sentAt) {
    String text = normalise(draft.fullText());
    if (text.isEmpty()) {
      return new PublishResult.Unknown(page, "связь с ОК прервалась после отправки; пост без текста "
          + "нельзя найти среди тем группы: проверьте группу вручную");
    }
    List<Post> recent;
    try {
      recent = reader.topics(PageRef.of(PlatformId.OK, Long.toString(gid)), sentAt.minus(CLOCK_SKEW));
    } catch (OkApiException | IOException e) {
      return new PublishResult.Unknown(page, "связь с ОК прервалась после отправки, а проверить последние "
          + "темы группы не удалось (" + OkFailures.of(e).reportReason() + "): проверьте группу вручную");
    }
    Set<String> taken = new HashSet<>();
    for (PublishResult known : outcomes.values()) {
      if (known instanceof PublishResult.Published published) taken.add(published.postId());
      if (known instanceof PublishResult.Scheduled scheduled) taken.add(scheduled.postId());
    }
    Post match = null;
    for (Post post : recent) {
      if (post.authorKind() != AuthorKind.COMMUNITY || !normalise(post.text()).equals(text)) continue;
      if (post.publishedAt().isBefore(sentAt.minus(CLOCK_SKEW)) || taken.contains(post.id())) continue;
      if (match == null || post.publishedAt().isAfter(match.publishedAt())) match = post;
    }
    if (match == null) return new PublishResult.Unknown(page, NOT_FOUND);
    return result(page, gid, match.id(), draft.scheduledAt());
  }

  private static String normalise(String text) {
    return text.replace("\r\n", "\n").strip();
  }

  // Editing and deleting.

  /**
   * Replaces the media of topic {@code postId} (text, photos, link) with the draft's, through {@code
   * mediatopic.edit}. An edit sent twice leaves the same topic, so it is retried like a read and every
   * failure is safe to retry. A draft with a publication time is rejected: the edit cannot move it.
   */
  public PublishResult edit(PageRef page, String postId, PostDraft draft) {
    String topicId = topicId(postId);
    List<String> problems = new ArrayList<>(DraftCheck.problems(draft, limits, clock.instant()));
    if (draft.scheduledAt() != null) {
      problems.add("время публикации при правке темы ОК не меняется: уберите его из черновика");
    }
    if (!problems.isEmpty()) return new PublishResult.Rejected(page, problems);
    FetchResult<PageRef> resolved = reader.resolve(List.of(page)).get(page);
    if (!(resolved instanceof FetchResult.Success<PageRef> success)) return unresolved(page, resolved);
    long gid = success.value().numericId();
    List<String> tokens;
    try {
      tokens = photoTokens(page, gid, draft);
    } catch (PhotosFailed e) {
      return e.result;
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("gid", Long.toString(gid));
    params.put("topic_id", topicId);
    params.put("attachment", Attachment.write(draft.fullText(), tokens, draft.link(), null));
    try {
      boolean edited = confirmation("mediatopic.edit", api.call("mediatopic.edit", params));
      if (!edited) {
        return new PublishResult.Failed(page, FailureReason.API_ERROR, "ОК не подтвердил правку темы " + topicId + " группы " + gid);
      }
    } catch (OkApiException e) {
      return new PublishResult.Failed(page, OkFailures.of(e).reason(), OkFailures.of(e).reportReason());
    } catch (IOException e) {
      return new PublishResult.Failed(page, OkFailures.of(e).reason(), OkFailures.of(e).reportReason());
    }
    return new PublishResult.Published(page, topicId, TopicMapper.topicUrl(gid, topicId));
  }

  /**
   * Deletes topic {@code postId} through {@code mediatopic.deleteTopic}, sent once: after a dropped
   * connection the topic may or may not be gone, which the exception says.
   *
   * @throws OkApiException (a {@link PlatformException}) when OK refuses, typed as for every call.
   * @throws PlatformException when the group cannot be resolved, OK cannot be reached, or OK does not
   *     confirm the deletion.
   */
  public void delete(PageRef page, String postId) {
    String topicId = topicId(postId);
    FetchResult<PageRef> resolved = reader.resolve(List.of(page)).get(page);
    if (!(resolved instanceof FetchResult.Success<PageRef> success)) {
      FetchResult.Failure<PageRef> failure = resolved instanceof FetchResult.Failure<PageRef> f
          ? f : new FetchResult.Failure<>(FailureReason.NOT_FOUND, "нет ответа");
      throw new PlatformException(failure.reason(), "группа ОК " + page.url() + " не определена: " + failure.detail());
    }
    long gid = success.value().numericId();
    Object answer;
    try {
      answer = api.callOnce("mediatopic.deleteTopic", Map.of("gid", Long.toString(gid), "topic_id", topicId));
    } catch (ConnectException | UnknownHostException e) {
      throw new PlatformException(FailureReason.NETWORK, "ОК недоступен (" + e.getClass().getSimpleName()
          + "): тема " + topicId + " не удалена", e);
    } catch (IOException e) {
      throw new PlatformException(FailureReason.NETWORK, "связь с ОК прервалась после запроса на удаление темы "
          + topicId + " (" + e.getClass().getSimpleName() + "): удалена ли она, неизвестно — проверьте группу", e);
    }
    if (!confirmation("mediatopic.deleteTopic", answer)) {
      throw new PlatformException(FailureReason.API_ERROR, "ОК не подтвердил удаление темы " + topicId
          + " группы " + gid);
    }
  }

  /** OK's answer to a change: {@code true} or {@code {"success":true,...}}. */
  private static boolean confirmation(String method, @Nullable Object answer) {
    Map<String, @Nullable Object> map = OkJson.asMap(answer);
    Boolean success = map != null ? OkJson.bool(map, "success") : OkJson.bool(answer);
    if (success == null) {
      throw new OkMalformedResponseException(method, "neither true nor {\"success\":...}");
    }
    return success;
  }

  private static String topicId(String postId) {
    Objects.requireNonNull(postId, "postId == null");
    String id = postId.strip();
    if (!TOPIC_ID.matcher(id).matches() || id.chars().allMatch(c -> c == '0')) {
      throw new IllegalArgumentException("идентификатор темы ОК должен быть положительным числом: «" + postId + "»");
    }
    return id;
  }

  // Shared steps.

  private static PublishResult unresolved(PageRef page, @Nullable FetchResult<PageRef> resolved) {
    String reason = resolved instanceof FetchResult.Failure<PageRef> failure ? failure.reportReason() : "not_found";
    return new PublishResult.Failed(page, FailureReason.NOT_FOUND, "группа не определена: " + reason);
  }

  /** Reads and uploads the draft's photos; the failure to return instead when that is not possible. */
  private List<String> photoTokens(PageRef page, long gid, PostDraft draft) throws PhotosFailed {
    List<byte[]> contents = new ArrayList<>();
    for (DraftPhoto photo : draft.photos()) {
      try {
        contents.add(photo.readAll());
      } catch (IOException e) {
        throw new PhotosFailed(new PublishResult.Failed(page, FailureReason.REFUSED, "фото «" + photo.fileName() + "» не прочитано: "
            + e.getClass().getSimpleName()));
      }
    }
    try {
      return photos.upload(gid, draft.photos(), contents);
    } catch (OkApiException e) {
      throw new PhotosFailed(new PublishResult.Failed(page, OkFailures.of(e).reason(), "фото не загружены: " + OkFailures.of(e).reportReason()));
    } catch (IOException e) {
      throw new PhotosFailed(new PublishResult.Failed(page, OkFailures.of(e).reason(), "фото не загружены: " + OkFailures.of(e).reportReason()));
    }
  }

  /** The photos of a draft could not be read or uploaded; nothing was published. */
  private static final class PhotosFailed extends Exception {
    private static final long serialVersionUID = 1L;
    final transient PublishResult.Failed result;

    PhotosFailed(PublishResult.Failed result) {
      super(result.error(), null, false, false);
      this.result = result;
    }
  }

  @Override
  public String toString() {
    return "OkPublisher{journal=" + outcomes.size() + "}";
  }
}
