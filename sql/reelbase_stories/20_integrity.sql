-- Rules of the seed that PostgreSQL 15 cannot declare on a partitioned table, kept by triggers:
-- * segments and jobs name an existing scene and user (the seed's "FK enforced via trigger"):
--   checked when written, the scene and user rows locked FOR KEY SHARE as a foreign key does,
--   and a scene or user that a segment or job names, archived jobs included, cannot be deleted
--   or re-keyed (23503). A foreign key on the parent would be cloned onto every partition,
--   where a restore meets it while loading the partitions' rows before the scenes they name;
-- * jobs.idempotency_key UNIQUE: a UNIQUE index of a partitioned table must hold the partition
--   key (created_at), which would let one key repeat in two months. Every key is a row of
--   stories.job_idempotency_keys (its primary key) instead, so it is unique across all
--   partitions, archived ones included; a second job with a key fails with 23505.
-- * segments.job_id names a job: a foreign key to jobs would need jobs' whole key (id,
--   created_at). A segment's job must exist when the segment is written (23503), and a job a
--   segment names cannot be deleted (23503). The job's row is locked FOR KEY SHARE, as a
--   foreign key does, so a concurrent delete waits and then sees the segment.
--
-- The partition engine moves rows out of a default partition with DELETE ... RETURNING into a
-- new, not yet attached partition: that DELETE fires these triggers (and the counters', 21)
-- but is no deletion. stories.moved_by_partition_engine tells the two apart: the row exists,
-- same id and created_at, in the month partition the engine names <table>_YYYY_MM.
--
-- A restore (pg_dump's scripts set row_security = off, which only roles that bypass RLS can
-- run with) loads rows as they were dumped, in whatever order it loads the tables: the INSERT
-- paths here and in 21_counters.sql take such rows as they are, since the dump holds the keys,
-- the counters and the contributor rows already. Updates and deletes are always checked.
--
-- Trigger functions run as their owner (SECURITY DEFINER) so that a writer needs no rights on
-- the bookkeeping tables; search_path pinned, every name qualified.

CREATE FUNCTION stories.moved_by_partition_engine(p_partition regclass, p_id uuid, p_created_at timestamptz)
RETURNS boolean
LANGUAGE plpgsql
STABLE
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  parent regclass;
  child regclass;
  found boolean;
BEGIN
  SELECT i.inhparent::pg_catalog.regclass INTO parent
  FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_partitioned_table pt ON pt.partrelid = i.inhparent
  WHERE i.inhrelid = p_partition AND pt.partdefid = p_partition;
  IF parent IS NULL THEN
    RETURN false;  -- not a default partition: rows are only ever moved out of those
  END IF;
  child := pg_catalog.to_regclass(parent::text || '_' || pg_catalog.to_char(p_created_at AT TIME ZONE 'UTC', 'YYYY_MM'));
  IF child IS NULL OR child = p_partition THEN
    RETURN false;
  END IF;
  EXECUTE pg_catalog.format('SELECT EXISTS (SELECT FROM ONLY %s WHERE id OPERATOR(pg_catalog.=) $1 AND created_at OPERATOR(pg_catalog.=) $2)', child)
    INTO found USING p_id, p_created_at;
  RETURN found;
END
$$;
COMMENT ON FUNCTION stories.moved_by_partition_engine(regclass, uuid, timestamptz) IS
  'True when a row deleted from default partition p_partition was moved by the partition engine (the same id and created_at are in the month partition <parent>_YYYY_MM), not deleted. Used by the triggers of segments and jobs.';

CREATE FUNCTION stories.jobs_idempotency_key() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF TG_OP = 'INSERT' AND pg_catalog.current_setting('row_security') = 'off' THEN
    RETURN NULL;  -- a restore: the key's row is in the dump
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.idempotency_key IS NOT NULL
     AND (TG_OP = 'DELETE' OR NEW.idempotency_key IS DISTINCT FROM OLD.idempotency_key) THEN
    IF TG_OP = 'DELETE' AND stories.moved_by_partition_engine(TG_RELID, OLD.id, OLD.created_at) THEN
      RETURN NULL;
    END IF;
    DELETE FROM stories.job_idempotency_keys k
    WHERE k.idempotency_key OPERATOR(pg_catalog.=) OLD.idempotency_key AND k.job_id OPERATOR(pg_catalog.=) OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.idempotency_key IS NOT NULL
     AND (TG_OP = 'INSERT' OR NEW.idempotency_key IS DISTINCT FROM OLD.idempotency_key) THEN
    BEGIN
      INSERT INTO stories.job_idempotency_keys (idempotency_key, job_id, created_at)
      VALUES (NEW.idempotency_key, NEW.id, NEW.created_at);
    EXCEPTION WHEN unique_violation THEN
      RAISE EXCEPTION 'idempotency key "%" is already used by job %', NEW.idempotency_key,
        (SELECT k.job_id FROM stories.job_idempotency_keys k WHERE k.idempotency_key OPERATOR(pg_catalog.=) NEW.idempotency_key)
        USING ERRCODE = 'unique_violation', CONSTRAINT = 'job_idempotency_keys_pkey',
              HINT = 'An idempotency key names one job across every partition of stories.jobs.';
    END;
  ELSIF TG_OP = 'UPDATE' AND NEW.idempotency_key IS NOT NULL
        AND (NEW.id, NEW.created_at) IS DISTINCT FROM (OLD.id, OLD.created_at) THEN
    UPDATE stories.job_idempotency_keys k SET job_id = NEW.id, created_at = NEW.created_at
    WHERE k.idempotency_key OPERATOR(pg_catalog.=) NEW.idempotency_key;
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION stories.jobs_idempotency_key() IS
  'Trigger on stories.jobs: keeps stories.job_idempotency_keys, so an idempotency key is unique across every partition (23505).';
CREATE TRIGGER jobs_idempotency_key
  AFTER INSERT OR UPDATE OF idempotency_key, id, created_at OR DELETE ON stories.jobs
  FOR EACH ROW EXECUTE FUNCTION stories.jobs_idempotency_key();

CREATE FUNCTION stories.segments_job_exists() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF TG_OP = 'INSERT' AND pg_catalog.current_setting('row_security') = 'off' THEN
    RETURN NEW;
  END IF;
  PERFORM FROM stories.jobs j WHERE j.id OPERATOR(pg_catalog.=) NEW.job_id FOR KEY SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'job % of the segment does not exist', NEW.job_id
      USING ERRCODE = 'foreign_key_violation', TABLE = 'segments',
            HINT = 'A segment is appended from an existing job of stories.jobs.';
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION stories.segments_job_exists() IS
  'Trigger on stories.segments: the segment''s job must exist in stories.jobs (23503), locked FOR KEY SHARE like a foreign key.';
CREATE TRIGGER segments_job_exists
  BEFORE INSERT OR UPDATE OF job_id ON stories.segments
  FOR EACH ROW EXECUTE FUNCTION stories.segments_job_exists();

CREATE FUNCTION stories.jobs_not_referenced() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF TG_OP = 'DELETE' AND stories.moved_by_partition_engine(TG_RELID, OLD.id, OLD.created_at) THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.id OPERATOR(pg_catalog.=) OLD.id THEN
    RETURN NULL;
  END IF;
  IF EXISTS (SELECT FROM stories.segments s WHERE s.job_id OPERATOR(pg_catalog.=) OLD.id)
     AND NOT EXISTS (SELECT FROM stories.jobs j WHERE j.id OPERATOR(pg_catalog.=) OLD.id) THEN
    RAISE EXCEPTION 'job % is still named by a segment', OLD.id
      USING ERRCODE = 'foreign_key_violation', TABLE = 'jobs';
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION stories.jobs_not_referenced() IS
  'Trigger on stories.jobs: a job that a segment names cannot be deleted or re-keyed (23503).';
CREATE TRIGGER jobs_not_referenced
  AFTER UPDATE OF id OR DELETE ON stories.jobs
  FOR EACH ROW EXECUTE FUNCTION stories.jobs_not_referenced();

-- TG_ARGV[0]: 'segment' or 'job', for the message.
CREATE FUNCTION stories.scene_and_user_exist() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF TG_OP = 'INSERT' AND pg_catalog.current_setting('row_security') = 'off' THEN
    RETURN NEW;
  END IF;
  -- NULLs are left to the NOT NULL constraints (23502).
  IF NEW.scene_id IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.scene_id IS DISTINCT FROM OLD.scene_id) THEN
    PERFORM FROM stories.scenes s WHERE s.id OPERATOR(pg_catalog.=) NEW.scene_id FOR KEY SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'scene % of the % does not exist', NEW.scene_id, TG_ARGV[0]
        USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME,
              HINT = 'A segment or job belongs to an existing scene of stories.scenes.';
    END IF;
  END IF;
  IF NEW.user_id IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.user_id IS DISTINCT FROM OLD.user_id) THEN
    PERFORM FROM stories.users u WHERE u.id OPERATOR(pg_catalog.=) NEW.user_id FOR KEY SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'user % of the % does not exist', NEW.user_id, TG_ARGV[0]
        USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME,
              HINT = 'A segment or job belongs to an existing user of stories.users.';
    END IF;
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION stories.scene_and_user_exist() IS
  'Trigger on stories.segments and stories.jobs: scene_id and user_id name existing rows of stories.scenes and stories.users (23503), locked FOR KEY SHARE like a foreign key.';
CREATE TRIGGER segments_scene_and_user_exist
  BEFORE INSERT OR UPDATE OF scene_id, user_id ON stories.segments
  FOR EACH ROW EXECUTE FUNCTION stories.scene_and_user_exist('segment');
CREATE TRIGGER jobs_scene_and_user_exist
  BEFORE INSERT OR UPDATE OF scene_id, user_id ON stories.jobs
  FOR EACH ROW EXECUTE FUNCTION stories.scene_and_user_exist('job');

-- Archived jobs partitions are detached (no triggers) but still name their scenes and users:
-- their tables in stories_archive (14_partitions.sql) are searched too.
CREATE FUNCTION stories.scene_or_user_not_referenced() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  named boolean;
  archived regclass;
  col constant text := CASE TG_TABLE_NAME WHEN 'scenes' THEN 'scene_id' ELSE 'user_id' END;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.id OPERATOR(pg_catalog.=) OLD.id THEN
    RETURN NULL;
  END IF;
  IF col OPERATOR(pg_catalog.=) 'scene_id' THEN
    named := EXISTS (SELECT FROM stories.segments s WHERE s.scene_id OPERATOR(pg_catalog.=) OLD.id)
          OR EXISTS (SELECT FROM stories.jobs j WHERE j.scene_id OPERATOR(pg_catalog.=) OLD.id);
  ELSE
    named := EXISTS (SELECT FROM stories.segments s WHERE s.user_id OPERATOR(pg_catalog.=) OLD.id)
          OR EXISTS (SELECT FROM stories.jobs j WHERE j.user_id OPERATOR(pg_catalog.=) OLD.id);
  END IF;
  FOR archived IN
    SELECT c.oid::pg_catalog.regclass FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
    WHERE n.nspname OPERATOR(pg_catalog.=) 'stories_archive' AND c.relkind OPERATOR(pg_catalog.=) 'r'
      AND c.relname OPERATOR(pg_catalog.~) '^jobs_'
  LOOP
    EXIT WHEN named;
    EXECUTE pg_catalog.format('SELECT EXISTS (SELECT FROM %s WHERE %I OPERATOR(pg_catalog.=) $1)', archived, col)
      INTO named USING OLD.id;
  END LOOP;
  IF named THEN
    RAISE EXCEPTION '% % is still named by a segment or job', pg_catalog.rtrim(TG_TABLE_NAME, 's'), OLD.id
      USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME,
            HINT = 'Delete the segments and jobs first (archived jobs are in schema stories_archive).';
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION stories.scene_or_user_not_referenced() IS
  'Trigger on stories.scenes and stories.users: a scene or user that a segment or job names (archived jobs included) cannot be deleted or re-keyed (23503).';
CREATE TRIGGER scenes_not_referenced
  AFTER UPDATE OF id OR DELETE ON stories.scenes
  FOR EACH ROW EXECUTE FUNCTION stories.scene_or_user_not_referenced();
CREATE TRIGGER users_not_referenced
  AFTER UPDATE OF id OR DELETE ON stories.users
  FOR EACH ROW EXECUTE FUNCTION stories.scene_or_user_not_referenced();

REVOKE ALL ON FUNCTION stories.moved_by_partition_engine(regclass, uuid, timestamptz),
  stories.jobs_idempotency_key(), stories.segments_job_exists(), stories.jobs_not_referenced(),
  stories.scene_and_user_exist(), stories.scene_or_user_not_referenced() FROM PUBLIC;
