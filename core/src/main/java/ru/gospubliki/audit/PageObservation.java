package ru.gospubliki.audit;

import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.PostHistory;

/**
 * What was read about one page for an audit: its profile (or why it could not be read), its recent
 * posts (or why not), and the previous audit's snapshot.
 *
 * <pre>{@code
 * PageObservation observation = PageObservation.builder()
 *     .page(snapshot.page())
 *     .profile(FetchResult.success(snapshot))
 *     .posts(FetchResult.success(PostHistory.of(posts)))
 *     .build();
 * PageAudit audit = auditor.auditPage(observation, organization);
 * }</pre>
 */
@Value.Immutable
public abstract class PageObservation {
  PageObservation() {}

  public static Builder builder() {
    return new Builder();
  }

  /** The page as the registry refers to it. */
  public abstract PageRef page();

  public abstract FetchResult<ProfileSnapshot> profile();

  /** Recent posts; null when they were not requested. */
  public abstract @Nullable FetchResult<PostHistory> posts();

  /** The page's last snapshot from earlier audits, with its last known mark; null on a first audit. */
  public abstract @Nullable ProfileSnapshot previous();

  /** When earlier audits last saw the «Госорганизация» mark on the page; null if never. */
  public abstract java.time.@Nullable Instant markLastSeen();

  /** Builds {@link PageObservation} values. */
  public static final class Builder extends ImmutablePageObservation.Builder {
    Builder() {}
  }
}
