-- Errors crossing the Swift boundary: each arrives with its SQLSTATE, message, detail and hint,
-- and the backend survives all of them.
SELECT pg_backend_pid() AS pid_before \gset

-- An error thrown in Swift, raised by the C entry point after Swift returned.
SELECT reelbase.bridge_fail('swift');
\echo :LAST_ERROR_SQLSTATE
-- An error Postgres raised while Swift was calling it (SPI), re-raised unchanged.
SELECT reelbase.bridge_fail('server');
\echo :LAST_ERROR_SQLSTATE
-- Swift swallowing a server error cannot continue on the aborted state: the error still comes out.
SELECT reelbase.bridge_fail('server_swallowed');
\echo :LAST_ERROR_SQLSTATE
-- A Swift error thrown after a server error does not hide the server's error.
SELECT reelbase.bridge_fail('server_then_swift');
\echo :LAST_ERROR_SQLSTATE
-- Type input and palloc failures inside Swift calls.
SELECT reelbase.bridge_fail('type_input');
\echo :LAST_ERROR_SQLSTATE
SELECT reelbase.bridge_fail('palloc');
\echo :LAST_ERROR_SQLSTATE
-- Swift -> SPI -> Swift: the inner Swift error passes through the outer Swift call.
SELECT reelbase.bridge_fail('nested');
\echo :LAST_ERROR_SQLSTATE
-- A cancel (statement_timeout) is delivered while Swift loops.
SET statement_timeout = '100ms';
SELECT reelbase.bridge_fail('spin');
\echo :LAST_ERROR_SQLSTATE
RESET statement_timeout;
SELECT reelbase.bridge_fail('no such kind');
\echo :LAST_ERROR_SQLSTATE

-- The transaction is usable after each error, and errors inside a transaction abort it as usual.
BEGIN;
SELECT reelbase.bridge_fail('server');
\echo :LAST_ERROR_SQLSTATE
SELECT 1;
ROLLBACK;
BEGIN;
SAVEPOINT s;
SELECT reelbase.bridge_fail('swift');
\echo :LAST_ERROR_SQLSTATE
ROLLBACK TO SAVEPOINT s;
SELECT reelbase.bridge_echo('still here'::text);
COMMIT;

-- 1,000 errors of each kind in one session, each caught by PL/pgSQL; count the SQLSTATEs seen.
CREATE TEMP TABLE seen (kind text, sqlstate text);
DO $$
DECLARE
  k text;
  state text;
BEGIN
  FOREACH k IN ARRAY ARRAY['swift', 'server', 'server_swallowed', 'type_input', 'nested'] LOOP
    FOR i IN 1..1000 LOOP
      BEGIN
        PERFORM reelbase.bridge_fail(k);
      EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE;
        INSERT INTO seen VALUES (k, state);
      END;
    END LOOP;
  END LOOP;
END $$;
SELECT kind, sqlstate, count(*) FROM seen GROUP BY 1, 2 ORDER BY 1, 2;

-- Memory stays flat: another 5,000 errors change neither the backend's memory contexts (palloc)
-- nor its private heap (RssAnon, where Swift's malloc allocations live) by 1 MB.
CREATE FUNCTION pg_temp.rss_anon_kb() RETURNS bigint LANGUAGE sql AS $$
  SELECT (regexp_match(pg_read_file('/proc/self/status'), 'RssAnon:\s+(\d+) kB'))[1]::bigint $$;
SELECT sum(total_bytes) AS bytes_before, pg_temp.rss_anon_kb() AS rss_before
FROM pg_backend_memory_contexts \gset
DO $$
BEGIN
  FOR i IN 1..5000 LOOP
    BEGIN
      PERFORM reelbase.bridge_fail(CASE i % 3 WHEN 0 THEN 'swift' WHEN 1 THEN 'server' ELSE 'nested' END);
    EXCEPTION WHEN OTHERS THEN
      NULL;
    END;
  END LOOP;
END $$;
SELECT sum(total_bytes) - :bytes_before < 1024 * 1024 AS contexts_flat,
       pg_temp.rss_anon_kb() - :rss_before < 1024 AS heap_flat
FROM pg_backend_memory_contexts;

-- Same backend throughout: nothing above crashed or restarted it.
SELECT pg_backend_pid() = :pid_before AS same_backend;

-- Only administrators may run the diagnostics.
CREATE ROLE rb_regress_nobody;
SET ROLE rb_regress_nobody;
SELECT reelbase.bridge_fail('swift');
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
DROP ROLE rb_regress_nobody;
