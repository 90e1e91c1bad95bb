/**
 * {@code gospubliki serve}: the SDK as a small HTTP service for systems that cannot load a Java
 * library (PHP CMS plugins, the Госвеб site builder) and a Russian dashboard for ЦУР staff. The
 * JSON API under {@code /api/v1} (described by {@code /api/v1/openapi.json}) audits, reports,
 * compares audits and posts with idempotency keys; the dashboard at {@code /} shows a district's
 * «подключено X из Y», its trend, what to fix and what changed, and exports it to XLSX.
 * Everything is served by the tool itself: no CDN, no external fonts or scripts.
 */
@NullMarked
package ru.gospubliki.examples.serve;

import org.jspecify.annotations.NullMarked;
