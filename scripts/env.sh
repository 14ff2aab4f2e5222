# Shared settings for the scripts; sourced, not run. Everything can be overridden from the
# environment.
REELBASE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="/opt/swift/usr/bin:$PATH"
PG_CONFIG=${PG_CONFIG:-pg_config}
REELBASE_PORT=${REELBASE_PORT:-55432}
REELBASE_CLUSTER_DIR=${REELBASE_CLUSTER_DIR:-${TMPDIR:-/tmp}/reelbase-cluster-$REELBASE_PORT}
# Postgres refuses to run as root; when we are root the cluster belongs to this user.
REELBASE_OS_USER=${REELBASE_OS_USER:-reelbase}

# Clients reach the throwaway cluster over its private socket directory.
export PGHOST=$REELBASE_CLUSTER_DIR
export PGPORT=$REELBASE_PORT
export PGUSER=postgres
export PGDATABASE=${PGDATABASE:-postgres}

say() { printf '\n== %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as the cluster's owner.
as_cluster_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$REELBASE_OS_USER" -- "$@"
  else
    "$@"
  fi
}

# Runs a command as root (for apt-get and make install).
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

pg_bindir() { "$PG_CONFIG" --bindir; }
