-- stories, part 3 of 3: the partitioned tables (seed 004 sections 2.5-2.6, 4): segments and jobs,
-- range-partitioned by month on created_at, plus the two plain tables that keep their seed
-- rules exact across partitions (job_idempotency_keys, scene_contributors).
--
-- As for learning.video_analytics_events: the primary key and the indexes are the default
-- partition's (13_partitions.sql), which the partition engine copies onto every partition it
-- makes; the parent carries the columns and CHECKs. scene_id and user_id are checked by
-- triggers, as the seed says ("FK enforced via trigger"), not by foreign keys: PostgreSQL 15
-- would clone a foreign key onto each partition, where it holds while a restore loads the
-- partitions' rows, before the scenes and users they name (20_integrity.sql). A foreign key
-- *to* jobs cannot exist (its key holds created_at), so segments.job_id is a trigger's too.

CREATE TABLE stories.segments (
  id uuid NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
  scene_id uuid NOT NULL,
  user_id uuid NOT NULL,
  job_id uuid NOT NULL,
  sequence integer NOT NULL,
  input_text text NOT NULL,
  expanded_script text NOT NULL,
  video_url varchar(500) NOT NULL,
  hls_playlist_url varchar(500),
  thumbnail_url varchar(500),
  duration integer NOT NULL,
  resolution varchar(20),
  file_size bigint,
  bible_version integer NOT NULL,
  status varchar(20) NOT NULL DEFAULT 'active',
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  -- Written as text = ANY (text[]) rather than the seed's IN (...): each partition carries its
  -- own copy of the CHECK in a dump, and ATTACH PARTITION on restore compares it with the
  -- parent's; a varchar IN list does not read back as the same expression (PostgreSQL 15).
  CONSTRAINT segments_status_check CHECK (status::text = ANY (ARRAY['active', 'hidden', 'removed']::text[]))
) PARTITION BY RANGE (created_at);
COMMENT ON TABLE stories.segments IS
  'The video segments of a scene, in sequence order; append-only. Partitioned by month on created_at (reelbase.partition_sets, every partition kept).';
COMMENT ON COLUMN stories.segments.scene_id IS 'The scene (must exist in stories.scenes; a trigger, as a foreign key would).';
COMMENT ON COLUMN stories.segments.user_id IS 'The contributor (must exist in stories.users).';
COMMENT ON COLUMN stories.segments.job_id IS 'The job that produced it (must exist in stories.jobs when written).';
COMMENT ON COLUMN stories.segments.sequence IS 'Order within the scene.';
COMMENT ON COLUMN stories.segments.duration IS 'Seconds.';
COMMENT ON COLUMN stories.segments.bible_version IS 'The scene bible version the segment was made with.';

CREATE TABLE stories.jobs (
  id uuid NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
  scene_id uuid NOT NULL,
  user_id uuid NOT NULL,
  type varchar(50) NOT NULL DEFAULT 'continuation',
  status varchar(30) NOT NULL DEFAULT 'queued',
  stage varchar(30) NOT NULL DEFAULT 'pending',
  progress integer NOT NULL DEFAULT 0,
  message text,
  input_text text NOT NULL,
  bible_version integer NOT NULL,
  context_data jsonb,
  result_data jsonb,
  error_code varchar(50),
  error_message text,
  retry_count integer NOT NULL DEFAULT 0,
  max_retries integer NOT NULL DEFAULT 3,
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  started_at timestamptz,
  completed_at timestamptz,
  -- The job queue's (not in the seed; docs/stories.md): the worker holding the job, its last
  -- report, and when a retried job may run again.
  claimed_by text,
  heartbeat_at timestamptz,
  run_after timestamptz,
  -- UNIQUE across every partition through stories.job_idempotency_keys (20_integrity.sql).
  idempotency_key varchar(100),
  -- text = ANY (text[]) for the reason given at segments_status_check.
  CONSTRAINT jobs_status_check CHECK (
    status::text = ANY (ARRAY['queued', 'processing', 'script_ready', 'continuity_checked',
                              'preview_ready', 'final_ready', 'failed', 'cancelled']::text[])),
  CONSTRAINT jobs_stage_check CHECK (
    stage::text = ANY (ARRAY['pending', 'script_expansion', 'continuity_validation',
                             'video_generation', 'upload', 'finalization', 'completed', 'error']::text[]))
) PARTITION BY RANGE (created_at);
COMMENT ON TABLE stories.jobs IS
  'Continuation jobs of the AI pipeline (script expansion, continuity check, video generation, upload). Partitioned by month on created_at; partitions older than 6 months are archived into schema stories_archive.';
COMMENT ON COLUMN stories.jobs.progress IS '0 to 100.';
COMMENT ON COLUMN stories.jobs.bible_version IS 'The scene bible version when the job was created.';
COMMENT ON COLUMN stories.jobs.context_data IS 'Scene bible and recent segments handed to the pipeline.';
COMMENT ON COLUMN stories.jobs.result_data IS 'Segment URLs, updated bible, ... on success.';
COMMENT ON COLUMN stories.jobs.claimed_by IS 'The worker that stories.claim_jobs handed the job to; NULL while queued.';
COMMENT ON COLUMN stories.jobs.heartbeat_at IS 'The holding worker''s last claim or report; stories.requeue_stalled_jobs requeues jobs whose worker went quiet.';
COMMENT ON COLUMN stories.jobs.run_after IS 'A failed job''s retry waits until then (exponential backoff, stories.fail_job).';
COMMENT ON COLUMN stories.jobs.idempotency_key IS
  'A client''s key: unique across every partition, archived ones included (stories.job_idempotency_keys).';

CREATE TABLE stories.job_idempotency_keys (
  idempotency_key varchar(100) PRIMARY KEY,
  job_id uuid NOT NULL,
  created_at timestamptz NOT NULL
);
SELECT pg_catalog.pg_extension_config_dump('stories.job_idempotency_keys', '');
COMMENT ON TABLE stories.job_idempotency_keys IS
  'The idempotency keys of stories.jobs, one row per key whatever partition its job is in (kept by a trigger on jobs); job_id, created_at locate the job. Keys of archived jobs stay.';

CREATE TABLE stories.scene_contributors (
  scene_id uuid NOT NULL REFERENCES stories.scenes (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  -- 0 only inside the statement that deletes a contributor's last segment (and the row).
  segments integer NOT NULL CHECK (segments >= 0),
  PRIMARY KEY (scene_id, user_id)
);
SELECT pg_catalog.pg_extension_config_dump('stories.scene_contributors', '');
COMMENT ON TABLE stories.scene_contributors IS
  'Who contributed segments to a scene and how many (kept by a trigger on segments): scenes.contributor_count is its row count per scene.';
