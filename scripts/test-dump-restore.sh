#!/usr/bin/env bash
# Backups restore (TAP lines), against the running test cluster: a database with all five
# products, the demo data, embedded chunks, a week of factory metrics, publishing's audit
# chain, a stories job with its key, segment, like and view, and everything maintenance makes
# (monthly partitions, drained default partitions, sweeps, a built IVF index) is dumped and
# restored the three ways an
# operator does it: pg_dump -Fc + pg_restore, pg_restore --single-transaction, and a plain dump
# into psql -v ON_ERROR_STOP=1. Each restore must succeed, every dumped table must hold the same
# rows (md5 per table), and the restored database must keep working: maintenance, search, a
# purchase, the audit chain, winners, ingestion, and stories' counters and checks.
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$REELBASE_ROOT"
source "$(dirname "$0")/tap.sh"
q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
bindir=$(pg_bindir)
src=rb_dump_source
dst=rb_dump_restored
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT
fresh_db() { q -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" 2>/dev/null && q -d postgres -c "CREATE DATABASE $1"; }

# One md5 per table whose rows pg_dump dumps: the extensions' registered tables (with their
# registered condition) and every other table of their schemas (the partitions maintenance
# made). Derived tables (IVF lists, centroids, run logs) are not dumped and not compared.
fingerprint() { # fingerprint DB FILE
  q -d "$1" -At -c "
    SELECT pg_catalog.format('SELECT %L, count(*), md5(coalesce(string_agg(t::text, E''\n'' ORDER BY t::text), '''')) FROM ONLY %s t %s;',
                             c.oid::regclass, c.oid::regclass, coalesce(cfg.condition, ''))
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN LATERAL (SELECT e.extcondition[pg_catalog.array_position(e.extconfig, c.oid)] AS condition
                       FROM pg_extension e WHERE c.oid = ANY (e.extconfig)) cfg ON true
    WHERE n.nspname IN ('reelbase', 'learning', 'market', 'publishing', 'factory', 'stories') AND c.relkind = 'r'
      AND (cfg.condition IS NOT NULL
           OR NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                          AND d.objid = c.oid AND d.deptype = 'e'))
    ORDER BY 1" | q -d "$1" -At -F' ' -f - >"$2" && [ -s "$2" ]
}

fresh_db "$src"
check "source: five products, demo data, embedded chunks" \
  q -d "$src" -o /dev/null -c "CREATE EXTENSION reelbase_learning CASCADE" -c "CREATE EXTENSION reelbase_market" \
    -c "CREATE EXTENSION reelbase_publishing" -c "CREATE EXTENSION reelbase_factory" -c "CREATE EXTENSION reelbase_stories" \
    -f demo/data.sql -f demo/market_data.sql -f demo/publishing_data.sql -f demo/factory_data.sql -f demo/stories_data.sql \
    -c "SELECT setseed(0.13)" \
    -c "UPDATE learning.video_chunks SET embedding = (SELECT array_agg(random()::real - 0.5) FROM generate_series(1, 1536 + 0 * chunk_index))"
# Bob's continuation of the demo scene, keyed, run to its segment; his like and view. The job
# and segment land in the default partitions and maintenance moves them to this month's.
scene=5d000000-0000-4000-8000-0000000000c1
check "source: a stories job enqueued, claimed and completed into a segment; a like and a view" \
  test "$(q -d "$src" -At -c "BEGIN" -c "SELECT reelbase.set_user_id('5d000000-0000-4000-8000-000000000002')" \
    -c "SELECT stories.like('scene', '$scene')" -c "SELECT stories.record_view('$scene')" \
    -c "SELECT enqueued FROM stories.enqueue_job('$scene', 'Tomas climbs', 'restore-key-1')" \
    -c "SELECT sequence FROM stories.complete_job((SELECT job_id FROM stories.claim_jobs('w1', 1)), 'w1', '{}',
                                                  'https://cdn.example.com/r1.mp4', 8, 'Tomas climbs.')" -c "COMMIT" | tail -2 | tr '\n' ' ')" = "t 1 "
check "source: maintenance makes partitions and drains the default partition" \
  test "$(q -d "$src" -At -c "SELECT count(*) FILTER (WHERE action IN ('premake', 'drain')) > 0 AND bool_and(action <> 'task' OR detail = 'ok')
                               FROM reelbase.run_maintenance()")" = t
check "source: sweeps and the chunk index (lists => 3) run" \
  q -d "$src" -o /dev/null -c "SELECT * FROM market.run_sweeps()" -c "SELECT * FROM learning.build_chunk_index(lists => 3)"
# A week of metrics for both demo posts, in this month's partition (made by the maintenance above).
metrics="(SELECT jsonb_agg(jsonb_build_object('published_content_id', p, 'date', date_trunc('month', now())::date + d,
            'views', 1000 + 100 * d, 'likes', 40 * k + d, 'clicks', 9 + d * k, 'conversions', (d + k) % 3))
          FROM unnest(ARRAY['5f000000-0000-4000-8000-0000000000b1', '5f000000-0000-4000-8000-0000000000b2']::uuid[])
               WITH ORDINALITY AS u(p, k),
               generate_series(0, 6) d)"
check "source: a week of factory metrics recorded" \
  test "$(q -d "$src" -At -c "SELECT inserted FROM factory.record_daily_metrics($metrics)")" = 14
check "source: publishing's audit chain verifies" \
  test "$(q -d "$src" -At -c "SELECT ok AND rows_checked > 0 FROM publishing.verify_audit()")" = t
winners="SELECT string_agg(published_content_id::text || ':' || round(score::numeric, 9), ',' ORDER BY rank) FROM factory.find_winners(10, 0)"
q -d "$src" -At -c "$winners" >"$tmp/winners_before"
check "source: find_winners ranks both posts ($(cat "$tmp/winners_before"))" test "$(tr -cd , <"$tmp/winners_before" | wc -c)" = 1
parts=$(q -d "$src" -At -c "SELECT count(*) FROM pg_inherits WHERE inhparent = 'learning.video_analytics_events'::regclass")
fingerprint "$src" "$tmp/before"
rows=$(awk '{s+=$2} END {print s}' "$tmp/before")
tables=$(wc -l <"$tmp/before")

query="(SELECT embedding FROM learning.video_chunks WHERE embedding IS NOT NULL ORDER BY id LIMIT 1)"
search="SELECT string_agg(id::text || ':' || round(similarity::numeric, 6), ',' ORDER BY similarity DESC, id)
        FROM learning.search_video_chunks($query, 5, -1)"
q -d "$src" -At -c "$search" >"$tmp/search_before"
check "source: search_video_chunks finds 5 chunks ($(tr -cd , <"$tmp/search_before" | wc -c) commas)" \
  test "$(tr -cd , <"$tmp/search_before" | wc -c)" = 4

works() { # works LABEL: the restored database maintains, searches and sells
  local label=$1
  fingerprint "$dst" "$tmp/after"
  if ! check "$label: every dumped row kept ($rows rows in $tables tables, md5 per table)" \
    diff -q "$tmp/before" "$tmp/after"; then
    diff "$tmp/before" "$tmp/after" | head -n 20 | sed 's/^/# /'
  fi
  check "$label: $parts partitions of learning.video_analytics_events, each with its key" \
    test "$(q -d "$dst" -At -c "SELECT count(*) || '/' || count(*) FILTER (WHERE EXISTS (
             SELECT FROM pg_constraint k WHERE k.conrelid = i.inhrelid AND k.contype = 'p'))
           FROM pg_inherits i WHERE i.inhparent = 'learning.video_analytics_events'::regclass")" = "$parts/$parts"
  check "$label: run_maintenance runs every task ok" \
    test "$(q -d "$dst" -At -c "SELECT bool_and(detail = 'ok') FROM reelbase.run_maintenance() WHERE action = 'task'")" = t
  q -d "$dst" -At -c "$search" >"$tmp/search_after" 2>&1
  check "$label: search_video_chunks finds what it found before the dump" diff -q "$tmp/search_before" "$tmp/search_after"
  check "$label: the chunk index rebuilds and search still finds the same" \
    bash -c "psql -X -q -v ON_ERROR_STOP=1 -d $dst -o /dev/null -c 'SELECT * FROM learning.build_chunk_index(lists => 3)' &&
             psql -X -q -v ON_ERROR_STOP=1 -d $dst -At -c \"$search\" | diff -q '$tmp/search_before' -"
  check "$label: the marketplace sells (list_concept + purchase_listing)" \
    q -d "$dst" -o /dev/null -c "BEGIN" -c "SELECT reelbase.set_user_id(gen_random_uuid())" \
      -c "SELECT market.purchase_listing(market.list_concept(c.id, m.id, 10))
          FROM market.concepts c, market.market_contexts m WHERE NOT c.archived ORDER BY c.id, m.id LIMIT 1" -c "ROLLBACK"
  check "$label: publishing's audit chain still verifies" \
    test "$(q -d "$dst" -At -c "SELECT ok FROM publishing.verify_audit()")" = t
  q -d "$dst" -At -c "$winners" >"$tmp/winners_after" 2>&1
  check "$label: find_winners names the same contents with the same scores" diff -q "$tmp/winners_before" "$tmp/winners_after"
  check "$label: record_daily_metrics updates the restored week" \
    test "$(q -d "$dst" -At -c "BEGIN" -c "SELECT updated FROM factory.record_daily_metrics($metrics)" -c "ROLLBACK")" = 14
  check "$label: the scene's counters are as dumped and Ann's like counts once" \
    test "$(q -d "$dst" -At -c "BEGIN" -c "SELECT reelbase.set_user_id('5d000000-0000-4000-8000-000000000001')" \
      -c "SELECT segment_count || '/' || contributor_count || '/' || like_count || '/' || view_count FROM stories.scenes WHERE id = '$scene'" \
      -c "SELECT stories.like('scene', '$scene')" \
      -c "SELECT like_count FROM stories.scenes WHERE id = '$scene'" -c "ROLLBACK" | tail -3 | tr '\n' ' ')" = "1/1/1/1 t 2 "
  check "$label: the restored idempotency key refuses a second job (23505)" \
    test "$(q -d "$dst" -At \
      -c "INSERT INTO stories.jobs (scene_id, user_id, input_text, bible_version, idempotency_key)
          VALUES ('$scene', '5d000000-0000-4000-8000-000000000001', 'again', 1, 'restore-key-1')" 2>&1 | grep -c 'already used')" = 1
}

check "pg_dump -Fc" "$bindir/pg_dump" -Fc -d "$src" -f "$tmp/dump.fc"
check "pg_dump (plain SQL)" "$bindir/pg_dump" -d "$src" -f "$tmp/dump.sql"

fresh_db "$dst"
check "pg_restore --exit-on-error" "$bindir/pg_restore" --exit-on-error -d "$dst" "$tmp/dump.fc"
works "pg_restore"

fresh_db "$dst"
check "pg_restore --single-transaction --exit-on-error" \
  "$bindir/pg_restore" --single-transaction --exit-on-error -d "$dst" "$tmp/dump.fc"
works "single transaction"

fresh_db "$dst"
check "psql -v ON_ERROR_STOP=1 -f dump.sql" q -d "$dst" -o /dev/null -f "$tmp/dump.sql"
works "plain SQL"

for db in "$src" "$dst"; do q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null; done
[ "$bad" = 0 ]
