/**
 * Test doubles for embedders: a whole platform in memory, with failures on demand, and a clock
 * moved by hand.
 */
@NullMarked
package ru.gospubliki.testing;

import org.jspecify.annotations.NullMarked;
