package ru.gospubliki.platform;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.PlatformId;

/**
 * A platform's limits on posts and the operations its configured credentials allow. Drafts are
 * checked against these before any network call, so a post the platform would refuse is refused
 * here, with every problem at once.
 */
@Value.Immutable
public abstract class Capabilities {
  Capabilities() {}

  public static Builder builder() {
    return new Builder();
  }

  public abstract PlatformId platform();

  /** Operations the configured credentials allow. */
  public abstract Set<Operation> operations();

  /**
   * The credential these capabilities rest on, as an operator names it (Russian: «ключ
   * пользователя», «ключ сообщества», «бот»); null when the platform has one kind only.
   */
  public abstract @Nullable String credential();

  /**
   * Why each operation that is not {@linkplain #operations() allowed} is not, and what to do
   * (Russian), e.g. for photos with a VK community key: «загрузка фото на стену требует ключа
   * пользователя...». Operations not listed here and not allowed have no particular reason.
   */
  public abstract Map<Operation, String> unavailableBecause();

  /**
   * How long the platform itself deduplicates a repeated send of the same publication (VK's
   * {@code guid}: one hour); {@link Duration#ZERO} when it does not. Within it a send whose answer
   * was lost may simply be repeated; after it the page is checked first.
   */
  @Value.Default
  public Duration dedupWindow() {
    return Duration.ZERO;
  }

  /** Longest post text in characters. */
  public abstract int maxTextLength();

  /** Most photos and videos per post. */
  public abstract int maxMedia();

  /** Most link attachments per post. */
  @Value.Default
  public int maxLinks() {
    return 1;
  }

  /** Largest photo in bytes. */
  public abstract long maxPhotoBytes();

  /** Accepted photo media types, e.g. {@code image/jpeg}. */
  public abstract Set<String> photoMediaTypes();

  /** Largest width + height in pixels; null when the platform sets none. */
  public abstract @Nullable Integer maxPhotoDimensionSum();

  /** Largest ratio of the long side to the short side (20 for 1:20); null when none is set. */
  public abstract @Nullable Double maxPhotoAspectRatio();

  public final boolean allows(Operation operation) {
    return operations().contains(operation);
  }

  /** Builds {@link Capabilities} values. */
  public static final class Builder extends ImmutableCapabilities.Builder {
    Builder() {}
  }
}
