-- reelbase demo walkthrough, part 5: the content factory (factory schema, seed 001) on the data
-- of demo/factory_data.sql. The owner acts through factory_web (reelbase_app); the pipeline
-- (claims, metrics) as the superuser.
--   psql -X -v ON_ERROR_STOP=1 -d reelbase_demo -f demo/factory_walkthrough.sql

\set QUIET on
\set ON_ERROR_STOP 1
\set VERBOSITY default
\set SHOW_CONTEXT never
\set ON_ERROR_ROLLBACK on
\pset null '(null)'
SET client_min_messages = warning;
SET search_path = factory, public;
SELECT '5f000000-0000-4000-8000-000000000001' AS owner, '5f000000-0000-4000-8000-000000000071' AS ab_test \gset
CREATE ROLE factory_web IN ROLE reelbase_app;

\echo
\echo '################################################################################'
\echo '## 19. Dossiers: slugs made in Swift, status flows, weights checked by the database'
\echo '################################################################################'
\echo
BEGIN; SET LOCAL ROLE factory_web;
SELECT reelbase.set_user_id(:'owner') IS NOT NULL AS owner;
INSERT INTO cf_product_dossiers (name) VALUES ('Crème Hydratante Éclat'), ('Crème hydratante éclat!') RETURNING name, slug, status;
\set ON_ERROR_STOP 0
\echo 'draft -> archived skips active (55000).'
UPDATE cf_product_dossiers SET status = 'archived' WHERE slug = 'creme-hydratante-eclat-2';
\echo '    -> SQLSTATE' :LAST_ERROR_SQLSTATE
\set ON_ERROR_STOP 1
COMMIT;
\set ON_ERROR_STOP 0
\echo 'Scoring weights must be known metrics summing to 1 (22023 naming the problem).'
SELECT check_scoring_weights('{"engagement": 0.5, "ctr": 0.6}');
\echo '    -> SQLSTATE' :LAST_ERROR_SQLSTATE
\set ON_ERROR_STOP 1

\echo
\echo '################################################################################'
\echo '## 20. The generation queue: claims with SKIP LOCKED, finished by the claimer'
\echo '################################################################################'
\echo
SELECT id, type, prompt FROM claim_generation_jobs('image', 'render-1', 5);
SELECT count(*) AS completed FROM (
  SELECT complete_generation('image', id, 'render-1', 'https://cdn.example.com/' || type || '.png')
  FROM cf_generated_images WHERE status = 'generating') done;
SELECT type, status, image_url, metadata ->> 'claimed_by' AS worker FROM cf_generated_images ORDER BY created_at;

\echo
\echo '################################################################################'
\echo '## 21. Daily metrics (all or nothing), an A/B test, the winners'
\echo '################################################################################'
\echo
SELECT * FROM record_daily_metrics((
  SELECT jsonb_agg(jsonb_build_object('published_content_id', c, 'date', d::date::text,
                                      'views', 2000 + 100 * n, 'likes', 120 + n, 'clicks', 60 + n,
                                      'conversions', CASE WHEN c LIKE '%b1' THEN 3 ELSE 9 END))
  FROM unnest(ARRAY['5f000000-0000-4000-8000-0000000000b1', '5f000000-0000-4000-8000-0000000000b2']) AS c,
       generate_series(date '2026-11-01', date '2026-11-07', interval '1 day') WITH ORDINALITY AS g(d, n)));
\set ON_ERROR_STOP 0
\echo 'A negative count refuses the whole call, naming the row (22023).'
SELECT * FROM record_daily_metrics('[{"published_content_id": "5f000000-0000-4000-8000-0000000000b1", "date": "2026-11-08", "views": 10},
                                     {"published_content_id": "5f000000-0000-4000-8000-0000000000b2", "date": "2026-11-08", "views": -5}]');
\echo '    -> SQLSTATE' :LAST_ERROR_SQLSTATE
\set ON_ERROR_STOP 1
SELECT variant, label, successes, trials, round(rate::numeric, 4) AS rate,
       round(interval_lower::numeric, 4) || ' .. ' || round(interval_upper::numeric, 4) AS wilson_95,
       test, round(statistic::numeric, 3) AS statistic, to_char(p_value, '9.99EEEE') AS p_value, significant, winner
FROM evaluate_ab_test(:'ab_test', 'conversions');
SELECT status, winner_id, confidence FROM cf_ab_tests WHERE id = :'ab_test';
SELECT rank, platform_url, round(score::numeric, 4) AS score, total_views, round(engagement_rate::numeric, 4) AS engagement,
       round(ctr::numeric, 4) AS ctr, round(conversion_rate::numeric, 4) AS conversion
FROM find_winners();

DROP OWNED BY factory_web;
DROP ROLE factory_web;
\echo
\echo 'Done.'
