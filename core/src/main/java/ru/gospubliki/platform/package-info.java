/**
 * The platform SPI: what a platform adapter (VK, OK, or an embedder's own) implements so the audit
 * can read pages in bulk and drafts can be published with a definite result.
 */
@NullMarked
@GospublikiStyle
package ru.gospubliki.platform;

import org.jspecify.annotations.NullMarked;
import ru.gospubliki.internal.GospublikiStyle;
