-- The catalogue: the seed's tables, constraint and index names; every table registered for
-- pg_dump, under RLS and commented; every function commented with its search_path pinned;
-- the metrics' partition set, and a monthly partition made by the engine carrying the default
-- partition's key and indexes and computing the generated columns of the rows it moved.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixture :abs_srcdir '/sql/fixtures/factory.sql'
\i :fixture
\set VERBOSITY terse
\set ON_ERROR_ROLLBACK on

SELECT c.relname, c.relkind, c.relrowsecurity AS rls, obj_description(c.oid, 'pg_class') IS NOT NULL AS commented,
       c.oid = ANY (e.extconfig) AS dumped
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, pg_extension e
WHERE n.nspname = 'factory' AND c.relkind IN ('r', 'p', 'S', 'v') AND e.extname = 'reelbase_factory'
ORDER BY 1;
-- Constraints by table (the seed's names where it gives them).
SELECT conrelid::regclass AS tbl, conname, contype FROM pg_constraint
WHERE connamespace = 'factory'::regnamespace AND contype IN ('c', 'f', 'p', 'u')
  AND conrelid::regclass::text NOT LIKE '%\_default'
ORDER BY 1, 2;
SELECT tablename, indexname, indexdef LIKE 'CREATE UNIQUE%' AS is_unique, indexdef LIKE '% WHERE %' AS partial
FROM pg_indexes WHERE schemaname = 'factory' ORDER BY 1, 2;
-- Functions: comment, search_path, volatility, strictness, parallel safety, security.
SELECT p.oid::regprocedure AS function, obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented,
       p.proconfig, p.provolatile, p.proisstrict, p.proparallel, p.prosecdef
FROM pg_proc p WHERE p.pronamespace = 'factory'::regnamespace ORDER BY p.oid::regprocedure::text;
-- Policies: the administrators' on every table, the app's following the owner.
SELECT tablename, policyname, roles, cmd FROM pg_policies WHERE schemaname = 'factory' ORDER BY 1, 2;
-- Triggers of the extension.
SELECT tgrelid::regclass AS tbl, tgname, tgfoid::regproc AS fn FROM pg_trigger
WHERE NOT tgisinternal AND tgrelid::regclass::text LIKE 'factory.%' AND tgparentid = 0 ORDER BY 1, 2;

-- The partition set: registered by the extension, every partition kept.
SELECT parent, premake, retention, registered_by_extension FROM reelbase.partition_sets
WHERE parent = 'factory.cf_performance_metrics'::regclass;
-- January 2026's rows wait in the default partition; making the month moves them, with their
-- generated ratios recomputed, and the new partition carries the key and the seed's indexes.
SELECT tableoid::regclass AS part, views, likes, engagement_rate, ctr FROM factory.cf_performance_metrics ORDER BY views;
SELECT reelbase.create_monthly_partition('factory.cf_performance_metrics', 2026, 1);
SELECT tableoid::regclass AS part, views, likes, engagement_rate, ctr FROM factory.cf_performance_metrics ORDER BY views;
SELECT indexdef FROM pg_indexes WHERE tablename = 'cf_performance_metrics_2026_01' ORDER BY 1;
SELECT attname, attgenerated FROM pg_attribute
WHERE attrelid = 'factory.cf_performance_metrics_2026_01'::regclass AND attgenerated <> '' ORDER BY 1;
-- One row per (published content, date), in a monthly partition and in the default one.
INSERT INTO factory.cf_performance_metrics (published_content_id, date, views) VALUES (:p1, '2026-01-05', 1);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO factory.cf_performance_metrics (published_content_id, date, views) VALUES (:p1, '2031-01-05', 1), (:p1, '2031-01-05', 2);
\echo :LAST_ERROR_SQLSTATE
-- The other day of the same content is another row.
INSERT INTO factory.cf_performance_metrics (published_content_id, date, views) VALUES (:p1, '2026-01-06', 1);
SELECT count(*) FROM factory.cf_performance_metrics WHERE published_content_id = :p1;
-- The partition's foreign key: metrics of unknown content are refused, and deleting the
-- content deletes its metrics (cascade onto every partition).
INSERT INTO factory.cf_performance_metrics (published_content_id, date) VALUES ('f0000000-0000-0000-0000-000000000000', '2026-01-07');
\echo :LAST_ERROR_SQLSTATE
DELETE FROM factory.cf_published_content WHERE id = :p1;
SELECT count(*) FROM factory.cf_performance_metrics WHERE published_content_id = :p1;
