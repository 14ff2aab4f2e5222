-- Who owns each row, for scripts/test-rls-matrix.sh (its probes: test-rls-matrix-probes.sql),
-- loaded as the superuser into the matrix's own database. Schema rls_matrix belongs to no
-- extension and lies outside the three schemas examined, so it never examines itself.
--
-- What a row's owner is comes from the catalog, never from a list of tables:
--   * the policies of reelbase_app (pg_policies) name the tenant columns: `col = (SELECT
--     learning.current_creator_id())` or current_student_creator_id() make col the creator
--     tenant ('c:<uuid>'), current_student_id() makes col the person (a student) within it,
--     reelbase.current_user_id() makes col the market buyer ('b:<uuid>'); `col IN (SELECT t.x
--     FROM s t)` makes the row belong to whoever owns a row of s with x = col;
--   * a foreign key to a tenant-scoped relation makes the row belong to the referenced row's owner;
--   * a view column that is a tenant-scoped relation's key (pg_rewrite's resorigtbl/resorigcol)
--     makes the view row belong to that row's owner.
-- A row that several of these reach belongs to the tenants they all agree on (an inconsistent
-- row belongs to nobody) and to the first person found.

CREATE SCHEMA rls_matrix;

CREATE TABLE rls_matrix.allowlist (name text PRIMARY KEY, visible text NOT NULL, reason text NOT NULL);
COMMENT ON TABLE rls_matrix.allowlist IS
  'Relations end users read whatever their tenant, by design: the rows every identity must see (a predicate), and why.';

-- read_keys/write_keys: the tenants an identity acts in. A student reads their creator's
-- tenant but writes only as a person (their own rows) and as a buyer.
CREATE TABLE rls_matrix.identities (
  ord integer PRIMARY KEY,
  name text NOT NULL UNIQUE,
  uid uuid,
  read_keys text[] NOT NULL,
  write_keys text[] NOT NULL,
  person uuid,
  is_student boolean NOT NULL
);

-- class: tenant (rows have owners), public (allowlisted), closed (no end-user privilege at
-- all), unknown (none of these: the run fails).
CREATE TABLE rls_matrix.relations (
  rel regclass PRIMARY KEY,
  relkind "char" NOT NULL,
  key_cols text[],
  class text,
  tenants_sql text,           -- tenant-scoped: the owners of row t, as SQL over t
  writers_sql text,
  person_sql text,
  done boolean NOT NULL DEFAULT false
);

CREATE TABLE rls_matrix.sources (
  rel regclass NOT NULL,
  via text NOT NULL,          -- policy, policy subquery, fk, view column
  col text NOT NULL,          -- one column of rel, or for an fk the first of cols
  cols text[] NOT NULL,
  kind text,                  -- policy: c, b or person
  target regclass,
  target_cols text[]
);

CREATE TABLE rls_matrix.owner (
  rel regclass NOT NULL,
  key jsonb NOT NULL,
  tenants text[] NOT NULL,     -- who may read it
  writers text[] NOT NULL,     -- whose it is (not through a many-to-many lookup such as "bought its concept")
  person uuid,
  row jsonb NOT NULL
);
CREATE INDEX ON rls_matrix.owner (rel);

CREATE TABLE rls_matrix.key_ids (id uuid NOT NULL, tenants text[] NOT NULL, person uuid);
CREATE INDEX ON rls_matrix.key_ids (id);

CREATE FUNCTION rls_matrix.meet(a text[], b text[]) RETURNS text[] LANGUAGE sql IMMUTABLE AS
$$ SELECT CASE WHEN a IS NULL THEN b WHEN b IS NULL THEN a
               ELSE ARRAY(SELECT unnest(a) INTERSECT SELECT unnest(b) ORDER BY 1) END $$;

CREATE FUNCTION rls_matrix.may_read(i rls_matrix.identities, tenants text[], person uuid) RETURNS boolean
LANGUAGE sql IMMUTABLE AS
$$ SELECT (tenants && i.read_keys AND (person IS NULL OR NOT i.is_student OR person = i.person))
          OR coalesce(person = i.person, false) $$;

CREATE FUNCTION rls_matrix.may_write(i rls_matrix.identities, tenants text[], person uuid) RETURNS boolean
LANGUAGE sql IMMUTABLE AS
$$ SELECT (tenants && i.write_keys AND (person IS NULL OR NOT i.is_student))
          OR coalesce(person = i.person, false) $$;

CREATE FUNCTION rls_matrix.names(rel regclass, nums smallint[]) RETURNS text[] LANGUAGE sql STABLE AS
$$ SELECT array_agg(a.attname::text ORDER BY x.ord)
   FROM unnest(nums) WITH ORDINALITY x(num, ord) JOIN pg_attribute a ON a.attrelid = rel AND a.attnum = x.num $$;

CREATE FUNCTION rls_matrix.pk_cols(rel regclass) RETURNS text[] LANGUAGE sql STABLE AS
$$ SELECT rls_matrix.names(rel, k.conkey) FROM pg_constraint k WHERE k.conrelid = rel AND k.contype = 'p' $$;

-- Any privilege at all of an end-user role (reelbase_app, and through it PUBLIC).
CREATE FUNCTION rls_matrix.end_users_may_touch(rel regclass) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT has_table_privilege('reelbase_app', rel, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
          OR has_any_column_privilege('reelbase_app', rel, 'SELECT, INSERT, UPDATE, REFERENCES') $$;

-- Columns of rel an end user may use for priv (all of them when none), never generated ones.
CREATE FUNCTION rls_matrix.usable_cols(rel regclass, priv text) RETURNS text[] LANGUAGE sql STABLE AS
$$ WITH c AS (SELECT a.attname::text AS name, has_column_privilege('reelbase_app', rel, a.attnum, priv) AS granted, a.attnum
              FROM pg_attribute a WHERE a.attrelid = rel AND a.attnum > 0 AND NOT a.attisdropped
                AND a.attgenerated = '' AND a.attidentity <> 'a')
   SELECT CASE WHEN bool_or(granted) THEN array_agg(name ORDER BY attnum) FILTER (WHERE granted)
               ELSE array_agg(name ORDER BY attnum) END FROM c $$;

CREATE FUNCTION rls_matrix.discover() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  cur rls_matrix.relations;
  src rls_matrix.sources;
  progress boolean;
  tenants text;
  writers text;
  persons text;
  expr text;
  lookup text;
BEGIN
  INSERT INTO rls_matrix.relations (rel, relkind, key_cols)
  SELECT c.oid, c.relkind,
         coalesce(rls_matrix.pk_cols(c.oid),
                  (SELECT rls_matrix.pk_cols(i.inhrelid) FROM pg_inherits i
                   WHERE i.inhparent = c.oid AND rls_matrix.pk_cols(i.inhrelid) IS NOT NULL
                   ORDER BY i.inhrelid LIMIT 1),
                  (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a  -- a view: every column
                   WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped))
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname IN ('reelbase', 'learning', 'market') AND c.relkind IN ('r', 'p', 'v', 'm', 'f');

  -- Policies of end users (a partition has its root's).
  CREATE TEMP TABLE app_policies ON COMMIT DROP AS
  SELECT rl.rel, concat_ws(' ', p.qual, p.with_check) AS text
  FROM rls_matrix.relations rl
  JOIN pg_class c ON c.oid = coalesce(pg_partition_root(rl.rel), rl.rel)
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_policies p ON p.schemaname = n.nspname AND p.tablename = c.relname
  WHERE p.roles && ARRAY['reelbase_app', 'public']::name[];
  INSERT INTO rls_matrix.sources (rel, via, col, cols, kind)
  SELECT DISTINCT p.rel, 'policy', m[2], ARRAY[m[2]],
         CASE m[3] WHEN 'learning.current_student_id' THEN 'person' WHEN 'reelbase.current_user_id' THEN 'b' ELSE 'c' END
  FROM app_policies p CROSS JOIN LATERAL regexp_matches(p.text,
    '(^|[^.\w])(\w+) = \( SELECT (learning\.current_creator_id|learning\.current_student_creator_id|learning\.current_student_id|reelbase\.current_user_id)\(\)', 'g') m;
  INSERT INTO rls_matrix.sources (rel, via, col, cols, target, target_cols)
  SELECT DISTINCT p.rel, 'policy subquery', m[2], ARRAY[m[2]], to_regclass(m[5] || '.' || m[6]), ARRAY[m[4]]
  FROM app_policies p CROSS JOIN LATERAL regexp_matches(p.text,
    '(^|[^.\w])(\w+) IN \( SELECT (\w+)\.(\w+)\s+FROM (\w+)\.(\w+) (\w+)\)', 'g') m
  WHERE m[3] = m[7];
  -- Foreign keys.
  INSERT INTO rls_matrix.sources (rel, via, col, cols, target, target_cols)
  SELECT k.conrelid, 'fk', (rls_matrix.names(k.conrelid, k.conkey))[1], rls_matrix.names(k.conrelid, k.conkey),
         k.confrelid, rls_matrix.names(k.confrelid, k.confkey)
  FROM pg_constraint k JOIN rls_matrix.relations rl ON rl.rel = k.conrelid WHERE k.contype = 'f';
  -- View columns and where they come from (the view's own target list: position and name match).
  INSERT INTO rls_matrix.sources (rel, via, col, cols, target, target_cols)
  SELECT DISTINCT rl.rel, 'view column', m[2], ARRAY[m[2]], m[3]::oid::regclass, ARRAY[a.attname::text]
  FROM rls_matrix.relations rl
  JOIN pg_rewrite w ON w.ev_class = rl.rel AND w.rulename = '_RETURN'
  CROSS JOIN LATERAL regexp_matches(w.ev_action::text,
    ':resno (\d+) :resname (\S+) :ressortgroupref \d+ :resorigtbl (\d+) :resorigcol (\d+)', 'g') m
  JOIN pg_attribute v ON v.attrelid = rl.rel AND v.attnum = m[1]::int AND v.attname = m[2]
  JOIN pg_attribute a ON a.attrelid = m[3]::oid AND a.attnum = m[4]::int
  WHERE m[3] <> '0';

  UPDATE rls_matrix.relations rl SET class = 'tenant'
  WHERE EXISTS (SELECT FROM rls_matrix.sources so WHERE so.rel = rl.rel AND so.via = 'policy');
  LOOP
    UPDATE rls_matrix.relations rl SET class = 'tenant'
    WHERE rl.class IS NULL AND EXISTS (
      SELECT FROM rls_matrix.sources so JOIN rls_matrix.relations t ON t.rel = so.target AND t.class = 'tenant'
      WHERE so.rel = rl.rel AND (so.via <> 'view column' OR so.target_cols <@ t.key_cols));
    EXIT WHEN NOT FOUND;
  END LOOP;
  UPDATE rls_matrix.relations rl SET class = 'public'
  FROM rls_matrix.allowlist a WHERE to_regclass(a.name) = rl.rel AND rl.class IS NULL;
  UPDATE rls_matrix.relations rl SET class = 'closed' WHERE rl.class IS NULL AND NOT rls_matrix.end_users_may_touch(rl.rel);
  UPDATE rls_matrix.relations rl SET class = 'unknown' WHERE rl.class IS NULL;

  -- Owners, each relation after those its sources lead to.
  LOOP
    progress := false;
    FOR cur IN SELECT * FROM rls_matrix.relations x WHERE x.class = 'tenant' AND NOT x.done AND NOT EXISTS (
               SELECT FROM rls_matrix.sources y JOIN rls_matrix.relations t ON t.rel = y.target
               WHERE y.rel = x.rel AND t.class = 'tenant' AND NOT t.done AND t.rel <> x.rel)
             ORDER BY x.rel::text
    LOOP
      tenants := 'NULL::text[]';
      writers := 'NULL::text[]';
      persons := 'NULL::uuid';
      FOR src IN SELECT x.* FROM rls_matrix.sources x LEFT JOIN rls_matrix.relations t ON t.rel = x.target
               WHERE x.rel = cur.rel AND (x.via = 'policy' OR (t.class = 'tenant' AND t.rel <> cur.rel
                     AND (x.via <> 'view column' OR x.target_cols <@ t.key_cols)))
      LOOP
        IF src.via = 'policy' AND src.kind = 'person' THEN
          persons := format('coalesce(%s, t.%I::uuid)', persons, src.col);
        ELSIF src.via = 'policy' THEN
          expr := format('CASE WHEN t.%I IS NULL THEN ''{}''::text[] ELSE ARRAY[%L || t.%I] END', src.col, src.kind || ':', src.col);
          tenants := format('rls_matrix.meet(%s, %s)', tenants, expr);
          writers := format('rls_matrix.meet(%s, %s)', writers, expr);
        ELSE
          -- The owners of the rows of the target that this row points at.
          lookup := format('o.rel = %s AND o.row @> jsonb_build_object(%s)', src.target::oid,
                           (SELECT string_agg(format('%L, t.%I', tc, c), ', ') FROM unnest(src.cols, src.target_cols) u(c, tc)));
          expr := (SELECT string_agg(format('t.%I IS NULL', c), ' OR ') FROM unnest(src.cols) c);
          expr := format('CASE WHEN %s THEN NULL ELSE coalesce(
                            (SELECT array_agg(DISTINCT x) FROM rls_matrix.owner o, unnest(o.%%s) x WHERE %s), ''{}'') END',
                         expr, lookup);
          tenants := format('rls_matrix.meet(%s, %s)', tenants, format(expr, 'tenants'));
          IF src.via = 'fk' OR src.target_cols <@ (SELECT t.key_cols FROM rls_matrix.relations t WHERE t.rel = src.target) THEN
            writers := format('rls_matrix.meet(%s, %s)', writers, format(expr, 'writers'));
          END IF;
          persons := format('coalesce(%s, (SELECT o.person FROM rls_matrix.owner o WHERE %s AND o.person IS NOT NULL LIMIT 1))',
                            persons, lookup);
        END IF;
      END LOOP;
      tenants := format('coalesce(%s, ''{}'')', tenants);
      writers := format('coalesce(%s, ''{}'')', writers);
      -- (A view's rows depend on who reads it: its owners are found from the rows each identity reads.)
      IF cur.relkind NOT IN ('v', 'm') THEN
        EXECUTE format('INSERT INTO rls_matrix.owner (rel, key, tenants, writers, person, row)
                        SELECT %s, jsonb_build_object(%s), %s, %s, %s, to_jsonb(t) FROM %s t',
                       cur.rel::oid, (SELECT string_agg(format('%L, t.%I', k, k), ', ') FROM unnest(cur.key_cols) k),
                       tenants, writers, persons, cur.rel);
      END IF;
      UPDATE rls_matrix.relations SET done = true, tenants_sql = tenants, writers_sql = writers, person_sql = persons
      WHERE rel = cur.rel;
      progress := true;
    END LOOP;
    EXIT WHEN NOT progress;
  END LOOP;

  -- Every uuid that is (part of) the key of a tenant-scoped row, and whose the row is.
  INSERT INTO rls_matrix.key_ids (id, tenants, person)
  SELECT DISTINCT k.value::uuid, o.tenants, o.person FROM rls_matrix.owner o, jsonb_each_text(o.key) k
  WHERE k.value ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
END
$$;
