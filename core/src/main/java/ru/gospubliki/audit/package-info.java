/**
 * Audits pages and whole registries against a {@link ru.gospubliki.rules.Policy} and produces the
 * {@link ru.gospubliki.audit.ComplianceReport}: per page status, findings and score, per
 * organisation findings, and the per-district summary a ЦУР publishes.
 */
@NullMarked
@GospublikiStyle
package ru.gospubliki.audit;

import org.jspecify.annotations.NullMarked;
import ru.gospubliki.internal.GospublikiStyle;
