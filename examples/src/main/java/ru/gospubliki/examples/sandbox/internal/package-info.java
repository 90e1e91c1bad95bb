/**
 * Implementation of the embedded sandbox: the fake VK and OK dispatchers, their in-memory state and
 * the sample and synthetic data. Not a public API: may change in any release.
 */
@NullMarked
package ru.gospubliki.examples.sandbox.internal;

import org.jspecify.annotations.NullMarked;
