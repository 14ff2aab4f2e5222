-- reelbase_market 0.4.0 (adopted from reelbase 0.4.0) -> 0.5.0. The objects are those reelbase
-- 0.4.0 defined; the core's update already brought their C symbols to the 0.5.0 rule. What
-- changes here:
\echo Use "ALTER EXTENSION reelbase_market UPDATE TO '0.5.0'" to load this file. \quit

-- The ratings trigger's jsonb defaults are typed ('{}'::jsonb), not text cast at run time
-- (found by plpgsql_check; 71_ratings.sql). Same behaviour.
CREATE OR REPLACE FUNCTION market.video_ratings_before_write() RETURNS trigger
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog
AS $$
DECLARE
  names constant text[] := ARRAY['hook', 'pacing', 'payoff', 'originality', 'rewatchable'];
  dimension_hint constant text := 'dimensions is {"hook", "pacing", "payoff", "originality", "rewatchable"}, each a number from 0 to 1.';
  k text;
  v jsonb;
  missing text[];
  ai jsonb;
  ai_dims jsonb;
  deltas jsonb := '{}'::jsonb;
  disagreement jsonb := '{}'::jsonb;
BEGIN
  -- NULLs and non-objects are left to the NOT NULL and CHECK constraints.
  IF jsonb_typeof(NEW.dimensions) = 'object' THEN
    FOR k, v IN SELECT e.key, e.value FROM jsonb_each(NEW.dimensions) e LOOP
      IF NOT k = ANY (names) THEN
        RAISE EXCEPTION 'unknown rating dimension "%"', left(k, 100)
          USING ERRCODE = 'invalid_parameter_value', HINT = dimension_hint;
      END IF;
      IF jsonb_typeof(v) <> 'number' THEN
        RAISE EXCEPTION 'rating dimension "%" must be a number, got %', k, jsonb_typeof(v)
          USING ERRCODE = 'invalid_parameter_value', HINT = dimension_hint;
      END IF;
      IF v::numeric < 0 OR v::numeric > 1 THEN
        -- A number's text can run to hundreds of digits (1e400): cut beyond 40 characters and
        -- say so, as market.list_concept does, so a cut number never reads as a smaller one.
        RAISE EXCEPTION 'rating dimension "%" must be between 0 and 1, got %', k,
          CASE WHEN length(v::text) > 40 THEN left(v::text, 24) || '... (' || length(v::text) || ' characters)'
               ELSE v::text END
          USING ERRCODE = 'check_violation', HINT = dimension_hint;
      END IF;
    END LOOP;
    SELECT array_agg(n ORDER BY o) INTO missing
    FROM unnest(names) WITH ORDINALITY AS u(n, o) WHERE NOT NEW.dimensions ? n;
    IF missing IS NOT NULL THEN
      RAISE EXCEPTION 'rating dimensions missing: %', array_to_string(missing, ', ')
        USING ERRCODE = 'invalid_parameter_value', HINT = dimension_hint;
    END IF;
  END IF;

  IF jsonb_typeof(NEW.ai_prediction) IS DISTINCT FROM 'object' THEN
    RETURN NEW;
  END IF;
  ai := NEW.ai_prediction - 'user_disagreement';
  IF ai ? 'overall' THEN
    IF jsonb_typeof(ai -> 'overall') IS DISTINCT FROM 'number'
       OR (ai ->> 'overall')::numeric NOT BETWEEN 0 AND 1 THEN
      RAISE EXCEPTION 'ai_prediction.overall must be a number from 0 to 1, got %', left((ai -> 'overall')::text, 40)
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- An out-of-range or NULL overall_score fails its own constraints after this trigger.
    IF NEW.overall_score BETWEEN 0 AND 1 THEN
      disagreement := jsonb_build_object('overall_delta',
        round(NEW.overall_score::numeric - (ai ->> 'overall')::numeric, 4)::double precision);
    END IF;
  END IF;
  IF ai ? 'dimensions' THEN
    ai_dims := ai -> 'dimensions';
    IF jsonb_typeof(ai_dims) IS DISTINCT FROM 'object' THEN
      RAISE EXCEPTION 'ai_prediction.dimensions must be a JSON object, got %', coalesce(jsonb_typeof(ai_dims), 'null')
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF jsonb_typeof(NEW.dimensions) = 'object' THEN
      FOR k, v IN SELECT e.key, e.value FROM jsonb_each(NEW.dimensions) e WHERE ai_dims ? e.key ORDER BY e.key LOOP
        IF jsonb_typeof(ai_dims -> k) <> 'number' OR (ai_dims ->> k)::numeric NOT BETWEEN 0 AND 1 THEN
          RAISE EXCEPTION 'ai_prediction.dimensions.% must be a number from 0 to 1, got %', k, left((ai_dims -> k)::text, 40)
            USING ERRCODE = 'invalid_parameter_value';
        END IF;
        deltas := deltas || jsonb_build_object(k,
          round(v::numeric - (ai_dims ->> k)::numeric, 4)::double precision);
      END LOOP;
    END IF;
    disagreement := disagreement || jsonb_build_object('dimension_deltas', deltas);
  END IF;
  IF ai ? 'overall' OR ai ? 'dimensions' THEN
    ai := ai || jsonb_build_object('user_disagreement', disagreement);
  END IF;
  NEW.ai_prediction := ai;
  RETURN NEW;
END
$$;

-- Embeddings: STORAGE PLAIN instead of MAIN (sql/reelbase_learning/10_tables_content.sql says
-- why); compressed rows are stored again uncompressed, same values.
ALTER TABLE market.analyzed_videos ALTER COLUMN content_embedding SET STORAGE PLAIN;
UPDATE market.analyzed_videos SET content_embedding = pg_catalog.array_cat(content_embedding, '{}'::real[])
WHERE pg_catalog.pg_column_compression(content_embedding) IS NOT NULL;
