/**
 * Small runnable examples for embedders ({@code AuditOnePage},
 * {@code AuditRegistry}, {@code CrossPostNews}) and the
 * sandbox benchmark ({@code SandboxBenchmark}). Each runs against the
 * embedded sandbox by default, so it needs no credentials and no network.
 */
@NullMarked
package ru.gospubliki.examples;

import org.jspecify.annotations.NullMarked;
