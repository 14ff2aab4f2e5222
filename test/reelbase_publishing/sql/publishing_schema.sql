-- The publishing catalogue as installed: the seed's tables and columns, RLS on every table,
-- what reelbase_app may run, and a comment on every table and function.
SELECT c.relname, string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END, ', ' ORDER BY a.attnum) AS columns
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE n.nspname = 'publishing' AND c.relkind = 'r'
GROUP BY c.relname ORDER BY c.relname;
-- Row level security everywhere; every table and function explained.
SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'publishing' AND c.relkind = 'r' AND NOT c.relrowsecurity;
SELECT c.relname AS uncommented FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'publishing' AND c.relkind = 'r' AND obj_description(c.oid, 'pg_class') IS NULL;
SELECT p.oid::regprocedure AS uncommented FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'publishing' AND obj_description(p.oid, 'pg_proc') IS NULL;
-- Every SECURITY DEFINER function and every function pins search_path.
SELECT p.oid::regprocedure AS unpinned FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'publishing' AND p.prolang <> (SELECT oid FROM pg_language WHERE lanname = 'c')
  AND NOT coalesce(p.proconfig::text[] && ARRAY['search_path=pg_catalog, pg_temp'], false);
-- reelbase_app: task_audit read-only, workers not at all, state_version only in UPDATE.
SELECT t, has_table_privilege('reelbase_app', 'publishing.' || t, 'SELECT') AS sel,
       has_table_privilege('reelbase_app', 'publishing.' || t, 'UPDATE') AS upd,
       has_table_privilege('reelbase_app', 'publishing.' || t, 'DELETE') AS del,
       has_table_privilege('reelbase_app', 'publishing.' || t, 'TRUNCATE') AS trunc
FROM unnest(ARRAY['workers', 'personas', 'videos', 'assets', 'tags', 'video_tags', 'publish_receipts', 'task_audit']) t;
SELECT has_column_privilege('reelbase_app', 'publishing.videos', 'state_version', 'INSERT') AS insert_version,
       has_column_privilege('reelbase_app', 'publishing.videos', 'state_version', 'UPDATE') AS update_version,
       has_column_privilege('reelbase_app', 'publishing.videos', 'status', 'INSERT') AS insert_status,
       has_column_privilege('reelbase_admin', 'publishing.task_audit', 'actor', 'UPDATE') AS admin_edits_audit;
-- Every user-data table and the audit id sequence are dumped with the data.
SELECT unnest(extconfig)::regclass AS dumped FROM pg_extension WHERE extname = 'reelbase_publishing';
