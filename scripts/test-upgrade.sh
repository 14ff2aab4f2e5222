#!/usr/bin/env bash
# Install, drop, dump/restore and upgrade checks against the running test cluster (TAP lines):
# - each extension installed alone into a fresh database, dropped (nothing of it left, the core
#   and the other product still working) and installed again to the same catalog;
# - pg_dump / pg_restore of a database with both products and the demo data keeps every row;
# - from every earlier release A (0.1.0 ... 0.4.0, when learning and market were inside
#   reelbase): CREATE EXTENSION reelbase VERSION 'A', demo data (from 0.3.0 on also monthly
#   partitions made by maintenance), ALTER EXTENSION reelbase UPDATE, then the products adopt
#   their objects. Each
#   extension's catalog (columns, constraints, indexes, functions, grants, policies, triggers,
#   pg_dump registrations) must equal a fresh install, every row must be kept, and a
#   dump/restore of the migrated database must keep every row too.
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$REELBASE_ROOT"
source "$(dirname "$0")/tap.sh"
q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
extensions="reelbase reelbase_learning reelbase_market"
products="reelbase_learning reelbase_market"
# Extensions new in 0.5.0: installed alone, dropped and reinstalled, but not upgraded from the
# releases before them (reelbase_stories is checked further in scripts/test-stories.sh, reelbase_publishing in scripts/test-publishing.sh).
new_extensions="reelbase_stories reelbase_publishing reelbase_factory"
version_of() { sed -n "s/^default_version = '\(.*\)'/\1/p" "extension/$1.control"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

counts() { # counts DB: rows of every table of schemas learning and market (partitions through their parent)
  q -d "$1" -At -c "SELECT format('SELECT %L, count(*) FROM %s;', c.oid::regclass, c.oid::regclass)
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname IN ('learning', 'market') AND c.relkind IN ('r', 'p')
                      AND NOT c.relispartition ORDER BY 1" \
    | q -d "$1" -At -F' ' -f - 2>/dev/null | sort
}
counts_file() { counts "$1" >"$2" && [ -s "$2" ]; }
fresh_db() { q -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" 2>/dev/null && q -d postgres -c "CREATE DATABASE $1"; }
fingerprint() { # fingerprint DB EXTENSION FILE: fails if the query fails or finds nothing
  q -d "$1" -At -v ext="$2" -f test/upgrade/fingerprint.sql >"$3" && [ -s "$3" ]
}
same() { # same LABEL FILE1 FILE2
  if ! check "$1" diff -q "$2" "$3"; then diff "$2" "$3" | head -n 40 | sed 's/^/# /'; fi
}
schemas_of() { case $1 in reelbase) echo reelbase ;; reelbase_learning) echo learning ;; reelbase_market) echo market ;; reelbase_stories) echo stories ;; reelbase_publishing) echo publishing ;; reelbase_factory) echo factory ;; esac; }

# --- each extension alone: install, drop, reinstall ------------------------------------------
for ext in $extensions $new_extensions; do
  fresh_db rb_install
  check "CREATE EXTENSION $ext CASCADE ($(version_of "$ext")) into a fresh database" \
    q -d rb_install -c "CREATE EXTENSION $ext CASCADE"
  fingerprint rb_install "$ext" "$tmp/fresh_$ext"
  others=$(q -d rb_install -At -c "SELECT string_agg(nspname, ' ' ORDER BY nspname) FROM pg_namespace
                                    WHERE nspname IN ('learning', 'market', 'stories', 'publishing', 'factory') AND nspname <> '$(schemas_of "$ext")'")
  check "$ext alone brings no other product's schema (${others:-none})" test -z "$others"
  check "DROP EXTENSION $ext" q -d rb_install -c "DROP EXTENSION $ext"
  left=$(q -d rb_install -At -c "SELECT count(*) FROM pg_namespace WHERE nspname = '$(schemas_of "$ext")'")
  check "nothing of $ext left after DROP EXTENSION (schemas: $left)" test "$left" = 0
  check "CREATE EXTENSION $ext again" q -d rb_install -c "CREATE EXTENSION $ext CASCADE"
  fingerprint rb_install "$ext" "$tmp/again_$ext"
  same "$ext: reinstall gives the same catalog ($(wc -l <"$tmp/fresh_$ext") entries)" "$tmp/fresh_$ext" "$tmp/again_$ext"
done

# --- dropping a product leaves the core and the other product working ------------------------
fresh_db rb_install
q -d rb_install -c "CREATE EXTENSION reelbase_learning CASCADE" -c "CREATE EXTENSION reelbase_market" \
  -f demo/data.sql -f demo/market_data.sql -o /dev/null
check "DROP EXTENSION reelbase_learning with reelbase_market installed" q -d rb_install -c "DROP EXTENSION reelbase_learning"
check "its task, partition set and vector index are unregistered" \
  test "$(q -d rb_install -At -c "SELECT (SELECT count(*) FROM reelbase.maintenance_tasks WHERE name LIKE 'learning.%')
                                        + (SELECT count(*) FROM reelbase.partition_sets)
                                        + (SELECT count(*) FROM reelbase.vector_indexes WHERE name LIKE 'learning.%')")" = 0
q -d rb_install -c "SELECT count(*) FROM reelbase.run_maintenance()" -o /dev/null
check "maintenance still runs every remaining task without failure" \
  test "$(q -d rb_install -At -c "SELECT count(*) FILTER (WHERE last_status = 'ok') || '/' || count(*) FROM reelbase.maintenance_tasks")" = "1/1"
check "the marketplace still sells (market.list_concept + market.purchase_listing)" \
  q -d rb_install -c "BEGIN" -c "SELECT reelbase.set_user_id(gen_random_uuid())" \
    -c "SELECT market.purchase_listing(market.list_concept(c.id, m.id, 10))
        FROM market.concepts c, market.market_contexts m WHERE NOT c.archived ORDER BY c.id, m.id LIMIT 1" -c "ROLLBACK" -o /dev/null

# --- pg_dump keeps user data -----------------------------------------------------------------
fresh_db rb_install
check "demo data loads (demo/data.sql, demo/market_data.sql)" \
  q -d rb_install -c "CREATE EXTENSION reelbase_learning CASCADE" -c "CREATE EXTENSION reelbase_market" \
    -f demo/data.sql -f demo/market_data.sql -o /dev/null
dump_restore() { # dump_restore FROM_DB: restores into rb_restored; counts must match
  local bindir
  bindir=$(pg_bindir)
  counts_file "$1" "$tmp/before"
  fresh_db rb_restored
  "$bindir/pg_dump" -Fc -d "$1" -f "$tmp/dump" && "$bindir/pg_restore" --exit-on-error -d rb_restored "$tmp/dump"
  check "pg_dump / pg_restore of $2" test $? = 0
  counts_file rb_restored "$tmp/after"
  same "restored database has every row ($(awk '{s+=$2} END {print s}' "$tmp/before") rows in $(wc -l <"$tmp/before") tables)" \
    "$tmp/before" "$tmp/after"
}
dump_restore rb_install "a database with both products"

# --- earlier releases: update to the per-product layout ---------------------------------------
# The scripts of releases before it are frozen: databases were built from them.
check "released scripts are unchanged (sql/reelbase/history/SHA256SUMS)" \
  bash -c "cd sql/reelbase/history && sha256sum --quiet -c SHA256SUMS"
for from in 0.1.0 0.2.0 0.3.0 0.4.0; do
  fresh_db rb_upgrade
  check "CREATE EXTENSION reelbase VERSION '$from'" q -d rb_upgrade -c "CREATE EXTENSION reelbase VERSION '$from'"
  data="-f demo/data.sql"
  [ "$from" = 0.4.0 ] && data="$data -f demo/market_data.sql"
  # Monthly partitions exist from 0.3.0 on: maintenance makes them before the update, and the
  # updated database, partitions and all, must dump and restore.
  maintain=""
  case $from in 0.3.0 | 0.4.0) maintain="SELECT count(*) FROM reelbase.run_maintenance()" ;; esac
  # shellcheck disable=SC2086
  check "demo data loads under $from" q -d rb_upgrade ${maintain:+-c "$maintain"} $data -o /dev/null
  # An embedding that compresses (real model output does), stored compressed by $from's
  # storage; 0.5.0 stores embeddings PLAIN and rewrites such rows.
  flat="pg_catalog.array_fill(0.25::real, ARRAY[1536])"
  compressed="SELECT count(*) FILTER (WHERE pg_column_compression(embedding) IS NOT NULL) || ' ' || count(*) FILTER (WHERE embedding = $flat)
              FROM learning.video_chunks"
  # (0.2.0's list trigger calls the module with 0.2.0's catalog, which today's module no longer
  # reads: such a database updates its extension before it writes embeddings again.)
  flat_written=1
  q -d rb_upgrade -c "UPDATE learning.video_chunks SET embedding = $flat WHERE id = (SELECT min(id::text)::uuid FROM learning.video_chunks)" \
    -o /dev/null 2>/dev/null || flat_written=0
  if [ "$from" = 0.4.0 ]; then
    compressed="$compressed UNION ALL SELECT count(*) FILTER (WHERE pg_column_compression(content_embedding) IS NOT NULL) || ' ' || count(*) FILTER (WHERE content_embedding = $flat)
                FROM market.analyzed_videos"
    q -d rb_upgrade -c "UPDATE market.analyzed_videos SET content_embedding = $flat WHERE id = (SELECT min(id::text)::uuid FROM market.analyzed_videos)" -o /dev/null
  fi
  echo "# compressed and flat embeddings under $from: $(q -d rb_upgrade -At -c "$compressed" | tr '\n' ' ')"
  counts_file rb_upgrade "$tmp/up_before"
  check "ALTER EXTENSION reelbase UPDATE ($from -> $(version_of reelbase))" q -d rb_upgrade -c "ALTER EXTENSION reelbase UPDATE"
  for ext in $products; do
    check "CREATE EXTENSION $ext VERSION '0.4.0' adopts its objects, UPDATE" \
      q -d rb_upgrade -c "CREATE EXTENSION $ext VERSION '0.4.0'" -c "ALTER EXTENSION $ext UPDATE"
  done
  for ext in $extensions; do
    fingerprint rb_upgrade "$ext" "$tmp/upgraded_$ext"
    same "$from -> $(version_of "$ext"): $ext's catalog equals a fresh install" "$tmp/fresh_$ext" "$tmp/upgraded_$ext"
  done
  [ "$flat_written" = 1 ] && check "$from -> 0.5.0: the compressed embeddings are stored uncompressed, same values" \
    test "$(q -d rb_upgrade -At -c "$compressed" | sort -u | tr '\n' ' ')" = "0 1 "
  # Tables a later release adds are empty and not in the "before" list: compare the ones that were.
  counts rb_upgrade | awk 'NR == FNR { had[$1]; next } $1 in had' "$tmp/up_before" - >"$tmp/up_after"
  same "data loaded under $from survives the update ($(awk '{s+=$2} END {print s}' "$tmp/up_before") rows)" \
    "$tmp/up_before" "$tmp/up_after"
  if [ -n "$maintain" ]; then
    check "partitions made by maintenance stay user tables, which pg_dump dumps" \
      test "$(q -d rb_upgrade -At -c "SELECT count(*) FILTER (WHERE d.objid IS NULL) || '/' || count(*)
        FROM pg_inherits i LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = i.inhrelid AND d.deptype = 'e'
        WHERE i.inhparent = 'learning.video_analytics_events'::regclass")" = "$(q -d rb_upgrade -At -c "SELECT count(*) - 1 || '/' || count(*) FROM pg_inherits WHERE inhparent = 'learning.video_analytics_events'::regclass")"
  fi
  [ -n "$maintain" ] && dump_restore rb_upgrade "the database updated from $from"
done
fresh_db rb_adopt
q -d rb_adopt -c "CREATE EXTENSION reelbase"
refusal=$(q -d rb_adopt -v VERBOSITY=verbose -c "CREATE EXTENSION reelbase_learning VERSION '0.4.0'" 2>&1)
check "adopting 0.4.0 objects where there are none is refused with 55000" grep -q 'ERROR:  55000: there is no learning schema' <<<"$refusal"

for db in rb_install rb_restored rb_upgrade rb_adopt; do q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null; done
echo "1..$n"
[ "$bad" -eq 0 ]
