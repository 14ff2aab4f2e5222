-- The status flows, every move allowed and refused, for every writer (the owner here; RLS
-- suites show the app role's). A refused move is 55000 and names the row and both states.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixture :abs_srcdir '/sql/fixtures/factory.sql'
\i :fixture
\set VERBOSITY terse
\set ON_ERROR_ROLLBACK on

-- Tries every (from, to) pair of a flow's states on a fresh row of that state (inserted in
-- from by the owner, who may insert any state), and reports the moves allowed, then how many
-- were refused with 55000 (and any other outcome).
CREATE FUNCTION pg_temp.moves(tbl text, states text[], make text) RETURNS TABLE (from_status text, to_status text, outcome text)
LANGUAGE plpgsql AS $$
DECLARE
  f text;
  t text;
  rid uuid;
  refused integer := 0;
BEGIN
  FOREACH f IN ARRAY states LOOP
    FOREACH t IN ARRAY states LOOP
      CONTINUE WHEN f = t;
      BEGIN
        EXECUTE format(make, f) INTO rid;
        EXECUTE format('UPDATE factory.%I SET status = $1 WHERE id = $2', tbl) USING t, rid;
        from_status := f; to_status := t; outcome := 'allowed';
        RETURN NEXT;
        RAISE EXCEPTION USING ERRCODE = 'P0004';
      EXCEPTION
        WHEN SQLSTATE 'P0004' THEN NULL;
        WHEN SQLSTATE '55000' THEN refused := refused + 1;
        WHEN OTHERS THEN
          from_status := f; to_status := t; outcome := SQLSTATE; RETURN NEXT;
      END;
    END LOOP;
  END LOOP;
  from_status := '*'; to_status := '*'; outcome := refused || ' refused (55000)';
  RETURN NEXT;
END
$$;

SELECT * FROM pg_temp.moves('cf_product_dossiers', ARRAY['draft', 'active', 'archived'],
  $q$INSERT INTO factory.cf_product_dossiers (name, owner_id, status) VALUES ('flow', 'f0000000-0000-0000-0000-00000000000a', %L) RETURNING id$q$);
SELECT * FROM pg_temp.moves('cf_generated_images', ARRAY['pending', 'generating', 'completed', 'failed'],
  $q$INSERT INTO factory.cf_generated_images (dossier_id, type, prompt, status) VALUES ('f0000000-0000-0000-0000-0000000000d1', 'after', 'p', %L) RETURNING id$q$);
SELECT * FROM pg_temp.moves('cf_generated_videos', ARRAY['pending', 'generating', 'completed', 'failed'],
  $q$INSERT INTO factory.cf_generated_videos (dossier_id, type, prompt, status) VALUES ('f0000000-0000-0000-0000-0000000000d1', 'demo', 'p', %L) RETURNING id$q$);
SELECT * FROM pg_temp.moves('cf_assembled_content', ARRAY['draft', 'rendering', 'ready', 'published', 'failed'],
  $q$INSERT INTO factory.cf_assembled_content (dossier_id, platform, status) VALUES ('f0000000-0000-0000-0000-0000000000d1', 'tiktok', %L) RETURNING id$q$);

-- The message and hint of a refusal, and a whole journey along the flow.
\set VERBOSITY default
\set SHOW_CONTEXT never
UPDATE factory.cf_product_dossiers SET status = 'archived' WHERE id = :d1;
UPDATE factory.cf_assembled_content SET status = 'ready' WHERE id = :a1;
\set VERBOSITY terse
UPDATE factory.cf_assembled_content SET status = 'rendering' WHERE id = :a1;
UPDATE factory.cf_assembled_content SET status = 'ready' WHERE id = :a1;
UPDATE factory.cf_assembled_content SET status = 'published' WHERE id = :a1;
UPDATE factory.cf_assembled_content SET status = 'draft' WHERE id = :a1;
SELECT status FROM factory.cf_assembled_content WHERE id = :a1;
-- An UPDATE that keeps the status (or names it unchanged) is no move.
UPDATE factory.cf_assembled_content SET status = 'published', caption = 'new caption' WHERE id = :a1;
UPDATE factory.cf_product_dossiers SET status = 'draft', niche = 'Skincare' WHERE id = :d1;
-- A multi-row UPDATE is all or nothing: i1 may complete, i2 (pending) may not, neither does.
UPDATE factory.cf_generated_images SET status = 'generating' WHERE id = :i1;
UPDATE factory.cf_generated_images SET status = 'completed';
SELECT id, status FROM factory.cf_generated_images ORDER BY id;
-- updated_at moves with each dossier update, created_at does not.
SELECT created_at = updated_at AS untouched FROM factory.cf_product_dossiers WHERE id = :d2;
BEGIN;
UPDATE factory.cf_product_dossiers SET status = 'active' WHERE id = :d2;
SELECT updated_at = now() AS stamped, created_at < now() AS created_before FROM factory.cf_product_dossiers WHERE id = :d2;
ROLLBACK;
