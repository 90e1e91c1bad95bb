/**
 * The {@code gospubliki} command-line tool (its commands, options, output and exit codes are a stable contract for scripts): {@code audit}, {@code post} and
 * {@code sandbox}. Built only on the SDK's public API; end-user messages are in Russian.
 */
@NullMarked
package ru.gospubliki.examples.cli;

import org.jspecify.annotations.NullMarked;
