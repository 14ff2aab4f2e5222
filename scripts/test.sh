#!/usr/bin/env bash
# Every reelbase test, in one command, on a fresh Debian 12 machine (also what .ci/run runs):
#   scripts/test.sh
# Installs what is missing, builds once, installs the extension, starts a throwaway cluster,
# then runs: pg_regress (test/sql), the install/upgrade checks, swift test for the pure-Swift
# core, and the client library's tests against the real server. Ends with one line
# "reelbase tests: N passed, N failed" and exits non-zero if anything failed.
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$REELBASE_ROOT"
log_dir=$REELBASE_ROOT/.build/test-logs
mkdir -p "$log_dir"
passed=0
failed=0
failures=()

record() { # record NAME PASSED FAILED
  passed=$((passed + $2)); failed=$((failed + $3))
  [ "$3" -gt 0 ] && failures+=("$1")
  printf '%s: %s passed, %s failed\n' "$1" "$2" "$3"
}

tap() { # tap NAME COMMAND...: runs a script printing "ok N" / "not ok N" lines
  local name=$1 log="$log_dir/$1.log" ok p f  # (not "passed"/"failed": record updates those)
  shift
  if "$@" >"$log" 2>&1; then ok=1; else ok=0; fi
  cat "$log"
  p=$(grep -c '^ok ' "$log"); f=$(grep -c '^not ok ' "$log")
  [ "$ok" = 0 ] && [ "$f" = 0 ] && f=1
  record "$name" "$p" "$f"
}

record_swift_tests() { # NAME LOG EXIT_CODE: Swift Testing's own counts
  # (Names differ from record's counters on purpose: bash locals are visible to callees.)
  local tests bad
  tests=$(sed -n 's/.*Test run with \([0-9]*\) tests\{0,1\}.*/\1/p' "$2" | tail -n 1)
  bad=$(grep -E '^✘ Test .* failed' "$2" | grep -vc '^✘ Test run with')
  tests=${tests:-0}
  if [ "$3" != 0 ] && [ "$bad" = 0 ]; then bad=1; fi
  [ "$tests" = 0 ] && bad=$((bad > 0 ? bad : 1))
  record "$1" $((tests > bad ? tests - bad : 0)) "$bad"
}

finish() {
  bash scripts/cluster.sh destroy >/dev/null 2>&1 || true
  echo
  [ ${#failures[@]} -gt 0 ] && echo "failed: ${failures[*]} (logs in $log_dir)"
  echo "reelbase tests: $passed passed, $failed failed"
  [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
}

say "dependencies"
bash scripts/deps.sh || die "could not install dependencies"

say "build (release module) and install"
include="-Xcc -I$("$PG_CONFIG" --includedir-server)"
if [ "$(id -u)" = 0 ]; then
  make install >"$log_dir/build.log" 2>&1
else
  make >"$log_dir/build.log" 2>&1 && sudo env "PATH=$PATH" make install >>"$log_dir/build.log" 2>&1
fi || { tail -n 40 "$log_dir/build.log"; die "build failed"; }
if make -s check-so; then record "module without Swift runtime" 1 0; else record "module without Swift runtime" 0 1; fi

say "build (tests)"
swift build --build-tests $include >"$log_dir/swift-build-tests.log" 2>&1 \
  || { tail -n 40 "$log_dir/swift-build-tests.log"; die "building the Swift tests failed"; }

say "throwaway cluster (reelbase and pg_cron preloaded)"
# The maintenance worker runs every second in its own database; pg_cron in postgres.
export REELBASE_PRELOAD='reelbase,pg_cron'
export REELBASE_EXTRA_CONF="reelbase.maintenance_database = 'reelbase_worker'
reelbase.maintenance_interval = 1
cron.database_name = 'postgres'"
bash scripts/cluster.sh start --fresh || die "the cluster did not start"
# Set up early: pg_cron runs at most once a minute, so its check waits while the rest runs.
bash scripts/test-scheduling.sh setup >"$log_dir/scheduling.log" 2>&1 || { cat "$log_dir/scheduling.log"; die "scheduling setup failed"; }

say "pg_regress (test/sql)"
make installcheck >"$log_dir/regress.log" 2>&1
rc=$?
grep -E '^test |^ok |^not ok ' "$log_dir/regress.log"
total=$(grep -cE '^test ' "$log_dir/regress.log")
bad=$(grep -cE '^test .*FAILED' "$log_dir/regress.log")
# (A suite pg_regress could not compare, e.g. without an expected file, is not "FAILED".)
[ "$rc" != 0 ] && [ "$bad" -eq 0 ] && bad=1
[ "$total" -eq 0 ] && bad=1
record "pg_regress" $((total - bad)) "$bad"
[ "$bad" -gt 0 ] && cat .build/regress/*/regression.diffs 2>/dev/null | head -n 60

say "install, dump and upgrade"
tap "install-upgrade" bash scripts/test-upgrade.sh
tap "plpgsql_check" bash scripts/test-plpgsql-check.sh
tap "dump and restore" bash scripts/test-dump-restore.sh
tap "search_path" bash scripts/test-search-path.sh
tap "rls matrix" bash scripts/test-rls-matrix.sh
tap "fuzz" bash scripts/test-fuzz.sh
tap "market concurrency" bash scripts/test-market-concurrency.sh
tap "market sweeps" bash scripts/test-market-sweeps.sh
tap "stories" bash scripts/test-stories.sh
tap "stories writers" bash scripts/test-stories-writers.sh
tap "publishing" bash scripts/test-publishing.sh
tap "factory" bash scripts/test-factory.sh

say "swift test (ReelbaseCore)"
swift test --skip-build $include --filter ReelbaseCoreTests >"$log_dir/swift-core.log" 2>&1
rc=$?
grep -E 'Test run with|passed after|failed after|error' "$log_dir/swift-core.log" | tail -n 5
record_swift_tests "swift test (core)" "$log_dir/swift-core.log" "$rc"

if [ -f scripts/test-client.sh ]; then
  say "client library (PostgresNIO) against the server"
  REELBASE_SWIFT_TESTS_BUILT=1 bash scripts/test-client.sh >"$log_dir/client.log" 2>&1
  rc=$?
  tail -n 15 "$log_dir/client.log"
  record_swift_tests "client tests" "$log_dir/client.log" "$rc"
fi

# The package swaps the installed copy for the .deb and back (scripts/test-package.sh); it runs
# its suites on a cluster of its own, since this one keeps running the module it preloaded.
say "Debian package: build, install, suites against it, purge"
tap "package" bash scripts/test-package.sh

# kill -9 restarts every backend of the cluster, so it runs alone, after the replica is gone.
say "crash recovery: kill -9 during maintenance and a sweep"
tap "crash recovery" bash scripts/test-crash-recovery.sh

say "scheduling: background worker and pg_cron"
tap "scheduling" bash scripts/test-scheduling.sh check
bash scripts/cluster.sh stop
tap "shutdown" bash scripts/test-scheduling.sh check-shutdown

finish
