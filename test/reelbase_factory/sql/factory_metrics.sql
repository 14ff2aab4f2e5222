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
