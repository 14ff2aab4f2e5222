#!/usr/bin/env bash
# kill -9 in the middle of maintenance and of a sweep, then recovery (TAP lines), against the
# running test cluster in a database of its own.
#   A. reelbase.run_maintenance() draining 60,000 events of three months that have no
#      partition out of learning.video_analytics_events' default partition;
#   B. market.run_sweeps() expiring and archiving 3,000 listings and expiring the cashback of
#      20,000 purchases.
# A gate makes the kill land mid-work, every time: a BEFORE trigger on one row in the middle
# of the work (an event of the second month; a purchase of the cashback sweep) waits for an
# advisory lock this script holds, and the backend is killed while it waits there, with the
# work before it done and uncommitted. Killing a backend makes the postmaster restart every
# backend of the cluster (scripts/test.sh runs suites one at a time); the script waits for the
# cluster to accept connections again, reading the restart in $REELBASE_CLUSTER_DIR/server.log. Then every table must hold what it held before the
# crash (count and md5), and a rerun must complete and leave what one clean run leaves in a
# copy of the database made before the crash.
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$REELBASE_ROOT"
source "$(dirname "$0")/tap.sh"
db=rb_crash
ref=rb_crash_reference
gate=740274  # the advisory lock key the gates wait for
now="'2025-08-01 00:00+00'"
server_log=$REELBASE_CLUSTER_DIR/server.log
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
q1() { q -At -c "$1"; }
for d in "$db" "$ref"; do psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" 2>/dev/null; done
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $db" || exit 1

# rows DB [EXCEPT]: "table count md5" for every table of the three schemas (ONLY: partitions count
# for themselves); tables matching EXCEPT by count only.
rows() {
  psql -X -q -v ON_ERROR_STOP=1 -d "$1" -At -F' ' -c "SELECT * FROM public.crash_rows('${2:-^$}')"
}

check "both products, the demo data, maintained once" \
  q -o /dev/null -c "CREATE EXTENSION reelbase_learning CASCADE" -c "CREATE EXTENSION reelbase_market" \
    -f demo/data.sql -f demo/market_data.sql -c "SELECT * FROM reelbase.run_maintenance()" \
    -c "UPDATE reelbase.maintenance_tasks SET enabled = false"
# (The tasks stay off: the rollups and the scheduled sweep would change tables between the runs.)
check "the row fingerprint and the gates" q -o /dev/null <<SQL
CREATE FUNCTION public.crash_rows(by_count text) RETURNS TABLE (rel text, n bigint, md5 text)
LANGUAGE plpgsql AS \$\$
DECLARE t regclass;
BEGIN
  FOR t IN SELECT c.oid FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
           WHERE s.nspname IN ('reelbase', 'learning', 'market') AND c.relkind = 'r' ORDER BY c.oid::regclass::text
  LOOP
    rel := t::text;
    EXECUTE format('SELECT count(*), md5(coalesce(string_agg(x::text, E''\n'' ORDER BY x::text), '''')) FROM ONLY %s x', t)
      INTO n, md5;
    IF rel ~ by_count THEN md5 := '-'; END IF;
    RETURN NEXT;
  END LOOP;
END
\$\$;
-- The gate: a row marked so waits for the script's advisory lock.
CREATE FUNCTION public.crash_gate() RETURNS trigger LANGUAGE plpgsql AS \$\$
BEGIN
  PERFORM pg_advisory_xact_lock_shared($gate);
  RETURN OLD;
END
\$\$;
SQL

check "A: 60,000 events of 2024-01..03 wait in the default partition" q -o /dev/null <<'SQL'
INSERT INTO learning.video_analytics_events (event_type, video_id, creator_id, student_id, metadata, "timestamp", created_at)
SELECT 'video_progress', v.id, v.creator_id, v.student_id, jsonb_build_object('n', i),
       timestamptz '2024-01-01 00:00+00' + (i % 3) * interval '1 month' + (i * 37 % (27 * 86400)) * interval '1 second',
       timestamptz '2024-04-01 00:00+00'
FROM generate_series(1, 60000) i
JOIN (SELECT row_number() OVER (ORDER BY v.id) - 1 AS k, v.id, v.creator_id,
             (SELECT s.id FROM learning.students s WHERE s.creator_id = v.creator_id ORDER BY s.id LIMIT 1) AS student_id
      FROM learning.videos v) v ON v.k = i % 15;
UPDATE learning.video_analytics_events SET metadata = '{"crash_gate": true}'
WHERE metadata = '{"n": 30001}';
SQL
check "B: 3,100 listings and 22,000 purchases, 2,000 with content in time" q -o /dev/null <<'SQL'
INSERT INTO market.listing_windows (concept_id, market_context_id, window_start, window_end, base_price_usd, listed_price,
                                    per_market_cap, sold_count, status)
SELECT c.id, m.id, w, w + interval '72 hours', 10, 10, 5, CASE WHEN i % 3 = 0 THEN 5 ELSE 0 END,
       CASE WHEN i % 3 = 0 THEN 'sold_out' ELSE 'active' END
FROM (SELECT id, row_number() OVER (ORDER BY id) AS cn FROM market.concepts WHERE NOT archived AND evergreen_eligible) c
CROSS JOIN market.market_contexts m
CROSS JOIN LATERAL generate_series(1, 375) i
CROSS JOIN LATERAL (SELECT timestamptz '2025-06-01 00:00+00' + (i + 1000 * c.cn) * interval '1 minute') s(w);
-- Still open at the fake clock.
INSERT INTO market.listing_windows (concept_id, market_context_id, window_start, window_end, base_price_usd, listed_price)
SELECT c.id, m.id, w, w + interval '72 hours', 10, 10
FROM (SELECT id FROM market.concepts WHERE NOT archived ORDER BY id LIMIT 1) c CROSS JOIN market.market_contexts m
CROSS JOIN LATERAL generate_series(1, 25) i CROSS JOIN LATERAL (SELECT timestamptz '2025-07-31 00:00+00' + i * interval '1 minute') s(w);
INSERT INTO market.transactions (buyer_id, concept_id, listing_window_id, market_context_id, price_paid, currency_code,
                                 cashback_amount, purchased_at)
SELECT md5('buyer' || i)::uuid, l.concept_id, l.id, l.market_context_id, 10, 'USD', 1.2,
       timestamptz '2025-06-01 00:00+00' + i * interval '30 seconds'
FROM generate_series(1, 22000) i
JOIN (SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, concept_id, market_context_id FROM market.listing_windows) l
  ON l.k = i % 3000;
INSERT INTO market.produced_content (transaction_id, submitted_url, platform, submitted_at)
SELECT id, 'https://example.com/made/' || id, 'tiktok', purchased_at + interval '1 day'
FROM market.transactions ORDER BY purchased_at DESC LIMIT 2000;
SQL
check "a copy of the database before the crashes ($ref)" \
  psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $ref TEMPLATE $db"
# The gate rows: event 30001 (of 2024-02, the second month drained) and the middle purchase.
check "the gates (in $db only)" q -o /dev/null <<'SQL'
CREATE TRIGGER crash_gate BEFORE DELETE ON learning.video_analytics_events_default
  FOR EACH ROW WHEN (OLD.metadata ? 'crash_gate') EXECUTE FUNCTION public.crash_gate();
CREATE TRIGGER crash_gate BEFORE UPDATE ON market.transactions
  FOR EACH ROW WHEN (OLD.purchased_at = timestamptz '2025-06-01 00:00+00' + 11000 * interval '30 seconds')
  EXECUTE FUNCTION public.crash_gate();
SQL
[ "$bad" = 0 ] || { echo "1..$n"; exit 1; }

# crash NAME CALL EVIDENCE: runs CALL in a background session while the gate is held, waits for
# it to wait at the gate, checks EVIDENCE (a query over backend :pid giving "ok, what it shows"),
# kills the backend with SIGKILL and waits until the cluster accepts connections again.
crash() {
  local name=$1 call=$2 evidence=$3 holder worker pid= offset rc ok what
  psql -X -q -d "$db" -c "SET application_name = 'crash_holder'" -c "SELECT pg_advisory_lock($gate)" \
    -c "SELECT pg_sleep(120)" >/dev/null 2>&1 &
  holder=$!
  for _ in $(seq 1 100); do
    [ "$(q1 "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = $gate AND granted")" = 1 ] && break
    sleep 0.1
  done
  PGAPPNAME=crash_worker psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "$call" >"$tmp/$name.out" 2>&1 &
  worker=$!
  for _ in $(seq 1 600); do
    pid=$(q1 "SELECT pid FROM pg_stat_activity WHERE application_name = 'crash_worker'
              AND wait_event_type = 'Lock' AND wait_event = 'advisory'")
    [ -n "$pid" ] && break
    sleep 0.1
  done
  check "$name: the call waits at the gate (backend ${pid:-not found})" test -n "$pid"
  if [ -z "$pid" ]; then kill "$holder" "$worker" 2>/dev/null; wait; return 1; fi
  IFS='|' read -r ok what < <(q -At -F'|' -c "${evidence//:pid/$pid}")
  check "$name: killed mid-work: $what" test "$ok" = t
  offset=$(stat -c %s "$server_log")
  # The shutdown check (test-scheduling.sh) counts every other killed backend as a crash.
  echo "$pid" >>"$REELBASE_CLUSTER_DIR/deliberate-kills"
  kill -9 "$pid"
  for _ in $(seq 1 120); do
    tail -c +"$((offset + 1))" "$server_log" | grep -q 'database system is ready to accept connections' \
      && psql -X -At -d postgres -c "SELECT 1" >/dev/null 2>&1 && break
    sleep 0.5
  done
  check "$name: the postmaster restarted the backends and accepts connections again (within 60 s)" \
    bash -c "tail -c +$((offset + 1)) '$server_log' | grep -q 'PID $pid) was terminated by signal 9' &&
             psql -X -At -d postgres -c 'SELECT 1' >/dev/null"
  wait "$worker"
  rc=$?
  check "$name: the killed call did not return (psql exit $rc)" test "$rc" != 0
  wait "$holder"
  return 0
}
same() { # same LABEL BEFORE AFTER: compares two row fingerprints
  check "$1 ($(awk '{s+=$2} END {print s}' "$2") rows in $(wc -l <"$2") tables, count and md5 each)" cmp -s "$2" "$3"
  cmp -s "$2" "$3" || diff "$2" "$3" | head -n 10 | sed 's/^/# /'
}
events() { q1 "SELECT count(*) || ' ' || md5(string_agg(t::text, E'\n' ORDER BY t::text)) FROM learning.video_analytics_events t"; }

# A. Maintenance.
rows "$db" >"$tmp/a.before"
events_before=$(events)
crash "A (run_maintenance)" "SELECT * FROM reelbase.run_maintenance()" "
  SELECT count(*) FILTER (WHERE l.relation = 'learning.video_analytics_events'::regclass AND l.mode = 'AccessExclusiveLock') = 1
         AND count(*) FILTER (WHERE c.oid IS NULL) > 0,
         format('holds ACCESS EXCLUSIVE on the events table (rows are moving) and locks on %s relations it made, uncommitted',
                count(DISTINCT l.relation) FILTER (WHERE c.oid IS NULL))
  FROM pg_locks l LEFT JOIN pg_class c ON c.oid = l.relation
  WHERE l.pid = :pid AND l.locktype = 'relation' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
rows "$db" >"$tmp/a.after"
same "A: after recovery every table holds what it held before" "$tmp/a.before" "$tmp/a.after"
check "A: no partition of 2024 was left behind" \
  test "$(q1 "SELECT count(*) FROM pg_class WHERE relname LIKE 'video\_analytics\_events\_2024%'")" = 0
q -c "DROP TRIGGER crash_gate ON learning.video_analytics_events_default"
drained=$(q1 "SELECT count(*) FILTER (WHERE action = 'drain') || ' drains, ' || count(*) FILTER (WHERE action = 'error') || ' errors'
              FROM reelbase.run_maintenance()")
check "A: a rerun completes and drains the three months ($drained)" test "$drained" = "3 drains, 0 errors"
check "A: the default partition holds no row of 2024 any more" \
  test "$(q1 "SELECT count(*) FROM ONLY learning.video_analytics_events_default WHERE \"timestamp\" < '2025-01-01'")" = 0
check "A: the events are the same rows as before the crash (count and md5 over the table)" test "$(events)" = "$events_before"

# B. Sweeps.
rows "$db" >"$tmp/b.before"
crash "B (run_sweeps)" "SELECT * FROM market.run_sweeps($now, 100000)" "
  SELECT bool_or(c.relname = 'listing_windows' AND l.mode = 'RowExclusiveLock')
         AND bool_or(c.relname = 'transactions' AND l.mode = 'RowExclusiveLock'),
         'has updated listings (the listing sweeps ran) and is updating purchases (the cashback sweep)'
  FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE l.pid = :pid AND c.relnamespace = 'market'::regnamespace"
rows "$db" >"$tmp/b.after"
same "B: after recovery every table holds what it held before: no sweep half-applied" "$tmp/b.before" "$tmp/b.after"
q -c "DROP TRIGGER crash_gate ON market.transactions"
sweeps="SELECT string_agg(sweep || ' ' || changed, ', ') FROM market.run_sweeps($now, 100000)"
swept=$(q1 "$sweeps")
clean=$(psql -X -q -At -d "$ref" -c "SELECT count(*) FROM reelbase.run_maintenance()" -c "$sweeps" | tail -n 1)
check "B: a rerun completes and changes what a clean run changes ($swept)" test "$swept" = "$clean"
check "B: a second run changes nothing" test "$(q1 "SELECT bool_and(changed = 0) FROM market.run_sweeps($now, 100000)")" = t

# Both reruns against one clean run of each in the copy (the run log by count: it has times).
rows "$db" maintenance_runs >"$tmp/final"
rows "$ref" maintenance_runs >"$tmp/clean"
same "after the reruns the database equals its copy after one clean run of each" "$tmp/clean" "$tmp/final"

for d in "$db" "$ref"; do psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" 2>/dev/null; done
echo "1..$n"
[ "$bad" = 0 ]
