#!/usr/bin/env bash
# update_video (OCC check, status rules, audit row with its hash chain, all by triggers) against
# the plain OCC UPDATE of the same title and state_version on a trigger-free copy of the table,
# both as a read-modify-write by 2 workers over 1,000 videos. Target: >= 0.6 of its rate.
# Superuser and no identity, as the stories' worker comparisons (claim + complete) run.
set -euo pipefail
source "$(dirname "$0")/common.sh"

# Before each run: VACUUM the variant's table (and the trail), a checkpoint, and the counts the
# check compares against.
reset_videos() { # update_video | plain_update
  local t=publishing.videos; [ "$1" = plain_update ] && t=bench.videos_plain
  q -c "VACUUM $t" -c 'VACUUM publishing.task_audit' -c 'CHECKPOINT' >/dev/null
  versions_before=$(q1 "SELECT sum(state_version) FROM $t")
  audits_before=$(q1 'SELECT count(*) FROM publishing.task_audit')
}
# After each run: every transaction advanced exactly one version (no UPDATE matched nothing),
# and update_video appended exactly one audit row per transaction (the plain one none).
check_updates() { # RUN_NAME
  local v=${1#publishing-update-} t=publishing.videos txns versions audits want_audits
  v=${v%-c*}; [ "$v" = plain_update ] && t=bench.videos_plain
  txns=$(pgbench_txns "$BENCH_OUT/$1.txt")
  versions=$(( $(q1 "SELECT sum(state_version) FROM $t") - versions_before ))
  audits=$(( $(q1 'SELECT count(*) FROM publishing.task_audit') - audits_before ))
  want_audits=$txns; [ "$v" = plain_update ] && want_audits=0
  [ "$versions" = "$txns" ] && [ "$audits" = "$want_audits" ] \
    || die "$1: $txns transactions advanced $versions versions and appended $audits audit rows"
}

say "publishing: update_video vs plain OCC UPDATE, $clients workers over 1,000 videos (read state_version, then update)"
pair_runs publishing-update "$clients" 0.6 update_video "$here/pgbench/update_video.sql" \
  plain_update "$here/pgbench/plain_update.sql" reset_videos check_updates
echo "audit trail after the runs: $(q1 "SELECT ok || ', ' || rows_checked || ' rows in ' || chains_checked || ' chains' FROM publishing.verify_audit()") (ok, rows, chains)"
