-- The factory benchmark's fixture: one owner's 400 dossiers with 25 published contents each
-- (10,000; every content its own script, one per awareness level and sophistication, and its
-- own assembled content), and 1,000,000 metric rows: 100
-- days of every content from the first day of this month, so every row lies in a monthly
-- partition run_maintenance() has made ahead (none waits in the default partition). Ids are
-- made from numbers so a pgbench script can name a row: bench.dossier(n), bench.content(n).
--
-- Views are the same on every day of a content, so the seed's AVG(engagement_rate) (the mean
-- of the daily ratios) and find_winners' pooled engagement (sum of interactions over sum of
-- views) order the contents alike, and the two winner lists can be compared row for row.
-- Contents 50k (k >= 0) have no views, 50k + 1 have 7 a day (700 in all): below the seed's
-- HAVING SUM(views) > 1000, which the others pass.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS reelbase_factory CASCADE;
CREATE SCHEMA IF NOT EXISTS bench;
CREATE FUNCTION bench.dossier(n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ('5f0000d0-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid $$;
CREATE FUNCTION bench.content(n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ('5f0000b0-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid $$;
CREATE FUNCTION bench.script(n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ('5f0000c0-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid $$;
CREATE FUNCTION bench.assembled(n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ('5f0000a0-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid $$;
-- Day n of the metrics (from the first day of this month), and day n of the ingestion runs,
-- in the last month run_maintenance() makes ahead (4 months on), where no metrics are.
CREATE FUNCTION bench.day(n integer) RETURNS date LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT (pg_catalog.date_trunc('month', pg_catalog.now()) + n * interval '1 day')::date $$;
CREATE FUNCTION bench.ingest_day(n integer) RETURNS date LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT (pg_catalog.date_trunc('month', pg_catalog.now()) + interval '4 months' + n * interval '1 day')::date $$;
-- One ingestion call's rows: day d of contents 100b + 1 .. 100b + 100, every count a function
-- of the content and the day, so a check can recompute each stored row.
CREATE FUNCTION bench.metrics_rows(b integer, d integer) RETURNS jsonb LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
  SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'published_content_id', bench.content(c), 'date', bench.ingest_day(d), 'views', 1000 + (c * 31 + d) % 977,
           'likes', (c + d) % 97, 'comments', (c * 3 + d) % 13, 'shares', (c + d * 7) % 11, 'saves', (c * 5 + d) % 7,
           'clicks', (c * 11 + d) % 53, 'conversions', (c + d) % 5, 'spend', ((c * 13 + d) % 2000) / 100.0))
  FROM pg_catalog.generate_series(100 * b + 1, 100 * b + 100) AS c
  $$;

SELECT count(*) FROM reelbase.run_maintenance();

INSERT INTO factory.cf_product_dossiers (id, name, owner_id, category, status)
SELECT bench.dossier(d), 'Bench product ' || d, '5f000000-0000-4000-8000-0000000000e1', 'Bench', 'active'
FROM generate_series(1, 400) d;
INSERT INTO factory.cf_scripts (id, dossier_id, awareness_level, market_sophistication, hook, body, cta)
SELECT bench.script(c), bench.dossier((c - 1) / 25 + 1), 1 + (c - 1) % 5, 1 + (c - 1) / 5 % 5, 'Hook ' || c, 'Body', 'Link in bio'
FROM generate_series(1, 10000) c;
INSERT INTO factory.cf_assembled_content (id, dossier_id, script_id, platform)
SELECT bench.assembled(c), bench.dossier((c - 1) / 25 + 1), bench.script(c), 'tiktok'
FROM generate_series(1, 10000) c;
INSERT INTO factory.cf_published_content (id, assembled_content_id, platform, platform_url)
SELECT bench.content(c), bench.assembled(c), 'tiktok', 'https://www.tiktok.com/@bench/video/' || c
FROM generate_series(1, 10000) c;
-- Engagement only, so the score orders as the seed's AVG(engagement_rate) does; its threshold
-- is the seed's 1000.
INSERT INTO factory.cf_scoring_config (name, weights, min_views_threshold)
VALUES ('Bench: engagement', '{"engagement": 1, "ctr": 0, "conversions": 0}', 1000);

SELECT setseed(0.42);
INSERT INTO factory.cf_performance_metrics
  (published_content_id, date, views, likes, comments, shares, saves, clicks, conversions, spend)
SELECT bench.content(c), bench.day(d), v.views,
       (v.views * random() * 0.2)::int, (v.views * random() * 0.02)::int, (v.views * random() * 0.01)::int,
       (v.views * random() * 0.01)::int, (v.views * random() * 0.05)::int, (v.views * random() * 0.005)::int,
       round((random() * 20)::numeric, 2)
FROM generate_series(1, 10000) c
CROSS JOIN LATERAL (SELECT CASE c % 50 WHEN 0 THEN 0 WHEN 1 THEN 7 ELSE 200 + (c * 7919) % 5000 END AS views) v
CROSS JOIN generate_series(0, 99) d;

-- Autovacuum off for the tables the runs write, so no worker wakes up inside one run and not
-- another; each run starts after a VACUUM of its table.
ALTER TABLE factory.cf_product_dossiers SET (autovacuum_enabled = off);
ALTER TABLE factory.cf_audit_log SET (autovacuum_enabled = off);
VACUUM ANALYZE;
