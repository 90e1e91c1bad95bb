/**
 * The platform-neutral model of official pages: organisations, page references, profile snapshots,
 * posts and post drafts. Values are immutable and built with builders that validate eagerly.
 */
@NullMarked
@GospublikiStyle
package ru.gospubliki.model;

import org.jspecify.annotations.NullMarked;
import ru.gospubliki.internal.GospublikiStyle;
