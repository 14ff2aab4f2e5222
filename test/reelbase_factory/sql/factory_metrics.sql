-- factory.record_daily_metrics: one row per (published content, date), inserted or updated,
-- all or nothing, every bad row refused with its number.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixture :abs_srcdir '/sql/fixtures/factory.sql'
\i :fixture
\set VERBOSITY terse
\set ON_ERROR_ROLLBACK on
BEGIN;
SET LOCAL ROLE regress_factory_app;
SELECT reelbase.set_user_id(:ann) IS NOT NULL AS ann;
-- p1 has 2026-01-05 (views 1000, likes 50, clicks 10): updated, keeping what the row does not
-- name; two new days inserted, with 0 for what they do not name.
SELECT * FROM factory.record_daily_metrics(jsonb_build_array(
  jsonb_build_object('published_content_id', :p1, 'date', '2026-01-05', 'views', 1200, 'conversions', 3.0),
  jsonb_build_object('published_content_id', :p1, 'date', '2026-01-06', 'views', 800, 'likes', 20, 'spend', 12.5),
  jsonb_build_object('published_content_id', :p1, 'date', '2026-03-01', 'clicks', 7)));
SELECT date, views, likes, clicks, conversions, spend, round(engagement_rate, 4) AS engagement_rate, round(ctr, 4) AS ctr
FROM factory.cf_performance_metrics WHERE published_content_id = :p1 ORDER BY date;
-- All or nothing: the third row is bad, so the first two are not written either.
SELECT * FROM factory.record_daily_metrics(jsonb_build_array(
  jsonb_build_object('published_content_id', :p1, 'date', '2026-01-07', 'views', 1),
  jsonb_build_object('published_content_id', :p1, 'date', '2026-01-05', 'views', 1),
  jsonb_build_object('published_content_id', :p1, 'date', '2026-01-08', 'views', -1)));
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) AS days, max(views) FILTER (WHERE date = '2026-01-05') AS jan5_views
FROM factory.cf_performance_metrics WHERE published_content_id = :p1;
SELECT * FROM factory.record_daily_metrics('[{"published_content_id": "f0000000-0000-0000-0000-0000000000b1", "date": "2026-01-09", "spend": "Infinity"}]');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM factory.record_daily_metrics('[{"published_content_id": "f0000000-0000-0000-0000-0000000000b1", "date": "2026-02-30"}]');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM factory.record_daily_metrics('[{"published_content_id": "f0000000-0000-0000-0000-0000000000b1", "date": "2026-01-09", "impressions": 5}]');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM factory.record_daily_metrics('{"published_content_id": "f0000000-0000-0000-0000-0000000000b1"}');
\echo :LAST_ERROR_SQLSTATE
-- Unknown content, and content Ann cannot see (Bob's p2): 23503.
SELECT * FROM factory.record_daily_metrics('[{"published_content_id": "f0000000-0000-0000-0000-000000000000", "date": "2026-01-09"}]');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM factory.record_daily_metrics(jsonb_build_array(jsonb_build_object('published_content_id', :p2, 'date', '2026-01-09')));
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM factory.record_daily_metrics('[]');
COMMIT;

-- A month with its own partition (2031-05 here) and rows that all name the same keys: the
-- upsert goes into the partition as INSERT ... ON CONFLICT, as the table's owner once the
-- contents are found visible. It must behave exactly as the parent's path does.
BEGIN;
SELECT reelbase.create_monthly_partition('factory.cf_performance_metrics', 2031, 5) IS NOT NULL AS made;
SET LOCAL ROLE regress_factory_app;
SELECT reelbase.set_user_id(:ann) IS NOT NULL AS ann;
SELECT * FROM factory.record_daily_metrics(jsonb_build_array(
  jsonb_build_object('published_content_id', :p1, 'date', '2031-05-01', 'views', 10, 'clicks', 2),
  jsonb_build_object('published_content_id', :p1, 'date', '2031-05-31', 'views', 20, 'clicks', 4)));
SELECT current_user;
-- Views only: both updated, clicks kept.
SELECT * FROM factory.record_daily_metrics(jsonb_build_array(
  jsonb_build_object('published_content_id', :p1, 'date', '2031-05-01', 'views', 11),
  jsonb_build_object('published_content_id', :p1, 'date', '2031-05-31', 'views', 21)));
-- June has no partition of its own (its rows wait in the default one): the parent's path
-- serves the whole call.
SELECT * FROM factory.record_daily_metrics(jsonb_build_array(
  jsonb_build_object('published_content_id', :p1, 'date', '2031-05-31', 'views', 22),
  jsonb_build_object('published_content_id', :p1, 'date', '2031-06-01', 'views', 30)));
-- No value named: counted as updated, nothing changes.
SELECT * FROM factory.record_daily_metrics(jsonb_build_array(
  jsonb_build_object('published_content_id', :p1, 'date', '2031-05-01')));
SELECT tableoid::regclass AS partition, date, views, clicks
FROM factory.cf_performance_metrics WHERE published_content_id = :p1 AND date >= '2031-05-01' ORDER BY date;
-- Bob's content is refused as on the parent's path (23503).
SELECT * FROM factory.record_daily_metrics(jsonb_build_array(
  jsonb_build_object('published_content_id', :p2, 'date', '2031-05-02', 'views', 1)));
\echo :LAST_ERROR_SQLSTATE
-- The partition grants the app nothing: it writes through the function or the parent.
INSERT INTO factory.cf_performance_metrics_2031_05 (published_content_id, date) VALUES (:p1, '2031-05-03');
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;
