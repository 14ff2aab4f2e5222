#!/usr/bin/env bash
# Analytics rollups benchmark: learning.rollup_analytics() against a one-shot
# INSERT ... SELECT ... GROUP BY (bench/rollups/oneshot.sql) over the same generated data
# (bench/rollups/data.sql, fixed seed): by default 1,000,000 events, 200,000 watch sessions and
# 100,000 chat messages over 1,000 videos of 100 creators and 30 days.
#   (a) the incremental rollup processing all of it from an empty watermark;
#   (b) the one-shot aggregate into scratch copies of the two tables;
#   (c) an incremental run after 10,000 new events: all on the last day, then 5% of them late
#       (spread over the 30 days); plus a run with nothing new.
# (a) and (b) are interleaved, best of $BENCH_ROLLUP_ROUNDS each; both run with the settings the
# rollup sets for itself (work_mem 64MB, jit off). Every result is checked against the other.
#
#   bench/rollups/run.sh            build + install, start a fresh throwaway cluster on
#                                   $REELBASE_PORT (55481 unless set), create database
#                                   bench_rollups, run, destroy the cluster
#   bench/rollups/run.sh --reuse    run against the cluster and database already set up by the
#                                   caller (PGHOST/PGPORT/PGDATABASE, the extension installed),
#                                   as bench/run.sh does for a section (10_rollups.sh)
#
# Settings: BENCH_ROLLUP_EVENTS (1000000), BENCH_ROLLUP_WATCH (200000), BENCH_ROLLUP_MESSAGES
# (100000), BENCH_ROLLUP_VIDEOS (1000), BENCH_ROLLUP_CREATORS (100), BENCH_ROLLUP_DAYS (30),
# BENCH_ROLLUP_NEW (10000), BENCH_ROLLUP_ROUNDS (3), BENCH_KEEP_CLUSTER=1 keeps the standalone
# cluster. Raw timings go to $BENCH_OUT/rollups-*.txt. Exits non-zero if something fails or the
# results disagree, not when a target is missed.
set -euo pipefail
export REELBASE_PORT=${REELBASE_PORT:-55481}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
export BENCH_OUT
mkdir -p "$BENCH_OUT"

events=${BENCH_ROLLUP_EVENTS:-1000000}
watch=${BENCH_ROLLUP_WATCH:-200000}
messages=${BENCH_ROLLUP_MESSAGES:-100000}
videos=${BENCH_ROLLUP_VIDEOS:-1000}
creators=${BENCH_ROLLUP_CREATORS:-100}
days=${BENCH_ROLLUP_DAYS:-30}
new_events=${BENCH_ROLLUP_NEW:-10000}
rounds=${BENCH_ROLLUP_ROUNDS:-3}
students=50                 # per creator
chats=$((creators * 200))   # chat sessions

reuse=0
case "${1:-}" in
  --reuse) reuse=1 ;;
  "") ;;
  *) die "usage: $0 [--reuse]" ;;
esac

if [ "$reuse" = 0 ]; then
  # The data and its indexes (about 700 MB) stay in shared buffers; the WAL of the load does
  # not force checkpoints in the middle of a measurement.
  export REELBASE_EXTRA_CONF=${REELBASE_EXTRA_CONF:-$'shared_buffers = 1GB\nmax_wal_size = 8GB\ncheckpoint_timeout = 30min'}
  start_cluster rollups-make-install
  create_bench_db rollups
fi

say "rollups: data ($events events, $watch watch sessions, $messages chat messages, $videos videos, $creators creators, $days days, seed 0.42)"
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) (shared: expect noise between runs)"
# The events table is partitioned by month from 0.3.0: give the period its partitions first,
# so the rows do not wait in the default partition.
q -At <<SQL >/dev/null
SELECT reelbase.create_monthly_partition('learning.video_analytics_events',
         extract(year FROM m)::int, extract(month FROM m)::int)
FROM generate_series(date '2025-06-01', date '2025-06-01' + $days, interval '1 month') AS m
WHERE (SELECT relkind FROM pg_class WHERE oid = 'learning.video_analytics_events'::regclass) = 'p';
SQL
t0=$(date +%s.%N)
q -o /dev/null -v creators="$creators" -v students="$students" -v videos="$videos" \
  -v chats="$chats" -v days="$days" -v events="$events" -v watch="$watch" \
  -v messages="$messages" -f "$here/data.sql"
q -c 'VACUUM ANALYZE'
echo "loaded and vacuumed in $(calc "$(date +%s.%N) - $t0" | xargs printf '%.0f') s"

# Scratch copies for the one-shot aggregate: same columns, defaults, CHECKs, unique keys and
# foreign keys as the real tables, so both sides pay for the same constraints.
q <<'SQL'
CREATE TABLE bench.video_analytics_copy
  (LIKE learning.video_analytics INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
ALTER TABLE bench.video_analytics_copy
  ADD FOREIGN KEY (video_id) REFERENCES learning.videos (id) ON DELETE CASCADE;
CREATE TABLE bench.usage_metrics_copy
  (LIKE learning.usage_metrics INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
ALTER TABLE bench.usage_metrics_copy
  ADD FOREIGN KEY (creator_id) REFERENCES learning.creators (id) ON DELETE CASCADE;
-- Rows differing between the rollup tables and the copies (EXCEPT both ways).
CREATE VIEW bench.rollup_differences AS
SELECT (SELECT count(*) FROM (
          (SELECT video_id, date, views, unique_viewers, total_watch_time_seconds,
                  average_watch_time_seconds, completion_rate, ai_interactions
           FROM learning.video_analytics
           EXCEPT SELECT video_id, date, views, unique_viewers, total_watch_time_seconds,
                  average_watch_time_seconds, completion_rate, ai_interactions
           FROM bench.video_analytics_copy)
          UNION ALL
          (SELECT video_id, date, views, unique_viewers, total_watch_time_seconds,
                  average_watch_time_seconds, completion_rate, ai_interactions
           FROM bench.video_analytics_copy
           EXCEPT SELECT video_id, date, views, unique_viewers, total_watch_time_seconds,
                  average_watch_time_seconds, completion_rate, ai_interactions
           FROM learning.video_analytics)) AS d)
     + (SELECT count(*) FROM (
          (SELECT creator_id, date, storage_used_bytes, videos_uploaded,
                  total_video_duration_seconds, ai_credits_used, transcription_minutes,
                  chat_messages_sent, active_students
           FROM learning.usage_metrics
           EXCEPT SELECT creator_id, date, storage_used_bytes, videos_uploaded,
                  total_video_duration_seconds, ai_credits_used, transcription_minutes,
                  chat_messages_sent, active_students
           FROM bench.usage_metrics_copy)
          UNION ALL
          (SELECT creator_id, date, storage_used_bytes, videos_uploaded,
                  total_video_duration_seconds, ai_credits_used, transcription_minutes,
                  chat_messages_sent, active_students
           FROM bench.usage_metrics_copy
           EXCEPT SELECT creator_id, date, storage_used_bytes, videos_uploaded,
                  total_video_duration_seconds, ai_credits_used, transcription_minutes,
                  chat_messages_sent, active_students
           FROM learning.usage_metrics)) AS d) AS rows;
SQL

# Each measurement is timed inside its psql session with clock_timestamp() (no connection
# time), after a CHECKPOINT so that no run pays for another's dirty buffers.
rollup_from_scratch() { # prints seconds
  q -At <<'SQL' | tail -n 1
TRUNCATE learning.video_analytics, learning.usage_metrics;
DELETE FROM reelbase.rollup_watermarks;
CHECKPOINT;
SELECT clock_timestamp() AS t0 \gset
SELECT * FROM learning.rollup_analytics() \g /dev/null
SELECT extract(epoch FROM clock_timestamp() - :'t0'::timestamptz);
SQL
}
oneshot() { # prints seconds
  q -At <<SQL | tail -n 1
SET work_mem = '64MB';
SET jit = off;
TRUNCATE bench.video_analytics_copy, bench.usage_metrics_copy;
CHECKPOINT;
SELECT clock_timestamp() AS t0 \gset
\i $here/oneshot.sql
SELECT extract(epoch FROM clock_timestamp() - :'t0'::timestamptz);
SQL
}

say "rollups: (a) incremental from an empty watermark vs (b) one-shot GROUP BY, $rounds rounds, interleaved"
: >"$BENCH_OUT/rollups-full.txt"
best_a=""
best_b=""
for r in $(seq "$rounds"); do
  a=$(rollup_from_scratch)
  b=$(oneshot)
  echo "round $r: incremental $a s, one-shot $b s" | tee -a "$BENCH_OUT/rollups-full.txt"
  best_a=$(awk -v x="$a" -v m="$best_a" 'BEGIN { print (m == "" || x + 0 < m + 0) ? x : m }')
  best_b=$(awk -v x="$b" -v m="$best_b" 'BEGIN { print (m == "" || x + 0 < m + 0) ? x : m }')
done
diff_rows=$(q1 'SELECT rows FROM bench.rollup_differences')
rows_va=$(q1 'SELECT count(*) FROM learning.video_analytics')
rows_um=$(q1 'SELECT count(*) FROM learning.usage_metrics')
[ "$diff_rows" = 0 ] || die "the rollup and the one-shot aggregate differ in $diff_rows rows"
echo "both wrote $rows_va video_analytics and $rows_um usage_metrics rows, identical (0 rows differ)"

say "rollups: (c) incremental runs after $new_events new events"
# new_events_run LATE: inserts the events (untimed; recorded now, happened on the last day of
# the period, or a LATE fraction of them anywhere in it), runs the rollup, prints
# "seconds video_pairs creator_pairs". No overlap, so a run reads only the new events.
new_events_run() {
  q -At -v late="$1" -v n="$new_events" -v creators="$creators" -v students="$students" \
    -v videos="$videos" -v days="$days" <<'SQL' | tail -n 1
SELECT setseed(0.7) \g /dev/null
INSERT INTO learning.video_analytics_events (event_type, video_id, creator_id, student_id, "timestamp")
SELECT et, bench.id('d', v), bench.id('c', cr),
       CASE WHEN et <> 'video_transcribed'
            THEN bench.id('a', (cr - 1) * :students + 1 + floor(random() * :students)::int) END,
       CASE WHEN late THEN timestamptz '2025-06-01 00:00+00' + random() * (:days - 1) * interval '1 day'
            ELSE timestamptz '2025-06-01 00:00+00' + (:days - 1) * interval '1 day' + random() * interval '1 day' END
FROM (SELECT v, (v - 1) % :creators + 1 AS cr, random() < :late AS late,
             CASE WHEN r < 0.3 THEN 'video_started' WHEN r < 0.8 THEN 'video_progress'
                  WHEN r < 0.99 THEN 'video_completed' ELSE 'video_transcribed' END AS et
      FROM (SELECT 1 + floor(random() * :videos)::int AS v, random() AS r
            FROM generate_series(1, :n)) AS y) AS x;
SET reelbase.rollup_overlap = '0';
CHECKPOINT;
SELECT clock_timestamp() AS t0 \gset
CREATE TEMP TABLE run AS SELECT * FROM learning.rollup_analytics();
SELECT extract(epoch FROM clock_timestamp() - :'t0'::timestamptz),
       (SELECT pairs_recomputed FROM run WHERE rollup_table = 'learning.video_analytics'),
       (SELECT pairs_recomputed FROM run WHERE rollup_table = 'learning.usage_metrics');
SQL
}
idle_run() {
  q -At <<'SQL' | tail -n 1
SET reelbase.rollup_overlap = '0';
SELECT clock_timestamp() AS t0 \gset
SELECT * FROM learning.rollup_analytics() \g /dev/null
SELECT extract(epoch FROM clock_timestamp() - :'t0'::timestamptz);
SQL
}
read -r c1 c1_vp c1_cp <<<"$(new_events_run 0 | tr '|' ' ')"
read -r c2 c2_vp c2_cp <<<"$(new_events_run 0.05 | tr '|' ' ')"
idle=$(idle_run)
{
  echo "c1 (all on the last day): $c1 s, $c1_vp video pairs, $c1_cp creator pairs"
  echo "c2 (5% late): $c2 s, $c2_vp video pairs, $c2_cp creator pairs"
  echo "idle: $idle s"
} >"$BENCH_OUT/rollups-incremental.txt"
# The incremental result must equal a one-shot aggregate of everything, new events included.
oneshot >/dev/null
diff_rows=$(q1 'SELECT rows FROM bench.rollup_differences')
[ "$diff_rows" = 0 ] || die "after the incremental runs, the rollup and a one-shot aggregate differ in $diff_rows rows"

eps_a=$(calc "$events / $best_a")
eps_b=$(calc "$events / $best_b")
say "rollups: results"
printf '(a) incremental rollup, empty watermark:  %7.2f s  %9.0f events/s  (best of %s)\n' "$best_a" "$eps_a" "$rounds"
printf '(b) one-shot INSERT ... SELECT ... GROUP BY: %5.2f s  %9.0f events/s  (best of %s)\n' "$best_b" "$eps_b" "$rounds"
printf '    ratio (a)/(b), events per second:     %7.2f  (target: at least 1.00)\n' "$(calc "$eps_a / $eps_b")"
printf '(c) after %s new events, all on the last day:  %6.3f s  %6.1f us per new event  (%s video, %s creator pairs)\n' \
  "$new_events" "$c1" "$(calc "$c1 * 1000000 / $new_events")" "$c1_vp" "$c1_cp"
printf '    after %s new events, 5%% of them late:      %6.3f s  %6.1f us per new event  (%s video, %s creator pairs)\n' \
  "$new_events" "$c2" "$(calc "$c2 * 1000000 / $new_events")" "$c2_vp" "$c2_cp"
printf '    run with nothing new:                        %6.3f s\n' "$idle"
echo "checks: (a) and (b) wrote identical rows; after (c) the rollup equals a one-shot aggregate of all the data"
echo "(events/s counts the $events events; the $watch watch sessions and $messages messages are aggregated by both sides too)"
