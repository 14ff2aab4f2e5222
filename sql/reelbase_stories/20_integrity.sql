-- Rules of the seed that PostgreSQL 15 cannot declare on a partitioned table, kept by triggers:
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

REVOKE ALL ON FUNCTION stories.moved_by_partition_engine(regclass, uuid, timestamptz),
  stories.jobs_idempotency_key(), stories.segments_job_exists(), stories.jobs_not_referenced() FROM PUBLIC;
