-- The events table's partitions. A default partition first, so every row has somewhere to go;
-- run_maintenance() makes the monthly partitions ahead and moves rows out of the default one.
-- Monthly partitions are never made here: made by the extension script they would become
-- members of the extension, which pg_dump skips.
SELECT reelbase.manage_partitions('learning.video_analytics_events', premake => 4);

-- pg_dump keeps the rows of the default partition this way.
SELECT pg_catalog.pg_extension_config_dump('learning.video_analytics_events_default', '');
COMMENT ON TABLE learning.video_analytics_events_default IS
  'Rows of learning.video_analytics_events whose month has no partition yet; reelbase.run_maintenance() moves them out.';
