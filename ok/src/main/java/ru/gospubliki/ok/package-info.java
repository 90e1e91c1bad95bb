/**
 * The OK (Одноклассники) adapter: {@link ru.gospubliki.ok.OkPlatform} reads group profiles and
 * topics for the audit and publishes, edits and deletes topics on behalf of a group, through the OK
 * REST API; {@link ru.gospubliki.ok.OkApiException} is the one exception for OK's errors. The
 * implementation is in {@code ru.gospubliki.ok.internal}.
 */
@NullMarked
package ru.gospubliki.ok;

import org.jspecify.annotations.NullMarked;
