-- A sorted description of everything extension :ext defines in its schemas, independent of
-- creation order (an upgrade appends columns where a fresh install declares them in place):
-- compared between a fresh install and an upgraded one. psql -v ext=<extension>.
WITH ext_schemas AS (
  SELECT n.oid, n.nspname FROM pg_namespace n
  JOIN pg_depend d ON d.classid = 'pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = :'ext'
), rels AS (
  -- Partitions that maintenance made are user tables, not the extension's: left out.
  SELECT c.oid, c.relkind FROM pg_class c JOIN ext_schemas s ON s.oid = c.relnamespace
  WHERE NOT c.relispartition OR EXISTS (
    SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
)
SELECT kind, name, detail FROM (
  SELECT 'column' AS kind, c.oid::regclass::text || '.' || a.attname AS name,
         format_type(a.atttypid, a.atttypmod) || ' storage ' || a.attstorage::text
         || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
         || coalesce(' default ' || pg_get_expr(ad.adbin, ad.adrelid), '')
         || coalesce(' -- ' || col_description(c.oid, a.attnum), '') AS detail
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN rels r ON r.oid = c.oid
  LEFT JOIN pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
  WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm')
  UNION ALL
  SELECT 'relation', c.oid::regclass::text,
         c.relkind::text || ' rls=' || c.relrowsecurity || ' acl=' || coalesce(c.relacl::text, '')
         || coalesce(' -- ' || obj_description(c.oid, 'pg_class'), '')
  FROM pg_class c JOIN rels r ON r.oid = c.oid WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')
  UNION ALL
  SELECT 'constraint', conrelid::regclass::text || '.' || conname, pg_get_constraintdef(co.oid)
  FROM pg_constraint co JOIN ext_schemas s ON s.oid = co.connamespace
  WHERE co.conrelid = 0 OR co.conrelid IN (SELECT oid FROM rels)
  UNION ALL
  SELECT 'index', i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN rels r ON r.oid = i.indrelid
  UNION ALL
  SELECT 'function', p.oid::regprocedure::text,
         pg_get_function_result(p.oid) || ' ' || p.provolatile::text || p.proisstrict::text || p.proparallel::text
         || p.prosecdef::text || ' ' || coalesce(p.proconfig::text, '') || ' ' || md5(p.prosrc)
         || ' ' || coalesce(p.probin, '') || ' acl=' || coalesce(p.proacl::text, '')
         || coalesce(' -- ' || obj_description(p.oid, 'pg_proc'), '')
  FROM pg_proc p JOIN ext_schemas s ON s.oid = p.pronamespace
  UNION ALL
  SELECT 'policy', pol.schemaname::text || '.' || pol.tablename || '.' || pol.policyname,
         pol.cmd || ' ' || pol.roles::text || ' ' || coalesce(pol.qual, '') || ' / ' || coalesce(pol.with_check, '')
  FROM pg_policies pol WHERE pol.schemaname IN (SELECT nspname FROM ext_schemas)
  UNION ALL
  SELECT 'trigger', t.tgrelid::regclass::text || '.' || t.tgname, pg_get_triggerdef(t.oid)
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN rels r ON r.oid = c.oid
  WHERE NOT t.tgisinternal
  UNION ALL
  SELECT 'dumped', unnest(extconfig)::regclass::text, '' FROM pg_extension WHERE extname = :'ext'
  UNION ALL
  SELECT 'schema', nspname, coalesce(obj_description(oid, 'pg_namespace'), '') FROM ext_schemas
) f
ORDER BY 1, 2, 3;
