-- learning.video_analytics_events becomes range-partitioned by month on "timestamp", managed
-- by the partition engine. The rows, indexes, foreign keys, CHECKs, policies, grants and
-- comments of the 0.1.0 table are carried over from the catalog rather than restated, so the
-- two cannot drift apart.
--
-- Deviation from seed 003: the primary key is (id, "timestamp") because a partitioned table's
-- unique constraints must include the partition key. Ids stay unique in practice: they are
-- UUIDv7 made by track_video_event or gen_random_uuid().

ALTER TABLE learning.video_analytics_events RENAME TO video_analytics_events_unpartitioned;

CREATE TABLE learning.video_analytics_events (
  LIKE learning.video_analytics_events_unpartitioned
    INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING COMMENTS INCLUDING STORAGE
) PARTITION BY RANGE ("timestamp");

DO $migrate$
DECLARE
  old regclass := 'learning.video_analytics_events_unpartitioned';
  -- Index names are schema-wide, so the new ones are made after the old table is gone.
  statements text[] := ARRAY['ALTER TABLE learning.video_analytics_events
    ADD CONSTRAINT video_analytics_events_pkey PRIMARY KEY (id, "timestamp")'];
  r record;
  stmt text;
BEGIN
  -- Secondary indexes (the old primary key is replaced above).
  FOR r IN SELECT pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
           WHERE i.indrelid = old AND NOT i.indisprimary LOOP
    statements := statements || replace(r.def, ' ON learning.video_analytics_events_unpartitioned ',
                                        ' ON learning.video_analytics_events ');
  END LOOP;
  FOR r IN SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
           WHERE conrelid = old AND contype = 'f' LOOP
    statements := statements || format('ALTER TABLE learning.video_analytics_events ADD CONSTRAINT %I %s',
                                       r.conname, r.def);
  END LOOP;
  FOR r IN SELECT p.polname, p.oid, pol.permissive, pol.roles, pol.cmd, pol.qual, pol.with_check
           FROM pg_policy p JOIN pg_policies pol ON pol.policyname = p.polname
             AND pol.schemaname = 'learning' AND pol.tablename = 'video_analytics_events_unpartitioned'
           WHERE p.polrelid = old LOOP
    statements := statements || format('CREATE POLICY %I ON learning.video_analytics_events AS %s FOR %s TO %s%s%s',
      r.polname, r.permissive, r.cmd,
      (SELECT string_agg(quote_ident(x), ', ') FROM unnest(r.roles) x),
      coalesce(' USING (' || replace(r.qual, 'video_analytics_events_unpartitioned.', 'video_analytics_events.') || ')', ''),
      coalesce(' WITH CHECK (' || replace(r.with_check, 'video_analytics_events_unpartitioned.', 'video_analytics_events.') || ')', ''));
    IF obj_description(r.oid, 'pg_policy') IS NOT NULL THEN
      statements := statements || format('COMMENT ON POLICY %I ON learning.video_analytics_events IS %L',
                                         r.polname, obj_description(r.oid, 'pg_policy'));
    END IF;
  END LOOP;
  FOR r IN SELECT a.privilege_type, a.grantee::regrole AS grantee FROM pg_class c, aclexplode(c.relacl) a
           WHERE c.oid = old AND a.grantee <> c.relowner AND a.grantee <> 0 LOOP
    statements := statements || format('GRANT %s ON learning.video_analytics_events TO %s',
                                       r.privilege_type, r.grantee);
  END LOOP;
  statements := statements || format('COMMENT ON TABLE learning.video_analytics_events IS %L',
    obj_description(old, 'pg_class') || ' Partitioned by month on "timestamp" (reelbase.partition_sets).');

  -- A default partition first, so every existing row has somewhere to go; run_maintenance()
  -- later moves them into monthly partitions. Monthly partitions are never made here: made by
  -- the extension script they would become members of the extension, which pg_dump skips.
  PERFORM reelbase.manage_partitions('learning.video_analytics_events', premake => 4);
  INSERT INTO learning.video_analytics_events SELECT * FROM learning.video_analytics_events_unpartitioned;
  ALTER EXTENSION reelbase DROP TABLE learning.video_analytics_events_unpartitioned;
  DROP TABLE learning.video_analytics_events_unpartitioned;
  FOREACH stmt IN ARRAY statements LOOP
    EXECUTE stmt;
  END LOOP;
END
$migrate$;

ALTER TABLE learning.video_analytics_events ENABLE ROW LEVEL SECURITY;
-- pg_dump keeps the rows of the default partition this way; monthly partitions are ordinary
-- tables (not extension members) and are dumped like any table.
SELECT pg_catalog.pg_extension_config_dump('learning.video_analytics_events_default', '');
COMMENT ON TABLE learning.video_analytics_events_default IS
  'Rows of learning.video_analytics_events whose month has no partition yet; reelbase.run_maintenance() moves them out.';
