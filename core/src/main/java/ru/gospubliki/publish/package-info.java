/**
 * Publishing drafts to official pages: validation against the {@code DRAFT_*} rules and each
 * platform's limits before anything is sent, and cross-posting with one definite result per page.
 */
@NullMarked
@GospublikiStyle
package ru.gospubliki.publish;

import org.jspecify.annotations.NullMarked;
import ru.gospubliki.internal.GospublikiStyle;
