/** Built-in rule implementations and the catalogue data loader. Not a public API. */
@NullMarked
package ru.gospubliki.internal.rules;

import org.jspecify.annotations.NullMarked;
