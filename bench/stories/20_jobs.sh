#!/usr/bin/env bash
# The job queue: claim + complete (a segment appended per job) by 4 workers against the same
# number of plain UPDATE-by-id statements (target >= 0.5), and enqueue_job against a plain
# INSERT of the same job row (target >= 0.8).
set -euo pipefail
source "$(dirname "$0")/common.sh"
reset_queue() { # claim_complete | plain_update
  if [ "$1" = claim_complete ]; then queue_jobs 200000 queued pending
  else q -c 'VACUUM bench.jobs_plain' -c 'CHECKPOINT' >/dev/null; fi
}
say "stories: claim + complete, $clients workers over 200,000 queued jobs on 200 scenes (a run that empties the queue fails)"
pair_runs stories-jobs "$clients" 0.5 claim_complete "$here/pgbench/claim_complete.sql" \
  plain_update "$here/pgbench/plain_updates.sql" reset_queue
claims=$(q1 "SELECT count(*) || ' completed, ' || (SELECT count(*) FROM stories.segments) || ' segments' FROM stories.jobs WHERE status = 'final_ready'")
echo "last claim + complete run: $claims"

reset_jobs() { q -c 'TRUNCATE stories.segments, stories.jobs, stories.job_idempotency_keys' -c 'CHECKPOINT' >/dev/null; }
say "stories: enqueue, $clients clients, a fresh idempotency key per job"
pair_runs stories-enqueue "$clients" 0.8 enqueue "$here/pgbench/enqueue.sql" \
  plain_insert "$here/pgbench/enqueue_plain.sql" reset_jobs
