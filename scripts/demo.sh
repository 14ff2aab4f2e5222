#!/usr/bin/env bash
# The reelbase demo, in one command, on a fresh Debian 12 machine:
#   scripts/demo.sh [--keep]
# installs what is missing (scripts/deps.sh), builds and installs the extension (make install),
# starts a throwaway PostgreSQL 15 cluster on its own port, creates database reelbase_demo with
# CREATE EXTENSION of the five products (the core reelbase comes with them), loads
# demo/*data.sql and runs the five walkthroughs (demo/walkthrough.sql, market_, stories_,
# publishing_ and factory_walkthrough.sql). The cluster is then stopped and deleted,
# unless --keep is given.
#
# Run it as root (the cluster then belongs to the OS user of scripts/env.sh) or as a normal
# user with sudo (used for apt-get and make install only). REELBASE_PORT (default 55433)
# picks the port; the cluster lives in ${TMPDIR:-/tmp}/reelbase-cluster-$REELBASE_PORT.
set -euo pipefail

keep=0
for arg in "$@"; do
  case $arg in
    --keep) keep=1 ;;
    -h|--help) sed -n '2,11s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) printf 'usage: %s [--keep]\n' "$0" >&2; exit 2 ;;
  esac
done

# The demo's own port, so it never touches the test cluster (55432) or anyone else's.
export REELBASE_PORT=${REELBASE_PORT:-55433}
source "$(dirname "$0")/env.sh"
cd "$REELBASE_ROOT"
db=reelbase_demo
marker=$REELBASE_CLUSTER_DIR/reelbase-demo-cluster

step() { printf '\n==================================================================\n'
         printf '== %s\n' "$*"
         printf '==================================================================\n'; }

# Only ever replace a cluster this script created.
if [ -e "$REELBASE_CLUSTER_DIR" ] && [ ! -e "$marker" ]; then
  die "$REELBASE_CLUSTER_DIR exists but was not made by the demo; set REELBASE_PORT to a free port (or remove that directory)"
fi

started=0
cleanup() {
  local rc=$?
  if [ "$started" = 1 ] && [ "$keep" = 0 ]; then
    say "stopping and removing the demo cluster"
    bash scripts/cluster.sh destroy || true
  fi
  exit "$rc"
}
trap cleanup EXIT

step "1/6 dependencies (scripts/deps.sh)"
bash scripts/deps.sh
echo "PostgreSQL: $("$PG_CONFIG" --version)"
echo "Swift:      $(swift --version 2>/dev/null | head -n 1)"

step "2/6 build and install the extension (make install)"
if [ "$(id -u)" = 0 ]; then
  make install
else
  # Build as the user who owns the tree; only the copy into the server needs root.
  make
  as_root env "PATH=$PATH" make install
fi

step "3/6 fresh throwaway cluster on port $REELBASE_PORT"
started=1
bash scripts/cluster.sh start --fresh
touch "$marker"

step "4/6 database $db with reelbase and its five products"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $db"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "CREATE EXTENSION reelbase_learning CASCADE" -c "CREATE EXTENSION reelbase_market" \
  -c "CREATE EXTENSION reelbase_stories" -c "CREATE EXTENSION reelbase_publishing" -c "CREATE EXTENSION reelbase_factory"
psql -X -v ON_ERROR_STOP=1 -d "$db" -c "SELECT extname, extversion FROM pg_extension WHERE extname LIKE 'reelbase%' ORDER BY 1"

step "5/6 demo data (demo/*_data.sql)"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f demo/data.sql -f demo/market_data.sql -f demo/stories_data.sql \
  -f demo/publishing_data.sql -f demo/factory_data.sql
echo "loaded."

step "6/6 walkthrough (demo/walkthrough.sql, market_, stories_, publishing_ and factory_walkthrough.sql)"
# Errors of the bad-input section go to stderr; merged so they appear where they happen.
psql -X -v ON_ERROR_STOP=1 -d "$db" -f demo/walkthrough.sql 2>&1
psql -X -v ON_ERROR_STOP=1 -d "$db" -f demo/market_walkthrough.sql 2>&1
psql -X -v ON_ERROR_STOP=1 -d "$db" -f demo/stories_walkthrough.sql 2>&1
psql -X -v ON_ERROR_STOP=1 -d "$db" -f demo/publishing_walkthrough.sql 2>&1
psql -X -v ON_ERROR_STOP=1 -d "$db" -f demo/factory_walkthrough.sql 2>&1

if [ "$keep" = 1 ]; then
  step "the demo cluster is still running (--keep)"
  cat <<MSG
Connect:  psql -h $PGHOST -p $PGPORT -U postgres -d $db
Stop it:  REELBASE_PORT=$REELBASE_PORT bash scripts/cluster.sh destroy
MSG
else
  step "done"
fi
