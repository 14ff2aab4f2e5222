-- The events table's partitions. A default partition first, so every row has somewhere to go;
-- run_maintenance() makes the monthly partitions ahead and moves rows out of the default one.
-- Monthly partitions are never made here: made by the extension script they would become
-- members of the extension, which pg_dump skips.
SELECT reelbase.manage_partitions('learning.video_analytics_events', premake => 4);

-- pg_dump keeps the rows of the default partition this way.
SELECT pg_catalog.pg_extension_config_dump('learning.video_analytics_events_default', '');
COMMENT ON TABLE learning.video_analytics_events_default IS
  'Rows of learning.video_analytics_events whose month has no partition yet; reelbase.run_maintenance() moves them out.';

-- The key and the indexes are the default partition's, and the partition engine makes them
-- again on every partition it makes (PartitionTemplate.swift). On the parent they would be
-- cloned onto each dumped partition when a restore attaches it, and the dump's own statements
-- for that partition's key and indexes would then fail.
ALTER TABLE learning.video_analytics_events_default
  ADD CONSTRAINT video_analytics_events_default_pkey PRIMARY KEY (id, "timestamp");
-- The seed names these idx_video_analytics_*, which collides with
-- video_analytics' own idx_video_analytics_video_id (index names are unique per schema), so
-- they are renamed idx_video_analytics_events_*.
CREATE INDEX idx_video_analytics_events_video_id
  ON learning.video_analytics_events_default (video_id);
-- The seed's creator index carries the time column too: the rollups read one creator's day
-- through it, and a second index on creator_id would cost every event insert.
CREATE INDEX idx_video_analytics_events_creator_id
  ON learning.video_analytics_events_default (creator_id, "timestamp");
CREATE INDEX idx_video_analytics_events_student_id
  ON learning.video_analytics_events_default (student_id);
CREATE INDEX idx_video_analytics_events_event_type
  ON learning.video_analytics_events_default (event_type);
CREATE INDEX idx_video_analytics_events_timestamp
  ON learning.video_analytics_events_default ("timestamp");
CREATE INDEX idx_video_analytics_events_course_events
  ON learning.video_analytics_events_default (course_id, event_type, "timestamp");
CREATE INDEX idx_video_analytics_events_student_events
  ON learning.video_analytics_events_default (student_id, video_id, event_type, "timestamp");
-- Not in the seed: module_id has no index leading with it, and deleting a module would
-- otherwise scan the whole event log for its ON DELETE SET NULL. Most events carry no
-- module, hence partial.
CREATE INDEX idx_video_analytics_events_module_id
  ON learning.video_analytics_events_default (module_id)
  WHERE module_id IS NOT NULL;
-- Events are appended in created_at order, so a BRIN index finds the new ones at a fraction of
-- a btree's cost on every insert (track_video_event's hot path).
CREATE INDEX idx_video_analytics_events_created_at
  ON learning.video_analytics_events_default USING brin (created_at);
CREATE INDEX idx_video_analytics_events_video_started
  ON learning.video_analytics_events_default (video_id, "timestamp")
  WHERE event_type = 'video_started';
CREATE INDEX idx_video_analytics_events_creator_transcribed
  ON learning.video_analytics_events_default (creator_id, "timestamp")
  WHERE event_type = 'video_transcribed';
