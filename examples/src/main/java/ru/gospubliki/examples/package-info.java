/**
 * Small runnable examples for embedders ({@link ru.gospubliki.examples.AuditOnePage},
 * {@link ru.gospubliki.examples.AuditRegistry}, {@link ru.gospubliki.examples.CrossPostNews}) and the
 * bulk-read benchmark ({@link ru.gospubliki.examples.SandboxBenchmark}). Each runs against the
 * embedded sandbox by default, so it needs no credentials and no network.
 */
@NullMarked
package ru.gospubliki.examples;

import org.jspecify.annotations.NullMarked;
