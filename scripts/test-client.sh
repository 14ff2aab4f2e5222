#!/usr/bin/env bash
# Tests the Swift client library (Sources/Reelbase) against the running test cluster.
# Needs: the extension installed (make install) and the cluster running (scripts/cluster.sh
# start); scripts/env.sh's variables pick the cluster. This script
#   1. recreates the database $REELBASE_CLIENT_DB with the extensions (reelbase, learning,
#      market, stories, publishing, factory), and the login roles the tests act as (one granted
#      reelbase_app, one granted reelbase_admin);
#   2. starts a streaming replica of the cluster (scripts/replica.sh, pg_basebackup -R);
#   3. runs swift test --filter ReelbaseTests;
#   4. stops and removes the replica, and exits with the tests' status.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REELBASE_ROOT"

export REELBASE_CLIENT_DB=${REELBASE_CLIENT_DB:-reelbase_client_test}
export REELBASE_REPLICA_PORT=${REELBASE_REPLICA_PORT:-$((REELBASE_PORT + 1000))}
export REELBASE_TEST_APP_ROLE=${REELBASE_TEST_APP_ROLE:-reelbase_client_app}
export REELBASE_TEST_ADMIN_ROLE=${REELBASE_TEST_ADMIN_ROLE:-reelbase_client_admin}
export REELBASE_REPLICA_SCRIPT="$REELBASE_ROOT/scripts/replica.sh"
# The tests stop and restart the replica through replica.sh, which needs the same settings.
export REELBASE_PORT REELBASE_CLUSTER_DIR REELBASE_OS_USER

psql -XAtqc 'SELECT 1' >/dev/null 2>&1 \
  || die "the test cluster on port $REELBASE_PORT is not running (scripts/cluster.sh start)"

say "database $REELBASE_CLIENT_DB and login roles"
psql -Xq -v ON_ERROR_STOP=1 -d postgres \
  -v db="$REELBASE_CLIENT_DB" -v app="$REELBASE_TEST_APP_ROLE" -v admin="$REELBASE_TEST_ADMIN_ROLE" \
  <<'SQL'
DROP DATABASE IF EXISTS :"db" WITH (FORCE);
CREATE DATABASE :"db";
\c :"db"
SET client_min_messages = warning;
CREATE EXTENSION reelbase_learning CASCADE;
CREATE EXTENSION reelbase_market;
CREATE EXTENSION reelbase_stories;
CREATE EXTENSION reelbase_publishing;
CREATE EXTENSION reelbase_factory;
-- Roles are cluster-wide and reelbase creates reelbase_app/reelbase_admin on install; the
-- tests log in as these two, like an application server and an operator would.
SELECT format('CREATE ROLE %I LOGIN', :'app')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app') \gexec
SELECT format('CREATE ROLE %I LOGIN', :'admin')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'admin') \gexec
GRANT reelbase_app TO :"app";
GRANT reelbase_admin TO :"admin";
SQL

cleanup() { bash "$REELBASE_ROOT/scripts/replica.sh" destroy || true; }
trap cleanup EXIT

say "streaming replica on port $REELBASE_REPLICA_PORT"
bash "$REELBASE_ROOT/scripts/replica.sh" start --fresh

# REELBASE_CLIENT_TEST_FILTER narrows the run (e.g. ReelbaseTests.IdentityTests);
# REELBASE_CLIENT_SCRATCH names another build directory; REELBASE_SWIFT_TESTS_BUILT=1 (set by
# scripts/test.sh after its swift build --build-tests) skips building.
filter=${REELBASE_CLIENT_TEST_FILTER:-ReelbaseTests}
say "swift test --filter $filter"
swift_args=()
[ -n "${REELBASE_CLIENT_SCRATCH:-}" ] && swift_args=(--scratch-path "$REELBASE_CLIENT_SCRATCH")
[ "${REELBASE_SWIFT_TESTS_BUILT:-}" = 1 ] && swift_args+=(--skip-build)
status=0
# Suites run one after another: they share one database, and maintenance runs in one suite
# (partition drains, the rollups that own learning.video_analytics and usage_metrics) would
# otherwise change rows another suite is asserting on.
swift test "${swift_args[@]}" --no-parallel --filter "$filter" \
  -Xcc -I"$("$PG_CONFIG" --includedir-server)" || status=$?
exit "$status"
