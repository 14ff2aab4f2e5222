#!/usr/bin/env bash
# A streaming replica of the throwaway cluster (scripts/cluster.sh), for the client's
# read-replica tests and for trying replica routing by hand.
#   scripts/replica.sh start [--fresh]   pg_basebackup -R from the running cluster if needed, start
#   scripts/replica.sh stop              stop it (the data directory stays)
#   scripts/replica.sh destroy           stop it and delete its directory
#   scripts/replica.sh status            print whether it runs and its replay position
# The primary is $REELBASE_PORT (see env.sh). The replica listens on $REELBASE_REPLICA_PORT
# (default: the primary's port + 1000, clear of the demo cluster's 55433), on 127.0.0.1 and in
# its own socket directory.
set -euo pipefail
source "$(dirname "$0")/env.sh"
bindir=$(pg_bindir)
primary_dir=$REELBASE_CLUSTER_DIR
replica_port=${REELBASE_REPLICA_PORT:-$((REELBASE_PORT + 1000))}
dir=${REELBASE_REPLICA_DIR:-${TMPDIR:-/tmp}/reelbase-replica-$replica_port}

running() { [ -f "$dir/postmaster.pid" ] && as_cluster_owner "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1; }

create() {
  psql -XAtqc 'SELECT 1' >/dev/null 2>&1 \
    || die "the primary on port $REELBASE_PORT is not running (scripts/cluster.sh start)"
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown "$REELBASE_OS_USER" "$dir"
  chmod 700 "$dir"
  # -R writes standby.signal and primary_conninfo (the primary's socket directory and port);
  # -X stream copies the WAL needed to start consistent. initdb -A trust allows the
  # replication connection on the local socket. The primary's socket lives in its data
  # directory, which pg_basebackup warns about skipping; that warning is noise here.
  as_cluster_owner "$bindir/pg_basebackup" -h "$primary_dir" -p "$REELBASE_PORT" -U postgres \
    -D "$dir" -R -X stream -c fast 2> >(grep -v 'skipping special file' >&2) >/dev/null
  # The copied postgresql.conf names the primary's port and socket directory;
  # postgresql.auto.conf is read last, so these win.
  cat >>"$dir/postgresql.auto.conf" <<CONF
port = $replica_port
unix_socket_directories = '$dir'
hot_standby = on
CONF
}

start() {
  if [ "${1:-}" = "--fresh" ]; then destroy; fi
  if [ ! -f "$dir/PG_VERSION" ]; then create; fi
  if ! running; then
    as_cluster_owner "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start >/dev/null \
      || { tail -n 30 "$dir/server.log" >&2; die "the replica did not start"; }
  fi
  # Ready means streaming from the primary, not just accepting connections.
  for _ in $(seq 1 100); do
    if [ "$(psql -h "$dir" -p "$replica_port" -XAtqc \
      "SELECT pg_is_in_recovery() AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming')" \
      2>/dev/null)" = t ]; then
      echo "replica running: PGHOST=$dir PGPORT=$replica_port (streaming from port $REELBASE_PORT)"
      return 0
    fi
    sleep 0.1
  done
  tail -n 30 "$dir/server.log" >&2
  die "the replica is not streaming from the primary"
}

stop() {
  if running; then as_cluster_owner "$bindir/pg_ctl" -D "$dir" -m fast -w stop >/dev/null; fi
}

destroy() {
  stop
  rm -rf "$dir"
}

status() {
  if running; then
    echo "running on port $replica_port, replayed up to $(psql -h "$dir" -p "$replica_port" -XAtqc 'SELECT pg_last_wal_replay_lsn()')"
  else
    echo "not running (port $replica_port)"
    return 3
  fi
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  destroy) destroy ;;
  status) status ;;
  *) die "usage: $0 start [--fresh] | stop | destroy | status" ;;
esac
