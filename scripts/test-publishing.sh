#!/usr/bin/env bash
# publishing under concurrent writers (TAP lines), against the running test cluster in a
# database of its own:
#   (a) 16 pgbench clients, each 500 read-modify-write cycles on the same 10 videos through
#       publishing.update_video (read state_version and duration_seconds, write
#       duration_seconds + 1 with that expected version), retrying on 40001 (pgbench
#       --max-tries): no lost update (the durations sum to the 8,000 successful updates), every
#       state_version step appears exactly once in the trail, verify_audit() passes;
#   (b) 16 clients attaching assets and tags to one video at once: one chain, no fork, and
#       verify_audit() still passes;
#   (c) a trail row hand-edited by the owner (its triggers disabled) is reported at that row,
#       a removed one at its successor;
#   (d) pg_dump -Fc + pg_restore of that database, with no special options: every row kept
#       (md5 per table), the trail loaded as dumped, not audited again (pg_dump's scripts set
#       row_security = off), and the restored database goes on appending to the same chains;
#   (e) REPEATABLE READ: a transaction whose snapshot predates another's append to the same
#       chain cannot fork it: its append is 40001, and the chain still verifies.
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$REELBASE_ROOT"
source "$(dirname "$0")/tap.sh"
db=rb_publishing_workers
restored=rb_publishing_restored
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
q1() { q -At -c "$1"; }
eq() { [ "$1" = "$2" ] || { echo "#   got: $1"; echo "#   expected: $2"; return 1; }; }
work=$(mktemp -d)
chmod 755 "$work"
drop_dbs() { for d in "$db" "$restored"; do psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1; done; }
trap 'rm -rf "$work"; drop_dbs' EXIT
pgbench=$(pg_bindir)/pgbench

drop_dbs
check "database $db with CREATE EXTENSION reelbase_publishing CASCADE" \
  psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $db"
q -c "SET client_min_messages = warning" -c "CREATE EXTENSION reelbase_publishing CASCADE" -f - <<'SQL' >/dev/null || exit 1
INSERT INTO publishing.personas (id, name, owner_id)
VALUES ('7b000000-0000-4000-8000-0000000000a1', 'Ava', '7b000000-0000-4000-8000-0000000000f1');
INSERT INTO publishing.videos (id, persona_id, title, duration_seconds)
SELECT ('7b000000-0000-4000-8000-0000000000' || lpad(g::text, 2, '0'))::uuid, '7b000000-0000-4000-8000-0000000000a1',
       'Video ' || g, 0
FROM generate_series(1, 10) g;
SQL

# The application's loop: read, modify, write with the version read; pgbench re-runs the
# whole transaction when update_video says 40001.
cat >"$work/rmw.sql" <<'SQL'
\set v random(1, 10)
BEGIN;
SELECT state_version AS ver, duration_seconds AS d FROM publishing.videos
  WHERE id = ('7b000000-0000-4000-8000-0000000000' || lpad(:v::text, 2, '0'))::uuid \gset
SELECT 1 FROM publishing.update_video(('7b000000-0000-4000-8000-0000000000' || lpad(:v::text, 2, '0'))::uuid,
                                      :ver, jsonb_build_object('duration_seconds', :d + 1), 'worker-' || :client_id);
END;
SQL
"$pgbench" -n -d "$db" -c 16 -j 4 -t 500 --max-tries=100000 -f "$work/rmw.sql" >"$work/rmw.log" 2>&1
check "16 clients x 500 read-modify-write cycles all committed (40001 retried)" \
  grep -q "number of failed transactions: 0" "$work/rmw.log"
retries=$(sed -n 's/^number of transactions retried: \([0-9]*\).*/\1/p' "$work/rmw.log")
echo "# transactions retried after 40001: ${retries:-?}"
check "the retry path ran (some transactions met a stale version)" [ "${retries:-0}" -gt 0 ]
check "no lost update: durations sum to 8000, versions to 8000 + 10" eq \
  "$(q1 "SELECT sum(duration_seconds) || ' ' || sum(state_version) FROM publishing.videos")" "8000 8010"
check "each video's trail has every version 2..N exactly once, N its state_version" eq "$(q1 "
  SELECT count(*) FILTER (WHERE steps = v.state_version - 1 AND distinct_steps = steps AND lo = 2 AND hi = v.state_version)
  FROM publishing.videos v
  CROSS JOIN LATERAL (SELECT count(*) steps, count(DISTINCT state_version) distinct_steps, min(state_version) lo,
                             max(state_version) hi
                      FROM publishing.task_audit a WHERE a.task_id = v.id AND a.action = 'videos.update') t")" "10"
check "verify_audit(): 10 chains, 8010 rows, nothing broken" eq \
  "$(q1 "SELECT ok || ' ' || chains_checked || ' ' || rows_checked FROM publishing.verify_audit()")" "true 10 8010"

cat >"$work/attach.sql" <<'SQL'
SELECT 1 FROM publishing.attach_asset('7b000000-0000-4000-8000-000000000001', 'image',
  'https://cdn.example.com/' || :client_id || '-' || random() || '.png',
  'sha256:' || encode(sha256((:client_id || '-' || random())::bytea), 'hex'));
SELECT 1 FROM publishing.tag_video('7b000000-0000-4000-8000-000000000001', ARRAY['Tag ' || (:client_id % 4), 'shared']);
SQL
"$pgbench" -n -d "$db" -c 16 -j 4 -t 20 -f "$work/attach.sql" >"$work/attach.log" 2>&1
check "16 clients x 20 attaches and tag calls on one video ran without an error" \
  grep -q "number of failed transactions: 0" "$work/attach.log"
check "one chain for the video: 320 assets and 5 tags audited, no two rows share a predecessor" eq "$(q1 "
  SELECT count(*) FILTER (WHERE action = 'assets.insert') || ' ' || count(*) FILTER (WHERE action = 'video_tags.insert')
         || ' ' || (count(*) = count(DISTINCT prev_hash))
  FROM publishing.task_audit WHERE task_id = '7b000000-0000-4000-8000-000000000001'")" "320 5 true"
check "verify_audit() still passes" eq "$(q1 "SELECT ok FROM publishing.verify_audit()")" "t"

edited=$(q1 "SELECT id FROM publishing.task_audit WHERE task_id = '7b000000-0000-4000-8000-000000000003' ORDER BY id OFFSET 40 LIMIT 1")
q -c "ALTER TABLE publishing.task_audit DISABLE TRIGGER task_audit_no_change" \
  -c "UPDATE publishing.task_audit SET state_after = state_after || '{\"duration_seconds\": 999}' WHERE id = $edited" \
  -c "ALTER TABLE publishing.task_audit ENABLE TRIGGER task_audit_no_change" >/dev/null
check "a hand-edited row is reported at that row, of that video" eq \
  "$(q1 "SELECT ok || ' ' || broken_id || ' ' || broken_task_id FROM publishing.verify_audit()")" \
  "false $edited 7b000000-0000-4000-8000-000000000003"
check "verify_audit(video) of another video still passes" eq \
  "$(q1 "SELECT ok FROM publishing.verify_audit('7b000000-0000-4000-8000-000000000004')")" "t"
removed=$(q1 "SELECT id FROM publishing.task_audit WHERE task_id = '7b000000-0000-4000-8000-000000000005' ORDER BY id OFFSET 10 LIMIT 1")
next=$(q1 "SELECT min(id) FROM publishing.task_audit WHERE task_id = '7b000000-0000-4000-8000-000000000005' AND id > $removed")
q -c "ALTER TABLE publishing.task_audit DISABLE TRIGGER task_audit_no_change" \
  -c "DELETE FROM publishing.task_audit WHERE id = $removed" \
  -c "ALTER TABLE publishing.task_audit ENABLE TRIGGER task_audit_no_change" >/dev/null
check "a removed row is reported at its successor" eq \
  "$(q1 "SELECT ok || ' ' || broken_id FROM publishing.verify_audit('7b000000-0000-4000-8000-000000000005')")" "false $next"

# (d) The two tampered chains are removed first, so the dump holds an intact trail to keep.
q -c "ALTER TABLE publishing.task_audit DISABLE TRIGGER task_audit_no_change" \
  -c "DELETE FROM publishing.task_audit WHERE task_id IN ('7b000000-0000-4000-8000-000000000003', '7b000000-0000-4000-8000-000000000005')" \
  -c "ALTER TABLE publishing.task_audit ENABLE TRIGGER task_audit_no_change" >/dev/null
tables() { # tables DB: one md5 per publishing table
  psql -X -q -At -d "$1" -c "SELECT format('SELECT %L, count(*), md5(coalesce(string_agg(t::text, E''\\n'' ORDER BY t::text), '''')) FROM %s t;', c.oid::regclass, c.oid::regclass)
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'publishing' AND c.relkind = 'r' ORDER BY 1" \
    | psql -X -q -At -F' ' -d "$1" -f -
}
tables "$db" >"$work/before"
"$(pg_bindir)/pg_dump" -Fc -d "$db" -f "$work/dump" 2>"$work/dump.log"
psql -X -q -d postgres -c "CREATE DATABASE $restored" >/dev/null
check "pg_restore of the dump, no special options, without an error" \
  "$(pg_bindir)/pg_restore" -d "$restored" --exit-on-error "$work/dump"
tables "$restored" >"$work/after"
if ! check "every publishing table holds the same rows ($(wc -l <"$work/before") tables)" cmp -s "$work/before" "$work/after"; then
  diff "$work/before" "$work/after" | head -n 20 | sed 's/^/# /'
fi
check "the restored trail verifies: 8 chains" eq \
  "$(psql -X -At -d "$restored" -c "SELECT ok || ' ' || chains_checked FROM publishing.verify_audit()")" "true 8"
psql -X -q -At -d "$restored" -c "SELECT 1 FROM publishing.update_video('7b000000-0000-4000-8000-000000000001',
  (SELECT state_version FROM publishing.videos WHERE id = '7b000000-0000-4000-8000-000000000001'), '{\"title\": \"restored\"}')" >/dev/null
check "the restored database appends to the chains: the new row is the newest id, and it verifies" eq "$(psql -X -At -d "$restored" -c "
  SELECT (SELECT state_after ->> 'title' FROM publishing.task_audit ORDER BY id DESC LIMIT 1) || ' ' || ok
  FROM publishing.verify_audit()")" "restored true"

# (e) The first session's snapshot is taken before the second appends; its own append then
# finds the new head invisible and the chain index refuses the fork.
video="'7b000000-0000-4000-8000-000000000002'"
psql -X -d "$db" -v ON_ERROR_STOP=1 >"$work/rr.log" 2>&1 <<SQL &
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT count(*) FROM publishing.videos;
SELECT pg_sleep(1.5);
SELECT 1 FROM publishing.attach_asset($video, 'image', 'https://cdn.example.com/rr.png', 'sha256:' || repeat('1', 64));
COMMIT;
SQL
sleep 0.5
q1 "SELECT 1 FROM publishing.attach_asset($video, 'image', 'https://cdn.example.com/rc.png', 'sha256:' || repeat('2', 64))" >/dev/null
wait
check "REPEATABLE READ append behind a newer head: 40001, not a fork" grep -q "could not serialize access" "$work/rr.log"
check "the chain of that video still verifies, with the one asset appended" eq "$(q1 "
  SELECT v.ok || ' ' || (SELECT count(*) FROM publishing.task_audit WHERE task_id = $video AND action = 'assets.insert')
  FROM publishing.verify_audit($video) v")" "true 1"
exit $((bad > 0))
