-- reelbase_learning 0.4.0 (adopted from reelbase 0.4.0) -> 0.5.0. The core's update already
-- brought the C symbols to the 0.5.0 rule. What changes here:
\echo Use "ALTER EXTENSION reelbase_learning UPDATE TO '0.5.0'" to load this file. \quit

-- The events table's key and indexes move from the parent to its partitions, so that a dump
-- of a database whose maintenance has made partitions restores (35_event_partitions.sql).
-- Detaching a partition turns its cloned key and indexes into its own; with the parent's then
-- dropped, attaching it again clones nothing. The default partition's indexes take the names
-- the parent's had, as a fresh install names them.
DO $move$
DECLARE
  parent constant regclass := 'learning.video_analytics_events';
  part record;
  idx record;
  bounds text[] := '{}';
  parts regclass[] := '{}';
  index_names text[];
  child_indexes regclass[];
BEGIN
  LOCK TABLE learning.video_analytics_events IN ACCESS EXCLUSIVE MODE;
  -- (Arrays, not a temporary table: a table made here would become a member of the extension.)
  SELECT pg_catalog.array_agg(pi.relname::text), pg_catalog.array_agg(ci.indexrelid::regclass)
    INTO index_names, child_indexes
    FROM pg_catalog.pg_index ci
    JOIN pg_catalog.pg_inherits h ON h.inhrelid = ci.indexrelid
    JOIN pg_catalog.pg_class pi ON pi.oid = h.inhparent
    WHERE ci.indrelid = 'learning.video_analytics_events_default'::regclass
      AND pi.relname OPERATOR(pg_catalog.<>) 'video_analytics_events_pkey';
  FOR part IN
    SELECT c.oid::regclass AS rel, pg_catalog.pg_get_expr(c.relpartbound, c.oid) AS bound
    FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = parent
  LOOP
    EXECUTE pg_catalog.format('ALTER TABLE %s DETACH PARTITION %s', parent, part.rel);
    parts := parts OPERATOR(pg_catalog.||) part.rel;
    bounds := bounds OPERATOR(pg_catalog.||) part.bound;
  END LOOP;
  FOR idx IN
    SELECT i.indexrelid::regclass AS rel FROM pg_catalog.pg_index i
    WHERE i.indrelid = parent AND NOT i.indisprimary
  LOOP
    EXECUTE pg_catalog.format('DROP INDEX %s', idx.rel);
  END LOOP;
  ALTER TABLE learning.video_analytics_events DROP CONSTRAINT video_analytics_events_pkey;
  FOR i IN 1 .. pg_catalog.cardinality(child_indexes) LOOP
    EXECUTE pg_catalog.format('ALTER INDEX %s RENAME TO %I', child_indexes[i], index_names[i]);
  END LOOP;
  FOR i IN 1 .. pg_catalog.cardinality(parts) LOOP
    EXECUTE pg_catalog.format('ALTER TABLE %s ATTACH PARTITION %s %s', parent, parts[i], bounds[i]);
  END LOOP;
END
$move$;

-- Video ids in arrays are checked like foreign keys, tenant included (18_video_references.sql;
-- existing rows are not re-checked).
-- One trigger function per table (each names only its own table's columns, so plpgsql_check
-- checks it against that table); the check they share is learning.refuse_foreign_video_ids.
CREATE FUNCTION learning.refuse_foreign_video_ids(p_table text, p_owner uuid, p_ids text[])
RETURNS void
LANGUAGE plpgsql
STABLE
CALLED ON NULL INPUT
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  bad text;
  uuid_form constant text := '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
BEGIN
  SELECT x INTO bad FROM unnest(p_ids) x
  -- CASE, so the cast only sees text of a uuid's form.
  WHERE CASE WHEN x IS NULL OR x !~* uuid_form THEN true
             ELSE NOT EXISTS (SELECT FROM learning.videos v WHERE v.id = x::uuid AND v.creator_id = p_owner) END
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = '23503',
      MESSAGE = format('%s names %s, which is not a video of the creator %s', p_table,
                       coalesce(quote_literal(bad), 'NULL'), coalesce(p_owner::text, '(none)')),
      HINT = 'Each element must be the id of a video of the same creator.';
  END IF;
END
$$;
COMMENT ON FUNCTION learning.refuse_foreign_video_ids(text, uuid, text[]) IS
  'Internal to the video-reference triggers: raises 23503, naming p_table, when an element of p_ids is not the id of a video of the creator p_owner that the caller can see.';

-- Whoever row-level security does not apply to (superusers, the tables' owner, so also
-- pg_restore, which loads chat_sessions before the videos they name) may reference any row.
CREATE FUNCTION learning.course_modules_check_video_references()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  owner uuid;
BEGIN
  IF NOT row_security_active('learning.videos') THEN
    RETURN NEW;
  END IF;
  SELECT c.creator_id INTO owner FROM learning.courses c WHERE c.id = NEW.course_id;
  PERFORM learning.refuse_foreign_video_ids(TG_TABLE_NAME, owner, NEW.video_ids);
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION learning.course_modules_check_video_references() IS
  'BEFORE INSERT/UPDATE trigger on learning.course_modules: every id in video_ids names a video of the course''s creator (23503).';

CREATE FUNCTION learning.chat_sessions_check_video_references()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NOT row_security_active('learning.videos') THEN
    RETURN NEW;
  END IF;
  PERFORM learning.refuse_foreign_video_ids(TG_TABLE_NAME, NEW.creator_id, NEW.context_video_ids);
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION learning.chat_sessions_check_video_references() IS
  'BEFORE INSERT/UPDATE trigger on learning.chat_sessions: every id in context_video_ids names a video of the session''s creator (23503).';

CREATE FUNCTION learning.chat_messages_check_video_references()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  owner uuid;
BEGIN
  IF NOT row_security_active('learning.videos') THEN
    RETURN NEW;
  END IF;
  SELECT s.creator_id INTO owner FROM learning.chat_sessions s WHERE s.id = NEW.session_id;
  IF jsonb_typeof(NEW.video_references) <> 'array' THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = 'chat_messages.video_references must be a JSON array of objects with a "video_id"';
  END IF;
  PERFORM FROM jsonb_array_elements(NEW.video_references) e
  WHERE jsonb_typeof(e) <> 'object' OR jsonb_typeof(e -> 'video_id') IS DISTINCT FROM 'string'
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = 'every element of chat_messages.video_references must be an object with a "video_id" string';
  END IF;
  PERFORM learning.refuse_foreign_video_ids(TG_TABLE_NAME, owner,
    ARRAY(SELECT e ->> 'video_id' FROM jsonb_array_elements(NEW.video_references) e));
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION learning.chat_messages_check_video_references() IS
  'BEFORE INSERT/UPDATE trigger on learning.chat_messages: video_references is an array of objects with a "video_id" string (22023), each naming a video of the session''s creator (23503).';

-- The triggers run with the writer's rights, and so does the shared check they call.
REVOKE ALL ON FUNCTION learning.refuse_foreign_video_ids(text, uuid, text[]),
  learning.course_modules_check_video_references(), learning.chat_sessions_check_video_references(),
  learning.chat_messages_check_video_references() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION learning.refuse_foreign_video_ids(text, uuid, text[]) TO reelbase_app, reelbase_admin;

CREATE TRIGGER course_modules_check_video_references
  BEFORE INSERT OR UPDATE OF video_ids, course_id ON learning.course_modules
  FOR EACH ROW EXECUTE FUNCTION learning.course_modules_check_video_references();
CREATE TRIGGER chat_sessions_check_video_references
  BEFORE INSERT OR UPDATE OF context_video_ids, creator_id ON learning.chat_sessions
  FOR EACH ROW EXECUTE FUNCTION learning.chat_sessions_check_video_references();
CREATE TRIGGER chat_messages_check_video_references
  BEFORE INSERT OR UPDATE OF video_references, session_id ON learning.chat_messages
  FOR EACH ROW EXECUTE FUNCTION learning.chat_messages_check_video_references();

-- No end user reads a chunk's IVF list: it is the nearest centroid, derived from every
-- tenant's embeddings (sql/reelbase_learning/31_chunk_lists.sql). Search looks lists up as
-- the table's owner.
DROP POLICY video_chunk_lists_visible_chunks ON learning.video_chunk_lists;
REVOKE SELECT ON learning.video_chunk_lists FROM reelbase_app;

-- The identity functions become PL/pgSQL (14_identity.sql says why); same results.
CREATE OR REPLACE FUNCTION learning.current_creator_id()
RETURNS uuid
LANGUAGE plpgsql
STABLE
PARALLEL SAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN (SELECT c.id FROM learning.creators AS c
          WHERE c.id OPERATOR(pg_catalog.=) reelbase.current_user_id() AND c.is_active);
END
$$;

CREATE OR REPLACE FUNCTION learning.current_student_id()
RETURNS uuid
LANGUAGE plpgsql
STABLE
PARALLEL SAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN (SELECT s.id FROM learning.students AS s
          WHERE s.id OPERATOR(pg_catalog.=) reelbase.current_user_id() AND s.is_active);
END
$$;

CREATE OR REPLACE FUNCTION learning.current_student_creator_id()
RETURNS uuid
LANGUAGE plpgsql
STABLE
PARALLEL SAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN (SELECT s.creator_id FROM learning.students AS s
          WHERE s.id OPERATOR(pg_catalog.=) reelbase.current_user_id() AND s.is_active);
END
$$;

-- Embeddings: STORAGE PLAIN instead of MAIN (10_tables_content.sql says why). Rows written
-- before keep their compressed form until rewritten: array_cat with an empty array returns its
-- argument detoasted, so each is stored again uncompressed with the same values (the IVF list
-- trigger files it in the list it was in).
ALTER TABLE learning.video_chunks ALTER COLUMN embedding SET STORAGE PLAIN;
UPDATE learning.video_chunks SET embedding = pg_catalog.array_cat(embedding, '{}'::real[])
WHERE pg_catalog.pg_column_compression(embedding) IS NOT NULL;
