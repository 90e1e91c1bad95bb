/**
 * The OK (Одноклассники) adapter: {@link ru.gospubliki.ok.OkPlatform} reads group profiles and
 * topics for the audit and publishes topics on behalf of a group, through the OK REST API.
 */
@NullMarked
package ru.gospubliki.ok;

import org.jspecify.annotations.NullMarked;
