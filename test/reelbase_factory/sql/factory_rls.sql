-- Who sees and writes what through reelbase_app: an owner its dossiers and everything made
-- from them, another owner none of it, no identity nothing; every identity reads the scoring
-- configs; administrators everything. Column privileges: owner_id, status on INSERT, parents
-- and generated columns are not the app's to write.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixture :abs_srcdir '/sql/fixtures/factory.sql'
\i :fixture
\set VERBOSITY terse
\set ON_ERROR_ROLLBACK on

CREATE FUNCTION pg_temp.seen() RETURNS TABLE (dossiers bigint, images bigint, videos bigint, scripts bigint, assembled bigint,
  published bigint, metrics bigint, configs bigint, tests bigint, audit bigint)
LANGUAGE sql AS $$
  SELECT (SELECT count(*) FROM factory.cf_product_dossiers), (SELECT count(*) FROM factory.cf_generated_images),
         (SELECT count(*) FROM factory.cf_generated_videos), (SELECT count(*) FROM factory.cf_scripts),
         (SELECT count(*) FROM factory.cf_assembled_content), (SELECT count(*) FROM factory.cf_published_content),
         (SELECT count(*) FROM factory.cf_performance_metrics), (SELECT count(*) FROM factory.cf_scoring_config),
         (SELECT count(*) FROM factory.cf_ab_tests), (SELECT count(*) FROM factory.cf_audit_log)
$$;
GRANT EXECUTE ON FUNCTION pg_temp.seen() TO PUBLIC;

-- No identity: nothing, and nothing can be written.
BEGIN;
SET LOCAL ROLE regress_factory_app;
SELECT 'nobody' AS who, * FROM pg_temp.seen();
INSERT INTO factory.cf_product_dossiers (name) VALUES ('Orphan');
\echo :LAST_ERROR_SQLSTATE
UPDATE factory.cf_product_dossiers SET niche = 'x';
DELETE FROM factory.cf_generated_images;
ROLLBACK;

-- Ann: her dossier and what hangs off it; her audit trail (d1's and t1's inserts).
BEGIN;
SET LOCAL ROLE regress_factory_app;
SELECT reelbase.set_user_id(:ann) IS NOT NULL;
SELECT 'ann' AS who, * FROM pg_temp.seen();
SELECT slug FROM factory.cf_product_dossiers;
-- Bob's rows do not exist for her: updates and deletes find nothing, inserts under his
-- dossier, assembly or publication are refused.
UPDATE factory.cf_product_dossiers SET niche = 'stolen' WHERE id = :d2;
DELETE FROM factory.cf_scripts WHERE dossier_id = :d2;
UPDATE factory.cf_performance_metrics SET views = 0 WHERE published_content_id = :p2;
INSERT INTO factory.cf_generated_images (dossier_id, type, prompt) VALUES (:d2, 'after', 'p');
INSERT INTO factory.cf_scripts (dossier_id, awareness_level, hook, body, cta) VALUES (:d2, 3, 'h', 'b', 'c');
INSERT INTO factory.cf_assembled_content (dossier_id, platform) VALUES (:d2, 'tiktok');
INSERT INTO factory.cf_published_content (assembled_content_id, platform) VALUES (:a2, 'instagram');
INSERT INTO factory.cf_performance_metrics (published_content_id, date) VALUES (:p2, '2026-01-09');
INSERT INTO factory.cf_ab_tests (dossier_id, name, variants) VALUES (:d2, 'x', '{}');
-- Nor can she name his assets in her assembly (she cannot see them: missing).
INSERT INTO factory.cf_assembled_content (dossier_id, platform, video_ids) VALUES (:d1, 'tiktok', ARRAY[:v2]::uuid[]);
-- Her own: a new dossier (owned by her), its chain down to metrics, a status move.
INSERT INTO factory.cf_product_dossiers (id, name) VALUES ('f0000000-0000-0000-0000-0000000000d3', 'Ann Two') RETURNING slug, owner_id = :ann AS ann_owns, status;
INSERT INTO factory.cf_generated_images (id, dossier_id, type, prompt) VALUES ('f0000000-0000-0000-0000-0000000000e3', 'f0000000-0000-0000-0000-0000000000d3', 'product', 'p') RETURNING status;
INSERT INTO factory.cf_assembled_content (id, dossier_id, platform, image_ids) VALUES ('f0000000-0000-0000-0000-0000000000a3', 'f0000000-0000-0000-0000-0000000000d3', 'youtube', ARRAY['f0000000-0000-0000-0000-0000000000e3']::uuid[]) RETURNING status;
INSERT INTO factory.cf_published_content (id, assembled_content_id, platform) VALUES ('f0000000-0000-0000-0000-0000000000b3', 'f0000000-0000-0000-0000-0000000000a3', 'youtube');
INSERT INTO factory.cf_performance_metrics (published_content_id, date, views, likes) VALUES ('f0000000-0000-0000-0000-0000000000b3', '2026-01-09', 1, 20) RETURNING engagement_rate;
UPDATE factory.cf_product_dossiers SET status = 'active' WHERE id = 'f0000000-0000-0000-0000-0000000000d3' RETURNING status;
-- The flows bind her too: a pending image does not jump to completed.
UPDATE factory.cf_generated_images SET status = 'completed' WHERE id = 'f0000000-0000-0000-0000-0000000000e3';
SELECT 'ann' AS who, * FROM pg_temp.seen();
-- Columns that are not hers to write: a dossier's owner, a new row's status, a row's parent,
-- the database's timestamps, the scoring configs, the audit log.
INSERT INTO factory.cf_product_dossiers (name, owner_id) VALUES ('For Bob', :bob);
INSERT INTO factory.cf_product_dossiers (name, status) VALUES ('Straight to active', 'active');
INSERT INTO factory.cf_generated_images (dossier_id, type, prompt, status) VALUES (:d1, 'after', 'p', 'completed');
UPDATE factory.cf_product_dossiers SET owner_id = :bob WHERE id = :d1;
UPDATE factory.cf_product_dossiers SET created_at = now() WHERE id = :d1;
UPDATE factory.cf_generated_images SET dossier_id = 'f0000000-0000-0000-0000-0000000000d3' WHERE id = :i1;
UPDATE factory.cf_performance_metrics SET date = '2026-01-06' WHERE published_content_id = :p1;
INSERT INTO factory.cf_scoring_config (name, weights, active) VALUES ('mine', '{"ctr": 1}', false);
UPDATE factory.cf_scoring_config SET active = false;
INSERT INTO factory.cf_audit_log (table_name, record_id, action) VALUES ('x', :d1, 'INSERT');
UPDATE factory.cf_audit_log SET user_id = NULL;
DELETE FROM factory.cf_audit_log;
TRUNCATE factory.cf_audit_log;
-- Deleting her dossier: gone with everything under it.
DELETE FROM factory.cf_product_dossiers WHERE id = 'f0000000-0000-0000-0000-0000000000d3';
SELECT 'ann' AS who, * FROM pg_temp.seen();
ROLLBACK;

-- Bob: his side only.
BEGIN;
SET LOCAL ROLE regress_factory_app;
SELECT reelbase.set_user_id(:bob) IS NOT NULL;
SELECT 'bob' AS who, * FROM pg_temp.seen();
SELECT slug FROM factory.cf_product_dossiers;
SELECT count(*) AS anns_metrics FROM factory.cf_performance_metrics WHERE published_content_id = :p1;
ROLLBACK;

-- An identity that owns nothing sees the scoring configs only.
BEGIN;
SET LOCAL ROLE regress_factory_app;
SELECT reelbase.set_user_id('f0000000-0000-0000-0000-0000000000cc') IS NOT NULL;
SELECT 'carol' AS who, * FROM pg_temp.seen();
ROLLBACK;

-- Administrators: everything, with or without an identity; they write the scoring configs,
-- reassign dossiers (everything under them follows) and insert rows in any state.
BEGIN;
SET LOCAL ROLE regress_factory_admin;
SELECT 'admin' AS who, * FROM pg_temp.seen();
INSERT INTO factory.cf_scoring_config (name, weights, active) VALUES ('Conversion Focus', '{"engagement": 0.2, "ctr": 0.3, "conversions": 0.5}', false);
UPDATE factory.cf_scoring_config SET min_views_threshold = 500 WHERE id = :c1;
UPDATE factory.cf_product_dossiers SET owner_id = :bob WHERE id = :d1;
INSERT INTO factory.cf_generated_images (dossier_id, type, prompt, status) VALUES (:d1, 'after', 'imported', 'completed') RETURNING status;
-- Not even they move a row to another parent, or write the generated columns or the log.
UPDATE factory.cf_generated_images SET dossier_id = :d2 WHERE id = :i1;
UPDATE factory.cf_audit_log SET user_id = NULL;
SET LOCAL ROLE regress_factory_app;
SELECT reelbase.set_user_id(:bob) IS NOT NULL;
SELECT 'bob with d1' AS who, * FROM pg_temp.seen();
ROLLBACK;
