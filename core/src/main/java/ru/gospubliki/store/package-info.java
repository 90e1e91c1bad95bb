/**
 * Memory between runs: what earlier audits knew of each page, the audits themselves, and the
 * publish journal, in the embedder's database ({@link ru.gospubliki.store.JdbcStore}, H2 or
 * PostgreSQL, over any {@link javax.sql.DataSource}).
 */
@NullMarked
@GospublikiStyle
package ru.gospubliki.store;

import org.jspecify.annotations.NullMarked;
import ru.gospubliki.internal.GospublikiStyle;
