package ru.gospubliki.internal.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.platform.Captcha;
import ru.gospubliki.platform.CaptchaAnswer;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.platform.PostLookup;
import ru.gospubliki.platform.PublishResult;
import ru.gospubliki.platform.SendRequest;
import ru.gospubliki.platform.SendResult;
import ru.gospubliki.publish.JournalEntry;
import ru.gospubliki.publish.JournalStatus;
import ru.gospubliki.publish.PublishJournal;
import ru.gospubliki.publish.Settlement;

/**
 * Publishes one draft on one page at most once, whatever fails and however many processes try:
 *
 * <ol>
 *   <li>claim (key, page) in the journal: an insert on a unique key, or a version-checked update of
 *       a failed or not-sent entry; a caller that loses the claim waits for the winner's outcome;
 *   <li>send once through the adapter and record what it says;
 *   <li>on an ambiguous answer, within the platform's deduplication window since the first
 *       attempt, send the same request again (a bounded number of times); otherwise look for the
 *       post on the page and record what the lookup says: found, absent (failed, may be sent
 *       again), or cannot tell ({@code UNKNOWN}, settled by a person);
 *   <li>a claim left without an outcome for longer than the in-flight timeout (a crash mid-send)
 *       is taken over and treated as an ambiguous answer.
 * </ol>
 */
public final class SendOnce {
  private static final System.Logger LOG = System.getLogger(SendOnce.class.getName());
  /** Resends of one request within the platform's deduplication window, at most. */
  static final int MAX_RESENDS = 2;
  static final Duration POLL = Duration.ofMillis(50);

  /** Waits between two looks at another caller's claim; replaced in tests. */
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final Platform platform;
  private final PublishJournal journal;
  private final Clock clock;
  private final Duration inFlightTimeout;
  private final Sleeper sleeper;

  public SendOnce(Platform platform, PublishJournal journal, Clock clock, Duration inFlightTimeout, Sleeper sleeper) {
    this.platform = platform;
    this.journal = journal;
    this.clock = clock;
    this.inFlightTimeout = inFlightTimeout;
    this.sleeper = sleeper;
  }

  /**
   * Publishes {@code draft} on {@code page} unless the journal says it was published, scheduled
   * or may have been ({@code UNKNOWN}); {@code answer} goes with the send only when the journal
   * holds this very page's captcha challenge.
   *
   * @throws IllegalStateException when {@code answer} is given and no captcha with its id is
   *     pending for the page.
   */
  public PublishResult publish(PostDraft draft, PageRef page, @Nullable CaptchaAnswer answer) {
    String key = draft.idempotencyKey();
    Instant waitUntil = null;
    while (true) {
      JournalEntry entry;
      Instant now = clock.instant();
      boolean inserted;
      JournalEntry first = JournalEntry.builder().idempotencyKey(key).page(page)
          .status(JournalStatus.SENDING).firstAttemptAt(now).attempts(1).updatedAt(now).build();
      try {
        entry = journal.lookup(key, page);
        inserted = entry == null && answer == null && journal.insert(first);
      } catch (RuntimeException e) {
        return journalDown(page, e);
      }
      if (inserted) return send(first, draft, null, false);
      if (entry == null) {
        if (answer != null) throw noCaptcha(page, null);
        continue;
      }
      switch (entry.status()) {
        case PUBLISHED:
        case SCHEDULED:
        case UNKNOWN:
          if (answer != null) throw noCaptcha(page, entry);
          return Objects.requireNonNull(entry.result());
        case FAILED:
        case NOT_SENT: {
          if (answer != null) {
            Captcha captcha = entry.captcha();
            if (entry.status() != JournalStatus.FAILED || captcha == null || !captcha.sid().equals(answer.sid())) {
              throw noCaptcha(page, entry);
            }
          }
          // Nothing was posted: a fresh attempt, with a fresh deduplication window.
          JournalEntry claim = JournalEntry.builder().from(entry).status(JournalStatus.SENDING)
              .firstAttemptAt(now).attempts(1).updatedAt(now).version(entry.version() + 1)
              .postId(null).url(null).scheduledAt(null).reason(null).message(null).captcha(null).settledAt(null)
              .build();
          Boolean won = claim(entry, claim);
          if (won == null) return journalDown(page);
          if (won) return send(claim, draft, answer, false);
          continue;
        }
        case SENDING: {
          if (answer != null) throw noCaptcha(page, entry);
          if (!now.isBefore(entry.updatedAt().plus(inFlightTimeout))) {
            // Its sender stopped without an outcome: the post may or may not be there.
            JournalEntry claim = JournalEntry.builder().from(entry).updatedAt(now).version(entry.version() + 1).build();
            Boolean won = claim(entry, claim);
            if (won == null) return journalDown(page);
            if (won) return send(claim, draft, null, true);
            continue;
          }
          if (waitUntil == null) waitUntil = entry.updatedAt().plus(inFlightTimeout);
          if (!now.isBefore(waitUntil)) continue; // the timeout has passed: take over on the next look
          try {
            sleeper.sleep(POLL);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PublishResult.Unknown(page, "другой процесс публикует эту запись с " + entry.updatedAt()
                + ", ожидание прервано: результат пока неизвестен, запустите публикацию ещё раз позже");
          }
          continue;
        }
        default:
          throw new AssertionError(entry.status());
      }
    }
  }

  /**
   * Records a person's verdict on an unknown outcome (or on a claim whose sender stopped).
   *
   * @throws IllegalStateException when there is no such outcome to settle.
   */
  public JournalEntry settle(String key, PageRef page, Settlement settlement) {
    while (true) {
      JournalEntry entry = journal.lookup(key, page);
      Instant now = clock.instant();
      boolean abandoned = entry != null && entry.status() == JournalStatus.SENDING
          && !now.isBefore(entry.updatedAt().plus(inFlightTimeout));
      if (entry == null || (entry.status() != JournalStatus.UNKNOWN && !abandoned)) {
        throw new IllegalStateException(page.url() + ": нечего закрывать — результат публикации "
            + (entry == null ? "не записан (публикации не было)" : "уже известен: " + describe(entry.status())));
      }
      JournalEntry.Builder settled = JournalEntry.builder().from(entry).updatedAt(now).settledAt(now)
          .version(entry.version() + 1).reason(null).captcha(null);
      if (settlement == Settlement.SENT) {
        settled.status(JournalStatus.PUBLISHED).message("отмечено человеком как опубликованное");
      } else {
        settled.status(JournalStatus.NOT_SENT).message("отмечено человеком как не опубликованное: будет отправлено снова");
      }
      JournalEntry updated = settled.build();
      if (journal.replace(entry, updated)) return updated;
    }
  }

  private PublishResult send(JournalEntry claim, PostDraft draft, @Nullable CaptchaAnswer answer, boolean ambiguous) {
    PageRef page = claim.page();
    JournalEntry current = claim;
    int resends = 0;
    String detail = "предыдущая попытка прервалась, не получив ответа платформы";
    FailureReason reason = FailureReason.CONNECTION_LOST;
    boolean mayHaveArrived = ambiguous; // an earlier attempt of this claim may have made the post
    while (true) {
      if (!ambiguous) {
        SendRequest.Builder request = SendRequest.builder().page(page).draft(draft).captchaAnswer(answer);
        if (current.attempts() > 1) request.firstAttemptAt(current.firstAttemptAt());
        answer = null; // the answer belongs to one request
        SendResult result;
        try {
          result = platform.send(request.build());
        } catch (RuntimeException e) {
          result = new SendResult.Ambiguous(FailureReason.API_ERROR, "сбой при отправке: " + describe(e));
        }
        if (result instanceof SendResult.Sent sent) return record(current, sent);
        if (result instanceof SendResult.Refused refused) {
          JournalEntry.Builder failed = JournalEntry.builder().from(current).status(JournalStatus.FAILED)
              .reason(refused.reason()).message(refused.message()).captcha(refused.captcha());
          // This attempt made nothing, but an earlier one may have: look before calling it failed.
          return mayHaveArrived ? reconcile(current, draft, reason, detail, failed) : record(current, failed);
        }
        SendResult.Ambiguous lost = (SendResult.Ambiguous) result;
        detail = lost.detail();
        reason = lost.reason();
        mayHaveArrived = true;
      }
      ambiguous = false;
      Instant now = clock.instant();
      Duration window = platform.capabilities(page).dedupWindow();
      if (resends < MAX_RESENDS && !window.isZero() && now.isBefore(current.firstAttemptAt().plus(window))) {
        // The platform itself drops a repeat of this request: sending it again is safe.
        resends++;
        JournalEntry next = JournalEntry.builder().from(current).attempts(current.attempts() + 1)
            .updatedAt(now).version(current.version() + 1).build();
        if (!replace(current, next)) return lostClaim(page, detail);
        current = next;
        continue;
      }
      return reconcile(current, draft, reason, detail, null);
    }
  }

  /**
   * Looks for the post an ambiguous attempt may have made: found, it is the outcome; absent, the
   * outcome is {@code absent} when a later attempt was refused (its reason and captcha), else a
   * failure; when the page cannot be checked, {@code UNKNOWN}.
   */
  private PublishResult reconcile(JournalEntry current, PostDraft draft, FailureReason reason, String detail,
      JournalEntry.@Nullable Builder absent) {
    PostLookup lookup;
    try {
      lookup = platform.findExisting(current.page(), draft, current.firstAttemptAt());
    } catch (RuntimeException e) {
      lookup = new PostLookup.CannotTell("не удалось проверить страницу: " + describe(e));
    }
    if (lookup instanceof PostLookup.Found found) return record(current, found.post());
    if (lookup instanceof PostLookup.Absent) {
      if (absent != null) return record(current, absent);
      return record(current, JournalEntry.builder().from(current).status(JournalStatus.FAILED).reason(reason)
          .message("запись не опубликована: " + detail + "; на странице её нет, её можно отправить снова"));
    }
    String cannotTell = ((PostLookup.CannotTell) lookup).detail();
    return record(current, JournalEntry.builder().from(current).status(JournalStatus.UNKNOWN).reason(reason)
        .message("запись могла дойти: " + detail + "; проверить страницу не удалось (" + cannotTell
            + "). Посмотрите страницу и закройте результат: опубликовано или нет"));
  }

  private PublishResult record(JournalEntry current, SendResult.Sent sent) {
    Instant at = sent.scheduledAt();
    return record(current, JournalEntry.builder().from(current)
        .status(at != null ? JournalStatus.SCHEDULED : JournalStatus.PUBLISHED)
        .postId(sent.postId()).url(sent.url()).scheduledAt(at).reason(null).message(null).captcha(null));
  }

  private PublishResult record(JournalEntry current, JournalEntry.Builder outcome) {
    JournalEntry updated = outcome.updatedAt(clock.instant()).version(current.version() + 1).build();
    if (!replace(current, updated)) {
      // Someone took the claim over (this send outlived the in-flight timeout); they reconcile.
      LOG.log(System.Logger.Level.WARNING, "publication {0} on {1}: outcome {2} not recorded, the claim was taken over",
          current.idempotencyKey(), current.page(), updated.status());
    }
    return Objects.requireNonNull(updated.result());
  }

  /** Takes a claim over: true when won, false when another caller won, null when the journal failed. */
  @SuppressWarnings("NullableProblems")
  private @Nullable Boolean claim(JournalEntry expected, JournalEntry updated) {
    try {
      return journal.replace(expected, updated);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "publication journal failed: {0}", describe(e));
      return null;
    }
  }

  /** A replace that a failing journal answers with false: the caller then does not send. */
  private boolean replace(JournalEntry expected, JournalEntry updated) {
    try {
      return journal.replace(expected, updated);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "publication journal failed: {0}", describe(e));
      return false;
    }
  }

  private static PublishResult lostClaim(PageRef page, String detail) {
    return new PublishResult.Unknown(page, "запись могла дойти: " + detail
        + "; повторная отправка не сделана — журнал публикаций недоступен или публикацию продолжил другой процесс");
  }

  private static PublishResult journalDown(PageRef page, RuntimeException e) {
    return new PublishResult.Failed(page, FailureReason.REFUSED,
        "журнал публикаций недоступен, запись не отправлена: " + describe(e));
  }

  private static PublishResult journalDown(PageRef page) {
    return new PublishResult.Failed(page, FailureReason.REFUSED, "журнал публикаций недоступен, запись не отправлена");
  }

  private static IllegalStateException noCaptcha(PageRef page, @Nullable JournalEntry entry) {
    return new IllegalStateException(page.url() + ": для этой страницы нет капчи с таким идентификатором"
        + (entry == null ? "" : " (статус публикации: " + describe(entry.status()) + ")"));
  }

  static String describe(JournalStatus status) {
    switch (status) {
      case SENDING: return "отправляется";
      case PUBLISHED: return "опубликовано";
      case SCHEDULED: return "запланировано";
      case FAILED: return "ошибка";
      case UNKNOWN: return "неизвестно";
      case NOT_SENT: return "не опубликовано";
      default: throw new AssertionError(status);
    }
  }

  private static String describe(RuntimeException e) {
    String message = e.getMessage();
    return message != null && !message.isBlank() ? message : e.getClass().getSimpleName();
  }
}
