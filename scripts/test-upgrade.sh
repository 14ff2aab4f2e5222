#!/usr/bin/env bash
# Install, dump/restore and upgrade checks against the running test cluster (TAP-style lines):
# - CREATE EXTENSION, DROP EXTENSION (nothing left behind), CREATE again;
# - pg_dump / pg_restore of a database with the demo data keeps every user row
#   (the tables are registered with pg_extension_config_dump);
# - from every earlier release A (sql/A/): CREATE EXTENSION reelbase VERSION 'A', load the demo
#   data, ALTER EXTENSION reelbase UPDATE, and the catalog must equal a fresh install of the
#   current release, with every row kept.
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$REELBASE_ROOT"
source "$(dirname "$0")/tap.sh"
q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
current=$(sed -n "s/^default_version = '\(.*\)'/\1/p" extension/reelbase.control)
learning_tables="creators students videos video_chunks courses course_modules module_lessons chat_sessions chat_messages video_analytics video_analytics_events video_watch_sessions usage_metrics"
market_tables="analyzed_videos video_ratings market_contexts model_versions concepts listing_windows transactions produced_content viewer_overlays feature_importance_snapshots arbitrage_metrics"
counts() { # row counts of every learning table, and every market table where it exists (0.4.0+), in database $1
  local sql="" t
  for t in $learning_tables; do sql="$sql SELECT 'learning.$t', count(*) FROM learning.$t UNION ALL"; done
  if [ "$(q -d "$1" -At -c "SELECT to_regnamespace('market') IS NOT NULL")" = t ]; then
    for t in $market_tables; do sql="$sql SELECT 'market.$t', count(*) FROM market.$t UNION ALL"; done
  fi
  q -d "$1" -At -c "${sql% UNION ALL} ORDER BY 1"
}
fresh_db() { q -d postgres -c "DROP DATABASE IF EXISTS $1" 2>/dev/null && q -d postgres -c "CREATE DATABASE $1"; }
fingerprint() { # fingerprint DB FILE: fails if the query fails or finds nothing
  q -d "$1" -At -f test/upgrade/fingerprint.sql >"$2" && [ -s "$2" ]
}

# --- install, drop, reinstall ---------------------------------------------------------------
fresh_db rb_install
check "CREATE EXTENSION reelbase ($current)" q -d rb_install -c "CREATE EXTENSION reelbase"
check "catalog fingerprint of a fresh install" fingerprint rb_install /tmp/rb_fresh.$$
check "DROP EXTENSION reelbase" q -d rb_install -c "DROP EXTENSION reelbase"
left=$(q -d rb_install -At -c "SELECT count(*) FROM pg_namespace WHERE nspname IN ('reelbase', 'learning', 'market')")
check "nothing left behind after DROP EXTENSION (schemas: $left)" test "$left" = 0
check "CREATE EXTENSION again" q -d rb_install -c "CREATE EXTENSION reelbase"
fingerprint rb_install /tmp/rb_again.$$
check "reinstall gives the same catalog ($(wc -l </tmp/rb_fresh.$$) entries)" diff -q /tmp/rb_fresh.$$ /tmp/rb_again.$$

# --- pg_dump keeps user data -----------------------------------------------------------------
check "demo data loads (demo/data.sql, demo/market_data.sql)" \
  q -d rb_install -f demo/data.sql -f demo/market_data.sql -o /dev/null
counts rb_install >/tmp/rb_counts_before.$$
fresh_db rb_restored
bindir=$(pg_bindir)
"$bindir/pg_dump" -Fc -d rb_install -f /tmp/rb_dump.$$ \
  && "$bindir/pg_restore" --exit-on-error -d rb_restored /tmp/rb_dump.$$
check "pg_dump / pg_restore of a database using reelbase" test $? = 0
counts rb_restored >/tmp/rb_counts_after.$$
check "restored database has every row ($(awk -F'|' '{s+=$2} END {print s}' /tmp/rb_counts_before.$$) rows)" \
  diff -q /tmp/rb_counts_before.$$ /tmp/rb_counts_after.$$

# --- upgrade paths ---------------------------------------------------------------------------
releases=$(ls -1 sql | grep -E '^[0-9]+\.[0-9]+\.[0-9]+$' | sort -V)
# A released directory is frozen: users' databases were built from it, so a change there would
# reach fresh installs but never existing ones. sql/released.sha256 holds each one's checksum.
for from in $releases; do
  [ "$from" = "$current" ] && continue
  sum=$(cat sql/"$from"/*.sql | sha256sum | cut -d' ' -f1)
  check "released sql/$from/ is unchanged (sql/released.sha256)" grep -qx "$sum  $from" sql/released.sha256
done
for from in $releases; do
  [ "$from" = "$current" ] && continue
  fresh_db rb_upgrade
  check "CREATE EXTENSION reelbase VERSION '$from'" q -d rb_upgrade -c "CREATE EXTENSION reelbase VERSION '$from'"
  check "demo data loads under $from" q -d rb_upgrade -f demo/data.sql -o /dev/null
  counts rb_upgrade >/tmp/rb_up_before.$$
  check "ALTER EXTENSION reelbase UPDATE ($from -> $current)" q -d rb_upgrade -c "ALTER EXTENSION reelbase UPDATE"
  fingerprint rb_upgrade /tmp/rb_upgraded.$$
  if ! check "upgraded catalog equals a fresh $current install" diff -q /tmp/rb_fresh.$$ /tmp/rb_upgraded.$$; then
    diff /tmp/rb_fresh.$$ /tmp/rb_upgraded.$$ | head -n 40
  fi
  # Tables the release adds are empty and not in the "before" list: compare the ones that were.
  counts rb_upgrade | awk -F'|' 'NR == FNR { had[$1]; next } $1 in had' /tmp/rb_up_before.$$ - >/tmp/rb_up_after.$$
  check "data loaded under $from survives the upgrade" diff -q /tmp/rb_up_before.$$ /tmp/rb_up_after.$$
done
[ "$(echo "$releases" | wc -l)" -lt 2 ] && echo "# no upgrade to test yet: $current is the first release"

rm -f /tmp/rb_*.$$
for db in rb_install rb_restored rb_upgrade; do q -d postgres -c "DROP DATABASE IF EXISTS $db" 2>/dev/null; done
echo "1..$n"
[ "$bad" -eq 0 ]
