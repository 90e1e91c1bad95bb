/** Reading registry CSV files: encoding and delimiter detection, columns, rows. Not a public API. */
@NullMarked
package ru.gospubliki.internal.registry;

import org.jspecify.annotations.NullMarked;
