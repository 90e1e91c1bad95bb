/** Registries of institutions: reading the CSV a region keeps into organisations and rejected rows. */
@NullMarked
@GospublikiStyle
package ru.gospubliki.registry;

import org.jspecify.annotations.NullMarked;
import ru.gospubliki.internal.GospublikiStyle;
