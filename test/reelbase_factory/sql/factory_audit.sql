-- The audit log: one row per inserted, updated or deleted dossier, scoring config and A/B
-- test, with the old and new rows as jsonb, the operation, the current identity and the
-- statement's time; a row made from a dossier is not audited. Append-only for every role but
-- the table's owner, whatever it is granted.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixture :abs_srcdir '/sql/fixtures/factory.sql'
\i :fixture
\set VERBOSITY terse
\set ON_ERROR_ROLLBACK on

-- The fixture's inserts, made without an identity.
SELECT table_name, record_id, action, old_data IS NULL AS no_old, new_data ->> 'name' AS new_name, user_id,
       owner_id, created_at = (new_data ->> 'created_at')::timestamptz AS at_statement
FROM factory.cf_audit_log ORDER BY table_name, record_id;
-- The owner starts a fresh log.
TRUNCATE factory.cf_audit_log;

-- Ann updates and deletes as herself, in one transaction of two statements.
BEGIN;
SET LOCAL ROLE regress_factory_app;
SELECT reelbase.set_user_id(:ann) IS NOT NULL;
UPDATE factory.cf_product_dossiers SET niche = 'Skincare', status = 'active' WHERE id = :d1;
SELECT pg_sleep(0.01);
UPDATE factory.cf_ab_tests SET status = 'running', started_at = '2026-01-06 00:00+00' WHERE id = :t1;
DELETE FROM factory.cf_ab_tests WHERE id = :t1;
-- A row made from a dossier is not audited.
UPDATE factory.cf_generated_images SET prompt = 'changed' WHERE id = :i1;
-- She reads her trail; its times are the statements' starts, the first before the second.
SELECT table_name, action, user_id = :ann AS by_ann, owner_id = :ann AS anns
FROM factory.cf_audit_log ORDER BY created_at, action DESC;
SELECT count(DISTINCT created_at) AS statements, min(created_at) >= now() AS after_begin FROM factory.cf_audit_log;
COMMIT;
-- Old and new rows as they were: the dossier's update.
SELECT old_data ->> 'niche' AS old_niche, new_data ->> 'niche' AS new_niche,
       old_data ->> 'status' AS old_status, new_data ->> 'status' AS new_status,
       (old_data - 'updated_at' - 'niche' - 'status') = (new_data - 'updated_at' - 'niche' - 'status') AS rest_equal,
       new_data = to_jsonb(d) AS new_is_the_row
FROM factory.cf_audit_log, factory.cf_product_dossiers AS d
WHERE table_name = 'cf_product_dossiers' AND d.id = :d1;
-- The test's update and delete: the delete records the id from the old row (the seed's
-- log_audit() wrote NEW.id, NULL) and no new row.
SELECT action, record_id = :t1 AS t1, old_data ->> 'status' AS old_status, new_data ->> 'status' AS new_status,
       new_data IS NULL AS no_new
FROM factory.cf_audit_log WHERE table_name = 'cf_ab_tests' ORDER BY action DESC;

-- Bob reads none of Ann's trail; Ann's trail stays hers after her dossier is gone.
BEGIN;
SET LOCAL ROLE regress_factory_app;
SELECT reelbase.set_user_id(:bob) IS NOT NULL;
SELECT count(*) AS bob_sees FROM factory.cf_audit_log;
ROLLBACK;
DELETE FROM factory.cf_product_dossiers WHERE id = :d1;
BEGIN;
SET LOCAL ROLE regress_factory_app;
SELECT reelbase.set_user_id(:ann) IS NOT NULL;
SELECT action, count(*) FROM factory.cf_audit_log WHERE table_name = 'cf_product_dossiers' GROUP BY 1 ORDER BY 1;
ROLLBACK;
-- The owner's delete of the dossier: no identity, the old row kept.
SELECT action, user_id, old_data ->> 'slug' AS slug, new_data FROM factory.cf_audit_log
WHERE table_name = 'cf_product_dossiers' AND action = 'DELETE';

-- Scoring configs, changed by an administrator with an identity.
BEGIN;
SET LOCAL ROLE regress_factory_admin;
SELECT reelbase.set_user_id('f0000000-0000-0000-0000-0000000000ad') IS NOT NULL;
UPDATE factory.cf_scoring_config SET min_views_threshold = 500 WHERE id = :c1;
COMMIT;
SELECT action, user_id, owner_id, old_data ->> 'min_views_threshold' AS old_min, new_data ->> 'min_views_threshold' AS new_min
FROM factory.cf_audit_log WHERE table_name = 'cf_scoring_config';

-- Append-only: the app and administrators hold no privilege to change it ...
SET ROLE regress_factory_admin;
UPDATE factory.cf_audit_log SET user_id = NULL;
DELETE FROM factory.cf_audit_log;
TRUNCATE factory.cf_audit_log;
INSERT INTO factory.cf_audit_log (table_name, record_id, action) VALUES ('forged', :d1, 'INSERT');
RESET ROLE;
-- ... and granted one, the trigger still refuses them.
GRANT UPDATE, DELETE, TRUNCATE ON factory.cf_audit_log TO regress_factory_admin;
SET ROLE regress_factory_admin;
\set VERBOSITY default
\set SHOW_CONTEXT never
UPDATE factory.cf_audit_log SET user_id = NULL;
\set VERBOSITY terse
DELETE FROM factory.cf_audit_log;
\echo :LAST_ERROR_SQLSTATE
TRUNCATE factory.cf_audit_log;
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
REVOKE UPDATE, DELETE, TRUNCATE ON factory.cf_audit_log FROM regress_factory_admin;
SELECT count(*) AS rows_kept FROM factory.cf_audit_log;
-- The owner may (retention): here, in a transaction rolled back.
BEGIN;
UPDATE factory.cf_audit_log SET user_id = NULL WHERE table_name = 'cf_scoring_config';
DELETE FROM factory.cf_audit_log WHERE action = 'DELETE';
TRUNCATE factory.cf_audit_log;
ROLLBACK;
SELECT count(*) AS rows_kept FROM factory.cf_audit_log;
