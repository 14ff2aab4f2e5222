-- Video ids kept in arrays are checked as a foreign key would check them, and also for the
-- tenant: learning.course_modules.video_ids (the course's creator), chat_sessions.
-- context_video_ids (the session's creator) and every "video_id" of chat_messages.
-- video_references (the session's creator) must each name a video of that creator, so that no
-- writer can point at another creator's videos (module_lessons.video_id is checked by its
-- policy). Rows written before 0.5.0 are not re-checked; the rollups ignore elements that
-- name no video of the creator.
-- With the writer's rights: a video is one they may reference when they can see it (a
-- student sees their creator's videos that are not deleted).
CREATE FUNCTION learning.check_video_references()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  owner uuid;
  ids text[];
  bad text;
  uuid_form constant text := '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
BEGIN
  -- Whoever row-level security does not apply to (superusers, the tables' owner, so also
  -- pg_restore, which loads chat_sessions before the videos they name) may reference any row.
  IF NOT row_security_active('learning.videos') THEN
    RETURN NEW;
  END IF;
  IF TG_TABLE_NAME = 'course_modules' THEN
    SELECT c.creator_id INTO owner FROM learning.courses c WHERE c.id = NEW.course_id;
    ids := NEW.video_ids;
  ELSIF TG_TABLE_NAME = 'chat_sessions' THEN
    owner := NEW.creator_id;
    ids := NEW.context_video_ids;
  ELSE
    SELECT s.creator_id INTO owner FROM learning.chat_sessions s WHERE s.id = NEW.session_id;
    IF jsonb_typeof(NEW.video_references) <> 'array' THEN
      RAISE EXCEPTION USING ERRCODE = '22023',
        MESSAGE = 'chat_messages.video_references must be a JSON array of objects with a "video_id"';
    END IF;
    SELECT e ->> 'video_id' INTO bad FROM jsonb_array_elements(NEW.video_references) e
    WHERE jsonb_typeof(e) <> 'object' OR jsonb_typeof(e -> 'video_id') IS DISTINCT FROM 'string'
    LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION USING ERRCODE = '22023',
        MESSAGE = 'every element of chat_messages.video_references must be an object with a "video_id" string';
    END IF;
    ids := ARRAY(SELECT e ->> 'video_id' FROM jsonb_array_elements(NEW.video_references) e);
  END IF;
  SELECT x INTO bad FROM unnest(ids) x
  -- CASE, so the cast only sees text of a uuid's form.
  WHERE CASE WHEN x IS NULL OR x !~* uuid_form THEN true
             ELSE NOT EXISTS (SELECT FROM learning.videos v WHERE v.id = x::uuid AND v.creator_id = owner) END
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = '23503',
      MESSAGE = format('%s names %s, which is not a video of the creator %s', TG_TABLE_NAME,
                       coalesce(quote_literal(bad), 'NULL'), coalesce(owner::text, '(none)')),
      HINT = 'Each element must be the id of a video of the same creator.';
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION learning.check_video_references() IS
  'BEFORE INSERT/UPDATE trigger: every video id in course_modules.video_ids, chat_sessions.context_video_ids and chat_messages.video_references names a video of the row''s creator (23503; 22023 for a malformed video_references).';
REVOKE ALL ON FUNCTION learning.check_video_references() FROM PUBLIC;

CREATE TRIGGER course_modules_check_video_references
  BEFORE INSERT OR UPDATE OF video_ids, course_id ON learning.course_modules
  FOR EACH ROW EXECUTE FUNCTION learning.check_video_references();
CREATE TRIGGER chat_sessions_check_video_references
  BEFORE INSERT OR UPDATE OF context_video_ids, creator_id ON learning.chat_sessions
  FOR EACH ROW EXECUTE FUNCTION learning.check_video_references();
CREATE TRIGGER chat_messages_check_video_references
  BEFORE INSERT OR UPDATE OF video_references, session_id ON learning.chat_messages
  FOR EACH ROW EXECUTE FUNCTION learning.check_video_references();
