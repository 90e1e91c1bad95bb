/**
 * Renders a {@link ru.gospubliki.audit.ComplianceReport} for people and other systems: the JSON of
 * schema {@code gospubliki.audit/1} ({@link ru.gospubliki.report.JsonReportWriter}) and the CSV a ЦУР
 * opens in Excel ({@link ru.gospubliki.report.CsvReportWriter}).
 */
@NullMarked
package ru.gospubliki.report;

import org.jspecify.annotations.NullMarked;
