package ru.gospubliki.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * What a platform showed about a page at one moment. Kept between audits so the next audit can
 * tell what changed (a lost mark, a renamed page). A {@code null} field means the page shows
 * nothing there; a field the platform cannot report at all is listed in {@link
 * #unavailableFields()}.
 *
 * <pre>{@code
 * ProfileSnapshot snapshot = ProfileSnapshot.builder()
 *     .page(PageRef.parse("vk:123"))
 *     .name("МБОУ СОШ № 9")
 *     .email("school9@example.ru")
 *     .mark(MarkStatus.CONFIRMED)
 *     .takenAt(Instant.now())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class ProfileSnapshot {
  ProfileSnapshot() {}

  public static Builder builder() {
    return new Builder();
  }

  /** The page, resolved to its numeric id when the platform has one. */
  public abstract PageRef page();

  public abstract @Nullable String name();

  public abstract @Nullable String screenName();

  /** Description of the organisation's activity. */
  public abstract @Nullable String description();

  public abstract @Nullable String postalAddress();

  public abstract @Nullable String email();

  /** Phones as the page shows them, not normalised. */
  public abstract List<String> phones();

  public abstract @Nullable String website();

  public abstract @Nullable String workHours();

  /** True when the page has its own (non-default) avatar; null when unknown. */
  public abstract @Nullable Boolean hasAvatar();

  /** True when a cover is enabled; null when unknown. */
  public abstract @Nullable Boolean hasCover();

  /** True for a community or group, false for a personal profile; null when unknown. */
  public abstract @Nullable Boolean isCommunity();

  @Value.Default
  public PageState state() {
    return PageState.OPEN;
  }

  public abstract @Nullable Long members();

  @Value.Default
  public MarkStatus mark() {
    return MarkStatus.UNKNOWN;
  }

  @Value.Default
  public WallAccess wall() {
    return WallAccess.UNKNOWN;
  }

  /** True when citizens may comment on posts; null when unknown. */
  public abstract @Nullable Boolean commentsOpen();

  /** Fields this platform cannot report for this page. */
  public abstract Set<ProfileField> unavailableFields();

  /** When the snapshot was taken. */
  public abstract Instant takenAt();

  /** True when {@code field} could not be read from the platform. */
  public final boolean isUnavailable(ProfileField field) {
    return unavailableFields().contains(field);
  }

  /** Builds {@link ProfileSnapshot} values. */
  public static final class Builder extends ImmutableProfileSnapshot.Builder {
    Builder() {}
  }
}
