#!/usr/bin/env bash
# find_winners over 1,000,000 metric rows (10,000 contents x 100 days) against the seed's
# "Find winners" query, one client, same database and settings (the seed's query may run in
# parallel: max_parallel_workers_per_gather as run.sh sets it). Target: at least as fast
# (ratio >= 1). Before the runs, the two must name the same 10 contents in the same order.
set -euo pipefail
source "$(dirname "$0")/common.sh"

seed_ids=$(q1 "SELECT string_agg(id::text, ',' ORDER BY n) FROM (SELECT row_number() OVER () AS n, w.id FROM (
  $(grep -v '^--' "$here/pgbench/seed_query.sql" | tr -d ';')) w) x")
our_ids=$(q1 "SELECT string_agg(published_content_id::text, ',' ORDER BY rank) FROM factory.find_winners(10)")
[ -n "$seed_ids" ] && [ "$seed_ids" = "$our_ids" ] \
  || die "find_winners and the seed's query disagree: seed $seed_ids, find_winners $our_ids"
echo "same 10 contents in the same order: $(tr ',' '\n' <<<"$our_ids" | cut -c 25- | sed 's/^0*//' | paste -sd ' ')"
echo "plans: seed query $(q1 "EXPLAIN (FORMAT JSON) $(grep -v '^--' "$here/pgbench/seed_query.sql" | tr -d ';')" \
  | grep -c '"Parallel Aware": true' || true) parallel-aware nodes"

say "factory: find_winners vs the seed's query over 1,000,000 metric rows, 1 client"
pair_runs factory-winners 1 1 find_winners "$here/pgbench/find_winners.sql" seed_query "$here/pgbench/seed_query.sql"
