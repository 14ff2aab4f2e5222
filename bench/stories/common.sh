# Shared by the stories steps; sourced. Loads data.sql once per bench database, and keeps
# autovacuum off for the bible runs' tables, so no worker wakes up inside one run only; the
# queue's tables keep it, as a queue in production would.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib.sh"
clients=4
if [ "$(q1 "SELECT to_regclass('bench.jobs_plain') IS NULL")" = t ]; then
  say "stories: data"
  q -f "$here/data.sql"
  for t in stories.scene_bibles stories.scenes; do
    q -c "ALTER TABLE $t SET (autovacuum_enabled = off)"
  done
fi

# queue_jobs N STATUS STAGE: empties jobs and segments and makes N jobs bench.job(1000001..)
# over the 200 scenes and 8 users.
queue_jobs() {
  q -c 'TRUNCATE stories.segments, stories.jobs, stories.job_idempotency_keys' \
    -c "INSERT INTO stories.jobs (id, scene_id, user_id, input_text, bible_version, status, stage)
        SELECT bench.job(1000000 + g), bench.scene(g % 200 + 1), bench.usr(g % 8 + 1), 'job ' || g, 1, '$2', '$3'
        FROM generate_series(1, $1) g" \
    -c "SELECT setval('bench.append_seq', 1, false)" -c 'VACUUM ANALYZE stories.jobs' -c 'CHECKPOINT' >/dev/null
}
