-- The audit trail: every change of a video, its assets, tags and receipts appends one
-- task_audit row in the change's transaction, chained per video by SHA-256
-- (docs/publishing.md, "The audit trail").
--
-- Appending is serialized per chain by a transaction-level advisory lock on the task_id,
-- taken before the chain's head is read: under READ COMMITTED the read then sees the previous
-- holder's committed row. The id is drawn after the lock, so a chain's ids rise in the order
-- its rows are linked. task_audit_chain_key (one row per predecessor) refuses a fork in any
-- case; under REPEATABLE READ a head committed after the snapshot makes the append a 40001.
--
-- A restore (pg_dump's scripts set row_security = off, which only roles that bypass RLS can
-- run with) loads the dumped trail as it is and does not audit the rows it loads.

CREATE FUNCTION publishing.audit_row_hash(id bigint, task_id uuid, actor text, action text,
                                          state_before jsonb, state_after jsonb, state_version int,
                                          "timestamp" timestamptz, prev_hash bytea)
RETURNS bytea
LANGUAGE c
IMMUTABLE
PARALLEL SAFE
AS 'MODULE_PATHNAME', 'publishing_audit_row_hash';
COMMENT ON FUNCTION publishing.audit_row_hash(bigint, uuid, text, text, jsonb, jsonb, int, timestamptz, bytea) IS
  'SHA-256 of a task_audit row''s fields and its predecessor''s hash, in the binary layout of docs/publishing.md (NULLs distinct from empty values; independent of DateStyle and TimeZone).';

CREATE FUNCTION publishing.task_audit_chain() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  head bytea;
BEGIN
  IF pg_catalog.current_setting('row_security') = 'off' AND NEW.prev_hash IS NOT NULL AND NEW.row_hash IS NOT NULL THEN
    RETURN NEW;
  END IF;
  IF NEW.task_id IS NULL THEN
    RAISE EXCEPTION 'a task_audit row needs its task_id' USING ERRCODE = 'not_null_violation';
  END IF;
  PERFORM pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('publishing.task_audit:' || NEW.task_id::text, 0));
  SELECT a.row_hash INTO head FROM publishing.task_audit AS a
  WHERE a.task_id = NEW.task_id ORDER BY a.id DESC LIMIT 1;
  NEW.id := pg_catalog.nextval('publishing.task_audit_id_seq'::regclass);
  NEW."timestamp" := coalesce(NEW."timestamp", pg_catalog.now());
  NEW.prev_hash := coalesce(head, pg_catalog.decode(pg_catalog.repeat('00', 32), 'hex'));
  NEW.row_hash := publishing.audit_row_hash(NEW.id, NEW.task_id, NEW.actor, NEW.action, NEW.state_before,
                                            NEW.state_after, NEW.state_version, NEW."timestamp", NEW.prev_hash);
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION publishing.task_audit_chain() IS
  'Trigger on publishing.task_audit: links a new row to the head of its task_id''s chain (id, prev_hash, row_hash are computed, whatever the INSERT says).';
REVOKE ALL ON FUNCTION publishing.task_audit_chain() FROM PUBLIC;
CREATE TRIGGER task_audit_chain BEFORE INSERT ON publishing.task_audit
  FOR EACH ROW EXECUTE FUNCTION publishing.task_audit_chain();

-- Append-only for every role: the app's and the administrators' hold no UPDATE, DELETE or
-- TRUNCATE privilege, and these triggers refuse the owner too (editing a row then takes
-- disabling them, which verify_audit() exposes).
CREATE FUNCTION publishing.task_audit_append_only() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION 'publishing.task_audit is append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
COMMENT ON FUNCTION publishing.task_audit_append_only() IS
  'Trigger on publishing.task_audit: refuses UPDATE, DELETE and TRUNCATE (42501).';
REVOKE ALL ON FUNCTION publishing.task_audit_append_only() FROM PUBLIC;
CREATE TRIGGER task_audit_no_change BEFORE UPDATE OR DELETE ON publishing.task_audit
  FOR EACH ROW EXECUTE FUNCTION publishing.task_audit_append_only();
CREATE TRIGGER task_audit_no_truncate BEFORE TRUNCATE ON publishing.task_audit
  FOR EACH STATEMENT EXECUTE FUNCTION publishing.task_audit_append_only();

-- One trigger function for the four audited tables: it reads rows as jsonb, so it names no
-- column of any of them but the video id. An UPDATE records only the columns it changed.
CREATE FUNCTION publishing.audit_change() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  old_row jsonb;
  new_row jsonb;
  before jsonb;
  after jsonb;
  task uuid;
  version integer;
BEGIN
  IF pg_catalog.current_setting('row_security') = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN old_row := pg_catalog.to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN new_row := pg_catalog.to_jsonb(NEW); END IF;
  IF TG_OP = 'UPDATE' THEN
    -- One scan of the new row, the old value looked up by key: no join to plan and run.
    SELECT pg_catalog.jsonb_object_agg(n.key, old_row OPERATOR(pg_catalog.->) n.key), pg_catalog.jsonb_object_agg(n.key, n.value)
      INTO before, after
    FROM pg_catalog.jsonb_each(new_row) AS n
    WHERE n.value IS DISTINCT FROM old_row OPERATOR(pg_catalog.->) n.key;
    IF after IS NULL THEN
      RETURN NULL;
    END IF;
  ELSE
    before := old_row;
    after := new_row;
  END IF;
  IF TG_TABLE_NAME = 'videos' THEN
    task := (coalesce(new_row, old_row) ->> 'id')::uuid;
    version := (coalesce(new_row, old_row) ->> 'state_version')::integer;
  ELSE
    task := (coalesce(new_row, old_row) ->> 'video_id')::uuid;
    SELECT v.state_version INTO version FROM publishing.videos AS v WHERE v.id = task;
  END IF;
  IF task IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO publishing.task_audit (task_id, actor, action, state_before, state_after, state_version)
  VALUES (task, publishing.current_actor(), TG_TABLE_NAME || '.' || pg_catalog.lower(TG_OP), before, after, version)
  ON CONFLICT (task_id, prev_hash) DO NOTHING;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'the audit trail of video % moved on while this change was written', task
      USING ERRCODE = 'serialization_failure', HINT = 'Retry the transaction.';
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION publishing.audit_change() IS
  'Trigger on videos, assets, video_tags and publish_receipts: appends the change to task_audit (the changed columns of an UPDATE, the whole row of an INSERT or DELETE).';
REVOKE ALL ON FUNCTION publishing.audit_change() FROM PUBLIC;
CREATE TRIGGER videos_audit AFTER INSERT OR UPDATE OR DELETE ON publishing.videos
  FOR EACH ROW EXECUTE FUNCTION publishing.audit_change();
CREATE TRIGGER assets_audit AFTER INSERT OR UPDATE OR DELETE ON publishing.assets
  FOR EACH ROW EXECUTE FUNCTION publishing.audit_change();
CREATE TRIGGER video_tags_audit AFTER INSERT OR UPDATE OR DELETE ON publishing.video_tags
  FOR EACH ROW EXECUTE FUNCTION publishing.audit_change();
CREATE TRIGGER publish_receipts_audit AFTER INSERT OR UPDATE OR DELETE ON publishing.publish_receipts
  FOR EACH ROW EXECUTE FUNCTION publishing.audit_change();
