-- The partitions of segments and jobs. A default partition first, so every row has somewhere to
-- go; reelbase.run_maintenance() makes the monthly partitions ahead and moves rows out of the
-- default one. Monthly partitions are never made here: made by the extension script they would
-- become members of the extension, which pg_dump skips.
--
-- Retention (seed section 4): segments keep every partition; jobs partitions whose whole month
-- is older than 6 months are detached and moved into schema stories_archive (made by
-- maintenance when first needed), never dropped. Archived partitions keep their rows and their
-- job_idempotency_keys rows, and still keep their scenes and users from being deleted
-- (stories.scene_or_user_not_referenced searches them).
SELECT reelbase.manage_partitions('stories.segments', premake => 4);
SELECT reelbase.manage_partitions('stories.jobs', premake => 4, retention => interval '6 months',
                                  retention_mode => 'archive', archive_schema => 'stories_archive');

-- pg_dump keeps the rows of the default partitions this way.
SELECT pg_catalog.pg_extension_config_dump('stories.segments_default', '');
SELECT pg_catalog.pg_extension_config_dump('stories.jobs_default', '');
COMMENT ON TABLE stories.segments_default IS
  'Rows of stories.segments whose month has no partition yet; reelbase.run_maintenance() moves them out.';
COMMENT ON TABLE stories.jobs_default IS
  'Rows of stories.jobs whose month has no partition yet; reelbase.run_maintenance() moves them out.';

-- The key and the seed's indexes are the default partitions', and the partition engine makes
-- them again on every partition it makes (see 35_event_partitions.sql of learning for why not
-- on the parent).
ALTER TABLE stories.segments_default ADD CONSTRAINT segments_default_pkey PRIMARY KEY (id, created_at);
CREATE INDEX idx_segments_scene_id ON stories.segments_default (scene_id);
CREATE INDEX idx_segments_user_id ON stories.segments_default (user_id);
CREATE INDEX idx_segments_scene_sequence ON stories.segments_default (scene_id, sequence);
CREATE INDEX idx_segments_created_at ON stories.segments_default (created_at DESC);
-- Not in the seed: deleting a job checks that no segment names it (20_integrity.sql).
CREATE INDEX idx_segments_job_id ON stories.segments_default (job_id);

ALTER TABLE stories.jobs_default ADD CONSTRAINT jobs_default_pkey PRIMARY KEY (id, created_at);
CREATE INDEX idx_jobs_scene_id ON stories.jobs_default (scene_id);
CREATE INDEX idx_jobs_user_id ON stories.jobs_default (user_id);
CREATE INDEX idx_jobs_status ON stories.jobs_default (status)
  WHERE status NOT IN ('final_ready', 'failed', 'cancelled');
CREATE INDEX idx_jobs_created_at ON stories.jobs_default (created_at DESC);
-- The queue: claim_jobs reads the oldest queued jobs.
CREATE INDEX idx_jobs_queued ON stories.jobs_default (created_at, id) WHERE status = 'queued';
