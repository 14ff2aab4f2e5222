-- The probes of scripts/test-rls-matrix.sh, on the owners test-rls-matrix-owners.sql found:
-- each operation an identity attempts, rolled back, and what it reads of derived data.

-- One statement as reelbase_app, always rolled back: its SQLSTATE ('00000' when it ran), the
-- rows it affected and, for a query, its value (the error message when it failed). replica:
-- without triggers, to tell what row-level security itself does when a trigger refused first.
CREATE FUNCTION rls_matrix.attempt(stmt text, arg jsonb, replica boolean DEFAULT false,
                                   OUT state text, OUT affected bigint, OUT result jsonb)
LANGUAGE plpgsql AS $$
BEGIN
  BEGIN
    IF replica THEN
      SET LOCAL session_replication_role = replica;
    END IF;
    SET LOCAL ROLE reelbase_app;
    IF stmt ~ '^SELECT' THEN
      EXECUTE stmt INTO result USING arg;
    ELSE
      EXECUTE stmt USING arg;
    END IF;
    GET DIAGNOSTICS affected = ROW_COUNT;
    state := '00000';
    RAISE SQLSTATE 'ZX001';
  EXCEPTION
    WHEN SQLSTATE 'ZX001' THEN NULL;
    WHEN OTHERS THEN state := SQLSTATE; result := to_jsonb(SQLERRM);
  END;
END
$$;

-- A write was refused: 42501 (privilege or policy), no row affected, or a view that cannot be
-- written. Any other error is judged again without triggers (a trigger may refuse before the
-- policies are checked); what row-level security then lets through is a leak.
CREATE FUNCTION rls_matrix.refused(stmt text, arg jsonb, is_view boolean, OUT ok boolean, OUT what text)
LANGUAGE plpgsql AS $$
DECLARE
  a record := rls_matrix.attempt(stmt, arg);
  b record;
BEGIN
  ok := a.state = '42501' OR (a.state = '00000' AND a.affected = 0) OR (is_view AND a.state IN ('0A000', '55000'));
  what := CASE WHEN a.state = '00000' THEN a.affected || ' row(s)' ELSE a.state || ' ' || (a.result #>> '{}') END;
  IF NOT ok AND a.state <> '00000' THEN
    b := rls_matrix.attempt(stmt, arg, true);
    ok := b.state = '42501' OR (b.state = '00000' AND b.affected = 0);
    what := what || '; without triggers: '
            || CASE WHEN b.state = '00000' THEN b.affected || ' row(s)' ELSE b.state || ' ' || (b.result #>> '{}') END;
  END IF;
END
$$;

-- The four operations of identity p_who on relation p_rel, against the rows it may not read
-- (SELECT) or write (INSERT a copy with a new key, UPDATE, DELETE; UPDATE also moves each row
-- it may write to another tenant through every column its owner comes from). One row per
-- operation: attempts, leaks and what leaked.
CREATE FUNCTION rls_matrix.probe(p_rel regclass, p_who text)
RETURNS TABLE (op text, attempts integer, leaks integer, detail text)
LANGUAGE plpgsql AS $$
DECLARE
  r rls_matrix.relations;
  i rls_matrix.identities;
  a record;
  w record;
  mv record;
  src rls_matrix.sources;
  foreign_value jsonb;
  target jsonb;
  is_view boolean;
  keysel text;
  keywhere text;
  cols text;
  setcol text;
  stmt text;
  fresh text[];
  expected jsonb;
  seen jsonb;
  targets jsonb[];
  stmts text[];
  ops text[] := ARRAY['INSERT', 'UPDATE', 'DELETE'];
  k integer;
BEGIN
  SELECT * INTO STRICT r FROM rls_matrix.relations x WHERE x.rel = p_rel;
  SELECT * INTO STRICT i FROM rls_matrix.identities x WHERE x.name = p_who;
  PERFORM reelbase.set_user_id(i.uid);
  is_view := r.relkind IN ('v', 'm');
  keysel := (SELECT string_agg(format('%L, t.%I', c, c), ', ') FROM unnest(r.key_cols) c);
  keywhere := (SELECT string_agg(format('t.%I IS NOT DISTINCT FROM (jsonb_populate_record(NULL::%s, $1->''key'')).%I', c, p_rel, c), ' AND ')
               FROM unnest(r.key_cols) c);

  op := 'SELECT'; attempts := 1; leaks := 0; detail := NULL;
  a := rls_matrix.attempt(format('SELECT coalesce(jsonb_agg(%s), ''[]'') FROM %s t',
                                 CASE WHEN is_view THEN 'to_jsonb(t)' ELSE format('jsonb_build_object(%s)', keysel) END, p_rel), NULL);
  seen := a.result;
  IF a.state = '42501' THEN
    NULL;
  ELSIF a.state <> '00000' THEN
    leaks := 1; detail := 'SELECT failed: ' || a.state || ' ' || (a.result #>> '{}');
  ELSIF r.class = 'tenant' AND is_view THEN
    EXECUTE format('SELECT count(*), string_agg(to_jsonb(t)::text, '' '') FROM jsonb_populate_recordset(NULL::%s, $1) t
                    WHERE NOT rls_matrix.may_read($2, %s, %s)', p_rel, r.tenants_sql, r.person_sql)
      INTO leaks, detail USING seen, i;
  ELSIF r.class = 'tenant' THEN
    SELECT count(*), string_agg(s::text, ' ') INTO leaks, detail FROM jsonb_array_elements(seen) s
    WHERE NOT EXISTS (SELECT FROM rls_matrix.owner o
                      WHERE o.rel = p_rel AND o.key = s AND rls_matrix.may_read(i, o.tenants, o.person));
  ELSIF r.class = 'public' THEN
    EXECUTE format('SELECT coalesce(jsonb_agg(jsonb_build_object(%s)), ''[]'') FROM %s t WHERE %s', keysel, p_rel,
                   (SELECT l.visible FROM rls_matrix.allowlist l WHERE to_regclass(l.name) = p_rel)) INTO expected;
    SELECT count(*), string_agg(d, ' ') INTO leaks, detail FROM (
      SELECT 'not public: ' || s::text FROM jsonb_array_elements(seen) s WHERE NOT expected @> jsonb_build_array(s)
      UNION ALL
      SELECT 'public but not shown: ' || e::text FROM jsonb_array_elements(expected) e WHERE NOT seen @> jsonb_build_array(e)) x(d);
  ELSE
    leaks := jsonb_array_length(seen); detail := CASE WHEN leaks > 0 THEN left(seen::text, 300) END;
  END IF;
  RETURN NEXT;

  -- The rows it may not write: of a tenant-scoped relation the other tenants', of any other
  -- every row; a view gets one attempt at a row of NULLs (it must refuse writes outright).
  IF r.class = 'tenant' AND NOT is_view THEN
    targets := ARRAY(SELECT jsonb_build_object('key', o.key, 'row', o.row) FROM rls_matrix.owner o
                     WHERE o.rel = p_rel AND NOT rls_matrix.may_write(i, o.writers, o.person) ORDER BY o.key::text);
  ELSIF NOT is_view THEN
    EXECUTE format('SELECT array_agg(jsonb_build_object(''key'', jsonb_build_object(%s), ''row'', to_jsonb(t)) ORDER BY t::text) FROM %s t',
                   keysel, p_rel) INTO targets;
  END IF;
  IF coalesce(cardinality(targets), 0) = 0 THEN
    targets := ARRAY['{"key": {}, "row": {}}'::jsonb];
  END IF;
  -- A copy gets a new value in each uuid key column that points nowhere.
  fresh := ARRAY(SELECT c FROM unnest(r.key_cols) c JOIN pg_attribute x ON x.attrelid = p_rel AND x.attname = c
                 WHERE x.atttypid = 'uuid'::regtype
                   AND NOT EXISTS (SELECT FROM rls_matrix.sources s WHERE s.rel = p_rel AND s.via = 'fk' AND c = ANY (s.cols)));
  cols := (SELECT string_agg(quote_ident(c), ', ') FROM unnest(rls_matrix.usable_cols(p_rel, 'INSERT')) c);
  setcol := coalesce((SELECT c FROM unnest(rls_matrix.usable_cols(p_rel, 'UPDATE')) c WHERE c <> ALL (r.key_cols) LIMIT 1),
                     (rls_matrix.usable_cols(p_rel, 'UPDATE'))[1]);
  stmts := ARRAY[
    format('INSERT INTO %s (%s) SELECT %s FROM jsonb_populate_record(NULL::%s, $1->''row'')', p_rel, cols, cols, p_rel),
    format('UPDATE %s t SET %I = t.%I WHERE %s', p_rel, setcol, setcol, keywhere),
    format('DELETE FROM %s t WHERE %s', p_rel, keywhere)];
  FOR k IN 1..3 LOOP
    op := ops[k]; attempts := 0; leaks := 0; detail := NULL;
    FOREACH target IN ARRAY targets LOOP
      IF k = 1 THEN
        target := jsonb_set(target, '{row}', (target->'row')
                            || coalesce((SELECT jsonb_object_agg(c, gen_random_uuid()) FROM unnest(fresh) c), '{}'));
      END IF;
      w := rls_matrix.refused(stmts[k], target, is_view);
      attempts := attempts + 1;
      IF NOT w.ok THEN
        leaks := leaks + 1;
        IF leaks <= 3 THEN detail := concat_ws('; ', detail, format('%s %s: %s', op, target->'key', w.what)); END IF;
      END IF;
    END LOOP;
    IF k = 2 AND r.class = 'tenant' AND NOT is_view THEN
      -- Each row it may write, moved to another tenant: every column its owner comes from
      -- takes a value naming a tenant (or a row) it may not read.
      FOR src IN
        SELECT s.* FROM rls_matrix.sources s LEFT JOIN rls_matrix.relations t ON t.rel = s.target
        WHERE s.rel = p_rel AND cardinality(s.cols) = 1 AND (s.via = 'policy' OR t.class = 'tenant')
        ORDER BY s.col, s.via
      LOOP
        IF src.via = 'policy' THEN
          SELECT o.row->src.col INTO foreign_value FROM rls_matrix.owner o
          WHERE o.rel = p_rel AND o.row->>src.col IS NOT NULL
            AND CASE src.kind WHEN 'person' THEN (o.row->>src.col)::uuid IS DISTINCT FROM i.person
                              ELSE NOT (src.kind || ':' || (o.row->>src.col)) = ANY (i.read_keys) END
          ORDER BY o.key::text LIMIT 1;
        ELSE
          SELECT o.row->src.target_cols[1] INTO foreign_value FROM rls_matrix.owner o
          WHERE o.rel = src.target AND NOT rls_matrix.may_read(i, o.tenants, o.person)
          ORDER BY o.key::text LIMIT 1;
        END IF;
        CONTINUE WHEN foreign_value IS NULL;
        stmt := format('UPDATE %s t SET %I = (jsonb_populate_record(NULL::%s, $1->''row'')).%I WHERE %s',
                       p_rel, src.col, p_rel, src.col, keywhere);
        FOR mv IN SELECT o.key FROM rls_matrix.owner o
                  WHERE o.rel = p_rel AND rls_matrix.may_write(i, o.writers, o.person)
                    AND o.row->src.col IS DISTINCT FROM foreign_value ORDER BY o.key::text
        LOOP
          w := rls_matrix.refused(stmt, jsonb_build_object('key', mv.key, 'row', jsonb_build_object(src.col, foreign_value)), false);
          attempts := attempts + 1;
          IF NOT w.ok THEN
            leaks := leaks + 1;
            IF leaks <= 3 THEN
              detail := concat_ws('; ', detail, format('move %s to %s %s: %s', mv.key, src.col, foreign_value, w.what));
            END IF;
          END IF;
        END LOOP;
      END LOOP;
    END IF;
    RETURN NEXT;
  END LOOP;
END
$$;

-- What identity i reads from every relation end users may read (the columns it may read): per
-- relation a row count (-1: refused), an md5 over the rows and the uuids they name.
CREATE FUNCTION rls_matrix.reads(i rls_matrix.identities)
RETURNS TABLE (rel regclass, rows bigint, md5 text, ids uuid[])
LANGUAGE plpgsql AS $$
DECLARE
  x record;
  a record;
BEGIN
  PERFORM reelbase.set_user_id(i.uid);
  FOR x IN SELECT r.rel, string_agg(quote_ident(c.attname), ', ' ORDER BY c.attnum) AS cols
           FROM rls_matrix.relations r
           JOIN pg_attribute c ON c.attrelid = r.rel AND c.attnum > 0 AND NOT c.attisdropped
                              AND has_column_privilege('reelbase_app', r.rel, c.attnum, 'SELECT')
           GROUP BY r.rel ORDER BY r.rel::text
  LOOP
    a := rls_matrix.attempt(format('SELECT jsonb_build_array(count(*), coalesce(string_agg(t::text, E''\n'' ORDER BY t::text), ''''))
                                    FROM (SELECT %s FROM %s) t', x.cols, x.rel), NULL);
    rel := x.rel;
    IF a.state = '00000' THEN
      rows := (a.result->>0)::bigint;
      md5 := md5(a.result->>1);
      ids := ARRAY(SELECT DISTINCT m[1]::uuid
                   FROM regexp_matches(a.result->>1, '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})', 'g') m);
    ELSE
      rows := -1; md5 := a.state; ids := '{}';
    END IF;
    RETURN NEXT;
  END LOOP;
END
$$;

-- Everything derived, rebuilt from the rows there are now: rollups from scratch (no
-- watermark), every maintenance task, every built vector index, every materialized view.
CREATE FUNCTION rls_matrix.rebuild_derived() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  x record;
BEGIN
  DELETE FROM reelbase.rollup_watermarks;
  PERFORM reelbase.run_task(t.name) FROM reelbase.maintenance_tasks t WHERE t.enabled ORDER BY t.name;
  FOR x IN SELECT v.name, v.lists, v.list_table FROM reelbase.vector_indexes v WHERE v.lists IS NOT NULL ORDER BY v.name LOOP
    BEGIN
      PERFORM reelbase.build_vector_index(x.name, x.lists);
    EXCEPTION WHEN OTHERS THEN  -- nothing left to build from: no lists
      EXECUTE format('DELETE FROM %s', x.list_table);
      DELETE FROM reelbase.vector_index_centroids c WHERE c.index_name = x.name;
    END;
  END LOOP;
  FOR x IN SELECT r.rel FROM rls_matrix.relations r WHERE r.relkind = 'm' LOOP
    EXECUTE format('REFRESH MATERIALIZED VIEW %s', x.rel);
  END LOOP;
END
$$;

-- Derived data: what p_who reads from each relation end users may read, before and after every
-- row it may not read is deleted (triggers and foreign keys off) and everything derived is
-- rebuilt; then rolled back. A relation whose reading changes shows p_who data derived from
-- other tenants' rows. Also the uuids p_who reads that are keys of rows it may not read.
CREATE FUNCTION rls_matrix.derived(p_who text)
RETURNS TABLE (rel regclass, class text, rows_before bigint, rows_after bigint, changed boolean, foreign_ids uuid[])
LANGUAGE plpgsql AS $$
DECLARE
  i rls_matrix.identities;
  x record;
  before jsonb;
  after jsonb;
BEGIN
  SELECT * INTO STRICT i FROM rls_matrix.identities v WHERE v.name = p_who;
  SELECT jsonb_object_agg(d.rel::text, to_jsonb(d)) INTO before FROM rls_matrix.reads(i) d;
  BEGIN
    SET LOCAL session_replication_role = replica;
    FOR x IN SELECT r.rel, r.key_cols FROM rls_matrix.relations r WHERE r.class = 'tenant' AND r.relkind = 'r' LOOP
      EXECUTE format('DELETE FROM ONLY %s t WHERE jsonb_build_object(%s) IN (
                        SELECT o.key FROM rls_matrix.owner o WHERE o.rel = %s AND NOT rls_matrix.may_read($1, o.tenants, o.person))',
                     x.rel, (SELECT string_agg(format('%L, t.%I', c, c), ', ') FROM unnest(x.key_cols) c), x.rel::oid)
        USING i;
    END LOOP;
    SET LOCAL session_replication_role = origin;
    PERFORM rls_matrix.rebuild_derived();
    SELECT jsonb_object_agg(d.rel::text, to_jsonb(d)) INTO after FROM rls_matrix.reads(i) d;
    RAISE SQLSTATE 'ZX001';
  EXCEPTION WHEN SQLSTATE 'ZX001' THEN NULL;
  END;
  RETURN QUERY
    SELECT r.rel, r.class, (b.value->>'rows')::bigint, (after->b.key->>'rows')::bigint,
           b.value->>'md5' IS DISTINCT FROM after->b.key->>'md5',
           ARRAY(SELECT u FROM jsonb_array_elements_text(b.value->'ids') e, LATERAL (SELECT e::uuid) v(u)
                 WHERE EXISTS (SELECT FROM rls_matrix.key_ids k WHERE k.id = u)
                   AND NOT EXISTS (SELECT FROM rls_matrix.key_ids k WHERE k.id = u AND rls_matrix.may_read(i, k.tenants, k.person))
                 ORDER BY 1)
    FROM jsonb_each(before) b JOIN rls_matrix.relations r ON r.rel::text = b.key
    ORDER BY r.rel::text;
END
$$;
