-- Ratings: dimensions checked (all five, numbers in [0, 1]), the AI prediction's
-- user_disagreement computed by the trigger (the seed's example, typed-in values replaced,
-- recomputed on UPDATE), one rating per rater per video, owner and agent raters, and the
-- administrators' views. Sets up and removes its own rows.
SET client_min_messages = warning;
SET timezone = 'UTC';
\set VERBOSITY default
\set SHOW_CONTEXT never

INSERT INTO market.analyzed_videos (id, video_url) VALUES
  ('5a000000-0000-4000-8000-000000000001', 'https://www.tiktok.com/@kielekassidy/video/7263245062883085611'),
  ('5a000000-0000-4000-8000-000000000002', 'https://www.tiktok.com/@a/video/2');

-- The seed's example record, with a wrong user_disagreement typed in: it is replaced by the
-- computed one (hook 0.5 vs 0.8 -> -0.3, overall 0.3 vs 0.7 -> -0.4, ...); other members stay.
INSERT INTO market.video_ratings (id, video_id, overall_score, dimensions, notes, tags, ai_prediction, rater_id, rater_type)
VALUES ('5a100000-0000-4000-8000-000000000001', '5a000000-0000-4000-8000-000000000001', 0.3,
  '{"hook": 0.5, "pacing": 0.56, "payoff": 0.43, "originality": 0.41, "rewatchable": 0.42}',
  'relies on TikTok sound', ARRAY['restaurant', 'sound-dependent'],
  '{"overall": 0.7, "modelUsed": "base", "reasoning": "Strong hook, good pacing...",
    "dimensions": {"hook": 0.8, "pacing": 0.9, "payoff": 0.6, "originality": 0.6, "rewatchable": 0.6},
    "user_disagreement": {"overall_delta": 99, "typed": "in"}}',
  '0a000000-0000-4000-8000-00000000000a', 'owner');
SELECT jsonb_pretty(ai_prediction) FROM market.video_ratings WHERE id = '5a100000-0000-4000-8000-000000000001';

-- UPDATE recomputes: a new rating, and a typed-in disagreement is replaced again.
UPDATE market.video_ratings
SET overall_score = 0.75, dimensions = dimensions || '{"hook": 0.85}',
    ai_prediction = jsonb_set(ai_prediction, '{user_disagreement}', '"tampered"')
WHERE id = '5a100000-0000-4000-8000-000000000001';
SELECT ai_prediction -> 'user_disagreement' AS recomputed
FROM market.video_ratings WHERE id = '5a100000-0000-4000-8000-000000000001';

-- An agent rates the same video: its prediction has only some dimensions (deltas for those
-- present in both) and no overall (no overall_delta).
INSERT INTO market.video_ratings (id, video_id, overall_score, dimensions, ai_prediction, rater_id, rater_type)
VALUES ('5a100000-0000-4000-8000-000000000002', '5a000000-0000-4000-8000-000000000001', 0.45,
  '{"hook": 0.6, "pacing": 0.5, "payoff": 0.5, "originality": 0.3, "rewatchable": 0.4}',
  '{"dimensions": {"hook": 0.55555, "payoff": 0.5, "extra": "ignored"}}',
  '0a000000-0000-4000-8000-00000000000b', 'agent');
-- A second agent, with only an overall prediction; a third rater with no prediction at all
-- keeps ai_prediction NULL; a prediction with neither loses a typed-in disagreement.
INSERT INTO market.video_ratings (id, video_id, overall_score, dimensions, ai_prediction, rater_id, rater_type)
VALUES ('5a100000-0000-4000-8000-000000000003', '5a000000-0000-4000-8000-000000000001', 0.55,
  '{"hook": 0.6, "pacing": 0.6, "payoff": 0.6, "originality": 0.6, "rewatchable": 0.6}',
  '{"overall": 0.55}', '0a000000-0000-4000-8000-00000000000c', 'agent'),
       ('5a100000-0000-4000-8000-000000000004', '5a000000-0000-4000-8000-000000000002', 1,
  '{"hook": 1, "pacing": 0, "payoff": 1, "originality": 0, "rewatchable": 1}',
  NULL, '0a000000-0000-4000-8000-00000000000a', 'owner'),
       ('5a100000-0000-4000-8000-000000000005', '5a000000-0000-4000-8000-000000000002', 0.2,
  '{"hook": 0.2, "pacing": 0.2, "payoff": 0.2, "originality": 0.2, "rewatchable": 0.2}',
  '{"modelUsed": "base", "user_disagreement": {"overall_delta": 1}}', '0a000000-0000-4000-8000-00000000000b', 'agent');
SELECT id, rater_type, ai_prediction FROM market.video_ratings WHERE id::text LIKE '5a100000-%' ORDER BY id;

-- The administrators' views.
SELECT rater_type, dimension, rated, predicted, delta
FROM market.rating_disagreements WHERE video_id::text LIKE '5a000000-%'
ORDER BY rating_id, dimension = 'overall' DESC, dimension;
SELECT video_id, rater_count, owner_count, agent_count, round(mean_overall::numeric, 4) AS mean_overall,
       round(overall_stddev::numeric, 4) AS stddev, round(overall_range::numeric, 4) AS range,
       owner_overall, agent_mean_overall, round(agent_owner_spread::numeric, 4) AS agent_owner_spread,
       mean_ai_overall_delta
FROM market.video_rating_summary WHERE video_id::text LIKE '5a000000-%' ORDER BY video_id;

-- One rating per rater per video (23505).
INSERT INTO market.video_ratings (video_id, overall_score, dimensions, rater_id, rater_type)
VALUES ('5a000000-0000-4000-8000-000000000001', 0.5,
  '{"hook": 0.5, "pacing": 0.5, "payoff": 0.5, "originality": 0.5, "rewatchable": 0.5}',
  '0a000000-0000-4000-8000-00000000000b', 'agent');
\echo :LAST_ERROR_SQLSTATE

-- Bad dimensions: unknown key, missing keys, non-numbers (22023); outside [0, 1] (23514).
CREATE FUNCTION pg_temp.rate(dims jsonb, ai jsonb DEFAULT NULL, overall double precision DEFAULT 0.5,
                             kind text DEFAULT 'owner') RETURNS void LANGUAGE sql AS $$
  INSERT INTO market.video_ratings (id, video_id, overall_score, dimensions, ai_prediction, rated_at, rater_id, rater_type)
  VALUES ('5a100000-0000-4000-8000-0000000000ff', '5a000000-0000-4000-8000-000000000002', overall, dims, ai,
          '2025-12-03 14:00+00', '0a000000-0000-4000-8000-0000000000ff', kind) $$;
SELECT pg_temp.rate('{"hook": 0.5, "pacing": 0.5, "payoff": 0.5, "originality": 0.5, "rewatchable": 0.5, "vibe": 1}');
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.rate('{"hook": 0.5, "payoff": 0.5}');
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.rate('{}');
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.rate('{"hook": "0.5", "pacing": 0.5, "payoff": 0.5, "originality": 0.5, "rewatchable": 0.5}');
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.rate('{"hook": null, "pacing": 0.5, "payoff": 0.5, "originality": 0.5, "rewatchable": 0.5}');
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.rate('{"hook": 1.01, "pacing": 0.5, "payoff": 0.5, "originality": 0.5, "rewatchable": 0.5}');
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.rate('{"hook": -0.1, "pacing": 0.5, "payoff": 0.5, "originality": 0.5, "rewatchable": 0.5}');
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.rate('{"hook": 1e400, "pacing": 0.5, "payoff": 0.5, "originality": 0.5, "rewatchable": 0.5}');
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.rate('[0.5]');
\echo :LAST_ERROR_SQLSTATE
-- Bad predictions (22023): overall or a compared dimension not a number in [0, 1], dimensions
-- not an object. The rating's own constraints still apply (overall_score, rater_type: 23514).
SELECT pg_temp.rate('{"hook": 0.5, "pacing": 0.5, "payoff": 0.5, "originality": 0.5, "rewatchable": 0.5}', '{"overall": "high"}');
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.rate('{"hook": 0.5, "pacing": 0.5, "payoff": 0.5, "originality": 0.5, "rewatchable": 0.5}', '{"overall": 7}');
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.rate('{"hook": 0.5, "pacing": 0.5, "payoff": 0.5, "originality": 0.5, "rewatchable": 0.5}', '{"dimensions": {"hook": true}}');
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.rate('{"hook": 0.5, "pacing": 0.5, "payoff": 0.5, "originality": 0.5, "rewatchable": 0.5}', '{"dimensions": [0.8]}');
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.rate('{"hook": 0.5, "pacing": 0.5, "payoff": 0.5, "originality": 0.5, "rewatchable": 0.5}', '{"overall": 0.5}', 'NaN');
\echo :LAST_ERROR_SQLSTATE
SELECT pg_temp.rate('{"hook": 0.5, "pacing": 0.5, "payoff": 0.5, "originality": 0.5, "rewatchable": 0.5}', NULL, 0.5, 'buyer');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) AS refused_rows_absent FROM market.video_ratings WHERE video_id = '5a000000-0000-4000-8000-000000000002';

-- Administrators rate and read the views; the application role sees neither.
BEGIN;
SET LOCAL ROLE reelbase_admin;
SELECT reelbase.set_user_id('0a000000-0000-4000-8000-0000000000ad') IS NOT NULL AS acting;
INSERT INTO market.video_ratings (video_id, overall_score, dimensions, ai_prediction)
VALUES ('5a000000-0000-4000-8000-000000000002', 0.6,
  '{"hook": 0.6, "pacing": 0.6, "payoff": 0.6, "originality": 0.6, "rewatchable": 0.6}', '{"overall": 0.9}')
RETURNING rater_id, rater_type, ai_prediction -> 'user_disagreement' AS disagreement;
SELECT count(*) AS admin_sees FROM market.rating_disagreements WHERE video_id::text LIKE '5a000000-%';
SELECT rater_count FROM market.video_rating_summary WHERE video_id = '5a000000-0000-4000-8000-000000000002';
ROLLBACK;
BEGIN;
SET LOCAL ROLE reelbase_app;
SELECT count(*) FROM market.rating_disagreements;
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;

-- Clean up.
DELETE FROM market.video_ratings WHERE video_id::text LIKE '5a000000-%';
DELETE FROM market.analyzed_videos WHERE id::text LIKE '5a000000-%';
