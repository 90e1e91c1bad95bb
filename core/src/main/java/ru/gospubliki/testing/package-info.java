/** Test doubles for embedders: a whole platform in memory, with failures on demand. */
@NullMarked
package ru.gospubliki.testing;

import org.jspecify.annotations.NullMarked;
