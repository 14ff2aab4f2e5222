#!/usr/bin/env bash
# verify_audit over 1,000,000 audit rows: 1,000 chains (videos) of 1,000 rows each, in a
# database of its own (bench_publishing_audit), so the trail holds exactly those rows whatever
# the update runs appended. The rows are appended by INSERT ... SELECT straight into
# publishing.task_audit as superuser: its BEFORE INSERT trigger links and hashes every row as it
# does for the audit trigger's appends (each row's head look-up sees the rows the same
# statement inserted before it), without the cost of 1,000,000 video UPDATEs. The append rate
# is reported as a side figure; verify_audit must then find every chain intact (ok = true).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
export PGDATABASE=bench_publishing_audit
PGDATABASE=postgres q -c 'SET client_min_messages = warning' -c "DROP DATABASE IF EXISTS $PGDATABASE" \
  -c "CREATE DATABASE $PGDATABASE"
q -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION reelbase_publishing CASCADE'

# In 10 statements (their own transactions) of 100 rows per chain, chains interleaved row by
# row as concurrent videos' changes are; each row a videos.update of the shape the audit
# trigger writes (the changed columns' old and new values). \timing gives the server's time.
batches=10 per=100
say "publishing: appending $((batches * per * 1000)) audit rows (1,000 chains x $((batches * per))) through the chain trigger"
gen_ms=0
for b in $(seq 0 $((batches - 1))); do
  ms=$(q -At <<SQL | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'
\timing on
INSERT INTO publishing.task_audit (task_id, actor, action, state_before, state_after, state_version)
SELECT ('5b000004-0000-4000-8000-' || lpad(v::text, 12, '0'))::uuid, 'worker-' || v % 2, 'videos.update',
       jsonb_build_object('title', 'take ' || k, 'updated_at', '2025-01-01T00:00:00+00:00'::timestamptz + k * interval '1 s', 'state_version', k),
       jsonb_build_object('title', 'take ' || k + 1, 'updated_at', '2025-01-01T00:00:01+00:00'::timestamptz + k * interval '1 s', 'state_version', k + 1),
       k + 1
FROM generate_series($((b * per + 1)), $(((b + 1) * per))) k, generate_series(1, 1000) v
ORDER BY k, v;
SQL
)
  gen_ms=$(calc "$gen_ms + $ms")
done
rows=$(q1 'SELECT count(*) FROM publishing.task_audit')
printf 'appended %d rows in %.1f s: %.0f audit rows/s (one session, trigger-linked and hashed)\n' \
  "$rows" "$(calc "$gen_ms / 1000")" "$(calc "$rows / ($gen_ms / 1000)")"
# Hint bits and visibility map set once, as on a trail that has been there for a while.
q -c 'VACUUM ANALYZE publishing.task_audit' -c 'CHECKPOINT' >/dev/null

say "publishing: verify_audit() over the $rows rows, 3 times"
best=0
for run in 1 2 3; do
  out=$(q -At <<'SQL'
\timing on
SELECT ok, chains_checked, rows_checked, coalesce(problem, '-') FROM publishing.verify_audit();
SQL
)
  result=$(head -n 1 <<<"$out")
  ms=$(sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' <<<"$out")
  [ "$result" = "t|1000|$rows|-" ] || die "verify_audit run $run: $result (wanted ok over 1000 chains, $rows rows)"
  rate=$(calc "$rows / ($ms / 1000)")
  best=$(calc "$rate > $best ? $rate : $best")
  printf '  run %s: %8.1f ms  %10.0f rows/s  (ok, 1000 chains, %s rows)\n' "$run" "$ms" "$rate" "$rows"
done
printf 'verify_audit rows/s (best of 3): %.0f\n' "$best"
