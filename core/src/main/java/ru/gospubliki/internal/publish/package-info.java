/** The SDK's send-once publishing: journal claims, resends within a platform's window, reconciliation. */
@NullMarked
@GospublikiStyle
package ru.gospubliki.internal.publish;

import org.jspecify.annotations.NullMarked;
import ru.gospubliki.internal.GospublikiStyle;
