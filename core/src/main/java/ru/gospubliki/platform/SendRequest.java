package ru.gospubliki.platform;

import java.time.Instant;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PostDraft;

/**
 * One attempt to send a draft to one page, as the SDK's send-once publishing makes it. The
 * platform adapter only sends: the journal, the decision to send again and the reconciliation
 * after an ambiguous failure are the core's.
 *
 * <pre>{@code
 * SendResult result = platform.send(SendRequest.builder().page(page).draft(draft).build());
 * }</pre>
 */
@Value.Immutable
public abstract class SendRequest {
  SendRequest() {}

  public static Builder builder() {
    return new Builder();
  }

  /** The page, resolved to its numeric id when the platform has one. */
  public abstract PageRef page();

  public abstract PostDraft draft();

  /**
   * When the first attempt of this publication was sent, or null for the first attempt. A
   * platform that deduplicates repeated requests (VK's {@code guid}) sends the same token every
   * time; see {@link Capabilities#dedupWindow()}.
   */
  public abstract @Nullable Instant firstAttemptAt();

  /** The person's answer to the captcha this very publication was challenged with, if any. */
  public abstract @Nullable CaptchaAnswer captchaAnswer();

  /** Builds {@link SendRequest} values. */
  public static final class Builder extends ImmutableSendRequest.Builder {
    Builder() {}
  }
}
