-- Video ids kept in arrays are checked as a foreign key would check them, and also for the
-- tenant: learning.course_modules.video_ids (the course's creator), chat_sessions.
-- context_video_ids (the session's creator) and every "video_id" of chat_messages.
-- video_references (the session's creator) must each name a video of that creator, so that no
-- writer can point at another creator's videos (module_lessons.video_id is checked by its
-- policy). Rows written before 0.5.0 are not re-checked; the rollups ignore elements that
-- name no video of the creator.
-- With the writer's rights: a video is one they may reference when they can see it (a
-- student sees their creator's videos that are not deleted).
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
