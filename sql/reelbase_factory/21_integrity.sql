-- Rules the seed states in prose, kept by the database for every writer:
-- * assembled content names, in video_ids and image_ids, only generated videos and images of
--   its own dossier that exist, and its script_id is a script of that dossier (23503); an
--   image or video that is deleted leaves the arrays, as the seed's ON DELETE SET NULL leaves
--   source_image_id;
-- * a video's source_image_id is an image of the video's own dossier (23503);
-- * an A/B test's variants are JSON objects, each naming by published_content_id a different
--   published content of the test's dossier (22023 malformed or repeated, 23503 missing);
-- * scoring weights are a JSON object of known metric names to finite non-negative numbers
--   summing to 1 within 1e-9 (22023 naming the key).
-- A restore (pg_dump's scripts set row_security = off, which only roles that bypass RLS can
-- run with) loads rows as they were dumped, in whatever order it loads the tables.

CREATE FUNCTION factory.assembled_assets() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  kind text;
  missing uuid;
BEGIN
  IF pg_catalog.current_setting('row_security') = 'off' THEN
    RETURN NEW;
  END IF;
  IF pg_catalog.array_position(NEW.video_ids, NULL) IS NOT NULL OR pg_catalog.array_position(NEW.image_ids, NULL) IS NOT NULL THEN
    RAISE EXCEPTION 'the video_ids and image_ids of assembled content of dossier % hold no NULL', NEW.dossier_id
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  -- As the caller: an asset it cannot see is missing.
  SELECT m.kind, m.id INTO kind, missing FROM (
    SELECT 'video' AS kind, x AS id FROM pg_catalog.unnest(NEW.video_ids) AS x
    WHERE NOT EXISTS (SELECT FROM factory.cf_generated_videos AS v WHERE v.id = x AND v.dossier_id = NEW.dossier_id)
    UNION ALL
    SELECT 'image', x FROM pg_catalog.unnest(NEW.image_ids) AS x
    WHERE NOT EXISTS (SELECT FROM factory.cf_generated_images AS i WHERE i.id = x AND i.dossier_id = NEW.dossier_id)
  ) AS m LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION '% % is not a generated % of dossier %', kind, missing, kind, NEW.dossier_id
      USING ERRCODE = 'foreign_key_violation',
            HINT = kind || '_ids names cf_generated_' || kind || 's of the assembled content''s own dossier.';
  END IF;
  IF NEW.script_id IS NOT NULL
     AND NOT EXISTS (SELECT FROM factory.cf_scripts AS s WHERE s.id = NEW.script_id AND s.dossier_id = NEW.dossier_id) THEN
    RAISE EXCEPTION 'script % is not a script of dossier %', NEW.script_id, NEW.dossier_id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION factory.assembled_assets() IS
  'Trigger on factory.cf_assembled_content: video_ids, image_ids and script_id name only existing videos, images and scripts of the row''s dossier (23503; 22004 for a NULL element).';
REVOKE ALL ON FUNCTION factory.assembled_assets() FROM PUBLIC;
CREATE TRIGGER assembled_assets BEFORE INSERT OR UPDATE OF dossier_id, script_id, video_ids, image_ids
  ON factory.cf_assembled_content
  FOR EACH ROW EXECUTE FUNCTION factory.assembled_assets();

CREATE FUNCTION factory.video_source_image() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF pg_catalog.current_setting('row_security') = 'off' THEN
    RETURN NEW;
  END IF;
  -- As the caller: an image it cannot see is missing.
  IF NEW.source_image_id IS NOT NULL AND NOT EXISTS (
       SELECT FROM factory.cf_generated_images AS i WHERE i.id = NEW.source_image_id AND i.dossier_id = NEW.dossier_id) THEN
    RAISE EXCEPTION 'image % is not a generated image of dossier %', NEW.source_image_id, NEW.dossier_id
      USING ERRCODE = 'foreign_key_violation', HINT = 'source_image_id names a cf_generated_images row of the video''s own dossier.';
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION factory.video_source_image() IS
  'Trigger on factory.cf_generated_videos: source_image_id names an existing image of the video''s dossier (23503).';
REVOKE ALL ON FUNCTION factory.video_source_image() FROM PUBLIC;
CREATE TRIGGER video_source_image BEFORE INSERT OR UPDATE OF dossier_id, source_image_id
  ON factory.cf_generated_videos
  FOR EACH ROW EXECUTE FUNCTION factory.video_source_image();

-- evaluate_ab_test reads the variants as they are stored, so they are checked when written:
-- a test of contents of another product, or of one content against itself, is no test.
CREATE FUNCTION factory.ab_test_variants() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  n bigint;
  variant jsonb;
  id_text text;
  seen uuid[] := '{}'::uuid[];
BEGIN
  IF pg_catalog.current_setting('row_security') = 'off' THEN
    RETURN NEW;
  END IF;
  FOR variant, n IN SELECT u.v, u.o FROM pg_catalog.unnest(NEW.variants) WITH ORDINALITY AS u(v, o) LOOP
    IF variant IS NULL OR pg_catalog.jsonb_typeof(variant) <> 'object' THEN
      RAISE EXCEPTION 'variant % of A/B test "%" is not a JSON object', n, NEW.name
        USING ERRCODE = 'invalid_parameter_value', HINT = 'Each variant is {"label": ..., "published_content_id": ...}.';
    END IF;
    id_text := variant ->> 'published_content_id';
    IF id_text IS NULL OR id_text !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
      RAISE EXCEPTION 'variant % of A/B test "%": published_content_id must be a uuid', n, NEW.name
        USING ERRCODE = 'invalid_parameter_value', HINT = 'Each variant is {"label": ..., "published_content_id": ...}.';
    END IF;
    IF id_text::uuid = ANY (seen) THEN
      RAISE EXCEPTION 'variant % of A/B test "%" repeats published content %', n, NEW.name, id_text::uuid
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    seen := seen || id_text::uuid;
    -- As the caller: a content it cannot see is missing.
    IF NOT EXISTS (SELECT FROM factory.cf_published_content AS p
                   JOIN factory.cf_assembled_content AS a ON a.id = p.assembled_content_id
                   WHERE p.id = id_text::uuid AND a.dossier_id = NEW.dossier_id) THEN
      RAISE EXCEPTION 'variant % of A/B test "%": % is not a published content of dossier %', n, NEW.name, id_text::uuid, NEW.dossier_id
        USING ERRCODE = 'foreign_key_violation';
    END IF;
  END LOOP;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION factory.ab_test_variants() IS
  'Trigger on factory.cf_ab_tests: each variant is a JSON object naming a different published content of the test''s dossier (22023 malformed or repeated, 23503 missing).';
REVOKE ALL ON FUNCTION factory.ab_test_variants() FROM PUBLIC;
CREATE TRIGGER ab_test_variants BEFORE INSERT OR UPDATE OF dossier_id, variants ON factory.cf_ab_tests
  FOR EACH ROW EXECUTE FUNCTION factory.ab_test_variants();

-- As the owner: the assembly that named a deleted asset must forget it whoever deleted it.
-- When the dossier itself is being deleted its assembled content goes with it, untouched.
CREATE FUNCTION factory.forget_deleted_asset() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM factory.cf_product_dossiers AS d WHERE d.id = OLD.dossier_id) THEN
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'cf_generated_images' THEN
    UPDATE factory.cf_assembled_content AS a SET image_ids = pg_catalog.array_remove(a.image_ids, OLD.id)
    WHERE a.dossier_id = OLD.dossier_id AND OLD.id = ANY (a.image_ids);
  ELSE
    UPDATE factory.cf_assembled_content AS a SET video_ids = pg_catalog.array_remove(a.video_ids, OLD.id)
    WHERE a.dossier_id = OLD.dossier_id AND OLD.id = ANY (a.video_ids);
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION factory.forget_deleted_asset() IS
  'Trigger on factory.cf_generated_images and cf_generated_videos: a deleted image or video leaves the image_ids or video_ids of its dossier''s assembled content.';
REVOKE ALL ON FUNCTION factory.forget_deleted_asset() FROM PUBLIC;
CREATE TRIGGER images_forget_deleted AFTER DELETE ON factory.cf_generated_images
  FOR EACH ROW EXECUTE FUNCTION factory.forget_deleted_asset();
CREATE TRIGGER videos_forget_deleted AFTER DELETE ON factory.cf_generated_videos
  FOR EACH ROW EXECUTE FUNCTION factory.forget_deleted_asset();

CREATE FUNCTION factory.check_scoring_weights(weights jsonb)
RETURNS jsonb
LANGUAGE plpgsql
IMMUTABLE
STRICT
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  e record;
  w numeric;
  total numeric := 0::numeric;
BEGIN
  IF pg_catalog.jsonb_typeof(weights) <> 'object' THEN
    RAISE EXCEPTION 'scoring weights are a JSON object of metric weights, not a JSON %', pg_catalog.jsonb_typeof(weights)
      USING ERRCODE = 'invalid_parameter_value', HINT = 'For example {"engagement": 0.4, "ctr": 0.3, "conversions": 0.3}.';
  END IF;
  FOR e IN SELECT j.key, j.value FROM pg_catalog.jsonb_each(weights) AS j ORDER BY j.key LOOP
    IF NOT e.key = ANY (ARRAY['engagement', 'ctr', 'conversions']) THEN
      RAISE EXCEPTION 'unknown scoring weight "%"', e.key
        USING ERRCODE = 'invalid_parameter_value', HINT = 'The metrics are engagement, ctr and conversions.';
    END IF;
    IF pg_catalog.jsonb_typeof(e.value) <> 'number' THEN
      RAISE EXCEPTION 'the scoring weight "%" is a JSON %, not a number', e.key, pg_catalog.jsonb_typeof(e.value)
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    w := e.value::numeric;
    -- A weight above 1 cannot be part of a sum of 1: named here, not as a sum far from 1.
    IF w = ANY (ARRAY['NaN', 'Infinity', '-Infinity']::numeric[]) OR w < 0 OR w > 1 + 1e-9 THEN
      RAISE EXCEPTION 'the scoring weight "%" is %; weights are finite, not negative and at most 1', e.key,
        CASE WHEN pg_catalog.length(e.value::text) > 40 THEN pg_catalog.left(e.value::text, 37) || '...' ELSE e.value::text END
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    total := total + w;
  END LOOP;
  IF pg_catalog.abs(total - 1) > 1e-9 THEN
    RAISE EXCEPTION 'the scoring weights sum to %, not 1', total
      USING ERRCODE = 'invalid_parameter_value', HINT = 'The weights must sum to 1 within 1e-9.';
  END IF;
  RETURN weights;
END
$$;
COMMENT ON FUNCTION factory.check_scoring_weights(jsonb) IS
  'Returns weights if it is a JSON object of known metrics (engagement, ctr, conversions) to finite non-negative numbers (so at most 1) summing to 1 within 1e-9 (a missing metric weighs 0); else 22023 naming the first offending key (in key order) or the sum.';

CREATE FUNCTION factory.scoring_config_rules() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  PERFORM factory.check_scoring_weights(NEW.weights);
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION factory.scoring_config_rules() IS
  'Trigger on factory.cf_scoring_config: the weights pass factory.check_scoring_weights (22023 otherwise).';
REVOKE ALL ON FUNCTION factory.scoring_config_rules() FROM PUBLIC;
CREATE TRIGGER scoring_config_rules BEFORE INSERT OR UPDATE OF weights ON factory.cf_scoring_config
  FOR EACH ROW EXECUTE FUNCTION factory.scoring_config_rules();
