-- The denormalized counters, kept by the database and exact under concurrency:
--   topics.scene_count, ideas.scene_count     rows of scenes (any status) of the topic / idea
--   scenes.segment_count, total_duration      rows of segments of the scene, sum of duration
--   scenes.contributor_count                  distinct users among those segments
--   scenes.last_segment_at                    max(created_at) of those segments
--   scenes.view_count, ideas.view_count       rows of scene_views of the scene / the idea's scenes
--   scenes.like_count, ideas.like_count       rows of likes of the scene / the idea
-- Each change is a row-level UPDATE ... SET x = x + d, which takes the counted row's lock and
-- adds to the committed value, so concurrent writers never lose an update. contributor_count
-- changes only when a (scene, user) row of stories.scene_contributors appears or goes (its
-- primary key settles racing inserters; INSERT ... ON CONFLICT DO NOTHING and a retry loop).
-- reelbase_app holds no INSERT or UPDATE privilege on these columns (23_grants.sql); the
-- trigger functions run as their owner.
--
-- Segments are append-only in what the counters read: scene_id, user_id, job_id, sequence,
-- bible_version and created_at cannot change (a segment moves scene only by being deleted and
-- appended again); duration may, and total_duration follows.

-- A restore (row_security = off, 20_integrity.sql) inserts rows as dumped: the counters and
-- the contributor rows of the dump already hold what the restored rows count, so no INSERT
-- path below counts them again.
--
-- A new topic, idea or scene has nothing to count yet: its counters start at zero whatever
-- the INSERT says. One function per table, so that each names only columns its table has and
-- plpgsql_check can check it against that table.
CREATE FUNCTION stories.topics_zero_counters() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF pg_catalog.current_setting('row_security') = 'off' THEN
    RETURN NEW;
  END IF;
  NEW.scene_count := 0;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION stories.topics_zero_counters() IS
  'Trigger on stories.topics: a new topic''s scene_count starts at zero.';
CREATE TRIGGER topics_zero_counters BEFORE INSERT ON stories.topics
  FOR EACH ROW EXECUTE FUNCTION stories.topics_zero_counters();

CREATE FUNCTION stories.ideas_zero_counters() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF pg_catalog.current_setting('row_security') = 'off' THEN
    RETURN NEW;
  END IF;
  NEW.scene_count := 0; NEW.like_count := 0; NEW.view_count := 0;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION stories.ideas_zero_counters() IS
  'Trigger on stories.ideas: a new idea''s scene, like and view counts start at zero.';
CREATE TRIGGER ideas_zero_counters BEFORE INSERT ON stories.ideas
  FOR EACH ROW EXECUTE FUNCTION stories.ideas_zero_counters();

CREATE FUNCTION stories.scenes_zero_counters() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF pg_catalog.current_setting('row_security') = 'off' THEN
    RETURN NEW;
  END IF;
  NEW.segment_count := 0; NEW.total_duration := 0; NEW.contributor_count := 0;
  NEW.view_count := 0; NEW.like_count := 0; NEW.last_segment_at := NULL;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION stories.scenes_zero_counters() IS
  'Trigger on stories.scenes: a new scene''s counters start at zero and last_segment_at at NULL.';
CREATE TRIGGER scenes_zero_counters BEFORE INSERT ON stories.scenes
  FOR EACH ROW EXECUTE FUNCTION stories.scenes_zero_counters();

CREATE FUNCTION stories.count_scene() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF TG_OP = 'INSERT' AND pg_catalog.current_setting('row_security') = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.topic_id OPERATOR(pg_catalog.=) OLD.topic_id
     AND NEW.idea_id OPERATOR(pg_catalog.=) OLD.idea_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE stories.topics SET scene_count = scene_count - 1 WHERE id OPERATOR(pg_catalog.=) OLD.topic_id;
    UPDATE stories.ideas SET scene_count = scene_count - 1, view_count = view_count - OLD.view_count
    WHERE id OPERATOR(pg_catalog.=) OLD.idea_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    UPDATE stories.topics SET scene_count = scene_count + 1 WHERE id OPERATOR(pg_catalog.=) NEW.topic_id;
    UPDATE stories.ideas SET scene_count = scene_count + 1, view_count = view_count + NEW.view_count
    WHERE id OPERATOR(pg_catalog.=) NEW.idea_id;
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION stories.count_scene() IS
  'Trigger on stories.scenes: keeps topics.scene_count and ideas.scene_count (and moves the scene''s views between ideas).';
CREATE TRIGGER scenes_count
  AFTER INSERT OR UPDATE OF topic_id, idea_id OR DELETE ON stories.scenes
  FOR EACH ROW EXECUTE FUNCTION stories.count_scene();

-- A deleted idea or scene takes its likes along (likes.target_id is polymorphic, so no
-- foreign key can).
CREATE FUNCTION stories.delete_likes_of_target() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  DELETE FROM stories.likes l
  WHERE l.target_type OPERATOR(pg_catalog.=) TG_ARGV[0] AND l.target_id OPERATOR(pg_catalog.=) OLD.id;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION stories.delete_likes_of_target() IS
  'Trigger on stories.ideas and stories.scenes: deleting the target deletes its likes.';
CREATE TRIGGER ideas_delete_likes AFTER DELETE ON stories.ideas
  FOR EACH ROW EXECUTE FUNCTION stories.delete_likes_of_target('idea');
CREATE TRIGGER scenes_delete_likes AFTER DELETE ON stories.scenes
  FOR EACH ROW EXECUTE FUNCTION stories.delete_likes_of_target('scene');

CREATE FUNCTION stories.segments_immutable() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF (NEW.scene_id, NEW.user_id, NEW.job_id, NEW.sequence, NEW.bible_version, NEW.created_at)
     IS DISTINCT FROM (OLD.scene_id, OLD.user_id, OLD.job_id, OLD.sequence, OLD.bible_version, OLD.created_at) THEN
    RAISE EXCEPTION 'segment % cannot change scene_id, user_id, job_id, sequence, bible_version or created_at', OLD.id
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Segments are append-only; change its status or media columns only.';
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION stories.segments_immutable() IS
  'Trigger on stories.segments: the columns the counters and the sequence rely on never change (22023).';
CREATE TRIGGER segments_immutable
  BEFORE UPDATE ON stories.segments
  FOR EACH ROW EXECUTE FUNCTION stories.segments_immutable();

CREATE FUNCTION stories.count_segment() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  added boolean;
  left_count integer;
BEGIN
  IF TG_OP = 'INSERT' AND pg_catalog.current_setting('row_security') = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF NEW.duration IS DISTINCT FROM OLD.duration THEN
      UPDATE stories.scenes SET total_duration = total_duration + (NEW.duration - OLD.duration)
      WHERE id OPERATOR(pg_catalog.=) NEW.scene_id;
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
    -- Contributors first, then the scene: the delete path takes the locks in the same order.
    LOOP
      INSERT INTO stories.scene_contributors AS c (scene_id, user_id, segments) VALUES (NEW.scene_id, NEW.user_id, 1)
      ON CONFLICT (scene_id, user_id) DO NOTHING;
      added := FOUND;
      EXIT WHEN added;
      UPDATE stories.scene_contributors SET segments = segments + 1
      WHERE scene_id OPERATOR(pg_catalog.=) NEW.scene_id AND user_id OPERATOR(pg_catalog.=) NEW.user_id;
      EXIT WHEN FOUND;  -- else its last segment was deleted meanwhile: insert again
    END LOOP;
    UPDATE stories.scenes
    SET segment_count = segment_count + 1,
        total_duration = total_duration + NEW.duration,
        contributor_count = contributor_count + CASE WHEN added THEN 1 ELSE 0 END,
        last_segment_at = GREATEST(last_segment_at, NEW.created_at)
    WHERE id OPERATOR(pg_catalog.=) NEW.scene_id;
  ELSE
    IF stories.moved_by_partition_engine(TG_RELID, OLD.id, OLD.created_at) THEN
      RETURN NULL;
    END IF;
    UPDATE stories.scene_contributors SET segments = segments - 1
    WHERE scene_id OPERATOR(pg_catalog.=) OLD.scene_id AND user_id OPERATOR(pg_catalog.=) OLD.user_id
    RETURNING segments INTO left_count;
    IF left_count OPERATOR(pg_catalog.=) 0 THEN
      DELETE FROM stories.scene_contributors
      WHERE scene_id OPERATOR(pg_catalog.=) OLD.scene_id AND user_id OPERATOR(pg_catalog.=) OLD.user_id;
    END IF;
    -- The scene row is locked first, so the newest remaining segment is read after every
    -- earlier writer of this scene committed.
    UPDATE stories.scenes
    SET segment_count = segment_count - 1,
        total_duration = total_duration - OLD.duration,
        contributor_count = contributor_count - CASE WHEN left_count OPERATOR(pg_catalog.=) 0 THEN 1 ELSE 0 END
    WHERE id OPERATOR(pg_catalog.=) OLD.scene_id;
    IF FOUND THEN
      UPDATE stories.scenes
      SET last_segment_at = (SELECT max(s.created_at) FROM stories.segments s
                             WHERE s.scene_id OPERATOR(pg_catalog.=) OLD.scene_id)
      WHERE id OPERATOR(pg_catalog.=) OLD.scene_id
        AND last_segment_at OPERATOR(pg_catalog.<=) OLD.created_at;
    END IF;
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION stories.count_segment() IS
  'Trigger on stories.segments: keeps scenes.segment_count, total_duration, contributor_count (through stories.scene_contributors) and last_segment_at.';
CREATE TRIGGER segments_count
  AFTER INSERT OR UPDATE OF duration OR DELETE ON stories.segments
  FOR EACH ROW EXECUTE FUNCTION stories.count_segment();

CREATE FUNCTION stories.count_like() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  r record;
  d integer;
BEGIN
  IF TG_OP = 'INSERT' AND pg_catalog.current_setting('row_security') = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF (NEW.target_type, NEW.target_id, NEW.user_id) IS DISTINCT FROM (OLD.target_type, OLD.target_id, OLD.user_id) THEN
      RAISE EXCEPTION 'a like cannot change its user or target'
        USING ERRCODE = 'invalid_parameter_value', HINT = 'Delete the like and like the other target.';
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN r := NEW; d := 1; ELSE r := OLD; d := -1; END IF;
  IF r.target_type OPERATOR(pg_catalog.=) 'idea' THEN
    UPDATE stories.ideas SET like_count = like_count + d WHERE id OPERATOR(pg_catalog.=) r.target_id;
  ELSE
    UPDATE stories.scenes SET like_count = like_count + d WHERE id OPERATOR(pg_catalog.=) r.target_id;
  END IF;
  IF NOT FOUND AND TG_OP = 'INSERT' THEN
    RAISE EXCEPTION 'no % with id %', r.target_type, r.target_id
      USING ERRCODE = 'foreign_key_violation', TABLE = 'likes';
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION stories.count_like() IS
  'Trigger on stories.likes: the target idea or scene must exist (23503); keeps its like_count.';
CREATE TRIGGER likes_count
  AFTER INSERT OR UPDATE OR DELETE ON stories.likes
  FOR EACH ROW EXECUTE FUNCTION stories.count_like();

CREATE FUNCTION stories.count_view() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  d integer := CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END;
  scene uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.scene_id ELSE OLD.scene_id END;
  idea uuid;
BEGIN
  IF TG_OP = 'INSERT' AND pg_catalog.current_setting('row_security') = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF NEW.scene_id IS DISTINCT FROM OLD.scene_id THEN
      RAISE EXCEPTION 'a view cannot move to another scene' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN NULL;
  END IF;
  UPDATE stories.scenes SET view_count = view_count + d
  WHERE id OPERATOR(pg_catalog.=) scene RETURNING idea_id INTO idea;
  -- A view deleted with its scene (ON DELETE CASCADE): the scene's delete already took its
  -- views off the idea (count_scene).
  IF idea IS NOT NULL THEN
    UPDATE stories.ideas SET view_count = view_count + d WHERE id OPERATOR(pg_catalog.=) idea;
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION stories.count_view() IS
  'Trigger on stories.scene_views: keeps scenes.view_count and the view_count of the scene''s idea.';
CREATE TRIGGER scene_views_count
  AFTER INSERT OR UPDATE OF scene_id OR DELETE ON stories.scene_views
  FOR EACH ROW EXECUTE FUNCTION stories.count_view();

REVOKE ALL ON FUNCTION stories.topics_zero_counters(), stories.ideas_zero_counters(),
  stories.scenes_zero_counters(), stories.count_scene(), stories.delete_likes_of_target(), stories.segments_immutable(),
  stories.count_segment(), stories.count_like(), stories.count_view() FROM PUBLIC;
