/**
 * An embedded sandbox: in-process fake VK and OK APIs on 127.0.0.1 with bundled sample data, so
 * the SDK and the {@code gospubliki} tool can be tried and tested with no credentials and no
 * network.
 */
@NullMarked
package ru.gospubliki.examples.sandbox;

import org.jspecify.annotations.NullMarked;
