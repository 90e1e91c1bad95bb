package ru.gospubliki.publish;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.internal.publish.SendOnce;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.CaptchaAnswer;
import ru.gospubliki.platform.Operation;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.platform.PublishResult;
import ru.gospubliki.rules.Policy;
import ru.gospubliki.rules.Severity;

/**
 * Publishes one draft to many official pages (a news item to the VK and OK pages of every school,
 * say) with one definite result per page.
 *
 * <p>The draft is validated for every target first; if any target would refuse it, nothing is
 * sent anywhere. Each target is then published at most once, whatever fails, across runs,
 * restarts and processes that share the {@link PublishJournal}: the page is claimed in the journal
 * before the send and the outcome recorded after it. A target whose publication of the same draft
 * ({@link PostDraft#idempotencyKey()}) was published, scheduled or ended {@code UNKNOWN} is never
 * sent again: its recorded result is returned instead. An answer lost on the way back is sent
 * again only within the platform's own deduplication window ({@link
 * ru.gospubliki.platform.Capabilities#dedupWindow()}); otherwise the page is searched for the post,
 * and when that cannot tell either the outcome is {@code UNKNOWN} until a person {@linkplain
 * #settle settles} it.
 *
 * <pre>{@code
 * CrossPoster poster = CrossPoster.builder().addPlatform(vk).addPlatform(ok).build();
 * CrossPostResult result = poster.post(draft, List.of(
 *     PageRef.parse("https://vk.com/club123"), PageRef.parse("https://ok.ru/group/5335")));
 * for (PublishResult target : result.results()) System.out.println(target);
 * }</pre>
 */
public final class CrossPoster {
  static final int DEFAULT_IN_FLIGHT_TIMEOUT_MINUTES = 2;
  static final Duration DEFAULT_IN_FLIGHT_TIMEOUT = Duration.ofMinutes(DEFAULT_IN_FLIGHT_TIMEOUT_MINUTES);
  private final Map<PlatformId, Platform> platforms;
  private final DraftValidator validator;
  private final PublishJournal journal;
  private final Map<PlatformId, SendOnce> senders;
  private final SendOnce settler;
  private final boolean textOnlyFallback;

  CrossPoster(Builder builder) {
    this.platforms = Map.copyOf(builder.platforms);
    Policy policy = builder.policy != null ? builder.policy : Policy.federal();
    this.validator = new DraftValidator(policy, builder.clock);
    this.journal = builder.journal;
    Map<PlatformId, SendOnce> senders = new LinkedHashMap<>();
    for (Platform platform : platforms.values()) {
      senders.put(platform.id(), new SendOnce(platform, journal, builder.clock, builder.inFlightTimeout, builder.sleeper));
    }
    this.senders = Map.copyOf(senders);
    this.settler = senders.values().iterator().next();
    this.textOnlyFallback = builder.textOnlyFallback;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Validates {@code draft} for every target, then publishes it to each target not yet done. */
  public CrossPostResult post(PostDraft draft, List<PageRef> targets) {
    return post(draft, targets, null, null, result -> {});
  }

  /**
   * As {@link #post(PostDraft, List)}, and hands each target's result to {@code onResult} as soon
   * as it is known and recorded in the journal, in target order. A caller that reports progress
   * this way leaves a trace of every target already done even if the process dies before the end.
   *
   * <pre>{@code
   * poster.post(draft, targets, result -> System.out.println(result.page().url() + " " + result.status()));
   * }</pre>
   *
   * <p>An exception thrown by {@code onResult} ends the call; the targets done so far stay recorded.
   */
  public CrossPostResult post(PostDraft draft, List<PageRef> targets, Consumer<? super PublishResult> onResult) {
    Objects.requireNonNull(onResult, "onResult");
    return post(draft, targets, null, null, onResult);
  }

  /**
   * Publishes {@code draft} again on the one {@code page} whose platform refused it until a person
   * solved a captcha, with the person's {@code answer}; the answer goes with that request only.
   *
   * <pre>{@code
   * PublishResult.Failed failed = ...; // failed.captcha() != null
   * PublishResult retried = poster.postWithCaptchaAnswer(draft, failed.page(), failed.captcha().answer("x7k2"));
   * }</pre>
   *
   * @throws IllegalStateException when no captcha with the answer's id is pending for the page.
   */
  public PublishResult postWithCaptchaAnswer(PostDraft draft, PageRef page, CaptchaAnswer answer) {
    Objects.requireNonNull(answer, "answer");
    return post(draft, List.of(page), page, answer, result -> {}).results().get(0);
  }

  /**
   * Closes the {@code UNKNOWN} outcome of draft {@code idempotencyKey} on {@code page} after a
   * person has looked at the page: {@link Settlement#SENT} records it as published (nothing is
   * sent), {@link Settlement#NOT_SENT} lets the next {@link #post} send it. A claim whose sender
   * stopped mid-send may be settled too.
   *
   * @return the entry as now recorded.
   * @throws IllegalStateException (Russian message) when the page has no unknown outcome to close.
   */
  public JournalEntry settle(String idempotencyKey, PageRef page, Settlement settlement) {
    Objects.requireNonNull(settlement, "settlement");
    return settler.settle(idempotencyKey, page, settlement);
  }

  /**
   * Every problem of {@code draft} for {@code targets}, blocking or not, without sending anything:
   * what {@link #post} checks first (a platform not added, an operation the credentials do not
   * allow, the draft rules against each target platform's limits). A service checks a request
   * with it before accepting it, and a tool's dry run shows it.
   *
   * <pre>{@code
   * List<DraftProblem> problems = poster.validate(draft, targets);
   * if (problems.stream().anyMatch(DraftProblem::blocking)) return unprocessable(problems); // nothing sent
   * }</pre>
   */
  public List<DraftProblem> validate(PostDraft draft, List<PageRef> targets) {
    return plan(draft, targets).problems;
  }

  /** The draft's problems, and the targets that get it without its photos (text-only fallback). */
  private static final class Plan {
    final List<DraftProblem> problems = new ArrayList<>();
    final Set<PageRef> withoutPhotos = new LinkedHashSet<>();
  }

  private Plan plan(PostDraft draft, List<PageRef> targets) {
    if (targets.isEmpty()) throw new IllegalArgumentException("no targets");
    Plan plan = new Plan();
    Map<PageRef, Capabilities> capabilities = new LinkedHashMap<>();
    Map<PlatformId, List<PageRef>> dropped = new LinkedHashMap<>();
    Map<PlatformId, String> droppedBecause = new LinkedHashMap<>();
    for (PageRef target : new LinkedHashSet<>(targets)) {
      Platform platform = platforms.get(target.platform());
      if (platform == null) {
        plan.problems.add(problem(target.platform(), "DRAFT_PLATFORM",
            "платформа " + target.platform() + " не подключена: нельзя опубликовать на " + target.url()));
        continue;
      }
      Capabilities can = platform.capabilities(target);
      if (textOnlyFallback && !draft.photos().isEmpty() && !can.allows(Operation.UPLOAD_PHOTOS)
          && can.allows(Operation.PUBLISH)) {
        // The photos stay off this page: checked as if they could go, so the rest of the draft is.
        plan.withoutPhotos.add(target);
        dropped.computeIfAbsent(target.platform(), p -> new ArrayList<>()).add(target);
        String because = can.unavailableBecause().get(Operation.UPLOAD_PHOTOS);
        if (because != null) droppedBecause.putIfAbsent(target.platform(), because);
        Map<Operation, String> reasons = new LinkedHashMap<>(can.unavailableBecause());
        reasons.remove(Operation.UPLOAD_PHOTOS);
        can = Capabilities.builder().from(can).addOperations(Operation.UPLOAD_PHOTOS).unavailableBecause(reasons).build();
      }
      capabilities.put(target, can);
    }
    boolean empty = draft.text().isBlank() && draft.hashtags().isEmpty() && draft.link() == null;
    for (Map.Entry<PlatformId, List<PageRef>> entry : dropped.entrySet()) {
      String because = droppedBecause.get(entry.getKey());
      DraftProblem.Builder notice = DraftProblem.builder().rule("DRAFT_CREDENTIALS").platform(entry.getKey())
          .pages(entry.getValue());
      if (empty) {
        plan.problems.add(notice.severity(Severity.VIOLATION).message("ключ доступа этих страниц не позволяет "
            + "загружать фото, а без фото запись пуста" + (because == null ? "" : ": " + because)).build());
      } else {
        plan.problems.add(notice.severity(Severity.WARNING).message("запись будет опубликована без фото "
            + "(публикация без фото разрешена): ключ доступа этих страниц не позволяет загружать фото"
            + (because == null ? "" : " — " + because)).build());
      }
    }
    plan.problems.addAll(validator.validate(draft, capabilities));
    return plan;
  }

  /** {@code draft} without its photos, under the same idempotency key: the same publication. */
  private static PostDraft withoutPhotos(PostDraft draft) {
    return PostDraft.builder().from(draft).photos(List.of()).idempotencyKey(draft.idempotencyKey()).build();
  }

  /** The journal this poster records in, e.g. to read every page's result of one draft. */
  public PublishJournal journal() {
    return journal;
  }

  /**
   * The one publishing path: validates for every target, then sends to each target once through
   * its platform's {@link SendOnce}, the captcha {@code answer} going only to {@code challenged}.
   */
  private CrossPostResult post(PostDraft draft, List<PageRef> targets, @Nullable PageRef challenged,
      @Nullable CaptchaAnswer answer, Consumer<? super PublishResult> onResult) {
    if (targets.isEmpty()) throw new IllegalArgumentException("no targets");
    Set<PageRef> unique = new LinkedHashSet<>(targets);
    Plan plan = plan(draft, targets);
    List<DraftProblem> problems = plan.problems;
    PostDraft textOnly = plan.withoutPhotos.isEmpty() ? draft : withoutPhotos(draft);

    List<String> blocking = new ArrayList<>();
    for (DraftProblem problem : problems) {
      if (problem.blocking()) blocking.add(problem.toString());
    }
    List<PublishResult> results = new ArrayList<>(unique.size());
    for (PageRef target : unique) {
      PublishResult result;
      if (blocking.isEmpty()) {
        SendOnce sender = Objects.requireNonNull(senders.get(target.platform()));
        PostDraft sent = plan.withoutPhotos.contains(target) ? textOnly : draft;
        result = sender.publish(sent, target, target.equals(challenged) ? answer : null);
      } else {
        result = new PublishResult.Rejected(target, blocking);
      }
      results.add(result);
      onResult.accept(result);
    }
    return new CrossPostResult.Builder().results(results).problems(problems).build();
  }

  private static DraftProblem problem(PlatformId platform, String rule, String message) {
    return DraftProblem.builder().rule(rule).platform(platform).severity(Severity.VIOLATION).message(message).build();
  }

  /** Builds a {@link CrossPoster}. */
  public static final class Builder {
    private final Map<PlatformId, Platform> platforms = new LinkedHashMap<>();
    private @Nullable Policy policy;
    private Clock clock = Clock.systemUTC();
    private PublishJournal journal = PublishJournal.inMemory();
    private Duration inFlightTimeout = DEFAULT_IN_FLIGHT_TIMEOUT;
    private SendOnce.Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
    private boolean textOnlyFallback;

    Builder() {}

    /**
     * With {@code true}, a draft with photos goes without them to a page whose credential cannot
     * upload photos but may publish (a VK community's own key), instead of being refused for every
     * target; {@link CrossPostResult#problems()} then holds a non-blocking {@code DRAFT_CREDENTIALS}
     * problem naming those pages. Off by default: a person asks for it knowingly. The page's
     * publication keeps the draft's idempotency key, so it is never sent twice, with or without photos.
     *
     * <pre>{@code
     * CrossPoster poster = CrossPoster.builder().addPlatform(vk).textOnlyFallback(true).build();
     * }</pre>
     */
    public Builder textOnlyFallback(boolean textOnlyFallback) {
      this.textOnlyFallback = textOnlyFallback;
      return this;
    }

    public Builder addPlatform(Platform platform) {
      if (platforms.putIfAbsent(platform.id(), platform) != null) {
        throw new IllegalArgumentException("platform already added: " + platform.id());
      }
      return this;
    }

    public Builder policy(Policy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Where publications are claimed and their results remembered; in this process's memory by
     * default. Give a shared one ({@code JdbcStore.journal()}) so that runs, restarts and other
     * processes never post the same draft twice.
     */
    public Builder journal(PublishJournal journal) {
      this.journal = Objects.requireNonNull(journal, "journal");
      return this;
    }

    /**
     * How long a claimed publication may stay without an outcome before it is taken for a sender
     * that stopped mid-send (and reconciled); two minutes by
     * default. Make it longer than one send may take, uploads and the adapter's retries included.
     * A second process publishing the same draft waits up to this long for the first one's outcome.
     */
    public Builder inFlightTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("inFlightTimeout <= 0: " + timeout);
      this.inFlightTimeout = timeout;
      return this;
    }

    Builder sleeper(SendOnce.Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    public CrossPoster build() {
      if (platforms.isEmpty()) throw new IllegalStateException("no platform added");
      return new CrossPoster(this);
    }
  }
}
