-- The generation work queues (Swift, Sources/ReelbaseExtension/Factory/GenerationQueue.swift):
-- pending images and videos handed to workers oldest first, FOR UPDATE SKIP LOCKED, through
-- the seed's pending partial indexes (idx_images_pending, idx_videos_pending). A claim moves the
-- row to generating and records its worker in metadata (claimed_by, claimed_at: the seed has
-- no column for it); only that worker completes or fails it. The pipeline's functions:
-- granted to reelbase_admin, run with its rights.

CREATE FUNCTION factory.claim_generation_jobs(kind text, worker text, max_jobs integer DEFAULT 1)
  RETURNS TABLE (id uuid, dossier_id uuid, type text, prompt text, model text, created_at timestamptz)
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  SET search_path = pg_catalog, pg_temp
  AS 'MODULE_PATHNAME', 'factory_claim_generation_jobs';
COMMENT ON FUNCTION factory.claim_generation_jobs(text, text, integer) IS
  'Hands worker up to max_jobs (1..1000) of the oldest pending rows of kind ''image'' (cf_generated_images) or ''video'' (cf_generated_videos), moved to generating with metadata.claimed_by = worker; concurrent claimers never get the same row. Errors: 22023 unknown kind, empty worker, max_jobs out of range.';

CREATE FUNCTION factory.complete_generation(kind text, id uuid, worker text, url text, metadata jsonb DEFAULT NULL)
  RETURNS void
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  SET search_path = pg_catalog, pg_temp
  AS 'MODULE_PATHNAME', 'factory_complete_generation';
COMMENT ON FUNCTION factory.complete_generation(text, uuid, text, text, jsonb) IS
  'Completes a claimed generation: status completed, image_url or video_url = url, metadata merged in. Errors: 22023 unknown kind or empty url; 55000 the row is not generating under this worker.';

CREATE FUNCTION factory.fail_generation(kind text, id uuid, worker text, error text)
  RETURNS void
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  SET search_path = pg_catalog, pg_temp
  AS 'MODULE_PATHNAME', 'factory_fail_generation';
COMMENT ON FUNCTION factory.fail_generation(text, uuid, text, text) IS
  'Fails a claimed generation: status failed, metadata.error = error and failed_at. Errors: 22023 unknown kind; 55000 the row is not generating under this worker.';

REVOKE ALL ON FUNCTION factory.claim_generation_jobs(text, text, integer),
  factory.complete_generation(text, uuid, text, text, jsonb), factory.fail_generation(text, uuid, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION factory.claim_generation_jobs(text, text, integer),
  factory.complete_generation(text, uuid, text, text, jsonb), factory.fail_generation(text, uuid, text, text)
  TO reelbase_admin;
