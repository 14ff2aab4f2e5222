-- Asset arrays name only existing assets of the same dossier (and the script too, and a video's
-- source image); a deleted asset leaves the arrays. A/B test variants name published contents
-- of the test's dossier. Scoring weights: a JSON object of known metrics to finite
-- non-negative numbers summing to 1 within 1e-9, else 22023 naming the key; one active config.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixture :abs_srcdir '/sql/fixtures/factory.sql'
\i :fixture
\set VERBOSITY terse
\set ON_ERROR_ROLLBACK on

-- Own dossier's assets: fine, on INSERT and UPDATE.
INSERT INTO factory.cf_assembled_content (id, dossier_id, platform, video_ids, image_ids, script_id)
VALUES ('f0000000-0000-0000-0000-0000000000a3', :d1, 'youtube', ARRAY[:v1, :v1]::uuid[], ARRAY[:i1]::uuid[], :s1) RETURNING cardinality(video_ids);
-- Another dossier's video, image or script, or one that does not exist: 23503 naming it.
INSERT INTO factory.cf_assembled_content (dossier_id, platform, video_ids) VALUES (:d1, 'tiktok', ARRAY[:v1, :v2]::uuid[]);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO factory.cf_assembled_content (dossier_id, platform, image_ids) VALUES (:d1, 'tiktok', ARRAY[:i2]::uuid[]);
INSERT INTO factory.cf_assembled_content (dossier_id, platform, image_ids) VALUES (:d1, 'tiktok', ARRAY['f0000000-0000-0000-0000-000000000000']::uuid[]);
INSERT INTO factory.cf_assembled_content (dossier_id, platform, script_id) VALUES (:d1, 'tiktok', :s2);
\echo :LAST_ERROR_SQLSTATE
-- An image id in video_ids is no video.
INSERT INTO factory.cf_assembled_content (dossier_id, platform, video_ids) VALUES (:d1, 'tiktok', ARRAY[:i1]::uuid[]);
INSERT INTO factory.cf_assembled_content (dossier_id, platform, video_ids) VALUES (:d1, 'tiktok', ARRAY[NULL]::uuid[]);
\echo :LAST_ERROR_SQLSTATE
UPDATE factory.cf_assembled_content SET video_ids = video_ids || :v2::uuid WHERE id = :a1;
UPDATE factory.cf_assembled_content SET image_ids = '{}', video_ids = NULL WHERE id = :a1 RETURNING video_ids, image_ids;
UPDATE factory.cf_assembled_content SET video_ids = ARRAY[:v1]::uuid[], image_ids = ARRAY[:i1]::uuid[] WHERE id = :a1;
-- A video's source image is an image of its own dossier (23503 otherwise).
INSERT INTO factory.cf_generated_videos (dossier_id, source_image_id, type, prompt) VALUES (:d1, :i2, 'reveal', 'x');
\echo :LAST_ERROR_SQLSTATE
UPDATE factory.cf_generated_videos SET source_image_id = :i2 WHERE id = :v1;
\echo :LAST_ERROR_SQLSTATE
UPDATE factory.cf_generated_videos SET source_image_id = :i1, prompt = 'again' WHERE id = :v1 RETURNING source_image_id = :i1 AS own;
-- A/B test variants: JSON objects, each naming a different published content of the test's
-- dossier (22023 malformed or repeated, 23503 missing).
INSERT INTO factory.cf_ab_tests (dossier_id, name, variants) VALUES
  (:d1, 'fine', ARRAY[jsonb_build_object('label', 'A', 'published_content_id', upper(:p1))]) RETURNING cardinality(variants);
INSERT INTO factory.cf_ab_tests (dossier_id, name, variants) VALUES (:d1, 'array', ARRAY['[1]']::jsonb[]);
INSERT INTO factory.cf_ab_tests (dossier_id, name, variants) VALUES (:d1, 'null', ARRAY[NULL]::jsonb[]);
INSERT INTO factory.cf_ab_tests (dossier_id, name, variants) VALUES (:d1, 'no id', ARRAY['{"label": "x"}', '{"published_content_id": 7}']::jsonb[]);
INSERT INTO factory.cf_ab_tests (dossier_id, name, variants) VALUES
  (:d1, 'twice', ARRAY[jsonb_build_object('published_content_id', :p1), jsonb_build_object('published_content_id', upper(:p1))]);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO factory.cf_ab_tests (dossier_id, name, variants) VALUES (:d1, 'foreign', ARRAY[jsonb_build_object('published_content_id', :p2)]);
\echo :LAST_ERROR_SQLSTATE
UPDATE factory.cf_ab_tests SET variants = variants || jsonb_build_object('published_content_id', 'f0000000-0000-0000-0000-000000000000') WHERE id = :t1;
\echo :LAST_ERROR_SQLSTATE
-- Deleting an asset takes it out of the arrays that name it (only those), as the seed's
-- ON DELETE SET NULL does for source_image_id; deleting a dossier takes its assembled content.
INSERT INTO factory.cf_generated_images (id, dossier_id, type, prompt) VALUES ('f0000000-0000-0000-0000-0000000000e3', :d1, 'after', 'clear skin');
UPDATE factory.cf_assembled_content SET image_ids = image_ids || 'f0000000-0000-0000-0000-0000000000e3'::uuid WHERE id = :a1;
DELETE FROM factory.cf_generated_images WHERE id = :i1;
SELECT id, video_ids, image_ids FROM factory.cf_assembled_content ORDER BY id;
DELETE FROM factory.cf_generated_videos WHERE id = :v1;
SELECT id, video_ids, image_ids FROM factory.cf_assembled_content ORDER BY id;
DELETE FROM factory.cf_product_dossiers WHERE id = :d1;
SELECT count(*) AS assembled_left, (SELECT count(*) FROM factory.cf_generated_images) AS images_left FROM factory.cf_assembled_content;

-- Scoring weights.
SELECT factory.check_scoring_weights('{"engagement": 0.7, "ctr": 0.2, "conversions": 0.1}') IS NOT NULL AS ok,
       factory.check_scoring_weights('{"ctr": 1}') IS NOT NULL AS one_metric,
       factory.check_scoring_weights('{"engagement": 0.3333333333, "ctr": 0.3333333333, "conversions": 0.3333333334}') IS NOT NULL AS exact,
       factory.check_scoring_weights('{"engagement": 0.5, "ctr": 0.5000000009}') IS NOT NULL AS within_1e9,
       factory.check_scoring_weights('{"engagement": 0, "ctr": 1e0, "conversions": 0.0}') IS NOT NULL AS zeros;
\set VERBOSITY default
\set SHOW_CONTEXT never
SELECT factory.check_scoring_weights('{"engagement": 0.5, "ctr": 0.5000000011}');
SELECT factory.check_scoring_weights('{"engagement": 0.4, "ctr": 0.3, "likes": 0.3}');
SELECT factory.check_scoring_weights('{"engagement": "0.4", "ctr": 0.6}');
SELECT factory.check_scoring_weights('{"engagement": null, "ctr": 1}');
SELECT factory.check_scoring_weights('{"engagement": -0.5, "ctr": 1.5}');
SELECT factory.check_scoring_weights('{"engagement": 1e400, "ctr": 1}');
SELECT factory.check_scoring_weights('{"engagement": 1.5, "ctr": -0.5}');
SELECT factory.check_scoring_weights('{}');
SELECT factory.check_scoring_weights('[0.5, 0.5]');
SELECT factory.check_scoring_weights('1');
SELECT factory.check_scoring_weights('{"engagement": {"w": 1}}');
-- NaN and infinities are not JSON numbers: a jsonb built from them holds strings.
SELECT factory.check_scoring_weights(jsonb_build_object('ctr', 'NaN'::numeric));
SELECT factory.check_scoring_weights(jsonb_build_object('ctr', 'Infinity'::float8));
-- The table refuses the same, on INSERT and on UPDATE of weights.
INSERT INTO factory.cf_scoring_config (name, weights, active) VALUES ('bad', '{"engagement": 0.4, "ctr": 0.3}', false);
\set VERBOSITY terse
UPDATE factory.cf_scoring_config SET weights = weights || '{"shares": 0}' WHERE id = :c1;
\echo :LAST_ERROR_SQLSTATE
UPDATE factory.cf_scoring_config SET weights = '{"engagement": 1}' WHERE id = :c1 RETURNING weights;

-- One active config: the seed's second example config (active by default) is refused while
-- one is active; switch by deactivating first, in one transaction.
INSERT INTO factory.cf_scoring_config (name, weights) VALUES ('Engagement Focus', '{"engagement": 0.7, "ctr": 0.2, "conversions": 0.1}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO factory.cf_scoring_config (name, weights, active) VALUES ('Conversion Focus', '{"engagement": 0.2, "ctr": 0.3, "conversions": 0.5}', false);
UPDATE factory.cf_scoring_config SET active = true WHERE name = 'Conversion Focus';
BEGIN;
UPDATE factory.cf_scoring_config SET active = false WHERE active;
UPDATE factory.cf_scoring_config SET active = true WHERE name = 'Conversion Focus';
COMMIT;
SELECT name, active FROM factory.cf_scoring_config ORDER BY name;
-- No active config at all is allowed.
UPDATE factory.cf_scoring_config SET active = false;
SELECT count(*) FILTER (WHERE active) AS active FROM factory.cf_scoring_config;
