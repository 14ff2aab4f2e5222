-- The audit trail: chained per video, its hash recomputable from the documented layout
-- alone, append-only for every role, tampering found by verify_audit, and a restore
-- (row_security off) loads a dumped trail as it is.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixture :abs_srcdir '/sql/fixtures/publishing.sql'
\i :fixture
\set VERBOSITY default
\set SHOW_CONTEXT never
\set ON_ERROR_ROLLBACK on

SELECT task_id = :v2 AS v2, action, state_version, actor = 'fixture' AS by_fixture
FROM publishing.task_audit ORDER BY id;
-- Each chain starts at 32 zero bytes and links to its previous row.
SELECT task_id, bool_and(ok) AS linked, count(*) FROM (
  SELECT task_id, prev_hash = coalesce(lag(row_hash) OVER (PARTITION BY task_id ORDER BY id), decode(repeat('00', 32), 'hex')) AS ok
  FROM publishing.task_audit) x GROUP BY task_id ORDER BY task_id;
-- The hash, recomputed in SQL from docs/publishing.md's layout (an implementation apart from
-- the Swift one): version tag, predecessor, then each field length-prefixed, NULL as ffffffff.
CREATE FUNCTION pg_temp.f(b bytea) RETURNS bytea LANGUAGE sql IMMUTABLE
  RETURN CASE WHEN b IS NULL THEN '\xffffffff'::bytea ELSE int4send(length(b)) || b END;
SELECT count(*) AS rows, bool_and(row_hash = sha256(
         convert_to('reelbase.publishing.task_audit.v1', 'UTF8') || prev_hash
         || pg_temp.f(int8send(id)) || pg_temp.f(uuid_send(task_id)) || pg_temp.f(convert_to(actor, 'UTF8'))
         || pg_temp.f(convert_to(action, 'UTF8')) || pg_temp.f(convert_to(state_before::text, 'UTF8'))
         || pg_temp.f(convert_to(state_after::text, 'UTF8')) || pg_temp.f(int4send(state_version))
         || pg_temp.f(timestamptz_send("timestamp")))) AS all_match
FROM publishing.task_audit;
SELECT * FROM publishing.verify_audit();

-- Append-only: the owner (superuser here) is refused too.
UPDATE publishing.task_audit SET actor = 'me';
\echo :LAST_ERROR_SQLSTATE
DELETE FROM publishing.task_audit;
\echo :LAST_ERROR_SQLSTATE
TRUNCATE publishing.task_audit;
\echo :LAST_ERROR_SQLSTATE
SET ROLE regress_publishing_admin;
UPDATE publishing.task_audit SET actor = 'me';
\echo :LAST_ERROR_SQLSTATE
INSERT INTO publishing.task_audit (task_id, action) VALUES (:v1, 'forged');
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
-- An INSERT by the owner is chained whatever hashes it names.
INSERT INTO publishing.task_audit (task_id, action, prev_hash, row_hash) VALUES (:v1, 'note', '\x00', '\x00');
SELECT ok, rows_checked FROM publishing.verify_audit(:v1);

-- Tampering, with the triggers disabled by the owner: a changed row, then a reordering.
ALTER TABLE publishing.task_audit DISABLE TRIGGER task_audit_no_change;
UPDATE publishing.task_audit SET actor = 'someone else'
WHERE id = (SELECT id FROM publishing.task_audit WHERE task_id = :v2 ORDER BY id OFFSET 1 LIMIT 1);
SELECT ok, broken_id = (SELECT id FROM publishing.task_audit WHERE task_id = :v2 ORDER BY id OFFSET 1 LIMIT 1) AS at_that_row,
       broken_task_id = :v2 AS of_v2, problem FROM publishing.verify_audit();
SELECT ok FROM publishing.verify_audit(:v1);
UPDATE publishing.task_audit SET actor = 'fixture'
WHERE id = (SELECT id FROM publishing.task_audit WHERE task_id = :v2 ORDER BY id OFFSET 1 LIMIT 1);
SELECT ok FROM publishing.verify_audit(:v2);
DELETE FROM publishing.task_audit WHERE id = (SELECT min(id) FROM publishing.task_audit WHERE task_id = :v2);
SELECT ok, problem FROM publishing.verify_audit(:v2);
ALTER TABLE publishing.task_audit ENABLE TRIGGER task_audit_no_change;

-- A deleted video keeps its trail; replay says it is gone.
DELETE FROM publishing.videos WHERE id = :v3;
SELECT action, state_before ->> 'title' AS title FROM publishing.task_audit WHERE task_id = :v3 ORDER BY id DESC LIMIT 1;
SELECT publishing.replay_video(:v3) IS NULL AS gone;

-- Restore mode: with row_security off (pg_dump's scripts set it), loaded rows are not audited
-- and a dumped trail row keeps its id and hashes.
BEGIN;
SET LOCAL row_security = off;
INSERT INTO publishing.videos (id, title, state_version, status) VALUES ('c0000000-0000-0000-0000-0000000000f9', 'restored', 7, 'published');
INSERT INTO publishing.task_audit (id, task_id, action, state_version, prev_hash, row_hash)
VALUES (424242, 'c0000000-0000-0000-0000-0000000000f9', 'videos.update', 7, '\x01', '\x02');
SELECT id, action, prev_hash, row_hash FROM publishing.task_audit WHERE task_id = 'c0000000-0000-0000-0000-0000000000f9';
ROLLBACK;

-- audit_row_hash: NULL differs from empty, and every argument counts.
SELECT publishing.audit_row_hash(1, :v1, NULL, 'a', NULL, NULL, 1, '2026-01-01', '\x00')
       <> publishing.audit_row_hash(1, :v1, '', 'a', NULL, NULL, 1, '2026-01-01', '\x00') AS null_is_not_empty,
       publishing.audit_row_hash(1, :v1, 'x', 'a', '{"b": 1, "a": 2}', NULL, 1, '2026-01-01 00:00+00', '\x00')
       = publishing.audit_row_hash(1, :v1, 'x', 'a', '{"a": 2, "b": 1}', NULL, 1, '2026-01-01 01:00+01', '\x00') AS canonical;
SELECT publishing.audit_row_hash(NULL, :v1, 'x', 'a', NULL, NULL, 1, now(), '\x00');
\echo :LAST_ERROR_SQLSTATE
