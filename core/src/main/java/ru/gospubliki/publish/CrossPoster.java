package ru.gospubliki.publish;

import java.time.Clock;
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
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.Operation;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.platform.PlatformException;
import ru.gospubliki.platform.PublishResult;
import ru.gospubliki.rules.Policy;
import ru.gospubliki.rules.Severity;

/**
 * Publishes one draft to many official pages (a news item to the VK and OK pages of every school,
 * say) with one definite result per page.
 *
 * <p>The draft is validated for every target first; if any target would refuse it, nothing is
 * sent anywhere. A target whose earlier publication of the same draft was published, scheduled or
 * ended {@code UNKNOWN} is never sent again: its recorded result is returned instead.
 *
 * <pre>{@code
 * CrossPoster poster = CrossPoster.builder().addPlatform(vk).addPlatform(ok).build();
 * CrossPostResult result = poster.post(draft, List.of(
 *     PageRef.parse("https://vk.com/club123"), PageRef.parse("https://ok.ru/group/5335")));
 * for (PublishResult target : result.results()) System.out.println(target);
 * }</pre>
 */
public final class CrossPoster {
  private final Map<PlatformId, Platform> platforms;
  private final DraftValidator validator;
  private final PublishJournal journal;

  CrossPoster(Builder builder) {
    this.platforms = Map.copyOf(builder.platforms);
    Policy policy = builder.policy != null ? builder.policy : Policy.federal();
    this.validator = new DraftValidator(policy, builder.clock);
    this.journal = builder.journal;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Validates {@code draft} for every target, then publishes it to each target not yet done. */
  public CrossPostResult post(PostDraft draft, List<PageRef> targets) {
    return post(draft, targets, result -> {});
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
    if (targets.isEmpty()) throw new IllegalArgumentException("no targets");
    Set<PageRef> unique = new LinkedHashSet<>(targets);
    List<DraftProblem> problems = new ArrayList<>();
    Map<PlatformId, Capabilities> capabilities = new LinkedHashMap<>();
    for (PageRef target : unique) {
      Platform platform = platforms.get(target.platform());
      if (platform == null) {
        problems.add(problem(target.platform(), "DRAFT_PLATFORM",
            "платформа " + target.platform() + " не подключена: нельзя опубликовать на " + target.url()));
        continue;
      }
      capabilities.computeIfAbsent(target.platform(), p -> platform.capabilities());
    }
    for (Capabilities platform : capabilities.values()) {
      String missing = missingOperation(platform, draft);
      if (missing != null) problems.add(problem(platform.platform(), "DRAFT_CREDENTIALS", missing));
    }
    problems.addAll(validator.validate(draft, capabilities.values()));

    List<String> blocking = new ArrayList<>();
    for (DraftProblem problem : problems) {
      if (problem.blocking()) blocking.add(problem.toString());
    }
    List<PublishResult> results = new ArrayList<>(unique.size());
    for (PageRef target : unique) {
      PublishResult result =
          blocking.isEmpty() ? publishOnce(draft, target) : new PublishResult.Rejected(target, blocking);
      results.add(result);
      onResult.accept(result);
    }
    return new CrossPostResult.Builder().results(results).problems(problems).build();
  }

  private PublishResult publishOnce(PostDraft draft, PageRef target) {
    PublishResult previous = journal.lookup(draft.idempotencyKey(), target);
    if (previous instanceof PublishResult.Published
        || previous instanceof PublishResult.Scheduled
        || previous instanceof PublishResult.Unknown) {
      return previous;
    }
    Platform platform = Objects.requireNonNull(platforms.get(target.platform()));
    PublishResult result;
    try {
      result = platform.publish(target, draft);
    } catch (PlatformException e) {
      // The platform answered with a refusal (a captcha, a lost session): nothing was posted, and
      // the adapter's own guid or reconciliation still guards a later attempt.
      result = new PublishResult.Failed(target, e.reason(), describe(e));
    } catch (RuntimeException e) {
      // The adapter broke mid-call: the post may or may not be there.
      result = new PublishResult.Unknown(target, "сбой при публикации: " + describe(e));
    }
    journal.record(draft.idempotencyKey(), result);
    return result;
  }

  private static String describe(RuntimeException e) {
    String message = e.getMessage();
    return message != null && !message.isBlank() ? message : e.getClass().getSimpleName();
  }

  private static @Nullable String missingOperation(Capabilities capabilities, PostDraft draft) {
    if (!capabilities.allows(Operation.PUBLISH)) {
      return "нет прав на публикацию: нужен ключ доступа администратора сообщества с правом публикации";
    }
    if (!draft.photos().isEmpty() && !capabilities.allows(Operation.UPLOAD_PHOTOS)) {
      return "нет прав на загрузку фото: нужен ключ доступа с правом на фотографии";
    }
    if (draft.scheduledAt() != null && !capabilities.allows(Operation.SCHEDULE)) {
      return "платформа не поддерживает отложенные публикации с этими ключами доступа";
    }
    return null;
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

    Builder() {}

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

    /** Where results are remembered between calls; in memory by default. */
    public Builder journal(PublishJournal journal) {
      this.journal = Objects.requireNonNull(journal, "journal");
      return this;
    }

    public CrossPoster build() {
      if (platforms.isEmpty()) throw new IllegalStateException("no platform added");
      return new CrossPoster(this);
    }
  }
}
