#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests, the demo and benchmarks.
#   scripts/cluster.sh start [--fresh]   initdb if needed, start on $REELBASE_PORT
#   scripts/cluster.sh stop              stop it
#   scripts/cluster.sh destroy           stop it and delete its directory
#   scripts/cluster.sh psql [args]       psql into it
set -euo pipefail
source "$(dirname "$0")/env.sh"
bindir=$(pg_bindir)
dir=$REELBASE_CLUSTER_DIR

running() { [ -f "$dir/postmaster.pid" ] && as_cluster_owner "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1; }

start() {
  if [ "${1:-}" = "--fresh" ]; then destroy; fi
  if [ ! -f "$dir/PG_VERSION" ]; then
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown "$REELBASE_OS_USER" "$dir"
    chmod 700 "$dir"
    as_cluster_owner "$bindir/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # Throwaway: durability is traded for speed (fsync off); everything else stays default.
    cat >>"$dir/postgresql.conf" <<CONF
port = $REELBASE_PORT
unix_socket_directories = '$dir'
listen_addresses = '127.0.0.1'
fsync = off
max_connections = 100
shared_preload_libraries = '${REELBASE_PRELOAD:-}'
CONF
    # Extra settings, one per line (benchmarks size shared_buffers this way).
    [ -n "${REELBASE_EXTRA_CONF:-}" ] && printf '%s\n' "$REELBASE_EXTRA_CONF" >>"$dir/postgresql.conf"
  fi
  if ! running; then
    as_cluster_owner "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start >/dev/null \
      || { tail -n 30 "$dir/server.log" >&2; die "the cluster did not start"; }
  fi
  echo "cluster running: PGHOST=$dir PGPORT=$REELBASE_PORT PGUSER=postgres"
}

stop() {
  if running; then as_cluster_owner "$bindir/pg_ctl" -D "$dir" -m fast -w stop >/dev/null; fi
}

destroy() {
  stop
  rm -rf "$dir"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  destroy) destroy ;;
  psql) shift; exec psql "$@" ;;
  *) die "usage: $0 start [--fresh] | stop | destroy | psql [args]" ;;
esac
