#!/usr/bin/env bash
# Partition maintenance at scale: 10 managed sets (5 range-partitioned on timestamptz, 5 on
# date), each registered with premake 24, then three timed reelbase.run_maintenance() calls:
#   1. first run: makes the current month and 24 ahead for every set (25 x 10 partitions)
#   2. second run: nothing to do (the cost of a scheduled run on a kept-up database)
#   3. drain: $rows_per_set rows per set, spread over the 6 months before the current one,
#      were inserted while those months had no partition, so they wait in the default
#      partitions; the run makes the 6 x 10 partitions and moves the rows into them.
# Each run is one psql statement timed by clock_timestamp() in the same session (no
# connection time). The sets are dropped afterwards, so the next steps see only the
# extension's own tables.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"

sets=10
premake=24
rows_per_set=${BENCH_DRAIN_ROWS:-100000}
past_months=6

say "partitions: maintenance of $sets managed sets (premake $premake)"

# learning.video_analytics_events is a managed set of the extension (premake 4): settle it
# first, untimed, so the timed runs work on the bench sets only.
learning_made=$(q1 "SELECT count(*) FROM reelbase.run_maintenance() WHERE action = 'premake'")
echo "untimed first run for the extension's own set learning.video_analytics_events:" \
  "$learning_made partitions made"

# Sets bench_sets.set01..set10; odd ones partitioned on timestamptz, even ones on date. Each has
# a primary key (id, at) and a text payload, so moving a row also maintains an index.
q -v sets="$sets" -v premake="$premake" <<'SQL'
CREATE SCHEMA bench_sets;
SELECT format(
  'CREATE TABLE bench_sets.set%s (id bigint NOT NULL, at %s NOT NULL, payload text NOT NULL,
     PRIMARY KEY (id, at)) PARTITION BY RANGE (at)',
  to_char(i, 'FM00'), CASE WHEN i % 2 = 1 THEN 'timestamptz' ELSE 'date' END)
FROM generate_series(1, :sets) AS i \gexec
SELECT reelbase.manage_partitions(format('bench_sets.set%s', to_char(i, 'FM00'))::regclass,
                                  premake => :premake)
FROM generate_series(1, :sets) AS i \g /dev/null
SQL

# timed_run NAME: one run_maintenance() call, timed inside the session. Prints
# "seconds premade drained rows_moved other_actions".
timed_run() {
  q -At -F ' ' <<SQL | tail -n 1
SELECT clock_timestamp() AS t0 \gset
CREATE TEMP TABLE run AS SELECT * FROM reelbase.run_maintenance();
SELECT extract(epoch FROM clock_timestamp() - :'t0'::timestamptz),
       count(*) FILTER (WHERE action = 'premake'),
       count(*) FILTER (WHERE action = 'drain'),
       coalesce(sum(substring(detail FROM '^moved ([0-9]+) rows')::bigint)
                FILTER (WHERE action = 'drain'), 0),
       count(*) FILTER (WHERE action NOT IN ('premake', 'drain'))
FROM run;
\copy run TO '$BENCH_OUT/partitions-maintenance-$1.tsv'
SQL
}

read -r s1 made1 drained1 moved1 other1 < <(timed_run first)
read -r s2 made2 drained2 moved2 other2 < <(timed_run second)

# Rows of the 6 months before the current (UTC) month, which have no partition yet: they land
# in the default partitions. Deterministic: row g of a set is in month 1 + g % 6 before the
# current one, at a second given by g within the month's first 28 days.
q -v sets="$sets" -v rows="$rows_per_set" -v months="$past_months" <<'SQL'
SET TimeZone = 'UTC';
SELECT format(
  $f$INSERT INTO bench_sets.set%1$s (id, at, payload)
     SELECT g, (date_trunc('month', now() AT TIME ZONE 'UTC')
                - make_interval(months => 1 + g %% %3$s)
                + make_interval(secs => (g * 7919) %% (28 * 86400))) AT TIME ZONE 'UTC',
            'row ' || g || ' of a drained month'
     FROM generate_series(1, %2$s) AS g$f$,
  to_char(i, 'FM00'), :rows, :months)
FROM generate_series(1, :sets) AS i \gexec
SQL
waiting=$(q1 "SELECT sum(rows_waiting_in_default) FROM reelbase.partition_status
              WHERE is_default AND parent::text LIKE 'bench_sets.%'")
[ "$waiting" = $((sets * rows_per_set)) ] || die "expected $((sets * rows_per_set)) rows waiting, got $waiting"
q -c 'CHECKPOINT'

read -r s3 made3 drained3 moved3 other3 < <(timed_run drain)

# What the runs must have done.
[ "$made1" = $((sets * (premake + 1))) ] && [ "$drained1" = 0 ] && [ "$other1" = 0 ] \
  || die "first run: $made1 premade, $drained1 drained, $other1 other (expected $((sets * (premake + 1))), 0, 0)"
[ "$made2" = 0 ] && [ "$drained2" = 0 ] && [ "$other2" = 0 ] \
  || die "second run: $made2 premade, $drained2 drained, $other2 other (expected nothing)"
[ "$made3" = 0 ] && [ "$drained3" = $((sets * past_months)) ] && [ "$moved3" = "$waiting" ] && [ "$other3" = 0 ] \
  || die "drain run: $made3 premade, $drained3 drained, $moved3 moved, $other3 other (expected 0, $((sets * past_months)), $waiting, 0)"
left=$(q1 "SELECT sum(rows_waiting_in_default) FROM reelbase.partition_status
           WHERE is_default AND parent::text LIKE 'bench_sets.%'")
[ "$left" = 0 ] || die "$left rows still wait in the default partitions after the drain run"
in_months=$(q1 "SELECT count(*) FROM bench_sets.set01 WHERE tableoid <> 'bench_sets.set01_default'::regclass")
[ "$in_months" = "$rows_per_set" ] || die "bench_sets.set01: $in_months rows in monthly partitions, expected $rows_per_set"

echo
printf '%-44s %9s %11s %11s %14s\n' run seconds partitions "parts/s" "rows moved/s"
printf '%-44s %9.3f %11d %11.1f %14s\n' "1. first run (premake: current + $premake months)" \
  "$s1" "$made1" "$(calc "$made1 / $s1")" -
printf '%-44s %9.3f %11d %11s %14s\n' "2. second run (nothing to do)" "$s2" "$made2" - -
printf '%-44s %9.3f %11d %11.1f %14.0f\n' "3. drain ($moved3 rows, $past_months past months)" \
  "$s3" "$drained3" "$(calc "$drained3 / $s3")" "$(calc "$moved3 / $s3")"
echo "(each partition is made as a plain table, its month's rows are moved from the default"
echo "partition with one DELETE ... RETURNING / INSERT, then it is attached: ATTACH scans the new"
echo "partition and the default partition to check the bounds, and builds the primary-key index)"
echo "SELECT count(*) FROM reelbase.partition_status: $(q1 'SELECT count(*) FROM reelbase.partition_status')" \
  "(rows: $sets sets x (default + $((premake + 1)) premade + $past_months drained) + learning.video_analytics_events's $((learning_made + 1)))"
echo "raw run_maintenance() outputs: $BENCH_OUT/partitions-maintenance-{first,second,drain}.tsv"

# Leave the database as the extension made it for the next steps.
q -c 'SET client_min_messages = warning' -c "DELETE FROM reelbase.partition_sets WHERE parent::text LIKE 'bench_sets.%'" \
  -c 'DROP SCHEMA bench_sets CASCADE' -c 'CHECKPOINT'
