-- The job queue (Swift, Sources/ReelbaseExtension/Stories/EnqueueJob.swift and JobWorker.swift)
-- and the pipeline's transitions, which a trigger enforces for every writer.

-- Status moves forward along the pipeline (a step may be skipped), to failed or cancelled from
-- any live status, and back to queued only for a retry or a requeue; terminal statuses stay.
-- Stage likewise moves forward, to error on failure, and back to pending with the status.
CREATE FUNCTION stories.jobs_transitions() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  statuses constant text[] := ARRAY['queued', 'processing', 'script_ready', 'continuity_checked',
                                    'preview_ready', 'final_ready'];
  stages constant text[] := ARRAY['pending', 'script_expansion', 'continuity_validation',
                                  'video_generation', 'upload', 'finalization', 'completed'];
  from_s integer := pg_catalog.array_position(statuses, OLD.status::text);
  to_s integer := pg_catalog.array_position(statuses, NEW.status::text);
  from_g integer := pg_catalog.array_position(stages, OLD.stage::text);
  to_g integer := pg_catalog.array_position(stages, NEW.stage::text);
BEGIN
  -- A value outside the seed's lists is the CHECK constraints' to refuse (23514).
  IF (to_s IS NULL AND NEW.status NOT IN ('failed', 'cancelled'))
     OR (to_g IS NULL AND NEW.stage <> 'error') THEN
    RETURN NEW;
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status THEN
    IF OLD.status IN ('final_ready', 'failed', 'cancelled')
       OR NOT (NEW.status IN ('failed', 'cancelled') OR coalesce(to_s > from_s, false)
               OR (NEW.status = 'queued' AND OLD.status <> 'queued')) THEN
      RAISE EXCEPTION 'job % cannot move from status % to %', OLD.id, OLD.status, NEW.status
        USING ERRCODE = 'object_not_in_prerequisite_state',
              HINT = 'queued -> processing -> script_ready -> continuity_checked -> preview_ready -> final_ready; failed or cancelled from any live status; back to queued only to retry.';
    END IF;
  END IF;
  IF NEW.stage IS DISTINCT FROM OLD.stage THEN
    IF OLD.stage = 'completed'
       OR NOT (NEW.stage = 'error' OR coalesce(to_g > from_g, false)
               OR (NEW.stage = 'pending' AND NEW.status = 'queued')) THEN
      RAISE EXCEPTION 'job % cannot move from stage % to %', OLD.id, OLD.stage, NEW.stage
        USING ERRCODE = 'object_not_in_prerequisite_state',
              HINT = 'pending -> script_expansion -> continuity_validation -> video_generation -> upload -> finalization -> completed; error on failure; back to pending when requeued.';
    END IF;
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION stories.jobs_transitions() IS
  'Trigger on stories.jobs: status and stage move only along the pipeline (55000 otherwise).';
REVOKE ALL ON FUNCTION stories.jobs_transitions() FROM PUBLIC;
CREATE TRIGGER jobs_transitions
  BEFORE UPDATE OF status, stage ON stories.jobs
  FOR EACH ROW EXECUTE FUNCTION stories.jobs_transitions();

CREATE FUNCTION stories.enqueue_job(scene_id uuid, input_text text, idempotency_key text DEFAULT NULL,
                                    type text DEFAULT 'continuation')
  RETURNS TABLE (job_id uuid, created_at timestamptz, status text, enqueued boolean)
  LANGUAGE c VOLATILE PARALLEL UNSAFE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS 'MODULE_PATHNAME', 'stories_enqueue_job';
COMMENT ON FUNCTION stories.enqueue_job(uuid, text, text, text) IS
  'Queues a job on the scene for the current (active) user at the scene''s bible version. The same idempotency_key again returns that job (enqueued false), also for concurrent callers. Errors: 42501 without an active user, 23503 for a scene that does not exist or is not visible, 55000 for a scene that is not active, 23505 for a key of another user''s job, 22023 for a key that is empty or over 100 bytes.';

CREATE FUNCTION stories.claim_jobs(worker text, max_jobs integer DEFAULT 1)
  RETURNS TABLE (job_id uuid, scene_id uuid, user_id uuid, type text, input_text text,
                 bible_version integer, context_data jsonb, retry_count integer, created_at timestamptz)
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'stories_claim_jobs';
COMMENT ON FUNCTION stories.claim_jobs(text, integer) IS
  'Hands worker up to max_jobs (1..1000) of the oldest queued jobs whose retry delay has passed (FOR UPDATE SKIP LOCKED), moving them to processing / script_expansion; no job is handed to two workers.';

CREATE FUNCTION stories.report_progress(job_id uuid, worker text, progress integer DEFAULT NULL,
                                        status text DEFAULT NULL, stage text DEFAULT NULL, message text DEFAULT NULL)
  RETURNS TABLE (job_status text, job_stage text, job_progress integer)
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'stories_report_progress';
COMMENT ON FUNCTION stories.report_progress(uuid, text, integer, text, text, text) IS
  'The worker holding the job reports progress (0..100), status, stage or a message; also its heartbeat. Errors: 55000 when the worker does not hold the job or the move is not a pipeline transition, 22023 for progress outside 0..100.';

CREATE FUNCTION stories.complete_job(job_id uuid, worker text, result_data jsonb, video_url text,
                                     duration integer, expanded_script text, hls_playlist_url text DEFAULT NULL,
                                     thumbnail_url text DEFAULT NULL, resolution text DEFAULT NULL,
                                     file_size bigint DEFAULT NULL)
  RETURNS TABLE (segment_id uuid, scene_id uuid, sequence integer, created_at timestamptz)
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'stories_complete_job';
COMMENT ON FUNCTION stories.complete_job(uuid, text, jsonb, text, integer, text, text, text, text, bigint) IS
  'The worker holding the job finishes it: final_ready / completed with result_data, and its segment appended as the next of the scene (stories.append_segment), in one transaction.';

CREATE FUNCTION stories.fail_job(job_id uuid, worker text, error_code text DEFAULT NULL, error_message text DEFAULT NULL)
  RETURNS TABLE (status text, retry_count integer, run_after timestamptz)
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'stories_fail_job';
COMMENT ON FUNCTION stories.fail_job(uuid, text, text, text) IS
  'The worker holding the job reports a failure: back to queued after 30 s x 2^retry_count (at most an hour) while retry_count < max_retries, else failed.';

CREATE FUNCTION stories.cancel_job(job_id uuid) RETURNS text
  LANGUAGE c VOLATILE STRICT PARALLEL UNSAFE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS 'MODULE_PATHNAME', 'stories_cancel_job';
COMMENT ON FUNCTION stories.cancel_job(uuid) IS
  'Cancels a job that is not finished: the current user''s own, or any for a moderator (SECURITY DEFINER). Errors: 23503 for a job that does not exist or is not the user''s, 55000 for a finished one.';

CREATE FUNCTION stories.requeue_stalled_jobs(stalled_after interval DEFAULT interval '10 minutes') RETURNS integer
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'stories_requeue_stalled_jobs';
COMMENT ON FUNCTION stories.requeue_stalled_jobs(interval) IS
  'Maintenance task (every minute): jobs in progress whose worker has not reported for stalled_after go back to queued. Returns how many.';

REVOKE ALL ON FUNCTION stories.claim_jobs(text, integer), stories.report_progress(uuid, text, integer, text, text, text),
  stories.complete_job(uuid, text, jsonb, text, integer, text, text, text, text, bigint),
  stories.fail_job(uuid, text, text, text), stories.requeue_stalled_jobs(interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION stories.claim_jobs(text, integer), stories.report_progress(uuid, text, integer, text, text, text),
  stories.complete_job(uuid, text, jsonb, text, integer, text, text, text, text, bigint),
  stories.fail_job(uuid, text, text, text), stories.requeue_stalled_jobs(interval) TO reelbase_admin;
GRANT EXECUTE ON FUNCTION stories.enqueue_job(uuid, text, text, text), stories.cancel_job(uuid)
  TO reelbase_app, reelbase_admin;

INSERT INTO reelbase.maintenance_tasks (name, function, run_every, registered_by_extension)
VALUES ('stories.requeue_stalled_jobs', 'stories.requeue_stalled_jobs(interval)', interval '1 minute', true);
