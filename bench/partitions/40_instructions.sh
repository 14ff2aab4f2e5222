#!/usr/bin/env bash
# Instructions per call, counted by valgrind, of track_video_event and of the plain INSERT
# against the partitioned events table (0.3.0) and the unpartitioned one (0.2.0 + 0.3.0's
# indexes, see 20_data.sh), and against 0.2.0 as released: a figure that other load on
# the machine cannot disturb, unlike TPS and CPU time. Method of bench/learning/40_instructions.sh:
# the cluster is stopped and one single-user backend (postgres --single) per database runs,
# under valgrind --tool=cachegrind, PREPARE p(int) AS <the pgbench statement> and then
# EXECUTE p(k) N times; instructions per call = (I(N2) - I(N1)) / (N2 - N1), which cancels
# start-up, extension loading and the first executions. Each EXECUTE is its own transaction, so
# now() moves on and every event lands in the current month's partition, as in production.
# Skipped when BENCH_INSTRUCTIONS=0 or valgrind is not installed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
source "$here/../valgrind.sh"
source "$here/common.sh"

say "partitions: instructions per call, partitioned vs unpartitioned (valgrind, single-user backend)"
valgrind_available || exit 0
n1=${BENCH_INSTRUCTIONS_N1:-100}
n2=${BENCH_INSTRUCTIONS_N2:-500}

make_valgrind_tree partitions

# instructions STATEMENT DB-KEY N: runs N calls in a single-user backend under valgrind; sets
# total (instructions of the whole backend) and placed (the table that got the N events).
instructions() {
  local base=$BENCH_OUT/partitions-instructions-$1-$2-$3 rows
  {
    echo 'TRUNCATE learning.video_analytics_events'
    echo "PREPARE p(int) AS $(pgbench_statement "${script[$1]}")"
    awk -v n="$3" 'BEGIN { for (i = 1; i <= n; i++) printf "EXECUTE p(%d)\n", (i * 7919) % 10000 + 1 }'
    # (one line: the single-user backend ends a statement at a newline)
    echo 'SELECT tableoid::regclass AS placed_in, count(*) AS placed_rows FROM learning.video_analytics_events GROUP BY 1'
  } >"$base.sql"
  total=$(single_user_instructions "${db_of[$2]}" "$base.sql" "$base.log")
  # Every call recorded one event, all in one table.
  rows=$(sed -n 's/^[[:space:]]*[0-9]*: placed_rows = "\([0-9]*\)".*/\1/p' "$base.log")
  [ "$rows" = "$3" ] || die "$1 on ${db_of[$2]}: $3 calls but events '${rows//$'\n'/ }' recorded (see $base.log)"
  placed=$(sed -n 's/^[[:space:]]*[0-9]*: placed_in = "\([^"]*\)".*/\1/p' "$base.log")
}

runs=(track-part track-unpart track-released plain-part plain-unpart plain-released)
declare -A per into
bash "$REELBASE_ROOT/scripts/cluster.sh" stop
for r in "${runs[@]}"; do
  instructions "${r%-*}" "${r#*-}" "$n1"; a=$total
  instructions "${r%-*}" "${r#*-}" "$n2"; b=$total
  per[$r]=$(( (b - a) / (n2 - n1) ))
  into[${r#*-}]=$placed
done
bash "$REELBASE_ROOT/scripts/cluster.sh" start >/dev/null
rm -rf "$valgrind_tree"

echo "$((n2 - n1)) calls per variant (difference of $n2 and $n1 calls), same statements as pgbench;"
echo "events went to ${into[part]} (partitioned) and ${into[unpart]} (unpartitioned)"
printf '%-18s %-26s %17s\n' statement table instructions/call
for r in "${runs[@]}"; do
  printf '%-18s %-26s %17d\n' "${label[${r%-*}]}" "${db_label[${r#*-}]}" "${per[$r]}"
done
echo
it=$(calc "${per[track-part]} / ${per[track-unpart]}")
ip=$(calc "${per[plain-part]} / ${per[plain-unpart]}")
printf 'partitioned/unpartitioned instructions: track_video_event %.3f (%+d per call), plain INSERT %.3f (%+d per call)\n' \
  "$it" "$((per[track-part] - per[track-unpart]))" "$ip" "$((per[plain-part] - per[plain-unpart]))"
printf '0.3.0 / 0.2.0 as released (partitioning and 0.3.0'"'"'s new indexes): track_video_event %.3f (%+d), plain INSERT %.3f (%+d)\n' \
  "$(calc "${per[track-part]} / ${per[track-released]}")" "$((per[track-part] - per[track-released]))" \
  "$(calc "${per[plain-part]} / ${per[plain-released]}")" "$((per[plain-part] - per[plain-released]))"
printf 'track_video_event / plain INSERT: partitioned %.3f, unpartitioned %.3f (instructions)\n' \
  "$(calc "${per[track-part]} / ${per[plain-part]}")" "$(calc "${per[track-unpart]} / ${per[plain-unpart]}")"
if [ "$(calc "$it <= 1.11")" = 1 ]; then v=PASS; else v=FAIL; fi
printf 'target: partitioned track_video_event no more than 10%% slower (instructions ratio <= 1.11,\n'
printf 'i.e. calls/s ratio >= 0.9): %s (%.3f, calls/s ratio %.3f)\n' "$v" "$it" "$(calc "1 / $it")"
echo "(single-user backend: no client protocol or socket I/O, which adds the same cost to both)"
echo "raw: $BENCH_OUT/partitions-instructions-*.{sql,log}"
