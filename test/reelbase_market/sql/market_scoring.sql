-- Model scoring: market.score_video, market.virality_score and market.score_concept. Dotted
-- paths, booleans, missing / null / string / object / array features, the logistic mapping,
-- the active model and every refusal with its SQLSTATE, rights. Sets up and removes its own rows.
SET client_min_messages = warning;
\set VERBOSITY default
\set SHOW_CONTEXT never
SET timezone = 'UTC';

-- Declared properties.
SELECT p.proname, pg_get_function_arguments(p.oid) AS arguments, pg_get_function_result(p.oid) AS result,
       p.provolatile, p.proisstrict, p.proparallel, p.prosecdef
FROM pg_proc p
WHERE p.oid IN ('market.score_video'::regproc, 'market.virality_score'::regproc, 'market.score_concept'::regproc)
ORDER BY 1;

-- Fixtures: three videos (a full analysis, an empty one, one not analysed yet), three models
-- (active v1, inactive v2 with a string weight, inactive v3 with a huge weight) and a concept.
INSERT INTO market.analyzed_videos (id, video_url, visual_analysis) VALUES
  ('5c000000-0000-4000-8000-000000000001', 'https://www.tiktok.com/@a/video/1',
   '{"script": {"replicability": {"score": 0.9}, "humor": {"comedyTiming": 0.5}},
     "comedyStyle": {"contrastMechanism": {"present": true}},
     "trends": {"memeDependent": false},
     "audio": {"soundEffects_count": 2, "musicGenre": "pop"},
     "casting": {"actingSkillRequired": null},
     "production": {"shotComplexity": {"value": 3}},
     "flexibility": [1, 2]}'),
  ('5c000000-0000-4000-8000-000000000002', 'https://www.tiktok.com/@a/video/2', '{}'),
  ('5c000000-0000-4000-8000-000000000003', 'https://www.tiktok.com/@a/video/3', NULL);
INSERT INTO market.model_versions (id, version_tag, trained_at, training_video_count, feature_weights,
                                   accuracy_metrics, is_active) VALUES
  ('5c100000-0000-4000-8000-000000000001', 'regress-v1', '2025-12-15', 200,
   '{"script.replicability.score": 0.82, "script.humor.comedyTiming": 0.65,
     "comedyStyle.contrastMechanism.present": 0.52, "trends.memeDependent": -0.68,
     "audio.soundEffects_count": -0.38, "audio.musicGenre": 1.0,
     "casting.actingSkillRequired": -0.55, "production.shotComplexity": -0.42,
     "flexibility": -0.35, "standalone.worksWithoutContext": 0.45}', '{"mae": 0.12}', true),
  ('5c100000-0000-4000-8000-000000000002', 'regress-v2', '2025-12-16', 10,
   '{"script.replicability.score": 1, "script.humor.comedyTiming": "high"}', '{}', false),
  ('5c100000-0000-4000-8000-000000000003', 'regress-v3', '2025-12-17', 10,
   '{"script.replicability.score": 1e400}', '{}', false);
INSERT INTO market.concepts (id, source_video_id, concept_core) VALUES
  ('5c200000-0000-4000-8000-000000000001', '5c000000-0000-4000-8000-000000000001', 'Deadpan reaction');

-- With the active model: raw = 0.82*0.9 + 0.65*0.5 + 0.52*1 (true) - 0.68*0 (false)
-- - 0.38*2 = 0.823; musicGenre (string), actingSkillRequired (null), shotComplexity (object),
-- flexibility (array) and worksWithoutContext (no such path) are the 5 missing.
SELECT round(raw_score::numeric, 6) AS raw_score, round(virality_score::numeric, 6) AS virality_score,
       features_used, features_missing,
       abs(virality_score - 10 / (1 + exp(-0.823))) < 1e-12 AS is_logistic
FROM market.score_video('5c000000-0000-4000-8000-000000000001');
-- Nothing found: raw 0, virality 5 (the logistic's midpoint), every feature missing.
SELECT * FROM market.score_video('5c000000-0000-4000-8000-000000000002');
-- An explicit model: the same as the active one when named; the pure function agrees.
SELECT (SELECT virality_score FROM market.score_video('5c000000-0000-4000-8000-000000000001',
                                                      '5c100000-0000-4000-8000-000000000001'))
     = market.virality_score(v.visual_analysis, m.feature_weights) AS pure_agrees
FROM market.analyzed_videos v, market.model_versions m
WHERE v.id = '5c000000-0000-4000-8000-000000000001' AND m.version_tag = 'regress-v1';
-- The pure function: paths, booleans, extremes clamp into [0, 10], keys with empty parts.
-- (Compared within 1e-12: SQL's exp here is numeric, the score's is double precision.)
SELECT abs(market.virality_score('{"a": {"b": 2}}', '{"a.b": 1}') - 10 / (1 + exp(-2.0))) < 1e-12 AS dotted,
       abs(market.virality_score('{"flag": true}', '{"flag": -3}') - 10 / (1 + exp(3.0))) < 1e-12 AS boolean_true,
       market.virality_score('{"flag": false}', '{"flag": -3}') AS boolean_false,
       market.virality_score('{"x": 1000}', '{"x": 1}') AS saturates_high,
       market.virality_score('{"x": 1e300}', '{"x": -1}') AS saturates_low,
       abs(market.virality_score('{"": {"": 1}}', '{".": 4, "": 9}') - 10 / (1 + exp(-4.0))) < 1e-12 AS empty_parts,
       market.virality_score('{}', '{}') AS no_weights;
SELECT market.virality_score(NULL, '{}') IS NULL AS strict;

-- score_concept stores the score and the model on the concept.
SELECT round(market.score_concept('5c200000-0000-4000-8000-000000000001')::numeric, 6) AS stored;
SELECT round(virality_score::numeric, 6) AS virality_score, model_version_id
FROM market.concepts WHERE id = '5c200000-0000-4000-8000-000000000001';
-- A concept on the empty video, with the model named: the midpoint 5.
INSERT INTO market.concepts (id, source_video_id, concept_core) VALUES
  ('5c200000-0000-4000-8000-000000000002', '5c000000-0000-4000-8000-000000000002', 'Empty');
SELECT market.score_concept('5c200000-0000-4000-8000-000000000002', '5c100000-0000-4000-8000-000000000001') AS midpoint;

-- Refusals.
-- A non-numeric weight names its key (22023); a weight beyond double precision (22003).
SELECT * FROM market.score_video('5c000000-0000-4000-8000-000000000001', '5c100000-0000-4000-8000-000000000002');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM market.score_video('5c000000-0000-4000-8000-000000000001', '5c100000-0000-4000-8000-000000000003');
\echo :LAST_ERROR_SQLSTATE
SELECT market.virality_score('{"x": 1e400}', '{"x": 1}');
\echo :LAST_ERROR_SQLSTATE
SELECT market.virality_score('{"x": 1e300}', '{"x": 1e300}');
\echo :LAST_ERROR_SQLSTATE
SELECT market.virality_score('{}', '{"w": true}');
\echo :LAST_ERROR_SQLSTATE
SELECT market.virality_score('[1]', '{}');
\echo :LAST_ERROR_SQLSTATE
SELECT market.virality_score('{}', '3');
\echo :LAST_ERROR_SQLSTATE
-- Unknown video, model or concept (23503); a video not analysed yet (55000); NULL video (22004).
SELECT * FROM market.score_video('5c000000-0000-4000-8000-0000000000ff');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM market.score_video('5c000000-0000-4000-8000-000000000001', '5c100000-0000-4000-8000-0000000000ff');
\echo :LAST_ERROR_SQLSTATE
SELECT market.score_concept('5c200000-0000-4000-8000-0000000000ff');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM market.score_video('5c000000-0000-4000-8000-000000000003');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM market.score_video(NULL);
\echo :LAST_ERROR_SQLSTATE
-- No active model: 55000 with a hint; the concept keeps its score.
UPDATE market.model_versions SET is_active = false WHERE version_tag = 'regress-v1';
SELECT * FROM market.score_video('5c000000-0000-4000-8000-000000000001');
\echo :LAST_ERROR_SQLSTATE
SELECT market.score_concept('5c200000-0000-4000-8000-000000000001');
\echo :LAST_ERROR_SQLSTATE
SELECT round(virality_score::numeric, 6) AS kept FROM market.concepts WHERE id = '5c200000-0000-4000-8000-000000000001';
-- Activating another model switches the default.
UPDATE market.model_versions SET is_active = true WHERE version_tag = 'regress-v2';
UPDATE market.model_versions SET feature_weights = '{"script.replicability.score": 1}' WHERE version_tag = 'regress-v2';
SELECT round(raw_score::numeric, 6) AS raw_v2, features_used, features_missing
FROM market.score_video('5c000000-0000-4000-8000-000000000001');
-- A thousand refusals in one session leave the backend working (same pid).
SELECT pg_backend_pid() AS pid \gset
DO $$
DECLARE
  n integer := 0;
BEGIN
  FOR i IN 1..1000 LOOP
    BEGIN
      PERFORM market.virality_score('{}', '{"w": "x"}');
    EXCEPTION WHEN invalid_parameter_value THEN
      n := n + 1;
    END;
  END LOOP;
  RAISE WARNING 'refused % of 1000', n;
END $$;
SELECT pg_backend_pid() = :pid AS same_backend, market.virality_score('{"x": 0}', '{"x": 1}') AS still_scores;

-- Rights: administrators score; the application role may not call the functions at all.
BEGIN;
SET LOCAL ROLE reelbase_admin;
SELECT features_used FROM market.score_video('5c000000-0000-4000-8000-000000000001');
SELECT market.score_concept('5c200000-0000-4000-8000-000000000001') > 0 AS admin_scores;
ROLLBACK;
BEGIN;
SET LOCAL ROLE reelbase_app;
SELECT * FROM market.score_video('5c000000-0000-4000-8000-000000000001');
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;
BEGIN;
SET LOCAL ROLE reelbase_app;
SELECT market.virality_score('{}', '{}');
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;

-- Clean up.
DELETE FROM market.concepts WHERE id::text LIKE '5c200000-%';
DELETE FROM market.model_versions WHERE version_tag LIKE 'regress-v%';
DELETE FROM market.analyzed_videos WHERE id::text LIKE '5c000000-%';
