package ru.gospubliki.audit;

/**
 * What an audit covered: a whole registry (the district's weekly audit, which an {@link
 * AuditHistory} keeps and {@link AuditChanges} compares), or a list of pages (a spot check, which
 * updates what is known of those pages but is no audit of the district: compared with the
 * registry's last run it would report every other organisation as removed).
 */
public enum AuditScope {
  /** {@link Auditor#auditRegistry}: every organisation of a registry. */
  REGISTRY,
  /** {@link Auditor#auditPages}: the pages given, each on its own. */
  PAGES
}
