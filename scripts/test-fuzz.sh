#!/usr/bin/env bash
# Hostile input over every function of every reelbase extension (TAP lines from
# scripts/fuzz/fuzz.py). In database rb_fuzz of the running test cluster: every extension, the
# demo data, embedded chunks, built indexes and partitions made by maintenance, so calls reach
# deep. Each call is rolled back. Half the calls run with the look-alike schema "evil" first in
# search_path, so this is also the search_path check over every function.
# Settings: REELBASE_FUZZ_CALLS (1000 per function), REELBASE_FUZZ_SEED (1),
# REELBASE_FUZZ_JOBS (2), REELBASE_FUZZ_DB (rb_fuzz).
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$REELBASE_ROOT"
db=${REELBASE_FUZZ_DB:-rb_fuzz}
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
# Debian's python3 and python3-psycopg (scripts/deps.sh), not whatever python3 is first on PATH.
python=/usr/bin/python3
$python -c 'import psycopg' 2>/dev/null || { echo "not ok 1 - python3-psycopg is not installed"; exit 1; }

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $db" || exit 1
extensions=$(psql -X -At -d postgres -c "SELECT string_agg(format('CREATE EXTENSION %I CASCADE;', name), ' ' ORDER BY name)
  FROM pg_available_extensions WHERE name = 'reelbase' OR name LIKE 'reelbase\_%'")
q -o /dev/null -c "$extensions" -f demo/data.sql -f demo/market_data.sql \
  -c "SELECT setseed(0.7)" \
  -c "UPDATE learning.video_chunks SET embedding = (SELECT array_agg(random()::real - 0.5) FROM generate_series(1, 1536 + 0 * chunk_index))" \
  -c "SELECT count(*) FROM learning.build_chunk_index(lists => 2)" \
  -c "SELECT count(*) FROM reelbase.run_maintenance()" \
  || { echo "not ok 1 - the fuzz database could not be set up"; exit 1; }

PGDATABASE=$db PYTHONDONTWRITEBYTECODE=1 $python scripts/fuzz/fuzz.py --evil \
  --calls "${REELBASE_FUZZ_CALLS:-1000}" --seed "${REELBASE_FUZZ_SEED:-1}" --jobs "${REELBASE_FUZZ_JOBS:-2}"
status=$?
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null
exit $status
