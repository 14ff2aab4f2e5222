-- The rules every writer of videos and publish receipts follows, plain UPDATEs included.

-- Optimistic concurrency for every writer: an UPDATE sets state_version to exactly the old
-- value + 1 (with WHERE state_version = <expected>, a lost update is then impossible);
-- status moves draft -> pending_review -> published | rejected, rejected -> draft.
CREATE FUNCTION publishing.videos_rules() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NEW.state_version IS DISTINCT FROM OLD.state_version + 1 THEN
    RAISE EXCEPTION 'an update of video % must set state_version to % (it is %), not %',
      OLD.id, OLD.state_version + 1, OLD.state_version, NEW.state_version
      USING ERRCODE = 'object_not_in_prerequisite_state',
            HINT = 'UPDATE ... SET state_version = state_version + 1 WHERE id = ... AND state_version = <expected>, or publishing.update_video().';
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    RAISE EXCEPTION 'the id and created_at of video % cannot change', OLD.id
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status
     AND (OLD.status, NEW.status) NOT IN (('draft', 'pending_review'), ('pending_review', 'published'),
                                          ('pending_review', 'rejected'), ('rejected', 'draft')) THEN
    RAISE EXCEPTION 'video % cannot move from status % to %', OLD.id, OLD.status, NEW.status
      USING ERRCODE = 'object_not_in_prerequisite_state',
            HINT = 'draft -> pending_review -> published | rejected; rejected -> draft to resubmit.';
  END IF;
  NEW.updated_at := pg_catalog.now();
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION publishing.videos_rules() IS
  'Trigger on publishing.videos: state_version advances by exactly one per UPDATE, status follows its flow (55000 otherwise), updated_at is stamped.';
REVOKE ALL ON FUNCTION publishing.videos_rules() FROM PUBLIC;
CREATE TRIGGER videos_rules BEFORE UPDATE ON publishing.videos
  FOR EACH ROW EXECUTE FUNCTION publishing.videos_rules();

CREATE FUNCTION publishing.receipt_status_advances(from_status text, to_status text)
RETURNS boolean
LANGUAGE c
IMMUTABLE
STRICT
PARALLEL SAFE
AS 'MODULE_PATHNAME', 'publishing_receipt_status_advances';
COMMENT ON FUNCTION publishing.receipt_status_advances(text, text) IS
  'Whether a receipt may move from from_status to to_status: pending -> submitted -> published -> withdrawn, failed from pending or submitted.';

CREATE FUNCTION publishing.receipts_forward() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT publishing.receipt_status_advances(OLD.status, NEW.status) THEN
    RAISE EXCEPTION 'the % receipt % cannot move from status % to %', OLD.channel, OLD.external_id, OLD.status, NEW.status
      USING ERRCODE = 'object_not_in_prerequisite_state',
            HINT = 'pending -> submitted -> published -> withdrawn; failed from pending or submitted.';
  END IF;
  IF (NEW.video_id, NEW.channel, NEW.external_id) IS DISTINCT FROM (OLD.video_id, OLD.channel, OLD.external_id) THEN
    RAISE EXCEPTION 'the % receipt % keeps its video, channel and external id', OLD.channel, OLD.external_id
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION publishing.receipts_forward() IS
  'Trigger on publishing.publish_receipts: status only moves forward, video, channel and external_id never change.';
REVOKE ALL ON FUNCTION publishing.receipts_forward() FROM PUBLIC;
CREATE TRIGGER receipts_forward BEFORE UPDATE ON publishing.publish_receipts
  FOR EACH ROW EXECUTE FUNCTION publishing.receipts_forward();

-- A receipt is for a published video (also for an INSERT that bypasses record_receipt).
CREATE FUNCTION publishing.receipts_need_published() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  video_status text;
BEGIN
  -- A restore loads receipts as they were (row_security is off only for roles that bypass
  -- RLS: pg_dump's scripts set it).
  IF pg_catalog.current_setting('row_security') = 'off' THEN
    RETURN NEW;
  END IF;
  -- As the caller: a video it cannot see is missing.
  SELECT v.status INTO video_status FROM publishing.videos AS v WHERE v.id = NEW.video_id;
  IF video_status IS DISTINCT FROM 'published' THEN
    RAISE EXCEPTION 'video % is %; only a published video gets publish receipts', NEW.video_id, coalesce(video_status, 'missing')
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION publishing.receipts_need_published() IS
  'Trigger on publishing.publish_receipts: a new receipt needs its video published (55000).';
REVOKE ALL ON FUNCTION publishing.receipts_need_published() FROM PUBLIC;
CREATE TRIGGER receipts_need_published BEFORE INSERT ON publishing.publish_receipts
  FOR EACH ROW EXECUTE FUNCTION publishing.receipts_need_published();
