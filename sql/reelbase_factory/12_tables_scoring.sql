-- factory, part 3 of 3: scoring configs, A/B tests and the audit log (seed 001, "cf_scoring_config",
-- "cf_ab_tests", "Security").
--
-- cf_scoring_config: one active config at a time (idx_scoring_active is unique, 13_indexes.sql)
-- and weights a JSON object of known metrics summing to 1 (factory.check_scoring_weights,
-- 21_integrity.sql). Configs are shared by every owner and written by administrators.
-- cf_ab_tests carries the dossier whose published content its variants compare (the seed has
-- none; its rows follow the dossier's owner). cf_audit_log is the seed's, written only by
-- factory.audit_row (22_audit.sql), with owner_id added so each owner reads its own trail.

CREATE TABLE factory.cf_scoring_config (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  name text NOT NULL,
  weights jsonb NOT NULL,
  min_views_threshold integer DEFAULT 1000,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz DEFAULT pg_catalog.now(),
  CONSTRAINT cf_scoring_config_min_views_threshold_check CHECK (min_views_threshold >= 0)
);
SELECT pg_catalog.pg_extension_config_dump('factory.cf_scoring_config', '');
COMMENT ON TABLE factory.cf_scoring_config IS
  'Weights for picking winners, e.g. {"engagement": 0.4, "ctr": 0.3, "conversions": 0.3}: known metrics (engagement, ctr, conversions) to finite non-negative numbers summing to 1 within 1e-9. At most one config is active; switch by deactivating the old one first (same transaction).';
COMMENT ON COLUMN factory.cf_scoring_config.min_views_threshold IS 'Minimum total views for content to be scored.';
COMMENT ON COLUMN factory.cf_scoring_config.active IS 'At most one row is true (idx_scoring_active).';

CREATE TABLE factory.cf_ab_tests (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  -- Not in the seed: the dossier whose published content the variants compare.
  dossier_id uuid NOT NULL REFERENCES factory.cf_product_dossiers (id) ON DELETE CASCADE,
  name text NOT NULL,
  variants jsonb[] NOT NULL,
  status text NOT NULL DEFAULT 'draft',
  winner_id uuid REFERENCES factory.cf_published_content (id),
  confidence numeric(3,2),
  created_at timestamptz DEFAULT pg_catalog.now(),
  started_at timestamptz,
  completed_at timestamptz,
  CONSTRAINT cf_ab_tests_status_check CHECK (status IN ('draft', 'running', 'completed', 'cancelled')),
  CONSTRAINT cf_ab_tests_confidence_check CHECK (confidence BETWEEN 0 AND 1)
);
SELECT pg_catalog.pg_extension_config_dump('factory.cf_ab_tests', '');
COMMENT ON TABLE factory.cf_ab_tests IS
  'A/B tests between published content variants of one dossier: variants are objects {"label", "assembled_content_id", "published_content_id", "budget"}; winner_id and confidence (0.90 = 90%) once decided. Every change is audited.';
COMMENT ON COLUMN factory.cf_ab_tests.dossier_id IS 'The dossier whose published content the variants compare (its owner owns the test).';

CREATE TABLE factory.cf_audit_log (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  table_name text NOT NULL,
  record_id uuid NOT NULL,
  action text NOT NULL,
  old_data jsonb,
  new_data jsonb,
  user_id uuid,
  created_at timestamptz NOT NULL DEFAULT pg_catalog.statement_timestamp(),
  -- Not in the seed: the owner of the audited row's dossier (NULL for scoring configs), so an
  -- owner reads the trail of its dossiers and tests, deleted ones included.
  owner_id uuid,
  CONSTRAINT cf_audit_log_action_check CHECK (action IN ('INSERT', 'UPDATE', 'DELETE'))
);
SELECT pg_catalog.pg_extension_config_dump('factory.cf_audit_log', '');
COMMENT ON TABLE factory.cf_audit_log IS
  'Append-only audit trail of dossiers, scoring configs and A/B tests: one row per changed row (factory.audit_row), in the change''s transaction. Only the owner of the table may update, delete or truncate it.';
COMMENT ON COLUMN factory.cf_audit_log.table_name IS 'cf_product_dossiers, cf_scoring_config or cf_ab_tests.';
COMMENT ON COLUMN factory.cf_audit_log.record_id IS 'The id of the changed row.';
COMMENT ON COLUMN factory.cf_audit_log.action IS 'INSERT, UPDATE or DELETE.';
COMMENT ON COLUMN factory.cf_audit_log.old_data IS 'The row before the change (NULL for an INSERT).';
COMMENT ON COLUMN factory.cf_audit_log.new_data IS 'The row after the change (NULL for a DELETE).';
COMMENT ON COLUMN factory.cf_audit_log.user_id IS 'The identity (reelbase.current_user_id()) that made the change, NULL without one.';
COMMENT ON COLUMN factory.cf_audit_log.created_at IS 'The changing statement''s start (statement_timestamp()).';
COMMENT ON COLUMN factory.cf_audit_log.owner_id IS 'The owner of the changed row''s dossier when it changed; NULL for scoring configs.';
