-- Gospubliki SDK store, schema version 3, for PostgreSQL: what an audit reports since the audit-fidelity
-- release, kept with each recorded run so that a run reads back as it was reported.
-- JdbcStore applies it after V2 by itself; with Flyway or Liquibase apply it after V2__gospubliki_publish_request.sql.

-- Each page: the platform's numeric id a screen name resolved to, how many rules its score rests on,
-- and the engagement rate measured.
ALTER TABLE gp_audit_page ADD COLUMN IF NOT EXISTS resolved_id VARCHAR(64);
ALTER TABLE gp_audit_page ADD COLUMN IF NOT EXISTS score_rules INTEGER;
ALTER TABLE gp_audit_page ADD COLUMN IF NOT EXISTS engagement_rate DOUBLE PRECISION;

-- Each run: the registry's warnings (the first thousand, as JSON) and how many rows and warnings there were.
ALTER TABLE gp_audit_run ADD COLUMN IF NOT EXISTS warnings TEXT;
ALTER TABLE gp_audit_run ADD COLUMN IF NOT EXISTS rejected_row_count BIGINT;
ALTER TABLE gp_audit_run ADD COLUMN IF NOT EXISTS warning_count BIGINT;
