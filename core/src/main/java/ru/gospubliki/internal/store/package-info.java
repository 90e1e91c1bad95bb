/** The JDBC store: SQL per database, schema migration, JSON forms of stored values. */
@NullMarked
@GospublikiStyle
package ru.gospubliki.internal.store;

import org.jspecify.annotations.NullMarked;
import ru.gospubliki.internal.GospublikiStyle;
